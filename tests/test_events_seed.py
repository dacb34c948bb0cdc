"""The seed page's events through the whole pipeline (skipped without ../shared)."""

import pytest

pytestmark = [pytest.mark.model, pytest.mark.shared]


def _by_triple(record):
    out = {}
    for e in record["events"]:
        out.setdefault((e["source"][:3], e["cameo"], (e["target"] or "")[:3]), e)
    return out


def test_signing_both_ways_on_the_friday(seed_record):
    got = _by_triple(seed_record)
    for pair in (("RUS", "IRN"), ("IRN", "RUS")):
        e = got[(pair[0], "057", pair[1])]
        assert e["plover"] == "SUPPORT"
        assert e["date"] == "2025-01-17"


def test_accusations_denials_and_aid(seed_record):
    got = _by_triple(seed_record)
    assert got[("WST", "112", "IRN")]["status"] == "asserted"
    us = got[("USA", "112", "IRN")]
    assert us["date"] == "2024-09" and us["plover"] == "ACCUSE"
    assert got[("IRN", "120", "USA")]["plover"] == "REJECT"
    assert got[("IRN", "120", "WST")]["plover"] == "REJECT"
    assert got[("IRN", "072", "RUS")]["status"] == "denied"  # the charge Iran denied
    assert got[("RUS", "072", "IRN")]["plover"] == "AID"  # the earlier S-300 supply


def test_nothing_from_the_related_headlines_and_evidence_indexes_the_text(seed_record):
    text = seed_record["document"]["text"]
    for e in seed_record["events"]:
        ev = e["evidence"]
        assert text[ev["start"]:ev["end"]] == ev["text"]
        assert "Hostages" not in ev["text"] and "Voodoo" not in ev["text"]
    triples = [(e["source"], e["cameo"], e["target"], e["evidence"]["text"]) for e in seed_record["events"]]
    assert len(triples) == len(set(triples))  # the duplicated copy adds nothing
