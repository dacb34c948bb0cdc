"""Flag coder on a document written for these tests."""

from __future__ import annotations

import pytest

from fixtures.agree.handmade import context
from multipolar.coding import code_document

pytestmark = pytest.mark.model

NAMES = {"Ruritania": "RUR", "Borduria": "BOR"}


def test_standfirst_contradicting_the_body_is_flagged_with_field_evidence(nlp):
    text = ("Ruritania and Borduria signed a partnership treaty on Friday. "
            "It did not include a mutual defence clause.")
    subtitle = "The two neighbours pledge mutual defence"
    ctx = context(nlp, text, NAMES, subtitle=subtitle, cleaning={"duplicate_blocks_removed": 2})
    coded = code_document(ctx)
    kinds = [f.kind for f in coded.flags]
    assert "contradiction" in kinds and "duplicate_content" in kinds
    flag = next(f for f in coded.flags if f.kind == "contradiction")
    head, body = flag.evidence
    assert head.field == "subtitle" and subtitle[head.start:head.end] == head.text
    assert body.field is None and text[body.start:body.end] == body.text
    assert "did not include" in body.text


def test_consistent_headline_gives_no_contradiction(nlp):
    text = "Ruritania and Borduria signed a treaty on Friday. It includes a mutual defence clause."
    ctx = context(nlp, text, NAMES, title="Ruritania and Borduria agree mutual defence")
    assert [f for f in code_document(ctx).flags if f.kind == "contradiction"] == []


def test_provision_read_by_discourse_focus_is_flagged_low_confidence(nlp):
    text = ("Ruritania and Borduria signed a border treaty on Friday. "
            "There was no mention of arms sales.")
    coded = code_document(context(nlp, text, NAMES))
    low = [f for f in coded.flags if f.kind == "low_confidence"]
    assert len(low) == 1 and low[0].evidence[0].text == "There was no mention of arms sales."
    assert [f for f in coded.flags if f.kind == "duplicate_content"] == []


def test_body_level_duplicate_count_is_preferred_when_the_cleaner_gives_it(nlp):
    text = "Ruritania and Borduria met on Friday."
    ctx = context(nlp, text, NAMES, cleaning={"duplicate_blocks_removed": 9, "duplicate_body_blocks": 0})
    assert [f for f in code_document(ctx).flags if f.kind == "duplicate_content"] == []


def test_repeated_body_paragraphs_raise_the_duplicate_flag(nlp):
    text = "Ruritania and Borduria met on Friday."
    ctx = context(nlp, text, NAMES, cleaning={"duplicate_blocks_removed": 9, "duplicate_body_blocks": 3})
    flags = [f for f in code_document(ctx).flags if f.kind == "duplicate_content"]
    assert len(flags) == 1 and "3 repeated" in flags[0].detail
