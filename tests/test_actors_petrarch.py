"""The PETRARCH/TABARI dictionary importer, on small dictionaries written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from multipolar.actors.petrarch import (
    DictionaryFormatError,
    load_petrarch,
    parse_actors,
    parse_agents,
    petrarch_date,
)
from multipolar.actors.resolver import ActorResolver

FIXTURES = Path(__file__).parent / "fixtures" / "actors"


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    d = load_petrarch(FIXTURES / "mini.actors.txt", FIXTURES / "mini.agents.txt")
    return ActorResolver(d, unknown_entities=False)


def test_actors_petrarch_parse_actors_synonyms_and_restrictions():
    records = {r.phrases[0]: r for r in parse_actors((FIXTURES / "mini.actors.txt").read_text())}
    assert records["FREEDONIA"].phrases == ["FREEDONIA", "FREEDONIAN"]
    assert records["SYLVANIA"].default == "SYL"
    firefly = records["RUFUS T. FIREFLY"]
    assert firefly.default == "FRD"
    assert [(t.code, t.start, t.end) for t in firefly.restrictions] == [
        ("FRDGOV", "1933-01-01", "1935-01-01"), ("FRDELI", "1935-01-01", "")]
    assert records["TRENTINO"].default == "" and records["TRENTINO"].restrictions[0].end == "1933-06-01"


def test_actors_petrarch_parse_agents_plurals_and_substitutions():
    agents = {p: r.code for r in parse_agents((FIXTURES / "mini.agents.txt").read_text()) for p in r.phrases}
    assert agents["AMBASSADOR"] == agents["AMBASSADORS"] == "GOV"
    assert "TROOPSS" not in agents and agents["TROOPS"] == "MIL"
    assert agents["CONGRESSWOMEN"] == "LEG"
    assert agents["RED CROSS VOLUNTEERS"] == "NGO~"


def test_actors_petrarch_dates():
    assert petrarch_date("950601").isoformat() == "1995-06-01"
    assert petrarch_date("290101").isoformat() == "2029-01-01"
    assert petrarch_date("19330101").isoformat() == "1933-01-01"


@pytest.mark.parametrize("text, day, codes", [
    ("Freedonia protested.", "1990-01-01", ["FRD"]),
    ("Rufus T. Firefly spoke.", "1933-06-01", ["FRDGOV"]),
    ("Rufus T. Firefly spoke.", "1940-06-01", ["FRDELI"]),
    ("Rufus T. Firefly spoke.", "1920-06-01", ["FRD"]),
    ("Trentino spoke.", "1932-01-01", ["SYLGOV"]),
    ("The Twin Duchies agreed.", "1990-01-01", ["FRD", "SYL"]),
    ("The Marx Brothers laughed.", "1990-01-01", []),
    ("Freedonian troops advanced.", "1990-01-01", ["FRDMIL"]),
    ("The Sylvania minister of war resigned.", "1990-01-01", ["SYLGOVMIL"]),
    ("The ambassadors of Freedonia and Sylvania met.", "1990-01-01", ["FRDGOV", "SYLGOV"]),
    ("Red Cross volunteers Freedonia arrived.", "1990-01-01", ["NGOFRD"]),
])
def test_actors_petrarch_resolution(resolver, text, day, codes):
    res = resolver.resolve_text(text, day)
    assert [c for m in res.mentions for c in m.codes] == codes


def test_actors_petrarch_bad_lines_name_the_line(tmp_path):
    bad = tmp_path / "bad.actors.txt"
    bad.write_text("+ORPHAN\n")
    with pytest.raises(DictionaryFormatError, match="bad.actors.txt:1"):
        load_petrarch(bad)
    worse = tmp_path / "bad.agents.txt"
    worse.write_text("SOLDIER [MIL]\n")
    with pytest.raises(DictionaryFormatError, match="bad.agents.txt:1"):
        load_petrarch(agents=worse)


def test_actors_petrarch_merges_over_packaged_dictionary():
    from multipolar.actors.dictionary import packaged_dictionary

    d = load_petrarch(FIXTURES / "mini.actors.txt", base=packaged_dictionary())
    r = ActorResolver(d, unknown_entities=False)
    assert [m.codes for m in r.resolve_text("Freedonia and Russia met.").mentions] == [("FRD", "RUS")]
    assert packaged_dictionary().names.get(("freedonia",)) is None  # the base is not changed


@pytest.mark.shared
def test_actors_petrarch_loads_validation_dictionaries(shared_dir):
    raw = shared_dir / "eval" / "petrarch2_raw"
    d = load_petrarch(raw / "PETR.Validate.actors.txt", raw / "PETR.Validate.agents.txt")
    r = ActorResolver(d, unknown_entities=False)
    assert r.lookup("Sam Gamgee", on="2012-12-01").code == "HOBGOV"
    assert r.lookup("Zimbabwe", on="1978-01-01").code == "RHO"
    assert r.lookup("Zimbabwe", on="2001-01-01").code == "ZBW"
