"""A city standing for an organisation seated there: "Brussels" as the EU when it acts, nothing when
it is a place; capitals standing for their own country are unchanged. Sentences written for these
tests."""

from __future__ import annotations

import pytest

from multipolar.actors.resolver import ActorResolver

pytestmark = pytest.mark.model


def _codes(nlp, text: str) -> list[tuple[str, tuple[str, ...]]]:
    res = ActorResolver().resolve(nlp(text), "2025-02-03")
    return [(m.text, m.codes) for m in res.mentions]


@pytest.mark.parametrize("text", [
    "Brussels imposed new duties on imported solar panels.",
    "Brussels and Canberra agreed to resume talks.",
    "Ottawa and Brussels agreed to resume talks.",
    "Beijing accused Brussels of protectionism.",
    "Norway held talks with Brussels on fishing quotas.",
    "Serbia ignored Brussels' demands.",
    "The plan was rejected by Brussels last week.",
    "Brussels officials criticised the Polish plan.",
])
def test_brussels_acting_is_the_european_union(nlp, text):
    codes = _codes(nlp, text)
    assert any("Brussels" in t and "IGOEUR" in c for t, c in codes)
    assert not any("BEL" in c for _, c in codes)


@pytest.mark.parametrize("text", [
    "Leaders gathered at a summit in Brussels on Thursday.",
    "The Brussels summit ended without a deal.",
    "The Slovak prime minister flew to Brussels on Monday.",
    "The Irish foreign minister visited Brussels.",
    "BRUSSELS (Reuters) - Ministers met for three hours.",
])
def test_brussels_as_a_place_codes_no_actor(nlp, text):
    codes = _codes(nlp, text)
    assert not any(t == "Brussels" for t, _ in codes)
    assert not any("BEL" in c or "IGOEUR" in c for _, c in codes)


def test_belgium_named_outright_is_still_belgium(nlp):
    assert ("Belgium", ("BEL",)) in _codes(nlp, "Belgium summoned the Dutch envoy in Brussels.")


@pytest.mark.parametrize("text,name,code", [
    ("Moscow accused Kyiv of shelling the plant.", "Moscow", "RUS"),
    ("Washington imposed sanctions on three banks.", "Washington", "USA"),
    ("Beijing warned Washington against arms sales.", "Beijing", "CHN"),
    ("Tehran rejected the proposal.", "Tehran", "IRN"),
])
def test_capitals_for_their_own_country_are_unchanged(nlp, text, name, code):
    assert (name, (code,)) in _codes(nlp, text)
