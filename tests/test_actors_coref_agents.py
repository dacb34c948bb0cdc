"""Coreference of bare agent nouns ("the army", "a spokesman") and a named state commission
(actors/coref_agents.py, data/actors/agents.tsv). Sentences made up for these tests."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _codes(resolver, nlp, text, words):
    res = resolver.resolve(nlp(text), "2025-04-02")
    return [m.codes for m in res.mentions if m.text == words]


def test_the_army_is_the_one_army_named_before(resolver, nlp):
    text = "Myanmar's army shelled the village on Monday. Rebels said they had been fighting the army for weeks."
    assert _codes(resolver, nlp, text, "the army") == [("MMRMIL",)]


def test_the_army_with_two_armies_named_stays_unresolved(resolver, nlp):
    text = "Thai and Cambodian soldiers clashed on Monday. Villagers said the army had left."
    assert _codes(resolver, nlp, text, "the army") == []


def test_the_army_of_a_named_state_is_left_to_composition(resolver, nlp):
    text = "Myanmar's army shelled the village. Observers praised the army of Thailand for its restraint."
    assert ("MMRMIL",) not in _codes(resolver, nlp, text, "the army")


def test_a_spokesman_speaks_for_the_state_that_spoke_just_before(resolver, nlp):
    text = "Egypt's foreign ministry condemned the raid on Sunday. A spokesman said Cairo would act."
    assert _codes(resolver, nlp, text, "A spokesman") == [("EGYGOV",)]
    text = "Egypt's foreign ministry condemned the raid on Sunday. A government spokesman said Cairo would act."
    assert _codes(resolver, nlp, text, "A government spokesman") == [("EGYGOV",)]


def test_a_spokesman_after_two_speaking_states_stays_unresolved(resolver, nlp):
    text = "Egypt and Jordan condemned the raid on Sunday. A spokesman said more talks were needed."
    assert _codes(resolver, nlp, text, "A spokesman") == []


def test_a_states_named_commission_is_its_government(resolver, nlp):
    text = "Kenya's Electoral Commission said the count had been delayed."
    res = resolver.resolve(nlp(text), "2025-04-02")
    assert any(m.codes == ("KENGOV",) and "Commission" in m.text for m in res.mentions)


def test_the_two_governments_exclude_the_mediator_speaking(resolver, nlp):
    text = ("Chile accused Peru of moving troops to the border. Peru denied it. Argentina, which borders "
            "both countries, offered to host talks between the two governments.")
    res = resolver.resolve(nlp(text), "2025-04-02")
    both = [m.codes for m in res.mentions if m.text in ("both countries", "the two governments")]
    assert both and all(set(c[:3] for c in codes) == {"CHL", "PER"} for codes in both)


def test_both_countries_in_a_leaders_own_words_include_his(resolver, nlp):
    text = ("Russia and Iran signed a treaty. Putin said it would help, referring to sanctions on both countries.")
    res = resolver.resolve(nlp(text), "2025-04-02")
    assert [m.codes for m in res.mentions if m.text == "both countries"] == [("RUS", "IRN")]


def test_a_spokesman_after_an_office_of_a_leader_speaks_for_that_state(resolver, nlp):
    text = ("The office of Egyptian President Abdel Fattah al-Sisi condemned the raid. "
            "A government spokesman said the envoy would be summoned.")
    assert _codes(resolver, nlp, text, "A government spokesman") == [("EGYGOV",)]
