"""Ramming at sea: the rammed vessel links to the state whose coast guard or navy it is named for
("a Philippine supply boat", "the Vietnamese navy frigate", a prefixed name "BRP ..."); a collision
says nobody acted and codes nothing. Sentences written for these tests, run through the whole
pipeline (real actor dictionaries)."""

from __future__ import annotations

import pytest

from multipolar.actors.resolver import ActorResolver
from multipolar.pipeline import extract_text

pytestmark = pytest.mark.model


def _events(text: str) -> set[tuple[str, str, str | None]]:
    rec = extract_text(text, source="ramming.txt", kind="text").to_dict()
    return {(e["source"], e["cameo"], e["target"]) for e in rec["events"]}


def test_coast_guard_ship_ramming_a_supply_boat(nlp):
    ev = _events("A Chinese coast guard ship rammed a Philippine supply boat near the shoal on Sunday.")
    assert ("CHNMIL", "190", "PHL") in ev


def test_warship_ramming_a_navy_frigate(nlp):
    ev = _events("A Russian warship rammed a Ukrainian navy frigate in the Sea of Azov.")
    assert any(s.startswith("RUS") and c == "190" and t == "UKRMIL" for s, c, t in ev)


def test_prefixed_ship_name_is_that_states_navy(nlp):
    ev = _events("The Chinese vessel rammed the BRP Sierra Madre, officials said.")
    assert any(s.startswith("CHN") and c == "190" and t == "PHLMIL" for s, c, t in ev)


def test_criticising_the_ramming_targets_the_rammer(nlp):
    ev = _events("A Chinese coast guard ship rammed a Philippine supply boat on Sunday. "
                 "Japan criticised the ramming.")
    assert ("JPN", "111", "CHNMIL") in ev


def test_a_collision_codes_no_attack(nlp):
    ev = _events("A Chinese fishing boat collided with a Japanese coast guard patrol ship.")
    assert not any(c.startswith(("18", "19")) for _, c, _ in ev)


def test_ship_prefixes_need_the_exact_prefix_and_a_name(nlp):
    res = ActorResolver().resolve(nlp("USS Carney shot down two drones. INS agents detained him."), "2024-01-01")
    codes = {m.text: m.codes for m in res.mentions}
    assert codes.get("USS Carney") == ("USAMIL",)
    assert not any("INDMIL" in c for c in codes.values())
