"""Dates given by reference to an earlier date: "signed on the same day", "the next day".

The phrases and their day offsets are data (data/dates/day_anaphors.tsv). The earlier date is the
nearest date the text names before the phrase (a DATE entity that resolves on its own); a date
the phrase's own text names outright wins over the reference ("on March 3, the same day ...").
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources

from ..dates import resolve_date

# Entities that name a span of time, not a point: never an antecedent.
_DURATION = re.compile(r"\b(?:years?|months?|weeks?|days?|decades?|centur(?:y|ies)|hours?)\b(?!\s+ago)", re.I)
_PREFIXES = ("in", "on", "since", "last", "of")


@lru_cache(maxsize=1)
def _anaphors() -> list[tuple[re.Pattern[str], int]]:
    text = resources.files("multipolar").joinpath("data", "dates", "day_anaphors.tsv").read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        pattern, offset = line.split("\t")
        out.append((re.compile(rf"\b{pattern}\b", re.I), int(offset)))
    return out


def find_anaphor(text: str) -> tuple[int, int] | None:
    """(start in ``text``, day offset) of the first day anaphor in ``text``, or None."""
    best = None
    for pattern, offset in _anaphors():
        m = pattern.search(text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), offset)
    return best


def _shift(iso: str, days: int) -> str | None:
    if days == 0:
        return iso
    if len(iso) != 10:
        return None  # "the next day" after "in March": no day to count from
    return (date.fromisoformat(iso) + timedelta(days=days)).isoformat()


def antecedent_date(ctx, before: int, skip_years: bool = False) -> str | None:
    """The nearest date named in the document before character ``before``, resolved (with
    ``skip_years``, the nearest one more precise than a year)."""
    doc = ctx.doc
    for ent in reversed([e for e in doc.ents if e.label_ == "DATE" and e.end_char <= before]):
        if find_anaphor(ent.text) or _DURATION.search(ent.text):
            continue
        prev = doc[ent.start - 1] if ent.start > 0 else None
        prefix = prev.text + " " if prev is not None and prev.lower_ in _PREFIXES else ""
        found = ctx.date_of(prefix + ent.text)
        if found and len(found) == 4 and skip_years:
            continue  # "the first jets arrive in 2027. On the same day, ...": a year is no day
        if found:
            return found
    return None


def referenced_date(ctx, text: str, start_char: int) -> str | None:
    """The date ``text`` (found at ``start_char`` of the document) gives by reference to an
    earlier one, or None when it has no such phrase, names a full date itself, or the text has
    no earlier date."""
    found = find_anaphor(text)
    if found is None:
        return None
    own = resolve_date(text, None)  # an absolute date in the phrase's own text
    if own is not None and not re.fullmatch(r"\d{4}", own):
        return None
    earlier = antecedent_date(ctx, start_char + found[0], skip_years=True)
    return _shift(earlier, found[1]) if earlier else None
