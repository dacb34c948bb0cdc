"""Loading the packaged actor dictionaries and looking bare names up."""

from __future__ import annotations

import pytest

from multipolar.actors.dictionary import read_tsv
from multipolar.actors.resolver import day_of
from multipolar.model import ACTOR_KINDS


def test_actors_dictionary_every_iso_country_once():
    rows = list(read_tsv(name="countries.tsv"))
    codes = [r["code"] for r in rows]
    assert len(codes) == len(set(codes))
    assert len(codes) >= 249  # ISO 3166-1 has 249 entries; plus USR, KOS, YUG, CSK
    assert {"USR", "KOS", "PSE", "RUS", "PRK"} <= set(codes)


def test_actors_dictionary_people_rows_are_well_formed():
    for row in read_tsv(name="people.tsv"):
        assert len(row["start"]) == 10 and (not row["end"] or row["end"] > row["start"]), row
        assert row["source"].startswith("Wikipedia:"), row


def test_actors_dictionary_entity_kinds_are_spec_kinds(resolver):
    for entry in resolver.dictionary.entries():
        assert entry.kind in ACTOR_KINDS, entry


@pytest.mark.parametrize("name, code", [
    ("Russia", "RUS"), ("Russian Federation", "RUS"), ("Moscow", "RUS"), ("Russians", "RUS"),
    ("the Kremlin", "RUSGOV"), ("Tehran", "IRN"), ("Persia", "IRN"), ("Burma", "MMR"),
    ("Pyongyang", "PRK"), ("DPRK", "PRK"), ("White House", "USAGOV"), ("U.S.", "USA"),
    ("Downing Street", "GBRGOV"), ("Zhongnanhai", "CHNGOV"), ("Elysee", "FRAGOV"),
    ("Soviet Union", "USR"), ("Kosovo", "KOS"), ("Palestinians", "PSE"), ("Azerbaijani", "AZE"),
    ("NATO", "IGONAT"), ("United Nations", "IGOUNO"), ("European Union", "IGOEUR"),
    ("the West", "WST"), ("Western nations", "WST"), ("Hezbollah", "LBNREBHEZ"),
    ("Hamas", "PSEREBHAM"), ("Houthis", "YEMREBHOU"), ("Pentagon", "USAMIL"),
])
def test_actors_dictionary_lookup_names(resolver, name, code):
    assert resolver.lookup(name).code == code


@pytest.mark.parametrize("phrase, code, kind", [
    ("Iranian foreign minister", "IRNGOV", "government"), ("Russian troops", "RUSMIL", "military"),
    ("Chinese state media", "CHNMED", "other"), ("Israeli lawmakers", "ISRLEG", "government"),
    ("Ukraine's defence ministry", "UKRGOV", "government"), ("the government of Syria", "SYRGOV", "government"),
    ("Syrian rebels", "SYRREB", "group"), ("the Kremlin's forces", "RUSMIL", "military"),
])
def test_actors_dictionary_agent_composition(resolver, phrase, code, kind):
    m = resolver.lookup(phrase)
    assert (m.code, m.kind) == (code, kind)


def test_actors_dictionary_lookup_codes_and_misses(resolver):
    assert resolver.lookup("RUSGOV").name == "Government of Russia"
    assert resolver.lookup("IGONAT").kind == "igo"
    assert resolver.lookup("USA").code == "USA"
    assert resolver.lookup("Nobody Knowsthisname") is None
    assert resolver.lookup("") is None


def test_actors_dictionary_lowercase_words_are_not_names(resolver):
    res = resolver.resolve_text("let us see who will turkey the chad in the west wing")
    assert res.mentions == []


def test_actors_dictionary_day_of():
    assert day_of("2025-01-18T00:42") == "2025-01-18"
    assert day_of("19950112") == "1995-01-12"
    assert day_of(None) is None and day_of("yesterday") is None


def test_actors_dictionary_tenures_of_one_person_do_not_conflict(resolver):
    # two offices held at once must give the same code, or the date could not decide
    for entry in resolver.dictionary.entries():
        if not entry.is_person:
            continue
        for i, a in enumerate(entry.tenures):
            for b in entry.tenures[i + 1:]:
                overlap = a.start < (b.end or "9999") and b.start < (a.end or "9999")
                assert not overlap or a.code == b.code, (entry.name, a, b)
