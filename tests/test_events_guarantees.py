"""Security guarantees told as a conditional about an attack (coding/guarantees.py), on sentences
written for these tests."""

import pytest

from events_gazetteer import code, triples

pytestmark = pytest.mark.model


def test_an_attack_on_one_equated_with_an_attack_on_the_speaker_is_a_guarantee(nlp):
    events = code(nlp, "Moscow said an attack on Armenia would be an attack on Russia.")
    assert ("RUS", "0334", "ARM") in triples(events)


def test_an_attack_that_would_invoke_the_speakers_treaty_is_a_guarantee(nlp):
    events = code(nlp, "Washington said any attack on Japanese ships would invoke its defense treaty.")
    assert ("USA", "0334", "JPN") in triples(events)


def test_the_guarantee_is_made_now_and_not_hypothetical(nlp):
    events = code(nlp, "Moscow said an attack on Armenia would be an attack on Russia.")
    assert [e.status for e in events if e.cameo == "0334"] == ["asserted"]


def test_judging_an_attack_is_no_guarantee(nlp):
    events = code(nlp, "Tehran said the attack on Syria was a crime.")
    assert not any(e.cameo == "0334" for e in events)


def test_an_attack_invoking_nothing_defensive_is_no_guarantee(nlp):
    events = code(nlp, "Tokyo said an attack on Manila would invoke memories of the war.")
    assert not any(e.cameo == "0334" for e in events)
