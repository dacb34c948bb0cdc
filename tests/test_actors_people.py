"""People resolve to the office they held on the article's date."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("name, day, code", [
    ("Obama", "2012-06-01", "USAGOV"), ("Obama", "2020-06-01", "USAELI"),
    ("Barack Obama", "2005-06-01", "USAELI"),
    ("Netanyahu", "2015-06-01", "ISRGOV"), ("Netanyahu", "2022-03-01", "ISROPP"),
    ("Netanyahu", "2024-03-01", "ISRGOV"),
    ("Stoltenberg", "2010-06-01", "NORGOV"), ("Stoltenberg", "2019-06-01", "IGONAT"),
    ("Stoltenberg", "2024-12-01", "NORELI"),
    ("Rubio", "2020-06-01", "USALEG"), ("Rubio", "2025-06-01", "USAGOV"),
    ("Trump", "2025-01-18", "USAELI"), ("Trump", "2025-01-21", "USAGOV"),
    ("Assad", "2024-12-07", "SYRGOV"), ("Assad", "2025-01-18", "SYRELI"),
    ("Pezeshkian", "2025-01-18", "IRNGOV"), ("Putin", "2025-01-18", "RUSGOV"),
    ("al-Sharaa", "2023-06-01", "SYRREB"), ("al-Sharaa", "2025-06-01", "SYRGOV"),
])
def test_actors_people_by_date(resolver, name, day, code):
    m = resolver.lookup(name, on=day)
    assert m.code == code
    assert m.kind == "person" and m.person


def test_actors_people_role_change_keeps_person(resolver):
    # Medvedev: president, then prime minister, then security-council deputy -- government throughout
    offices = {d: resolver.lookup("Medvedev", on=d) for d in ("2010-01-01", "2015-01-01", "2023-01-01")}
    assert {m.code for m in offices.values()} == {"RUSGOV"}
    assert {m.person for m in offices.values()} == {"Dmitry Medvedev"}


def test_actors_people_in_text_use_published_date(resolver):
    old = resolver.resolve_text("Obama met Medvedev in Moscow.", "2010-04-08")
    new = resolver.resolve_text("Obama met Medvedev in Moscow.", "2020-04-08")
    assert [m.code for m in old.mentions] == ["USAGOV", "RUSGOV", "RUS"]
    assert [m.code for m in new.mentions] == ["USAELI", "RUSGOV", "RUS"]
    assert {a.person for a in new.actors if a.person} == {"Barack Obama", "Dmitry Medvedev"}


def test_actors_people_undated_text_trusts_the_title(resolver):
    # no article date: the title in the text is the best evidence of the office held
    res = resolver.resolve_text("Japanese Foreign Minister Yoko Kamikawa met reporters. Kamikawa said no.")
    assert [m.code for m in res.mentions] == ["JPNGOV", "JPNGOV"]
    dated = resolver.resolve_text("Japanese Foreign Minister Yoko Kamikawa met reporters.", "2025-01-01")
    assert dated.mentions[0].code == "JPNELI"  # with a date, the tenure table decides
