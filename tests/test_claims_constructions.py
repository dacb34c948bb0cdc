"""Claims worded without a classic claim verb, and topics read from the claim's objects.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from fixtures.agree.handmade import context
from multipolar.coding.claims import code_claims, topic_of

pytestmark = pytest.mark.model

NAMES = {"Ruritania": "RUR", "Borduria": "BOR", "Syldavia": "SYL", "Western governments": "WST",
         "Ruritanian": "RUR", "Bordurian": "BOR", "Syldavian": "SYL"}


def _keys(nlp, text):
    return {(c.claimant, c.subject, c.topic): c for c in code_claims(context(nlp, text, NAMES))}


def test_possessive_pronoun_accusation_belongs_to_the_verbs_subject(nlp):
    got = _keys(nlp, "Syldavia has repeated its accusation that Borduria is shipping drones to Ruritania.")
    assert set(got) == {("SYL", "BOR", "arms_transfer")}
    assert got[("SYL", "BOR", "arms_transfer")].content == "Borduria is shipping drones to Ruritania"


def test_allegations_of_with_a_making_verb(nlp):
    got = _keys(nlp, "Syldavia made allegations of Bordurian meddling in the Ruritanian election.")
    assert set(got) == {("SYL", "BOR", "interference")}


def test_answering_verb_does_not_make_its_subject_the_claimant(nlp):
    assert _keys(nlp, "Ruritania rejected allegations of Bordurian arms deliveries to Syldavia.") == {}


def test_accusation_against_x_of_doing(nlp):
    got = _keys(nlp, "Syldavia leveled accusations against Borduria of supplying shells to Ruritania.")
    assert set(got) == {("SYL", "BOR", "arms_transfer")}


def test_reported_attack_plan_is_a_claim(nlp):
    got = _keys(nlp, "Syldavia said Borduria was preparing to attack Ruritania.")
    assert set(got) == {("SYL", "BOR", "attack")}
    # a plain report of a meeting is no claim
    assert _keys(nlp, "Syldavia said Borduria would host the talks in May.") == {}


def test_topic_from_the_objects_the_claim_names(nlp):
    got = _keys(nlp, "Syldavia warned that Borduria's missiles were already in Ruritania.")
    assert set(got) == {("SYL", "BOR", "arms_transfer")}
    assert topic_of("its soldiers are now inside the neighbouring province") == "troop_deployment"


def test_objects_inside_a_relative_clause_do_not_set_the_topic():
    text = "Borduria was harming regional stability with a deal that lets its troops use three ports"
    core = "Borduria was harming regional stability with a deal"
    assert topic_of(text, core) == "other"
    assert topic_of(text) == "troop_deployment"


def test_passive_subject_modified_by_an_actor_is_the_accused(nlp):
    got = _keys(nlp, "Syldavia alleged that Bordurian drones were being used by Ruritania.")
    assert set(got) == {("SYL", "BOR", "arms_transfer")}


def test_passive_agent_is_charged_with_the_passive_act_only(nlp):
    text = ("Borduria has backed Ruritania's contentions that Ruritania was provoked into attacking "
            "Syldavia by Western governments.")
    got = _keys(nlp, text)
    assert set(got) == {("RUR", "WST", "other")}
    assert [(r.actor, r.stance) for r in got[("RUR", "WST", "other")].responses] == [("BOR", "confirm")]


def test_bare_condemnation_takes_its_charge_from_the_next_sentence(nlp):
    text = ("Syldavia and Ruritania jointly condemned Borduria on Monday. "
            "Their statement spoke of Bordurian efforts to build nuclear weapons.")
    got = _keys(nlp, text)
    assert set(got) == {("SYL", "BOR", "nuclear"), ("RUR", "BOR", "nuclear")}


COLLECTIVE_NAMES = {**NAMES, "Britain": "GBR", "France": "FRA", "Germany": "DEU", "Russia": "RUS"}


def test_regional_allies_stand_for_the_countries_the_text_lists(nlp):
    text = ("Britain, France and Germany met in Geneva on Monday. "
            "Borduria accused Syldavia and its European allies of using the dispute as a pretext.")
    got = {(c.claimant, c.subject) for c in code_claims(context(nlp, text, COLLECTIVE_NAMES))}
    assert got == {("BOR", "SYL"), ("BOR", "GBR"), ("BOR", "FRA"), ("BOR", "DEU")}


def test_regional_allies_with_no_listed_countries_add_nobody(nlp):
    text = "Russia met Borduria on Monday. Borduria accused Syldavia and its European allies of lying."
    got = {(c.claimant, c.subject) for c in code_claims(context(nlp, text, COLLECTIVE_NAMES))}
    assert got == {("BOR", "SYL")}


def test_appended_charge_renames_the_phrase_before_it(nlp):
    text = ("Borduria said in May that it was closing its ports. "
            "It said it was responding to Syldavian obstruction of its shipping, a charge denied by Syldavia.")
    got = _keys(nlp, text)
    assert set(got) == {("BOR", "SYL", "other")}
    claim = got[("BOR", "SYL", "other")]
    assert claim.content == "Syldavian obstruction of its shipping"
    assert [(r.actor, r.stance) for r in claim.responses] == [("SYL", "deny")]


def test_appended_allegation_after_a_claim_verb_is_the_same_claim(nlp):
    text = "Syldavia accused Borduria of sending drones to Ruritania, an allegation Borduria denies."
    got = _keys(nlp, text)
    assert set(got) == {("SYL", "BOR", "arms_transfer")}
    assert [(r.actor, r.stance) for r in got[("SYL", "BOR", "arms_transfer")].responses] == [("BOR", "deny")]


def test_charge_of_violating_the_treaty_takes_the_treatys_topic(nlp):
    nuclear = ("Ruritania and Borduria signed the Lakes Treaty in 1998, the only nuclear arms control pact "
               "between them. Ruritania accused Borduria of violating the agreement.")
    fishing = ("Ruritania and Borduria signed the Lakes Treaty in 1998 to share fishing rights. "
               "Ruritania accused Borduria of violating the agreement.")
    assert set(_keys(nlp, nuclear)) == {("RUR", "BOR", "nuclear")}
    assert set(_keys(nlp, fishing)) == {("RUR", "BOR", "other")}


def test_verbs_pointing_to_blamed_conduct(nlp):
    assert set(_keys(nlp, 'Syldavia pointed to Borduria\'s "reckless provocations" on the border.')) == \
        {("SYL", "BOR", "other")}
    assert _keys(nlp, "Syldavia pointed to Borduria's new harbour.") == {}
    # the conduct's owner is accused, not the place it happened
    assert set(_keys(nlp, "Ruritania denounced Borduria's aggression and its threats against Syldavia.")) == \
        {("RUR", "BOR", "other")}


def test_the_ministry_refers_back_to_the_named_ministry(nlp):
    names = {**NAMES, "Ruritania's foreign ministry": "RURGOV"}
    text = ("Ruritania's foreign ministry issued a statement on Monday. "
            "The ministry accused Borduria of shelling border villages.")
    got = {(c.claimant, c.subject, c.topic) for c in code_claims(context(nlp, text, names))}
    assert got == {("RUR", "BOR", "attack")}


def test_blame_something_on_someone(nlp):
    got = _keys(nlp, "Ruritania blamed the missile strike on Bordurian forces.")
    assert set(got) == {("RUR", "BOR", "attack")}
    assert got[("RUR", "BOR", "attack")].content == "the missile strike"
    assert set(_keys(nlp, "Ruritania blamed Borduria for the missile strike on the power plant.")) == \
        {("RUR", "BOR", "attack")}


def test_a_subjectless_clause_does_not_charge_the_country_the_act_is_done_to(nlp):
    # the parser reads "the draft interfered" without a subject; Ruritania is the victim
    got = _keys(nlp, "Syldavia said the draft interfered in Ruritania's internal affairs.")
    assert not any(subject == "RUR" for _, subject, _ in got)
