"""Plural agreement nouns with coordinated holders and one partner are one bilateral agreement per
holder ("A and B signed treaties with C"); a singular noun among three states stays one; years
given "respectively" go to the holders in order. Sentences written for these tests."""

from __future__ import annotations

import pytest

from fixtures.agree.handmade import context
from multipolar.coding.agreements import code_agreements

pytestmark = pytest.mark.model

NAMES = {"Ruritania": "RUR", "Borduria": "BOR", "Syldavia": "SYL", "Carpathia": "CAR"}


def _agreements(nlp, text):
    return sorted((tuple(sorted(a.parties)), a.signed) for a in code_agreements(context(nlp, text, NAMES)))


def test_plural_treaties_with_one_partner_split_per_holder(nlp):
    assert _agreements(nlp, "Ruritania and Borduria signed border treaties with Syldavia.") == [
        (("BOR", "SYL"), None), (("RUR", "SYL"), None)]


def test_plural_split_with_a_shared_year(nlp):
    assert _agreements(nlp, "Ruritania and Carpathia signed trade agreements with Syldavia in 2011.") == [
        (("CAR", "SYL"), "2011"), (("RUR", "SYL"), "2011")]


def test_respective_years_go_to_the_holders_in_order(nlp):
    text = "Ruritania and Borduria signed peace treaties with Syldavia in 1979 and 1994 respectively."
    assert _agreements(nlp, text) == [(("BOR", "SYL"), "1994"), (("RUR", "SYL"), "1979")]


def test_singular_treaty_among_three_states_stays_one(nlp):
    assert _agreements(nlp, "Ruritania, Borduria and Syldavia signed a treaty in 2002.") == [
        (("BOR", "RUR", "SYL"), "2002")]
