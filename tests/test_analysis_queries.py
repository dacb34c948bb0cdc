"""Each query on a store built from the fixture articles, with asserted answers."""

from __future__ import annotations

import json

import pytest

from multipolar.analysis import (
    UnknownActor,
    agreement,
    agreements_of,
    claims_about,
    overview,
    resolve_actor,
    search,
    timeline,
)
from store_fixtures import make_store


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = make_store(tmp_path_factory.mktemp("q") / "s.db")
    yield s
    s.close()


def test_timeline_of_a_dyad_counts_both_directions_and_lists_the_cluster(store):
    t = timeline(store, "RUS", "IRN")
    assert [a["code"] for a in t["actors"]] == ["RUS", "IRN"]
    assert t["counts"] == [{"month": "2025-01", "n_events": 3, "a_to_b": 3, "b_to_a": 0, "by_quad": {"verbal_cooperation": 3}}]
    (cluster,) = t["clusters"]
    assert (cluster["n_documents"], cluster["cameo"], cluster["first_day"]) == (3, "057", "2025-01-17")
    assert {e["evidence"]["document"]["source"] for e in cluster["events"]} == \
        {"fixtures/wire-a.txt", "fixtures/paper-b.html", "fixtures/site-c.txt"}
    json.dumps(t)  # JSON-ready


def test_timeline_of_one_country_and_of_a_role_code(store):
    t = timeline(store, "RUS")
    assert t["total_events"] == 5  # 3 signings with Iran, 1 with North Korea, 1 condemnation by the US
    assert [(c["source"], c["target"], c["first_day"]) for c in t["clusters"]] == [
        ("USA", "RUS", "2025-01-25"), ("RUS", "IRN", "2025-01-17"), ("RUS", "PRK", "2024-06-19")]
    months = {c["month"]: (c["as_source"], c["as_target"]) for c in t["counts"]}
    assert months == {"2024-06": (1, 0), "2025-01": (3, 1)}
    gov = timeline(store, "RUSGOV")
    assert gov["total_events"] == 3  # only the events coded RUSGOV
    assert [(c["source"], c["target"]) for c in gov["clusters"]] == [("RUS", "IRN"), ("RUS", "PRK")]
    assert timeline(store, "RUS", since="2025-01-20")["clusters"][0]["target"] == "RUS"
    assert [c["first_day"] for c in timeline(store, "RUS", until="2024-12")["clusters"]] == ["2024-06-19"]
    assert len(timeline(store, "RUS", limit=1, offset=1)["clusters"]) == 1


def test_actor_arguments_accept_codes_and_stored_names(store):
    assert resolve_actor(store, "IRNGOV").code == "IRNGOV"
    assert resolve_actor(store, "rus").code == "RUS"
    assert resolve_actor(store, "irngov").code == "IRNGOV"
    assert resolve_actor(store, "Russia").code == "RUS"      # a name, not the code "RUSSIA"
    assert resolve_actor(store, "japan").code == "JPN"
    ref = resolve_actor(store, "South Korea")
    assert (ref.code, ref.matched_by in ("resolver", "store")) == ("KOR", True)
    with pytest.raises(UnknownActor):
        resolve_actor(store, "Atlantis of the Seas")


def test_agreements_of_a_country(store):
    r = agreements_of(store, "RUS")
    assert r["total"] == 3
    assert [(g["parties"], g["signed"]) for g in r["agreements"]] == [
        (["IRN", "RUS"], "2025-01-17"), (["PRK", "RUS"], "2024-06-19"), (["CHN", "RUS"], "2001-07-16")]
    assert r["agreements"][0]["provisions"]["defense"] == {"value": "conflict", "n_present": 1, "n_absent": 2}
    assert agreements_of(store, "JPN")["agreements"][0]["weight"] == 4.0


def test_one_agreement_in_full(store):
    rid = agreements_of(store, "IRN")["agreements"][0]["id"]
    g = agreement(store, rid)
    assert g["conflicts"] == ["defense"]
    assert len(g["reports"]) == 4
    defense = g["provisions"]["defense"]["reports"]
    assert sorted(r["value"] for r in defense) == ["absent", "absent", "present"]
    assert all(r["evidence"]["document"]["id"] for r in defense)
    assert agreement(store, 9999) is None


def test_claims_about_an_actor_collect_responses_across_documents(store):
    r = claims_about(store, "IRN")
    assert r["total"] == 1
    c = r["claims"][0]
    assert (c["claimant"], c["topic"], c["n_documents"]) == ("USA", "arms_transfer", 2)
    assert c["stances"] == {"IRNGOV": ["deny"], "RUSGOV": ["not_confirmed"]}
    assert claims_about(store, "USA", role="claimant")["total"] == 1
    assert claims_about(store, "USA")["total"] == 0
    assert claims_about(store, "IRN", topic="nuclear")["total"] == 0


def test_search_over_evidence(store):
    hits = search(store, "mutual defence")["hits"]
    assert {h["document"]["source"] for h in hits} == {"fixtures/wire-a.txt", "fixtures/blog-d.html",
                                                        "fixtures/alliances-f.txt"}
    assert all("[mutual]" in h["snippet"] for h in hits)
    # porter stemming: "consult" finds "consultations"
    assert any("[consultations]" in h["snippet"] for h in search(store, "consult")["hits"])
    assert len(search(store, '"defence treaty"')["hits"]) == 1
    assert search(store, 'unbalanced "quote')["hits"] == []      # malformed syntax does not raise
    assert search(store, "")["hits"] == []
    recent = search(store, "treaty", order="recent", limit=2)["hits"]
    assert len(recent) == 2


def test_overview_lists_counts_actors_and_agreements(store):
    o = overview(store)
    assert o["counts"]["documents"] == 6 and o["counts"]["event_clusters"] == 5
    assert o["top_actors"][0] == {"actor": "RUS", "name": "Russia", "n_events": 5}
    assert o["agreements"][0]["parties"] == ["IRN", "RUS"]
    assert [(c["source"], c["target"], c["n_documents"]) for c in o["corroborated"]] == [("RUS", "IRN", 3)]
