"""'The two countries' late in a story are the story's own pair (the two states its lead
names), not a pair named in passing, unless that pair was named just before (actors/coref.py
rule b). Sentences made up for these tests."""

from __future__ import annotations

import pytest

from actor_spans import bases_at

pytestmark = pytest.mark.model


def test_the_two_countries_are_the_lead_pair_not_a_pair_in_passing(resolver, nlp):
    text = ("Argentina recalled its ambassador from Chile on Monday after Chilean troops crossed a glacier "
            "border. Santiago said the patrol had lost its way. Brazil and Uruguay urged calm. "
            "The Argentine foreign ministry said it had filed a protest. "
            "The two countries agreed in 2019 to mark the border jointly.")
    assert bases_at(resolver, nlp, text, "The two countries") == {"ARG", "CHL"}


def test_both_governments_are_the_lead_pair_named_as_a_group(resolver, nlp):
    text = ("Ghana and Togo signed a power-sharing deal on Friday. Mali and Niger held separate talks "
            "on a pipeline last week. Accra said the deal would lower prices. "
            "Both governments called it a model for the region.")
    assert bases_at(resolver, nlp, text, "Both governments") == {"GHA", "TGO"}


def test_a_pair_named_as_the_subject_just_before_is_still_the_antecedent(resolver, nlp):
    text = ("Ghana and Togo signed a power-sharing deal on Friday. Mali and Niger are not party to it. "
            "The two neighbours have quarrelled over transit fees since 2021.")
    assert bases_at(resolver, nlp, text, "The two neighbours") == {"MLI", "NER"}


def test_a_pair_in_the_same_sentence_is_the_antecedent(resolver, nlp):
    text = ("Ghana and Togo signed a power-sharing deal on Friday. Accra welcomed it. "
            "Mali hosted Niger for talks on Sunday, and the two countries agreed to reopen the road.")
    assert bases_at(resolver, nlp, text, "the two countries") == {"MLI", "NER"}


def test_a_pair_named_as_one_more_than_once_is_not_in_passing(resolver, nlp):
    text = ("Egypt urged Sudan on Monday to reopen the border crossing. Ethiopia and Eritrea signed a port "
            "deal on Sunday. Cairo said it was watching closely. Ethiopia and Eritrea have held talks since "
            "2018. Analysts welcomed the port deal. The two countries will meet again in June.")
    assert bases_at(resolver, nlp, text, "The two countries") == {"ETH", "ERI"}


def test_the_dateline_is_not_one_of_the_lead_pair(resolver, nlp):
    text = ("Border talks\n\nWASHINGTON (Wire) - Guyana accused Venezuela on Monday of moving troops to the "
            "border. Brazil and Colombia called for calm. Guyana's foreign ministry said it had filed a "
            "protest.\n\nThe two countries agreed in 2023 to avoid the use of force.")
    assert bases_at(resolver, nlp, text, "The two countries") == {"GUY", "VEN"}
