"""The resolver on parsed text: composition, collectives, unknown entities, robustness."""

from __future__ import annotations

import pytest

from multipolar.actors.spans import CollectiveMention

pytestmark = pytest.mark.model


def _mentions(resolver, nlp, text, day="2024-10-25"):
    return [(m.text, m.codes) for m in resolver.resolve(nlp(text), day).mentions]


def test_actors_resolver_composition_in_sentences(resolver, nlp):
    got = _mentions(resolver, nlp, "Israel's military said it struck targets. Danish media and government "
                                   "officials welcomed it. The leaders of Russia and China met in Kazan.")
    assert ("Israel's military", ("ISRMIL",)) in got
    assert ("Danish media and government", ("DNKMED", "DNKGOV")) in got
    assert ("leaders of Russia and China", ("RUSGOV", "CHNGOV")) in got


def test_actors_resolver_collective_members_get_their_own_evidence(resolver, nlp):
    text = "Moscow and Tehran deny the allegations."
    res = resolver.resolve(nlp(text), "2025-01-18")
    [m] = res.mentions
    assert isinstance(m, CollectiveMention) and m.codes == ("RUS", "IRN")
    spans = {a.code: [(e.start, e.end) for e in a.mentions] for a in res.actors}
    assert spans == {"RUS": [(0, 6)], "IRN": [(11, 17)]}
    assert res.covering(11, 17) is m


def test_actors_resolver_unknown_entities_keep_text_and_no_country(resolver, nlp):
    res = resolver.resolve(nlp("Officials from Vortania met Zed Qorvath in Plimsk on Monday."), "2024-01-01")
    unknown = [a for a in res.actors if a.code == "---"]
    assert unknown and all(a.country is None for a in unknown)
    assert all(a.name == a.mentions[0].text for a in unknown)
    assert not [a for a in res.actors if a.code != "---"]


def test_actors_resolver_ambiguous_words_need_capitals(resolver, nlp):
    got = _mentions(resolver, nlp, "Let us see who will chad the turkey near the west gate of the new jersey.")
    assert got == []


def test_actors_resolver_deterministic_and_safe_on_odd_input(resolver, nlp):
    text = "Russian troops and Hezbollah fighters clashed; the two sides blamed each other."
    assert _mentions(resolver, nlp, text) == _mentions(resolver, nlp, text)
    for odd in ("", "   ", "\n\n", "...", "\"\"\"", "he said", "the president said", "both sides"):
        resolver.resolve(nlp(odd), None)
        resolver.resolve(nlp(odd), "not a date")


def test_actors_resolver_headline_without_model(resolver):
    res = resolver.resolve_text("Russia and Iran Forge 20-Year Defence Pact", "2025-01-18")
    assert [m.codes for m in res.mentions] == [("RUS", "IRN")]


def test_actors_resolver_names_inside_names(resolver, nlp):
    got = _mentions(resolver, nlp, "Russia's Security Council met while the Security Council in New York "
                                   "debated. George Washington never visited Jordan.")
    assert ("Russia's Security Council", ("RUSGOV",)) in got
    assert ("Security Council", ("IGOUNO",)) in got
    assert not any(codes == ("USA",) for _, codes in got)
    assert ("Jordan", ("JOR",)) in got
