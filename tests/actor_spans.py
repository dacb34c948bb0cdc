"""What the actor resolver made of a phrase in a text, for the coreference tests."""

from __future__ import annotations

from typing import Any


def bases_at(resolver: Any, nlp: Any, text: str, phrase: str, on: str = "2025-04-02") -> set[str] | None:
    """The country codes (first three letters) of the mention covering ``phrase``, or None."""
    res = resolver.resolve(nlp(text), on)
    start = text.index(phrase)
    m = res.covering(start, start + len(phrase))
    return {c[:3] for c in m.codes} if m else None
