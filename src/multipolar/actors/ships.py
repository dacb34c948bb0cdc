"""Named ships whose prefix says whose navy or coast guard they serve: "the BRP Sierra Madre",
"USS Carney". The prefixes are data (data/actors/ship_prefixes.tsv); the prefix must be written
exactly (all capitals as listed) and be followed by a capitalised name, so "INS agents" or a
sentence-initial "ITS" is no ship."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from .dictionary import read_tsv
from .spans import Span, agent_kind


@lru_cache(maxsize=1)
def ship_prefixes() -> dict[str, str]:
    return {r["prefix"]: r["code"] for r in read_tsv(name="ship_prefixes.tsv")}


def find_ships(doc: Doc, spans: list[Span], blocked: set[int]) -> list[Span]:
    """``spans`` with a span for each prefixed ship name; a name the dictionaries read as
    something else ("USS Carney": not the Canadian prime minister) is the ship's."""
    prefixes = ship_prefixes()
    taken = {t for s in spans for t in range(s.i, s.j)} | blocked
    n = len(doc)
    for tok in doc:
        code = prefixes.get(tok.text)
        if code is None or tok.i in taken:
            continue
        j = tok.i + 1
        while j < n and j not in blocked and doc[j].text[:1].isupper() and doc[j].is_alpha and j - tok.i <= 4:
            j += 1
        if j == tok.i + 1 or not doc[tok.i + 1].text[1:2].islower():
            continue  # no name, or an all-capitals word after the prefix
        inside = [s for s in spans if s.i > tok.i and s.i < j]
        if any(s.j > j for s in inside):
            continue  # a longer name runs past the ship's
        spans = [s for s in spans if s not in inside]
        agent = code[3:]
        spans.append(Span(tok.i, j, [code], agent_kind(agent), doc[tok.i:j].text, agent=agent, via="composed"))
        taken.update(range(tok.i, j))
    return sorted(spans, key=lambda s: (s.i, s.j))
