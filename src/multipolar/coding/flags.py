"""Flags: a page that contradicts itself, content the cleaner removed as duplicate, low confidence.

Contradiction: the headline or standfirst names a provision with one value ("pledge mutual
defence") while the body gives the document's lead agreement the other ("did not include a
mutual defence clause"). Headlines are about the lead agreement (the first one coded), so
that is the one compared. Evidence: the headline/standfirst span (with ``field``) and the body
sentence.
"""

from __future__ import annotations

import re

from ..model import Evidence, Flag
from .agreement_lexicon import find_cues

# A headline names an absence with these words before the cue ("without", "no", "not").
_HEADLINE_NEGATION = re.compile(r"\b(?:no|not|without|never|lacks?|n't)\b[^,.;]{0,40}$", re.I)


def _headline_values(text: str) -> list[tuple[str, str, int, int]]:
    out = []
    for key, start, end in find_cues(text):
        value = "absent" if _HEADLINE_NEGATION.search(text[:start]) else "present"
        out.append((key, value, start, end))
    return out


def _contradictions(ctx, coded) -> list[Flag]:
    if not coded.agreements:
        return []
    lead = coded.agreements[0]
    body = {p.key: p for p in lead.provisions}
    flags = []
    for field in ("title", "subtitle"):
        text = getattr(ctx.article, field) or ""
        for key, value, _s, _e in _headline_values(text):
            prov = body.get(key)
            if prov is None or prov.value == value:
                continue
            head_ev = Evidence.of(text, 0, len(text), field)
            detail = (f"the {field} says the {lead.name or 'agreement'} ({'-'.join(lead.parties)}) has "
                      f"{key} {value}; the body says {prov.value}")
            flags.append(Flag("contradiction", detail, [head_ev, prov.evidence]))
    return flags


def _duplicates(ctx) -> list[Flag]:
    # The cleaner's count includes repeated page chrome (menus, share lines); a count of the
    # repeated *body* blocks, when the cleaner gives one, is the better signal.
    cleaning = ctx.article.cleaning
    key = "duplicate_body_blocks" if "duplicate_body_blocks" in cleaning else "duplicate_blocks_removed"
    removed = int(cleaning.get(key, 0) or 0)
    text = ctx.doc.text
    if removed <= 0 or not text.strip():
        return []
    # The removed copies are gone from the body; the evidence is the kept opening paragraph.
    end = text.find("\n\n")
    end = len(text) if end < 0 else end
    start = len(text) - len(text.lstrip())
    what = "paragraph(s) of the body" if key == "duplicate_body_blocks" else "block(s) of the page"
    return [Flag("duplicate_content", f"the cleaner removed {removed} repeated {what}",
                 [Evidence.of(text, start, end)])]


def _low_confidence(ctx) -> list[Flag]:
    """Provisions placed on an agreement by discourse focus ("it", "there was no mention"),
    not by a mention of the agreement in their own sentence."""
    from .agreements import agreement_drafts

    out = []
    for d in agreement_drafts(ctx):
        if len(set(d.parties)) < 2:
            continue
        for key, ev in d.via_focus:
            out.append(Flag("low_confidence",
                            f"provision {key} of the {d.name} ({'-'.join(sorted(set(d.parties)))}) read "
                            "from a sentence that refers to the agreement only by pronoun or context", [ev]))
    return out


def code_flags(ctx, coded) -> list[Flag]:
    return _contradictions(ctx, coded) + _duplicates(ctx) + _low_confidence(ctx)
