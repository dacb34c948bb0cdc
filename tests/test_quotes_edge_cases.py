"""Odd inputs must not break the quote, claim, agreement and flag coders."""

from __future__ import annotations

import pytest

from fixtures.agree.handmade import context
from multipolar.coding import code_document

pytestmark = pytest.mark.model

ODD = [
    "",
    "\n\n\n",
    '"',
    "“ ” “",
    '"Unclosed at the very end',
    "“Nested ‘single “double” quotes’ everywhere,” he said.",
    "treaty treaty pact deal agreement accord",
    "It did not include a mutual defence clause.",
    "Both deny these allegations.",
    ("A" * 3000) + " signed a pact.",
]


@pytest.mark.parametrize("text", ODD)
def test_odd_text_codes_without_error(nlp, text):
    ctx = context(nlp, text, {"Ruritania": "RUR"}, published=None, subtitle="“", title='"')
    coded = code_document(ctx)
    for q in coded.quotes:
        assert text[q.evidence.start:q.evidence.end] == q.evidence.text
    for a in coded.agreements:
        assert len(set(a.parties)) >= 2
