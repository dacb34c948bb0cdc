"""Demands told as an obligation in reported speech (coding/reported_demands.py), on sentences
written for these tests."""

import pytest

from events_gazetteer import code, triples

pytestmark = pytest.mark.model


def test_saying_another_state_must_act_is_a_demand(nlp):
    events = code(nlp, "Moscow said Kyiv must withdraw its troops from the border.")
    assert ("RUS", "100", "UKR") in triples(events)


def test_the_obligation_in_a_second_conjunct_is_a_demand(nlp):
    events = code(nlp, "Tehran added that the talks were useful but Washington must lift its sanctions.")
    assert ("IRN", "100", "USA") in triples(events)


def test_should_is_advice_not_a_demand(nlp):
    events = code(nlp, "Moscow said Kyiv should withdraw its troops.")
    assert not any(e.cameo == "100" for e in events)


def test_a_duty_shared_with_the_speaker_is_not_a_demand(nlp):
    events = code(nlp, "Moscow said the two nations must cherish their friendship.")
    assert not any(e.cameo == "100" for e in events)
