"""Purchase deals: the seller or buyer named after the trade verb is a party, also when a
ticker in brackets breaks the parse. Sentences written for these tests."""

from __future__ import annotations

import pytest

from fixtures.agree.handmade import context
from multipolar.coding.agreements import code_agreements

pytestmark = pytest.mark.model

NAMES = {"Ruritania": "RUR", "Borduria": "BOR", "Syldavia": "SYL"}


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
