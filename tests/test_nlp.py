"""The one model loader: configurable name, clear error, our sentence and token rules."""

import pytest

from multipolar.errors import ModelNotFound
from multipolar.nlp import load_nlp


def test_nlp_unknown_model_gives_a_clear_error():
    with pytest.raises(ModelNotFound, match="MULTIPOLAR_SPACY_MODEL"):
        load_nlp("en_core_web_nonexistent")


def test_nlp_exchange_ticker_is_one_token_and_ends_no_sentence(nlp):
    doc = nlp("Shares of Vantor (VNTRb.ST) rose after Lisbon ordered radars. The U.S. agreed.")
    assert "VNTRb.ST" in [t.text for t in doc]
    assert [s.text for s in doc.sents] == ["Shares of Vantor (VNTRb.ST) rose after Lisbon ordered radars.",
                                           "The U.S. agreed."]


def test_nlp_blank_line_ends_a_sentence(nlp):
    doc = nlp("Ministers Meet In Quito\n\nThe ministers of Chile and Peru met on Monday.")
    assert [s.text.strip() for s in doc.sents][0] == "Ministers Meet In Quito"
