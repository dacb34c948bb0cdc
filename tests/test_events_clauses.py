"""Clause-level constructions of the event coder, on sentences written for these tests."""

import pytest

from events_gazetteer import code, triples

pytestmark = pytest.mark.model


def test_headline_above_a_paragraph_is_not_run_into_it(nlp):
    events = code(nlp, "Norway Signs Fisheries Deal\n\nNorway and Finland signed a fisheries treaty on Tuesday.")
    assert triples(events) == {("NOR", "057", "FIN"), ("FIN", "057", "NOR")}
    assert all(e.evidence.text.startswith("Norway and Finland") for e in events)


def test_dateline_place_is_not_a_party(nlp):
    events = code(nlp, "OSLO, Norway — Finland and Sweden signed a border treaty on Monday.")
    assert triples(events) == {("FIN", "057", "SWE"), ("SWE", "057", "FIN")}


def test_pronoun_subject_of_a_reported_clause_is_the_reporter(nlp):
    events = code(nlp, "Finland said on Friday it had signed a gas agreement with Norway.")
    assert triples(events) == {("FIN", "057", "NOR"), ("NOR", "057", "FIN")}
    assert {e.date for e in events} == {"2025-03-14"}


def test_purpose_clause_names_the_beneficiary(nlp):
    assert ("IRN", "072", "YEMREB") in triples(code(nlp, "Iran sent fighters to help the Houthis."))


def test_relative_where_clause_names_the_place_attacked(nlp):
    events = code(nlp, "Shelling continued in Ukraine, where Russia is waging a war.")
    assert ("RUS", "190", "UKR") in triples(events)


def test_including_list_belongs_to_the_subject_and_partners_do_not_pair(nlp):
    events = code(nlp, "Moscow has deepened ties with several neighbours, including treaties with "
                       "Norway and Finland.")
    got = triples(events)
    assert {("RUS", "057", "NOR"), ("NOR", "057", "RUS"), ("RUS", "057", "FIN")} <= got
    assert ("NOR", "057", "FIN") not in got


def test_rejecting_someones_claims_targets_the_claimant(nlp):
    assert ("FIN", "120", "RUS") in triples(code(nlp, "Finland rejected Russia's claims about the border."))


def test_prevented_act_is_negated(nlp):
    events = code(nlp, "Norway stopped Russia from attacking Finland.")
    attack = [e for e in events if e.cameo == "190"]
    assert attack and attack[0].negated and attack[0].status == "hypothetical"


def test_would_in_reported_speech_is_a_plan(nlp):
    events = code(nlp, "Japan said it would supply tanks to the Philippines.")
    assert [(e.source, e.plover, e.target, e.status) for e in events] == [("JPN", "AGREE", "PHL", "planned")]


def test_buying_arms_is_aid_from_the_seller(nlp):
    assert triples(code(nlp, "Norway bought tanks from Germany last year.")) == {("DEU", "072", "NOR")}


def test_meeting_in_a_temporal_phrase_is_attended_by_the_subject(nlp):
    events = code(nlp, "During talks with Norway, Finland said the border was calm.")
    assert triples(events) == {("FIN", "046", "NOR"), ("NOR", "046", "FIN")}


def test_joining_an_alliance_is_signing_into_it(nlp):
    events = code(nlp, "Finland joined NATO in April 2023.")
    assert triples(events) == {("FIN", "057", "IGONAT"), ("IGONAT", "057", "FIN")}
    assert {e.date for e in events} == {"2023-04"}


def test_a_document_condemning_someone_speaks_for_its_author(nlp):
    assert triples(code(nlp, "NATO issued a statement condemning Russia.")) == {("IGONAT", "111", "RUS")}


def test_neither_confirmed_nor_denied_leaves_the_act_alleged(nlp):
    events = code(nlp, "The Kremlin neither confirmed nor denied supplying drones to Iran.")
    assert [(e.source, e.cameo, e.target, e.status) for e in events] == [("RUS", "072", "IRN", "alleged")]


def test_reported_negation_is_kept(nlp):
    events = code(nlp, "Seoul said Pyongyang did not send troops to Russia.")
    assert [(e.source, e.target, e.negated) for e in events] == [("PRK", "RUS", True)]


def test_pronoun_of_a_subordinate_clause_takes_the_main_subjects(nlp):
    events = code(nlp, "Norway and Finland criticised Russia as they announced a new partnership.")
    assert {("NOR", "111", "RUS"), ("FIN", "111", "RUS"), ("NOR", "057", "FIN")} <= triples(events)


def test_concerns_about_someones_conduct_target_them(nlp):
    assert triples(code(nlp, "Japan raised concerns about China's naval drills.")) == {("JPN", "111", "CHN")}


def test_participle_with_a_by_agent(nlp):
    events = code(nlp, "Japan joined the annual naval exercise conducted by Norway and Finland.")
    assert {("NOR", "062", "FIN"), ("FIN", "062", "NOR")} <= triples(events)


def test_gerund_subject_inside_a_prepositional_phrase(nlp):
    events = code(nlp, "Oslo cited grievances over Sweden criticising Norway over its fishing policy.")
    assert ("SWE", "111", "NOR") in triples(events)


def test_declined_acts_are_negated(nlp):
    events = code(nlp, "Norway declined to send arms to Ukraine.")
    assert [(e.source, e.cameo, e.target, e.negated) for e in events] == [("NOR", "072", "UKR", True)]


def test_urged_acts_are_hypothetical(nlp):
    events = code(nlp, "Washington urged Beijing to resume talks with Tokyo.")
    talks = [e for e in events if e.cameo == "046"]
    assert talks and {e.status for e in talks} == {"hypothetical"}
    assert ("USA", "020", "CHN") in triples(events)  # the appeal itself (no PLOVER type)


def test_joint_subjects_with_a_partner_pair_with_the_partner_only(nlp):
    got = triples(code(nlp, "Egypt and Jordan signed peace treaties with Israel."))
    assert {("EGY", "057", "ISR"), ("ISR", "057", "EGY"), ("JOR", "057", "ISR")} <= got
    assert ("EGY", "057", "JOR") not in got


def test_match_results_are_not_assaults(nlp):
    assert code(nlp, "Norway beat Finland 2-1 on Monday.") == []


def test_deal_to_buy_names_the_seller_as_partner(nlp):
    got = triples(code(nlp, "Norway said on Friday it had signed a deal to buy four fighter jets from Sweden."))
    assert {("NOR", "057", "SWE"), ("SWE", "057", "NOR"), ("SWE", "072", "NOR")} <= got
    got = triples(code(nlp, "Norway signed a contract to supply Finland with tanks."))
    assert {("NOR", "057", "FIN"), ("NOR", "072", "FIN")} <= got
