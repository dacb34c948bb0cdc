"""Dates given by reference to an earlier one ("on the same day", "the next day") take that earlier
date, for agreements' signing dates and for events. Sentences written for these tests."""

from __future__ import annotations

import pytest

from events_gazetteer import code
from fixtures.agree.handmade import context
from multipolar.coding.agreements import code_agreements
from multipolar.coding.date_anaphora import find_anaphor

NAMES = {"Ruritania": "RUR", "Borduria": "BOR", "Syldavia": "SYL"}


def test_anaphor_phrases_and_offsets():
    assert find_anaphor("signed a pact on the same day")[1] == 0
    assert find_anaphor("Later that day, they met")[1] == 0
    assert find_anaphor("The following day, talks resumed")[1] == 1
    assert find_anaphor("a day earlier")[1] == -1
    assert find_anaphor("to this day the border is closed") is None
    assert find_anaphor("every day") is None


def _signed(nlp, text, published="2025-03-08"):
    return [(sorted(a.parties), a.signed) for a in code_agreements(context(nlp, text, NAMES, published))]


@pytest.mark.model
def test_pact_signed_on_the_same_day_takes_the_earlier_date(nlp):
    text = ("Ruritania and Syldavia held talks on October 2, 2019. "
            "Ruritania and Borduria signed a border treaty on the same day.")
    assert (["BOR", "RUR"], "2019-10-02") in _signed(nlp, text)


@pytest.mark.model
def test_unmarked_that_same_day_and_relative_antecedent(nlp):
    text = ("The Ruritanian foreign minister flew to Syldavia on Tuesday. "
            "That same day Ruritania and Syldavia signed a fisheries agreement.")
    assert _signed(nlp, text, "2025-03-08") == [(["RUR", "SYL"], "2025-03-04")]


@pytest.mark.model
def test_next_day_counts_one_day_on(nlp):
    text = ("Borduria recalled its envoy from Syldavia on 14 May 2021. "
            "The next day, Syldavia signed a security pact with Ruritania.")
    assert _signed(nlp, text) == [(["RUR", "SYL"], "2021-05-15")]


@pytest.mark.model
def test_a_date_named_outright_beats_the_reference(nlp):
    text = ("Syldavia held elections on 3 April 2022. Ruritania and Borduria signed a trade accord "
            "on 9 June 2022, the same day a summit opened.")
    assert _signed(nlp, text) == [(["BOR", "RUR"], "2022-06-09")]


@pytest.mark.model
def test_no_earlier_date_leaves_the_signing_undated(nlp):
    assert _signed(nlp, "Ruritania and Borduria signed a trade accord the same day.") == [(["BOR", "RUR"], None)]


@pytest.mark.model
def test_event_on_the_same_day_takes_the_earlier_date(nlp):
    events = code(nlp, "France and Germany held talks on January 9, 2024. Russia expelled two French "
                       "diplomats on the same day.", published="2025-03-14")
    expel = [e for e in events if e.source == "RUS"]
    assert expel and {e.date for e in expel} == {"2024-01-09"}
