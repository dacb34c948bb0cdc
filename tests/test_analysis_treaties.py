"""treaty compare / treaty obligations over a fixture store."""

from __future__ import annotations

import pytest

from multipolar.analysis import AgreementNotFound, find_agreements, treaty_compare, treaty_obligations
from store_fixtures import build_record, make_store


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = make_store(tmp_path_factory.mktemp("t") / "s.db")
    yield s
    s.close()


def test_find_agreements_by_id_parties_date_and_name(store):
    (rus_irn,) = find_agreements(store, "RUS-IRN")
    assert find_agreements(store, "irn,rus") == [rus_irn]
    assert find_agreements(store, "RUS-IRN@2025-01") == [rus_irn]
    assert find_agreements(store, "RUS-IRN@2020") == []
    assert find_agreements(store, str(rus_irn)) == [rus_irn]
    assert len(find_agreements(store, "good-neighbourliness")) == 1


def test_compare_russia_iran_with_russia_north_korea(store):
    r = treaty_compare(store, "RUS-IRN", "RUS-PRK")
    table = {row["key"]: (row["a"], row["b"]) for row in r["provisions"]}
    assert table == {"defense": ("conflict", "present"), "neutrality": ("present", "unknown"),
                     "consultation": ("present", "unknown"), "intelligence_sharing": ("present", "unknown"),
                     "joint_exercises": ("present", "unknown"), "military_technical": ("unknown", "present")}
    assert r["same"] == [] and r["differ"][0] == "defense"
    defense = r["provisions"][0]
    assert len(defense["a_evidence"]) == 3 and len(defense["b_evidence"]) == 2
    with pytest.raises(AgreementNotFound):
        treaty_compare(store, "RUS-IRN", "FRA-DEU")


def test_obligations_if_the_us_attacks_russia(store):
    r = treaty_obligations(store, "USA", "RUS")
    duties = {(o["party"], o["duty"], o["toward"], o["disputed"]) for o in r["obligations"]}
    assert duties == {("PRK", "defend", "RUS", False),        # RUS-PRK: defense present
                      ("IRN", "defend", "RUS", True),         # RUS-IRN: reports disagree
                      ("IRN", "stay_neutral", "RUS", False),  # RUS-IRN: neutrality
                      ("IRN", "consult", "RUS", False),
                      ("CHN", "consult", "RUS", False)}
    neutral = next(o for o in r["obligations"] if o["duty"] == "stay_neutral")
    assert neutral["must_not_help"] == "USA" and neutral["evidence"][0]["text"].startswith("The document also")
    assert r["breaches"] == []


def test_obligations_if_china_attacks_russia_show_the_nonaggression_breach(store):
    r = treaty_obligations(store, "CHN", "RUS")
    assert [(b["party"], b["duty"], b["toward"]) for b in r["breaches"]] == [("CHN", "not_attack", "RUS")]


def test_obligations_if_russia_attacks_japan_and_explicit_non_obligations(store):
    r = treaty_obligations(store, "RUS", "JPN")
    # the US must defend Japan; Russia's partners owe Russia neutrality (not helping Japan) or consultation
    assert {(o["party"], o["duty"], o["toward"]) for o in r["obligations"]} == {
        ("USA", "defend", "JPN"), ("IRN", "stay_neutral", "RUS"), ("IRN", "consult", "RUS"),
        ("CHN", "consult", "RUS")}
    # Iran's defence duty to Russia is reported absent twice and present once: disputed, not absent
    r = treaty_obligations(store, "USA", "IRN")
    assert ("RUS", "defend", True) in {(o["party"], o["duty"], o["disputed"]) for o in r["obligations"]}
    assert r["not_obliged"] == []


def test_a_provision_reported_only_absent_is_an_explicit_non_obligation(tmp_path):
    spec = {"key": "g", "source": "t/g", "url": None, "title": "g", "published": "2020-05-01T00:00:00",
            "paragraphs": ["France and Germany signed a cooperation pact that has no mutual defence clause."],
            "agreements": [{"name": "cooperation pact", "kind": "agreement", "parties": ["DEU", "FRA"],
                            "signed": "2020-04-30", "duration_years": None,
                            "sentence": "France and Germany signed a cooperation pact that has no mutual defence clause.",
                            "provisions": [{"key": "defense", "value": "absent",
                                            "sentence": "France and Germany signed a cooperation pact that has "
                                                        "no mutual defence clause."}]}]}
    s = make_store(tmp_path / "g.db", [build_record(spec)])
    r = treaty_obligations(s, "RUS", "FRA")
    assert r["obligations"] == []
    assert [(o["party"], o["duty"], o["value"]) for o in r["not_obliged"]] == [("DEU", "defend", "absent")]


def test_obligations_on_a_date_leave_out_later_agreements(store):
    r = treaty_obligations(store, "USA", "RUS", on="2024-12-31")
    assert {o["party"] for o in r["obligations"]} == {"PRK", "CHN"}
    r = treaty_obligations(store, "USA", "RUS", on="2000-01-01")
    assert r["obligations"] == []
