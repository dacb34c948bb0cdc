"""Named agreements completed from data/agreements/known_agreements.yaml: parties, date, kind
and the provisions the name states, only when one entry is left. Sentences written for these
tests; actors resolved by hand (fixtures/agree/handmade.py)."""

from __future__ import annotations

import pytest

from fixtures.agree.handmade import context
from multipolar.coding.agreement_known import known_agreements
from multipolar.coding.agreements import code_agreements
from multipolar.model import PROVISION_KEYS

NAMES = {"Washington": "USA", "the United States": "USA", "Manila": "PHL", "Seoul": "KOR",
         "India": "IND", "Pakistan": "PAK"}


def test_data_file_is_well_formed():
    entries = known_agreements()
    assert len(entries) >= 15
    for e in entries:
        assert len(e.parties) >= 2 and list(e.parties) == sorted(e.parties)
        assert len(e.signed) == 10 and e.kind in ("treaty", "agreement", "memorandum", "partnership", "alliance")
        assert all(k in PROVISION_KEYS and v in ("present", "absent") for k, v in e.provisions)


@pytest.mark.model
def test_year_and_one_named_party_choose_among_mutual_defense_treaties(nlp):
    text = "Washington reaffirmed its commitments under the 1951 Mutual Defense Treaty."
    agreements = code_agreements(context(nlp, text, NAMES))
    assert [(a.parties, a.signed, a.kind) for a in agreements] == [(["PHL", "USA"], "1951-08-30", "treaty")]
    assert [(p.key, p.value) for p in agreements[0].provisions] == [("defense", "present")]


@pytest.mark.model
def test_document_actors_choose_when_the_phrase_names_no_party(nlp):
    text = ("Manila and Washington held talks on Monday.\n\n"
            "An attack on its vessels would invoke our mutual defense treaty, he said.")
    agreements = code_agreements(context(nlp, text, NAMES))
    assert [(a.parties, a.signed) for a in agreements] == [(["PHL", "USA"], "1951-08-30")]


@pytest.mark.model
def test_two_candidates_left_fill_nothing(nlp):
    text = ("Manila, Seoul and Washington held talks on Monday.\n\n"
            "He said the mutual defense treaty remained in force.")
    assert code_agreements(context(nlp, text, NAMES)) == []


@pytest.mark.model
def test_suspending_a_named_treaty_dates_it_by_its_signing_not_the_suspension(nlp):
    text = "India said on Monday it was suspending the Indus Waters Treaty with Pakistan."
    a = code_agreements(context(nlp, text, NAMES))
    assert [(x.parties, x.signed) for x in a] == [(["IND", "PAK"], "1960-09-19")]


@pytest.mark.model
def test_a_year_that_fits_no_entry_fills_nothing(nlp):
    text = "Manila invoked the 1960 Mutual Defense Treaty with Washington on Monday."
    agreements = code_agreements(context(nlp, text, NAMES))
    assert all(a.signed != "1951-08-30" for a in agreements)
