"""Claim responses linked across sentences, and claim cues added in the claims5 round; each on
sentences written for these tests (invented states)."""

from __future__ import annotations

import pytest

from fixtures.agree.handmade import context
from multipolar.coding.claims import code_claims, topic_of

pytestmark = pytest.mark.model

NAMES = {"Ruritania": "RUR", "Borduria": "BOR", "Syldavia": "SYL", "Freedonia": "FRE",
         "Ruritanian": "RUR", "Bordurian": "BOR", "Syldavian": "SYL", "Freedonian": "FRE"}


def _key(text, nlp):
    return {(c.claimant, c.subject, c.topic): sorted((r.actor, r.stance) for r in c.responses)
            for c in code_claims(context(nlp, text, NAMES))}


def test_topic_cues_for_sanctions_breaches_mortar_fire_and_incursions():
    assert topic_of("a clear breach of international sanctions on the regime") == "sanctions_evasion"
    assert topic_of("had violated the oil sanctions") == "sanctions_evasion"
    assert topic_of("mortar rounds fired by its army had hit a school") == "attack"
    assert topic_of("flying drones into Syldavian airspace") == "attack"
    assert topic_of("supplying drones to the rebels") == "arms_transfer"


def test_an_answer_about_the_conduct_answers_every_claim_of_it(nlp):
    text = ("Syldavia accused Borduria of sending troops to Ruritania. "
            "Freedonia later accused Borduria of deploying soldiers there too. "
            "Ruritania did not confirm the deployment of troops.")
    got = _key(text, nlp)
    assert got[("SYL", "BOR", "troop_deployment")] == [("RUR", "not_confirmed")]
    assert got[("FRE", "BOR", "troop_deployment")] == [("RUR", "not_confirmed")]


def test_an_answer_naming_the_report_s_authors_answers_their_claim(nlp):
    text = ("Syldavia alleged that Borduria had shipped artillery shells to Ruritania.\n\n"
            "Freedonia's foreign minister said it could not verify the Syldavian report.")
    assert _key(text, nlp) == {("SYL", "BOR", "arms_transfer"): [("FRE", "not_confirmed")]}


def test_unable_to_corroborate_is_not_confirmed(nlp):
    text = ("Syldavia alleged that Borduria had moved nuclear warheads to its border.\n\n"
            "Freedonian officials said they were unable to corroborate the Syldavian assessment.")
    assert _key(text, nlp) == {("SYL", "BOR", "nuclear"): [("FRE", "not_confirmed")]}


def test_confirmed_but_said_is_a_partial_admission(nlp):
    text = ("Syldavia accused Borduria of shelling villages near the border.\n\n"
            "Borduria confirmed that its gunners had fired on the area, but said no village was hit.")
    assert _key(text, nlp) == {("SYL", "BOR", "attack"): [("BOR", "acknowledge_partly")]}


def test_found_the_allegations_credible_is_a_confirmation(nlp):
    text = ("Syldavia accused Borduria of selling rockets to Ruritania.\n\n"
            "Freedonia said its inspectors had found the allegations credible.")
    assert _key(text, nlp) == {("SYL", "BOR", "arms_transfer"): [("FRE", "confirm")]}


def test_a_clausal_answer_goes_to_the_one_open_claim(nlp):
    text = ("Syldavia accused Borduria of selling rockets to rebels in the south.\n\n"
            "Ruritania acknowledged that cargo planes had landed at its airfield, but insisted "
            "they carried grain.")
    assert _key(text, nlp) == {("SYL", "BOR", "arms_transfer"): [("RUR", "acknowledge_partly")]}


def test_no_clausal_answer_when_two_claims_are_open(nlp):
    text = ("Syldavia accused Borduria of selling rockets to rebels in the south. "
            "Freedonia accused Ruritania of sending troops to the north.\n\n"
            "Ruritania acknowledged that cargo planes had landed at its airfield, but insisted "
            "they carried grain.")
    got = _key(text, nlp)
    assert got[("SYL", "BOR", "arms_transfer")] == []


def test_the_accused_s_own_counter_claim_does_not_swallow_its_admission(nlp):
    text = ("Syldavia accused Borduria of shelling two villages on Friday.\n\n"
            "Borduria admitted that a shell had hit a house, but said its soldiers had been "
            "returning fire after Syldavian troops attacked a Bordurian post.\n\n"
            "Syldavia rejected the Bordurian account.")
    got = _key(text, nlp)
    assert got[("SYL", "BOR", "attack")] == [("BOR", "acknowledge_partly")]
    assert got[("BOR", "SYL", "attack")] == [("SYL", "deny")]


def test_own_observation_charges_the_doer_not_a_warning(nlp):
    observed = ("Syldavia said its patrol planes had photographed a Bordurian tanker taking on fuel, "
                "in what it called a breach of sanctions.")
    assert _key(observed, nlp) == {("SYL", "BOR", "sanctions_evasion"): []}
    warning = "Syldavia warned that it will not tolerate Bordurian attacks on its shipping."
    assert ("SYL", "BOR", "attack") not in _key(warning, nlp)


def test_a_charge_the_accused_rejects(nlp):
    text = "Syldavia has accused Borduria of sending drones into its airspace, a charge Borduria rejects."
    assert _key(text, nlp) == {("SYL", "BOR", "attack"): [("BOR", "deny")]}


def test_a_state_of_readiness_charges_nobody(nlp):
    text = "Freedonia said it was ready to help Borduria counter foreign interference."
    assert _key(text, nlp) == {}


def test_a_bare_condemnation_takes_its_charge_a_few_sentences_on(nlp):
    text = ("Syldavia and Ruritania condemned Borduria on Monday as their leaders met in the capital. "
            "\"Our friendship grows stronger every year,\" the Syldavian leader said. "
            "\"We will build a fairer world together.\" "
            "A joint statement spoke of Bordurian plans to test nuclear weapons near their borders.")
    got = _key(text, nlp)
    assert set(got) == {("SYL", "BOR", "nuclear"), ("RUR", "BOR", "nuclear")}


def test_a_bare_condemnation_does_not_reach_a_distant_sentence(nlp):
    text = ("Syldavia condemned Borduria on Monday. "
            "Its leader spoke of friendship. The talks lasted three hours. Trade rose last year. "
            "Grain prices fell. Analysts said Borduria had tested nuclear weapons in 2019.")
    assert ("SYL", "BOR", "nuclear") not in _key(text, nlp)


def test_a_confirmed_plan_is_no_answer_to_the_open_claim(nlp):
    text = ("Syldavia accused Borduria of selling rockets to rebels in the south.\n\n"
            "Ruritania confirmed that talks between the two would take place next week.")
    assert _key(text, nlp) == {("SYL", "BOR", "arms_transfer"): []}


def test_a_report_by_other_authors_answers_no_claim(nlp):
    text = ("Freedonia alleged that Borduria had shipped artillery shells to Ruritania.\n\n"
            "Ruritania said it could not verify the Syldavian report.")
    assert _key(text, nlp) == {("FRE", "BOR", "arms_transfer"): []}
