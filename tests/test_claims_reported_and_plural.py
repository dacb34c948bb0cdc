"""Claims whose verb the parser hung on a reported clause, and accusations made "against X"
with no of-phrase, by two claimants at once. Sentences written for these tests."""

from __future__ import annotations

import pytest

from fixtures.agree.handmade import context
from multipolar.coding.claims import code_claims

pytestmark = pytest.mark.model

NAMES = {"Ruritania": "RUR", "Borduria": "BOR", "Syldavia": "SYL", "Ruritania's foreign ministry": "RURGOV",
         "Moscow": "BOR", "the United States": "USA", "US officials": "USAGOV"}


def _keys(nlp, text):
    return {(c.claimant, c.subject, c.topic): c for c in code_claims(context(nlp, text, NAMES))}


def test_reporter_of_a_coordinated_claim_verb_is_the_claimant(nlp):
    text = ("Ruritania's foreign ministry said in a statement that the deal turned Syldavia into "
            "\"a platform for aggression\" and accused the United States of planning to deploy troops "
            "along the border.\n\nUS officials denied the accusation.")
    got = _keys(nlp, text)
    assert ("RUR", "USA", "troop_deployment") in got
    assert [(r.actor, r.stance) for r in got[("RUR", "USA", "troop_deployment")].responses] == [("USA", "deny")]


def test_accusations_against_x_over_elections_by_two_claimants(nlp):
    text = ("Ruritania and Syldavia have made similar accusations against Borduria over their recent "
            "elections, which Moscow has also denied.")
    got = _keys(nlp, text)
    assert {("RUR", "BOR", "interference"), ("SYL", "BOR", "interference")} <= set(got)
    assert all(("BOR", "deny") in [(r.actor, r.stance) for r in c.responses] for c in got.values())


def test_answering_accusations_against_x_is_no_claim_of_the_answerer(nlp):
    assert not [k for k in _keys(nlp, "Ruritania rejected accusations against Borduria.") if k[0] == "RUR"]


def test_deployed_instructors_and_a_military_presence_are_troop_deployment():
    from multipolar.coding.claims import topic_of
    assert topic_of("Bordurian military instructors had already been deployed to an air base") == "troop_deployment"
    assert topic_of("using the memorandum as cover for a wider military presence") == "troop_deployment"


@pytest.mark.parametrize("answer, stance", [
    ("Borduria said the claims were fabricated.", ("BOR", "deny")),
    ("Borduria described the report as false.", ("BOR", "deny")),
    ("The Bordurian government called the report a lie.", ("BOR", "deny")),
    ("Syldavia said it could not independently verify the claim.", ("SYL", "not_confirmed")),
    ("Borduria admitted sending advisers.", ("BOR", "acknowledge_partly")),
])
def test_more_answer_wordings(nlp, answer, stance):
    names = dict(NAMES, **{"Bordurian": "BOR"})
    text = "Ruritania accused Borduria on Monday of sending troops into Syldavia.\n\n" + answer
    claims = code_claims(context(nlp, text, names))
    assert [(c.claimant, c.subject, c.topic) for c in claims] == [("RUR", "BOR", "troop_deployment")]
    assert stance in [(r.actor, r.stance) for r in claims[0].responses]


def test_saying_a_claim_is_true_is_no_denial(nlp):
    text = ("Ruritania accused Borduria on Monday of sending troops into Syldavia.\n\n"
            "Syldavia said the claims were well founded.")
    claims = code_claims(context(nlp, text, NAMES))
    assert all(r.stance != "deny" for c in claims for r in c.responses)


@pytest.mark.parametrize("text, key, answer", [
    ("According to Syldavian officials, Borduria has delivered ballistic missiles to Ruritania. "
     "Borduria denied it.", ("SYL", "BOR", "arms_transfer"), ("BOR", "deny")),
    ("Ruritania has been accused by Syldavia of using chemical weapons on the battlefield.",
     ("SYL", "RUR", "attack"), None),
    ("Ruritania said Borduria had fired rockets at its northern towns. Borduria denied involvement.",
     ("RUR", "BOR", "attack"), ("BOR", "deny")),
    ("Ruritania said Borduria was pushing migrants across the border to destabilise the region. "
     "Borduria rejected the accusation.", ("RUR", "BOR", "other"), ("BOR", "deny")),
    ("Syldavia accused Ruritania of a cyberattack on its electoral commission.", ("SYL", "RUR", "attack"), None),
])
def test_sources_passives_and_blaming_reports(nlp, text, key, answer):
    names = dict(NAMES, **{"Syldavian officials": "SYLGOV"})
    got = _keys(nlp, text) if names == NAMES else {
        (c.claimant, c.subject, c.topic): c for c in code_claims(context(nlp, text, names))}
    assert key in got
    if answer:
        assert answer in [(r.actor, r.stance) for r in got[key].responses]


def test_plain_report_of_other_conduct_is_no_claim(nlp):
    assert _keys(nlp, "Ruritania said Borduria was building a new port. Syldavia denied it.") == {}


def test_criticising_the_purchase_charges_the_buyer_named_earlier(nlp):
    text = ("Ruritania agreed on Wednesday to buy 17 fighter jets from Syldavia.\n\n"
            "The first aircraft would be delivered in 2027.\n\n"
            "Borduria criticised the purchase, saying it threatened regional stability. "
            "Ruritania rejected the criticism.")
    got = _keys(nlp, text)
    assert ("BOR", "RUR", "other") in got
    assert ("RUR", "deny") in [(r.actor, r.stance) for r in got[("BOR", "RUR", "other")].responses]
    assert ("BOR", "SYL", "other") not in got


def test_a_finding_said_in_a_report_is_a_claim_without_an_answer(nlp):
    names = dict(NAMES, **{"United Nations": "IGOUNO", "Bordurian": "BOR", "Syldavia": "SYL"})
    text = ("A group of United Nations experts said in a report last year that between 3,000 and 4,000 "
            "Bordurian soldiers were operating in Syldavia.")
    got = {(c.claimant, c.subject, c.topic) for c in code_claims(context(nlp, text, names))}
    assert ("IGOUNO", "BOR", "troop_deployment") in got
    plain = "A group of United Nations experts said that Bordurian soldiers were operating in Syldavia."
    assert code_claims(context(nlp, plain, names)) == []
