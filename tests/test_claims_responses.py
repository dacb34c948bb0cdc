"""Claim coder on sentences written for these tests."""

from __future__ import annotations

import pytest

from fixtures.agree.handmade import context
from multipolar.coding.claims import code_claims, topic_of

pytestmark = pytest.mark.model

NAMES = {"Ruritania": "RUR", "Borduria": "BOR", "Syldavia": "SYL", "Western governments": "WST",
         "the Ruritanian government": "RURGOV", "Bordurian": "BOR"}


def _key(claims):
    return {(c.claimant, c.subject, c.topic): sorted((r.actor, r.stance) for r in c.responses) for c in claims}


def test_topics_from_content():
    assert topic_of("shipping drones and artillery shells to the front") == "arms_transfer"
    assert topic_of("sending thousands of soldiers to fight abroad") == "troop_deployment"
    assert topic_of("hiding enriched uranium from inspectors") == "nuclear"
    assert topic_of("being too soft on smugglers") == "other"


def test_accusation_with_same_sentence_and_later_responses(nlp):
    text = ("Syldavia accused Borduria in March of supplying rockets to Ruritania, a charge Borduria denies. "
            "Ruritania has neither confirmed nor denied receiving the rockets.")
    claims = code_claims(context(nlp, text, NAMES))
    got = _key(claims)
    assert got == {("SYL", "BOR", "arms_transfer"): [("BOR", "deny"), ("RUR", "neither_confirm_nor_deny")]}
    assert claims[0].date == "2025-03"


def test_joint_denial_attaches_to_the_latest_claim_for_each_denier(nlp):
    text = ("Western governments allege that Borduria is sending troops to fight for Ruritania. "
            "Both Borduria and Ruritania deny these allegations.")
    got = _key(code_claims(context(nlp, text, NAMES)))
    assert got == {("WST", "BOR", "troop_deployment"): [("BOR", "deny"), ("RUR", "deny")]}


def test_not_confirmed_and_partial_admission(nlp):
    text = ("Syldavia accused Borduria of delivering missiles to Ruritania. "
            "Ruritania has not confirmed receiving Bordurian missiles, but it admits defence cooperation "
            "with Borduria.")
    got = _key(code_claims(context(nlp, text, NAMES)))
    assert got == {("SYL", "BOR", "arms_transfer"): [("RUR", "acknowledge_partly"), ("RUR", "not_confirmed")]}


def test_one_claim_per_key(nlp):
    text = ("Syldavia accused Borduria of shipping shells to Ruritania. "
            "Syldavia also accused Borduria of selling drones to Ruritania.")
    assert len(code_claims(context(nlp, text, NAMES))) == 1


def test_nuclear_topic_needs_nuclear_conduct_not_the_word():
    assert topic_of("hiding a nuclear weapons programme") == "nuclear"
    assert topic_of("using the nuclear issue as an excuse") == "other"


def test_charge_about_a_pact_is_against_each_party(nlp):
    text = ("Syldavia criticised the new security pact between Borduria and Ruritania, arguing the pact "
            "was drafted in secret.")
    got = _key(code_claims(context(nlp, text, NAMES)))
    assert ("SYL", "BOR", "other") in got and ("SYL", "RUR", "other") in got


def test_vague_claim_folds_into_the_specific_one_for_the_same_pair(nlp):
    text = ("Syldavia accused Borduria of destabilising the region. "
            "Syldavia also accused Borduria of selling artillery shells to Ruritania.")
    got = _key(code_claims(context(nlp, text, NAMES)))
    assert list(got) == [("SYL", "BOR", "arms_transfer")]


def test_actor_only_responses_stay_in_the_claims_paragraph(nlp):
    text = ("Syldavia accused Borduria of selling rockets to Ruritania.\n\n"
            "Months later Ruritania acknowledged delays in building a bridge for Borduria.")
    got = _key(code_claims(context(nlp, text, NAMES)))
    assert got == {("SYL", "BOR", "arms_transfer"): []}


def test_third_party_confirmation_and_dismissal(nlp):
    text = ("Syldavia accused Borduria of shipping drones to Ruritania. Borduria dismissed the accusation "
            "as baseless, but Western governments confirmed the drone shipments to Ruritania.")
    got = _key(code_claims(context(nlp, text, NAMES)))
    assert got == {("SYL", "BOR", "arms_transfer"): [("BOR", "deny"), ("WST", "confirm")]}


def test_plain_reports_are_claims_only_when_blaming_or_answered(nlp):
    plain = "Syldavia said Borduria had sent troops to the border region."
    assert code_claims(context(nlp, plain, NAMES)) == []
    blaming = "Syldavia said Borduria had sent troops to the border region in a reckless provocation."
    assert list(_key(code_claims(context(nlp, blaming, NAMES)))) == [("SYL", "BOR", "troop_deployment")]
    answered = ("Syldavia said Borduria had sent troops to the border region. "
                "Borduria denied sending any troops.")
    assert _key(code_claims(context(nlp, answered, NAMES))) == {
        ("SYL", "BOR", "troop_deployment"): [("BOR", "deny")]}
