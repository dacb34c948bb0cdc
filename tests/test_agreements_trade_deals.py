"""Purchase deals: the seller or buyer named after the trade verb is a party, also when a
ticker in brackets breaks the parse. Sentences written for these tests."""

from __future__ import annotations

import pytest

from fixtures.agree.handmade import context
from multipolar.coding.agreements import code_agreements

pytestmark = pytest.mark.model

NAMES = {"Ruritania": "RUR", "Borduria": "BOR", "Syldavia": "SYL", "Ruritanian": "RUR"}


def _parties(nlp, text):
    return [sorted(a.parties) for a in code_agreements(context(nlp, text, NAMES))]


def test_deal_to_buy_from_names_the_seller(nlp):
    text = "Ruritania said on Friday it had signed a deal to buy six patrol boats from Borduria."
    assert _parties(nlp, text) == [["BOR", "RUR"]]


def test_contract_to_sell_to_names_the_buyer(nlp):
    assert _parties(nlp, "Syldavia signed a contract to sell forty tanks to Ruritania.") == [["RUR", "SYL"]]


def test_ticker_in_brackets_neither_ends_the_sentence_nor_loses_the_seller(nlp):
    text = ("Ruritania said on Friday it had signed a deal to buy six Acme (ACMEb.PA) "
            "coastal patrol boats from Borduria.")
    ctx = context(nlp, text, NAMES)
    assert len(list(ctx.doc.sents)) == 1
    assert [sorted(a.parties) for a in code_agreements(ctx)] == [["BOR", "RUR"]]


MORE_NAMES = {**NAMES, "Japan": "JPN", "the Philippines": "PHL", "Australia": "AUS", "Britain": "GBR",
              "France": "FRA"}


def test_whose_antecedent_when_the_parser_loses_the_relative_clause(nlp):
    text = ("The decision drew anger in Australia and Britain, and from France, whose existing $12bn "
            "(£9bn) frigate contract with Australia has now come to an end.")
    got = [sorted(a.parties) for a in code_agreements(context(nlp, text, MORE_NAMES))]
    assert ["AUS", "FRA"] in got


def test_gapped_coordination_and_pronoun_of_the_adverbial_clause(nlp):
    text = ("Japan signed a defence pact with the Philippines on Monday, after it forged similar "
            "agreements with Australia in 2022 and Britain in 2023.")
    got = sorted((sorted(a.parties), a.signed) for a in code_agreements(context(nlp, text, MORE_NAMES)))
    assert [p for p, _ in got] == [["AUS", "JPN"], ["GBR", "JPN"], ["JPN", "PHL"]]
    assert [s for _, s in got][:2] == ["2022", "2023"]  # each gapped partner keeps its own year


def test_regional_description_names_the_latest_country_of_that_region(nlp):
    text = ("Japan hosted the talks. Leaders met in Manila, where the Philippines signed a pact with "
            "Japan, after the East Asian nation forged a similar agreement with Australia in 2022.")
    got = sorted(sorted(a.parties) for a in code_agreements(context(nlp, text, MORE_NAMES)))
    assert ["AUS", "JPN"] in got


def test_sale_agreed_without_an_agreement_noun(nlp):
    text = "Syldavia protested after Borduria agreed to sell its new howitzers to Ruritania."
    got = code_agreements(context(nlp, text, NAMES))
    assert [sorted(a.parties) for a in got] == [["BOR", "RUR"]]
    assert _parties(nlp, "Borduria did not agree to sell howitzers to Ruritania.") == []


def test_countries_inside_an_event_subject_hold_no_agreement(nlp):
    text = '"Any attack on Ruritanian ships near the Syldavia coast would invoke our defence treaty," he said.'
    assert _parties(nlp, text) == []
