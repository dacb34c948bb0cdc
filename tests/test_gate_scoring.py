"""The gate's scorer (tests/gate/scoring.py) on records written by hand: how each kind of field
matches, the one-to-one matching of events, nested gold entries, and floors that only move up."""

from __future__ import annotations

import json

import pytest

from gate.runner import Floors, judge, raise_floors
from gate.scoring import GatePage, facts_found, load_page, score_page, shape_problems, summarise

RECORD = {
    "document": {"title": "Russia and Iran Sign a Pact", "published": "2025-01-18T00:42:00",
                 "text": "Russia and Iran signed a pact.\n\nThey met in Moscow.",
                 "cleaning": {"duplicate_blocks_removed": 2}},
    "actors": [{"code": "RUSGOV", "person": "Vladimir Putin", "kind": "person"},
               {"code": "BRAGOV", "person": "Luiz Inacio Lula da Silva", "kind": "person"}],
    "events": [{"source": "RUSGOV", "target": "IRNGOV", "cameo": "057", "status": "asserted", "date": "2025-01-17"},
               {"source": "IRN", "target": None, "cameo": "010", "status": "asserted", "date": "2025-01-17"}],
    "agreements": [{"parties": ["IRN", "RUS"], "kind": "partnership", "signed": "2025-01-17", "duration_years": 20,
                    "provisions": [{"key": "defense", "value": "absent"}]}],
    "claims": [{"claimant": "USA", "subject": "IRN", "topic": "arms_transfer", "kind": "accuse",
                "responses": [{"actor": "IRN", "stance": "deny"}]}],
    "quotes": [{"speaker": "Vladimir Putin", "actor": "RUSGOV", "text": "We need less bureaucracy \u2019now\u2019"}],
    "flags": [{"kind": "contradiction", "detail": "the subtitle says defense present; the body says absent"}],
}


def found(family, *facts):
    return facts_found(family, list(facts), RECORD)


def test_gate_scoring_codes_match_by_prefix_and_null_targets_exactly():
    assert found("events", {"source": "RUS", "target": "IRN", "cameo": "05"}) == [True]
    assert found("events", {"source": "RUSGOV", "target": "IRNMIL"}) == [False]
    assert found("events", {"source": "IRN", "target": None}, {"source": "IRN", "target": "RUS"}) == [True, False]
    assert found("events", {"cameo": ["19", "057"], "date": "2025-01"}) == [True]


def test_gate_scoring_events_are_matched_one_to_one():
    # two gold events, one coded event that fits both: one of them is found, not both
    assert found("events", {"source": "RUS", "cameo": "05"}, {"source": "RUS", "cameo": "057"}).count(True) == 1


def test_gate_scoring_text_fields_fold_case_accents_and_apostrophes():
    assert found("actors", {"code": "BRA", "person": "Luiz Inácio Lula da Silva"}) == [True]
    assert found("quotes", {"speaker": "Putin", "actor": "RUS", "text": "less bureaucracy 'now'"}) == [True]
    assert found("quotes", {"speaker": "Pezeshkian", "text": "less bureaucracy"}) == [False]
    assert found("flags", {"kind": "contradiction", "detail_contains": "defense"}) == [True]


def test_gate_scoring_agreements_by_party_set_and_flattened_provisions():
    assert found("agreements", {"parties": ["RUS", "IRN"]}, {"parties": ["RUS"]}) == [True, False]
    assert found("agreements", {"parties_include": ["RUS"], "signed": "2025"}) == [True]
    assert found("provisions", {"parties": ["IRN", "RUS"], "key": "defense", "value": "present"}) == [False]
    assert found("responses", {"claimant": "USA", "subject": "IRN", "actor": "IRN", "stance": "deny"}) == [True]


def test_gate_scoring_document_and_body_facts():
    assert found("document", {"field": "published", "startswith": "2025-01-18"},
                 {"field": "title", "equals": "russia and iran  sign a pact"},
                 {"field": "cleaning.duplicate_blocks_removed", "at_least": 3}) == [True, True, False]
    assert found("body", {"contains": "Russia and Iran signed", "count": 1}, {"contains": "Moscow", "count": 2}) \
        == [True, False]


def test_gate_scoring_nested_gold_entries_expand_to_one_fact_each(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text("page: x.txt\nmust:\n  agreements:\n    - parties: [IRN, RUS]\n      signed: 2025-01-17\n"
                    "      provisions: {present: [neutrality], absent: [defense]}\n"
                    "  claims:\n    - {claimant: USA, subject: IRN, topic: arms_transfer,"
                    " responses: [{actor: IRN, stance: deny}]}\n"
                    "must_not:\n  body:\n    - {contains: Moscow}\n", encoding="utf-8")
    page = load_page(path)
    assert [len(page.must[f]) for f in ("agreements", "provisions", "claims", "responses")] == [2, 2, 1, 1]
    assert page.must["agreements"][1]["signed"] == "2025-01-17"  # a YAML date is compared as text
    score = score_page(page, RECORD)
    assert score.must["provisions"] == (1, 2) and score.must_not["body"] == (0, 1)
    assert score.violated == ["body: contains=Moscow"]
    summary = summarise([score])
    assert summary["must"]["provisions"] == 0.5 and summary["must_not"]["all"] == 0.0
    assert score_page(page, {"error": {"code": "empty"}}).must["claims"] == (0, 1)


def test_gate_scoring_rejects_misspelt_facts():
    assert shape_problems("events", {"sorce": "RUS"})
    assert shape_problems("document", {"field": "title"})
    assert shape_problems("quotes", {"actor": "RUS"})
    assert shape_problems("treaties", {"parties": ["RUS"]})
    assert shape_problems("events", {"source": "RUS", "cameo": "057"}) == []


def test_gate_floors_fail_below_warn_above_and_only_move_up(tmp_path):
    path = tmp_path / "floors.json"
    path.write_text(json.dumps({"epsilon": 0.005, "stale_margin": 0.02,
                                "floors": {"repo.must.events": 0.70, "dev.events_f1": 0.8}}))
    floors = Floors.load(path)
    verdict = judge({"repo.must.events": 0.69}, floors)
    assert verdict.below and not verdict.stale and verdict.unmeasured == []  # dev not measured: not judged
    assert judge({"repo.must.events": 0.698}, floors).below == []            # within epsilon
    assert judge({"repo.must.events": 0.75}, floors).stale
    new, refused = raise_floors({"repo.must.events": 0.69}, floors)
    assert refused and new["repo.must.events"] == 0.70
    new, refused = raise_floors({"repo.must.events": 0.69}, floors, allow_lower=True)
    assert refused == [] and new["repo.must.events"] == 0.69
    new, refused = raise_floors({"repo.must.events": 0.75, "repo.must.quotes": 1.0}, floors)
    assert refused == [] and new == {"repo.must.events": 0.75, "repo.must.quotes": 1.0, "dev.events_f1": 0.8}
    floors.values = new
    floors.save(path)
    assert Floors.load(path).values["repo.must.events"] == 0.75


def test_gate_page_without_record_counts_every_must_fact_missed():
    page = GatePage("p", "x.txt", "repo", must={"events": [{"source": "RUS"}]}, must_not={"events": [{"source": "X"}]})
    score = score_page(page, None)
    assert score.must["events"] == (0, 1) and score.must_not["events"] == (1, 1)


@pytest.mark.parametrize("family", ["events", "claims", "quotes"])
def test_gate_scoring_empty_record_finds_nothing(family):
    assert facts_found(family, [{"source": "RUS"} if family == "events" else
                                {"claimant": "USA"} if family == "claims" else {"text": "x"}], {}) == [False]
