"""The seed page end to end: agreements, claims, quotes and the contradiction flag (issue 5).

Needs ../shared (skipped when absent) and the real actor resolver.
"""

from __future__ import annotations

import pytest

from multipolar.model import validate_record

pytestmark = [pytest.mark.model, pytest.mark.shared]


def _agreement(record, parties):
    found = [a for a in record["agreements"] if a["parties"] == parties]
    assert found, [a["parties"] for a in record["agreements"]]
    return found[0]


def test_seed_russia_iran_provisions_each_with_its_sentence(seed_record):
    assert validate_record(seed_record) == []
    a = _agreement(seed_record, ["IRN", "RUS"])
    values = {p["key"]: p["value"] for p in a["provisions"]}
    for key in ("intelligence_sharing", "joint_exercises", "port_visits", "military_training",
                "territory_non_use", "neutrality", "military_technical"):
        assert values.get(key) == "present", key
    assert values["defense"] == "absent"
    assert a["signed"] == "2025-01-17" and a["duration_years"] == 20
    text = seed_record["document"]["text"]
    for p in a["provisions"]:
        ev = p["evidence"]
        assert text[ev["start"]:ev["end"]] == ev["text"]
    defense = next(p for p in a["provisions"] if p["key"] == "defense")
    assert "did not include a mutual defence clause" in defense["evidence"]["text"]


def test_seed_russia_north_korea_treaty_is_its_own_record(seed_record):
    a = _agreement(seed_record, ["PRK", "RUS"])
    assert {p["key"]: p["value"] for p in a["provisions"]}.get("defense") == "present"


def test_seed_claims_and_responses(seed_record):
    claims = {(c["claimant"][:3], c["subject"][:3], c["topic"]): {(r["actor"][:3], r["stance"]) for r in c["responses"]}
              for c in seed_record["claims"]}
    assert {("IRN", "deny"), ("RUS", "deny")} <= claims[("WST", "IRN", "arms_transfer")]
    assert {("IRN", "deny"), ("RUS", "not_confirmed")} <= claims[("USA", "IRN", "arms_transfer")]


def test_seed_quotes_and_contradiction_flag(seed_record):
    speakers = {q["speaker"] for q in seed_record["quotes"]}
    assert any("Putin" in s for s in speakers) and any("Pezeshkian" in s for s in speakers)
    flag = next(f for f in seed_record["flags"] if f["kind"] == "contradiction")
    assert flag["evidence"][0]["field"] == "subtitle"
