"""Presentation helpers for the templates: evidence highlighting and Jinja filters.

Nothing here queries or decides facts; it only lays out what a query returned.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

HERE = Path(__file__).resolve().parent

RECORD_KINDS = ("event", "agreement", "provision", "claim", "response", "quote", "flag")


@lru_cache(maxsize=1)
def plover_sides() -> dict[str, tuple[str, str]]:
    """PLOVER type -> (quad, side) from plover_quads.tsv."""
    out: dict[str, tuple[str, str]] = {}
    for line in (HERE / "plover_quads.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        plover, quad, side = line.split("\t")
        out[plover] = (quad, side)
    return out


def plover_side(plover: str | None) -> str:
    """'cooperative', 'conflictual' or 'other' (statements and appeals have no PLOVER type)."""
    return plover_sides().get(plover or "", ("", "other"))[1]


@dataclass
class Span:
    """One evidence span to highlight: ``ref`` names the record it belongs to (e.g. ``event-3``)."""

    start: int
    end: int
    kind: str
    ref: str


@dataclass
class Segment:
    text: str
    start: int
    kinds: list[str] = field(default_factory=list)
    refs: list[str] = field(default_factory=list)
    anchor: str | None = None


def anchor_for(start: int, field_name: str | None = None) -> str:
    """The id of the element where the evidence starting at ``start`` begins."""
    return f"{field_name or 'text'}-{start}"


def highlight_segments(text: str, spans: list[Span], field_name: str | None = None) -> list[Segment]:
    """Cut ``text`` at every span boundary; each piece knows which records cover it.

    Overlapping spans (a provision inside its agreement's sentence) are fine: the piece
    carries every kind and ref that covers it, and the piece where a span starts carries
    that span's anchor so a record's link can scroll to it.
    """
    valid = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    cuts = sorted({0, len(text), *(s.start for s in valid), *(s.end for s in valid)})
    starts = {s.start for s in valid}
    segments = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        covering = [s for s in valid if s.start <= a and b <= s.end]
        kinds = sorted({s.kind for s in covering}, key=RECORD_KINDS.index)
        refs = [s.ref for s in covering]
        segments.append(Segment(text[a:b], a, kinds, refs, anchor_for(a, field_name) if a in starts else None))
    return segments


def segments_html(segments: list[Segment]) -> Markup:
    parts = []
    for seg in segments:
        body = escape(seg.text)
        if not seg.kinds:
            parts.append(str(body))
            continue
        classes = " ".join(["hl", *(f"hl-{k}" for k in seg.kinds)])
        anchor = f' id="{seg.anchor}"' if seg.anchor else ""
        parts.append(f'<mark class="{classes}"{anchor} data-refs="{escape(" ".join(seg.refs))}">{body}</mark>')
    return Markup("".join(parts))


def query_string(params: dict[str, Any], **changes: Any) -> str:
    """Current query parameters with some changed (for pagination links)."""
    merged = {**params, **changes}
    pairs = [(k, v) for k, v in merged.items() if v not in (None, "")]
    return "&".join(f"{quote(str(k))}={quote(str(v))}" for k, v in pairs)


def snippet_html(snippet: str | None) -> Markup:
    """FTS5 snippet with matches between [ and ] -> escaped HTML with <mark> around matches."""
    text = str(escape(snippet or ""))
    # only [word] pairs are matches; other brackets in the sentence stay as they are
    return Markup(re.sub(r"\[(\w+)\]", r'<mark class="match">\1</mark>', text))


def install_filters(env) -> None:
    env.filters["snippet_html"] = snippet_html
    env.filters["plover_side"] = plover_side
    env.globals["anchor_for"] = anchor_for
    env.globals["query_string"] = query_string
    from .charts import bloc_colour

    env.globals["bloc_colour"] = bloc_colour


def record_spans(record: dict[str, Any]) -> dict[str, list[Span]]:
    """Every evidence span of a SPEC record, grouped by the field it indexes (text/title/subtitle).

    Refs are ``<kind>-<index>`` (``provision-0-2`` is agreement 0's provision 2), the same
    names the records panel uses, so a click on a record finds its sentence.
    """
    spans: dict[str, list[Span]] = {"text": [], "title": [], "subtitle": []}

    def add(ev: dict[str, Any] | None, kind: str, ref: str) -> None:
        if ev:
            spans.setdefault(ev.get("field") or "text", []).append(Span(ev["start"], ev["end"], kind, ref))

    for i, e in enumerate(record.get("events", [])):
        add(e.get("evidence"), "event", f"event-{i}")
    for i, a in enumerate(record.get("agreements", [])):
        add(a.get("evidence"), "agreement", f"agreement-{i}")
        for j, p in enumerate(a.get("provisions", [])):
            add(p.get("evidence"), "provision", f"provision-{i}-{j}")
    for i, c in enumerate(record.get("claims", [])):
        add(c.get("evidence"), "claim", f"claim-{i}")
        for j, r in enumerate(c.get("responses", [])):
            add(r.get("evidence"), "response", f"response-{i}-{j}")
    for i, q in enumerate(record.get("quotes", [])):
        add(q.get("evidence"), "quote", f"quote-{i}")
    for i, f in enumerate(record.get("flags", [])):
        for ev in f.get("evidence", []):
            add(ev, "flag", f"flag-{i}")
    return spans


def highlighted_fields(record: dict[str, Any]) -> dict[str, Markup]:
    """The document's text, title and subtitle as HTML with every evidence span marked."""
    doc = record.get("document") or {}
    spans = record_spans(record)
    out = {}
    for name in ("text", "title", "subtitle"):
        value = doc.get(name) or ""
        out[name] = segments_html(highlight_segments(value, spans.get(name, []),
                                                     None if name == "text" else name))
    return out
