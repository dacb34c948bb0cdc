"""A joint body or channel two states agree to set up is an agreement without an agreement noun
("agreed to set up a hotline"). Sentences written for these tests."""

from __future__ import annotations

import pytest

from fixtures.agree.handmade import context
from multipolar.coding.agreements import code_agreements
from multipolar.pipeline import extract_text

pytestmark = pytest.mark.model

NAMES = {"Ruritania": "RUR", "Borduria": "BOR", "Syldavia": "SYL"}


def _agreements(nlp, text):
    return code_agreements(context(nlp, text, NAMES))


def test_two_states_agreeing_to_set_up_a_hotline(nlp):
    found = _agreements(nlp, "Ruritania and Borduria agreed on Monday to set up a military hotline.")
    assert [sorted(a.parties) for a in found] == [["BOR", "RUR"]]
    assert "hotline" in found[0].name


def test_a_joint_commission_agreed_last_year_is_dated(nlp):
    found = _agreements(nlp, "Syldavia and Borduria agreed in 2019 to establish a joint border commission.")
    assert [(sorted(a.parties), (a.signed or "")[:4]) for a in found] == [(["BOR", "SYL"], "2019")]


def test_one_state_or_a_refusal_is_no_agreement(nlp):
    assert _agreements(nlp, "Ruritania agreed to set up a commission of inquiry.") == []
    assert _agreements(nlp, "Ruritania and Borduria did not agree to set up a hotline.") == []


def test_other_objects_are_no_agreement(nlp):
    assert _agreements(nlp, "Ruritania and Borduria agreed to open their airspace.") == []


def test_the_two_countries_of_the_story_hold_it():
    text = ("Border calm\n\nSaturday, 3 May, 2025\n\nChad closed its border with Sudan on Saturday after "
            "fighting near the town of Adre. Egypt and Libya called for restraint. Chad's foreign "
            "ministry said the closure was temporary.\n\nThe two countries agreed last year to set up a "
            "hotline for border incidents.\n")
    record = extract_text(text)
    assert [list(a.parties) for a in record.agreements] == [["SDN", "TCD"]]
