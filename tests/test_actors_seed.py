"""The seed page's actors (skipped when ../shared is absent)."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.shared, pytest.mark.model]


@pytest.fixture(scope="module")
def seed_resolution(seed_path, nlp):
    from multipolar.actors.resolver import ActorResolver

    doc = nlp(seed_path.read_text(encoding="utf-8"))
    return ActorResolver().resolve(doc, "2025-01-18T00:42")


def test_actors_seed_countries(seed_resolution):
    countries = {a.country for a in seed_resolution.actors}
    for code in ("RUS", "IRN", "USA", "WST", "PRK", "BLR", "CHN", "UKR", "SYR", "ISR", "AZE"):
        assert code in countries, code


def test_actors_seed_people_as_of_publication(seed_resolution):
    people = {a.person: a.code for a in seed_resolution.actors if a.person}
    assert people["Vladimir Putin"] == "RUSGOV"
    assert people["Masoud Pezeshkian"] == "IRNGOV"
    assert people["Bashar al-Assad"] == "SYRELI"


def test_actors_seed_mentions_index_text(seed_resolution, seed_path):
    text = seed_path.read_text(encoding="utf-8")
    for actor in seed_resolution.actors:
        for m in actor.mentions:
            assert text[m.start:m.end] == m.text



def test_actors_seed_record_carries_actors(seed_record):
    actors = seed_record["actors"]
    codes = {a["code"] for a in actors}
    assert {"RUSGOV", "IRNGOV", "WST"} <= codes
    if seed_record["document"].get("published"):
        # dated 2025-01-18: Assad, ousted in December 2024, is an elite, not the government
        assert "SYRELI" in codes and "SYRGOV" not in codes
    text = seed_record["document"]["text"]
    for a in actors:
        for m in a["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]
