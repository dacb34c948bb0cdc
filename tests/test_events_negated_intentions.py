"""An act that is only the complement of a negated verb of intention, threat, wish or report is
no event ("did not threaten to strike X"); a negated threat verb is a negated threat (130).
Sentences written for these tests."""

import pytest

from events_gazetteer import code, triples

pytestmark = pytest.mark.model

COERCIVE = ("15", "16", "17", "18", "19", "20")


def coercive(events):
    return [e for e in events if e.cameo[:2] in COERCIVE]


def test_negated_threat_to_strike_gives_no_strike_but_a_negated_threat(nlp):
    events = code(nlp, "Norway did not threaten to strike Sweden.")
    assert coercive(events) == []
    threats = [e for e in events if e.cameo == "130"]
    assert [(e.source, e.target, e.negated) for e in threats] == [("NOR", "SWE", True)]


def test_threat_to_strike_still_gives_the_planned_strike_and_the_threat(nlp):
    events = code(nlp, "Norway threatened to strike Sweden.")
    assert {("NOR", "130", "SWE")} <= triples(events)
    strikes = coercive(events)
    assert strikes and all(not e.negated and e.status == "planned" for e in strikes)


@pytest.mark.parametrize("sentence", [
    "Norway never threatened to bomb Sweden.",
    "Norway did not plan to invade Sweden.",
    "Norway has no intention of attacking Sweden.",
    "Norway did not decide to impose sanctions on Sweden.",
    "Norway has not vowed to attack Sweden.",
])
def test_negated_intention_gives_no_coercive_event(nlp, sentence):
    events = code(nlp, sentence)
    assert coercive(events) == []
    assert all(e.negated for e in events if e.cameo == "130")


def test_negated_wish_gives_no_act(nlp):
    events = code(nlp, "Norway did not agree to withdraw its troops from Sweden.")
    assert [e for e in events if e.cameo[:2] in ("03", "08")] == []


def test_refusal_still_gives_a_negated_act(nlp):
    # A refusal says the act did not happen: that stays a negated event.
    attacks = [e for e in code(nlp, "Norway refused to attack Sweden.") if e.cameo[:2] in COERCIVE]
    assert attacks and all(e.negated for e in attacks)


def test_plain_negated_strike_stays_a_negated_event(nlp):
    strikes = coercive(code(nlp, "Norway did not strike Sweden."))
    assert strikes and all(e.negated for e in strikes)


def test_denied_threat_is_denied_with_its_act(nlp):
    events = code(nlp, "Norway denied that it had threatened to strike Sweden.")
    threats = [e for e in events if e.cameo == "130"]
    assert threats and all(e.status == "denied" for e in threats)
    assert all(e.status == "denied" for e in coercive(events))
