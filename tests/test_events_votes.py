"""Votes on proposals: voting against one rejects it (120), a veto is CAMEO's own 129, both aimed
at whoever put the proposal forward; abstaining has no CAMEO code. Sentences written for these
tests; actors from the hand-made gazetteer (tests/events_gazetteer.py)."""

import pytest

from events_gazetteer import code, triples

pytestmark = pytest.mark.model


def test_voting_against_a_states_bid_rejects_it(nlp):
    assert triples(code(nlp, "Turkey voted against Sweden's accession.")) == {("TUR", "120", "SWE")}


def test_voting_against_a_sponsored_resolution_rejects_the_sponsor(nlp):
    assert ("CHN", "120", "FRA") in triples(code(nlp, "China voted against a resolution drafted by France."))
    assert ("RUS", "120", "USA") in triples(code(nlp, "Russia voted against a US-sponsored motion on Ukraine."))


def test_veto_targets_the_sponsor_named_in_a_participle(nlp):
    assert {("RUS", "129", "FRA"), ("RUS", "129", "USA")} <= triples(
        code(nlp, "Russia vetoed a resolution sponsored by France and the United States."))
    assert ("CHN", "129", "USA") in triples(code(nlp, "China vetoed a US-drafted text on Syria."))


def test_voting_in_favour_is_still_support(nlp):
    assert triples(code(nlp, "France voted in favour of Ukraine's proposal.")) == {("FRA", "051", "UKR")}


def test_abstaining_and_unsponsored_votes_code_nothing(nlp):
    assert not triples(code(nlp, "Britain abstained in the vote on the resolution."))
    assert not triples(code(nlp, "Japan and Germany voted against the resolution."))
