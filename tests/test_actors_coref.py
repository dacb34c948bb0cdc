"""Within-document coreference and collectives, on a news-style fixture we wrote."""

from __future__ import annotations

from pathlib import Path

import pytest

from multipolar.actors.resolver import ActorResolver

pytestmark = pytest.mark.model

FIXTURE = Path(__file__).parent / "fixtures" / "actors" / "summit.txt"


@pytest.fixture(scope="module")
def resolved(nlp):
    text = FIXTURE.read_text(encoding="utf-8")
    res = ActorResolver().resolve(nlp(text), "2024-05-06")
    return text, res


def _codes_at(res, text, phrase, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    m = res.covering(start, start + len(phrase))
    return m.codes if m else None


def test_actors_coref_coordinated_people_are_one_collective(resolved):
    text, res = resolved
    assert _codes_at(res, text, "Lula da Silva") == ("BRAGOV", "ZAFGOV")


def test_actors_coref_two_countries_and_both_sides(resolved):
    text, res = resolved
    assert set(_codes_at(res, text, "The two countries")) == {"BRA", "ZAF"}
    assert set(_codes_at(res, text, "both sides")) == {"BRAGOV", "ZAFGOV"}


def test_actors_coref_surname_and_pronoun(resolved):
    text, res = resolved
    assert _codes_at(res, text, "Lula said") == ("BRAGOV",)
    he = res.covering(text.index("he added"), text.index("he added") + 2)
    assert he.person == "Luiz Inacio Lula da Silva"


def test_actors_coref_titled_unknown_person_then_surname(resolved):
    text, res = resolved
    first = res.covering(text.index("Marie Tremblay"), text.index("Marie Tremblay") + 5)
    assert (first.code, first.person) == ("CANGOV", "Marie Tremblay")
    later = res.covering(text.index("Tremblay said"), text.index("Tremblay said") + 4)
    assert (later.code, later.person) == ("CANGOV", "Marie Tremblay")


def test_actors_coref_the_president_when_one_is_salient(resolved):
    text, res = resolved
    m = res.covering(text.index("The president"), text.index("The president") + 13)
    assert m is not None and m.person == "Abdel Fattah el-Sisi" and m.code == "EGYGOV"


def test_actors_coref_agents_regions_and_unknowns(resolved):
    text, res = resolved
    assert _codes_at(res, text, "Kenyan troops") == ("KENMIL",)
    assert _codes_at(res, text, "Western nations") == ("WST",)
    assert _codes_at(res, text, "Iraqi officials") == ("IRQELI",)
    militias = res.covering(text.index("militias"), text.index("militias") + 8)
    assert militias.code == "---REB" and militias.kind == "group"
    ruritania = res.covering(text.index("Ruritanian"), text.index("Ruritanian") + 10)
    assert ruritania is None or ruritania.code == "---"  # unknown: no guess


def test_actors_coref_actors_are_spec_shaped(resolved):
    text, res = resolved
    for actor in res.actors:
        assert actor.mentions
        for m in actor.mentions:
            assert text[m.start:m.end] == m.text
    people = {a.person for a in res.actors if a.person}
    assert {"Luiz Inacio Lula da Silva", "Cyril Ramaphosa", "Marie Tremblay"} <= people


def test_actors_coref_family_name_first_and_led_coalitions(nlp):
    text = ("North Korean leader Kim Jong Un met envoys. Kim promised support. The Saudi-led coalition "
            "struck Sanaa, and the coalition later paused.")
    res = ActorResolver().resolve(nlp(text), "2024-06-19")
    got = [(m.text, m.codes) for m in res.mentions]
    assert ("Kim", ("PRKGOV",)) in got
    assert ("coalition", ("SAUMIL",)) in got and ("the coalition", ("SAUMIL",)) in got
    assert ("Saudi", ("SAU",)) in got  # the leader word stays its own mention


def test_actors_coref_they_after_a_named_group(nlp):
    r = ActorResolver()
    res = r.resolve(nlp("Russia and Iran signed a pact. They said it was not aimed at anyone."), "2025-01-18")
    assert [(m.text, m.codes) for m in res.mentions] == [("Russia and Iran", ("RUS", "IRN")),
                                                         ("They", ("RUS", "IRN"))]
    # two different groups before it: no guess
    res = r.resolve(nlp("Russia and Iran met while Japan and China talked, and they agreed."), "2025-01-18")
    assert all(m.text != "they" for m in res.mentions)
