"""'A and B fought a border war': fighting named by a verb and its object runs both ways; a trade
war fought is no fighting. Sentences written for these tests; actors from tests/events_gazetteer.py."""

import pytest

from events_gazetteer import code, triples

pytestmark = pytest.mark.model


def test_joint_subjects_that_fought_a_conflict_fight_each_other(nlp):
    found = triples(code(nlp, "Armenia and Azerbaijan fought a short border conflict in 2022."))
    assert ("ARM", "190", "AZE") in found and ("AZE", "190", "ARM") in found


def test_a_war_fought_with_a_neighbour(nlp):
    found = triples(code(nlp, "Turkey fought a brief war with Armenia in 1920."))
    assert ("TUR", "190", "ARM") in found and ("ARM", "190", "TUR") in found


def test_a_trade_war_fought_is_no_fighting(nlp):
    found = triples(code(nlp, "China and Japan fought a bitter trade war over rare earths."))
    assert not any(c.startswith("19") for _, c, _ in found)
