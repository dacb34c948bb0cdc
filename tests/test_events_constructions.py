"""The event coder over real parses, one construction per test, on sentences written for these tests.

Actors come from a hand-made Resolution (tests/events_gazetteer.py), never from the resolver.
"""

import pytest

from events_gazetteer import code, triples

pytestmark = pytest.mark.model


def test_compound_subject_signing_is_coded_both_ways(nlp):
    events = code(nlp, "Norway and Finland signed a fisheries treaty on Tuesday.")
    assert triples(events) == {("NOR", "057", "FIN"), ("FIN", "057", "NOR")}
    assert {e.plover for e in events} == {"SUPPORT"}
    assert {e.date for e in events} == {"2025-03-11"}  # Tuesday before the Friday 2025-03-14 article


def test_passive_with_agent(nlp):
    events = code(nlp, "The accord was signed by Norway and Finland in Oslo.")
    assert triples(events) == {("NOR", "057", "FIN"), ("FIN", "057", "NOR")}


def test_prepositional_object_gives_the_target(nlp):
    assert triples(code(nlp, "Japan held talks with Australia about fishing rights.")) == {
        ("JPN", "046", "AUS"), ("AUS", "046", "JPN")}
    assert ("FRA", "072", "ARM") in triples(code(nlp, "France sold artillery systems to Armenia."))


def test_supply_with_object_and_dative(nlp):
    assert triples(code(nlp, "Germany supplied Finland with tanks.")) == {("DEU", "072", "FIN")}
    assert triples(code(nlp, "Britain gave Ukraine dozens of missiles.")) == {("GBR", "072", "UKR")}


def test_relative_clause_subject(nlp):
    events = code(nlp, "Turkey, which accused Sweden of harbouring militants, delayed the vote.")
    assert ("TUR", "112", "SWE") in triples(events)


def test_reported_speech_codes_the_reported_actors(nlp):
    events = code(nlp, "Kyiv said Moscow shelled Ukrainian villages overnight.")
    assert triples(events) == {("RUS", "194", "UKR")}


def test_accusation_complement_is_alleged_and_then_denied(nlp):
    events = code(nlp, "Seoul accused Pyongyang in May of sending artillery shells to Russia, "
                       "a charge North Korea denied.")
    got = {(e.source, e.cameo, e.target): e for e in events}
    assert got[("KOR", "112", "PRK")].status == "asserted"
    assert got[("KOR", "112", "PRK")].date == "2024-05"
    assert got[("PRK", "072", "RUS")].status == "denied"
    assert ("PRK", "120", "KOR") in got


def test_denial_targets_the_last_accuser(nlp):
    events = code(nlp, "Western nations accuse Iran of arming the Houthis. Tehran denies the claims.")
    assert ("IRN", "120", "WST") in triples(events)
    assert ("WST", "112", "IRN") in triples(events)


def test_event_without_recipient_has_null_target(nlp):
    events = code(nlp, "Russia mobilized thousands of troops last week.")
    assert [(e.source, e.cameo, e.target, e.plover) for e in events] == [("RUS", "154", None, "MOBILIZE")]


def test_negation(nlp):
    events = code(nlp, "Norway did not sign the treaty with Finland.")
    assert events and all(e.negated for e in events)


def test_planned_and_hypothetical_status(nlp):
    planned = code(nlp, "Japan plans to sign a trade agreement with South Korea next month.")
    assert planned and {e.status for e in planned} == {"planned"}
    assert {e.plover for e in planned} == {"AGREE"}  # a promise to sign is intent to cooperate
    assert {e.date for e in planned} == {"2025-04"}
    hypo = code(nlp, "If Beijing attacks Manila, Washington would defend the Philippines.")
    assert hypo and {e.status for e in hypo} == {"hypothetical"}


def test_event_nouns(nlp):
    assert triples(code(nlp, "Russian strikes on Ukraine continued through the night.")) == {
        ("RUS", "195", "UKR")}
    assert triples(code(nlp, "Russia's invasion of Ukraine began in 2022.")) == {("RUS", "190", "UKR")}
    events = code(nlp, "The treaty between Norway and Finland expired.")
    assert triples(events) == {("NOR", "057", "FIN"), ("FIN", "057", "NOR")}


def test_backed_modifier(nlp):
    assert triples(code(nlp, "Iranian-funded groups are active; the Iran-backed Houthis fired again.")) >= {
        ("IRN", "070", "YEMREB")}


def test_collective_mention_counts_for_each_member(nlp):
    events = code(nlp, "In March the two nations conducted joint naval exercises.")
    assert triples(events) == {("RUS", "062", "IRN"), ("IRN", "062", "RUS")}


def test_questions_and_headline_lists_are_discarded(nlp):
    assert code(nlp, "Will Russia invade Finland?") == []
    text = ("Latest stories\n\nChina Sanctions Japan Over Fishing Row\nFrance Sends Tanks To Armenia\n"
            "Norway Signs Treaty With Finland\n")
    assert code(nlp, text) == []


def test_repeated_copy_is_coded_once(nlp):
    para = "France sold artillery systems to Armenia."
    events = code(nlp, para + "\n\n" + para)
    assert len(events) == 1


def test_signing_as_a_noun(nlp):
    events = code(nlp, "The signing of the accord by Norway and Finland drew praise.")
    assert triples(events) == {("NOR", "057", "FIN"), ("FIN", "057", "NOR")}


def test_date_falls_back_to_the_article_date(nlp):
    events = code(nlp, "France sold artillery systems to Armenia.", published="2024-06-19T08:00:00Z")
    assert [e.date for e in events] == ["2024-06-19"]
    events = code(nlp, "France sold artillery systems to Armenia.", published=None)
    assert [e.date for e in events] == [None]


def test_talks_between_two_parties(nlp):
    events = code(nlp, "Talks between Norway and Finland resumed on Monday.")
    assert triples(events) == {("NOR", "046", "FIN"), ("FIN", "046", "NOR")}
    assert {e.date for e in events} == {"2025-03-10"}
