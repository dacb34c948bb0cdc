"""Unknown officials placed by the words around their name (actors/titled_people.py), and the
"-backed" guard of agent + of + actor. Names and sentences made up for these tests."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _people(resolver, nlp, text):
    return {m.person: m.codes for m in resolver.resolve(nlp(text), "2025-04-02").mentions if m.person}


def test_office_after_the_name_gives_its_code(resolver, nlp):
    got = _people(resolver, nlp, "Maria Lindqvist, the acting Swedish ambassador, said the talks were useful.")
    assert got.get("Maria Lindqvist") == ("SWEGOV",)


def test_office_before_the_name_gives_its_code(resolver, nlp):
    got = _people(resolver, nlp, "Turkey's deputy envoy, Kemal Arslan, told the council that the plan had failed.")
    assert got.get("Kemal Arslan") == ("TURGOV",)


def test_bare_ministerial_title_takes_the_state_speaking_just_before(resolver, nlp):
    text = ("The Danish foreign ministry said on Monday that it had lodged a protest. "
            "Foreign Minister Anders Holm said the decision had been taken after careful review.")
    assert _people(resolver, nlp, text).get("Anders Holm") == ("DNKGOV",)


def test_bare_title_with_two_speaking_states_stays_unknown(resolver, nlp):
    text = ("The Danish foreign ministry and the Swedish government issued statements on Monday. "
            "Foreign Minister Anders Holm said the decision was final.")
    assert _people(resolver, nlp, text).get("Anders Holm", ("---",))[0].startswith("---")


def test_a_monarchs_title_is_not_read_as_the_speaking_state(resolver, nlp):
    text = "The French foreign ministry said the pair were safe. Macron thanked Sultan Omar Haddad for his help."
    got = _people(resolver, nlp, text)
    assert not any(codes[0].startswith("FRA") for name, codes in got.items() if "Haddad" in name)


def test_a_cut_person_entity_is_extended_over_the_last_name(resolver, nlp):
    got = _people(resolver, nlp, "The Chilean defence ministry said so. Defence Minister Tomas Ruiz Ortega said it was ready.")
    assert any(name.endswith("Ortega") for name in got)


def test_backed_group_is_not_its_backers_agent(resolver, nlp):
    res = resolver.resolve(nlp("A strike killed a senior commander of the Iran-backed militia on Saturday."), "2025-04-02")
    assert not any(c.startswith("IRNMIL") for m in res.mentions for c in m.codes)


def test_a_rank_between_the_office_and_the_name_is_skipped(resolver, nlp):
    got = _people(resolver, nlp, "Mali's junta leader, General Assimi Goita, accused Algeria of arming rebels.")
    assert any(codes == ("MLIGOV",) for name, codes in got.items() if "Goita" in name)


def test_a_states_joint_chiefs_are_its_military(resolver, nlp):
    res = resolver.resolve(nlp("South Korea's Joint Chiefs of Staff said the missile flew 800 km."), "2025-04-02")
    assert any(m.codes == ("KORMIL",) for m in res.mentions)


def test_a_bare_title_in_a_datelined_story_is_the_dateline_states(resolver, nlp):
    text = "Police raid homes\n\nCHISINAU - Police searched 200 homes on Monday. Prime Minister Ion Munteanu said the raids were lawful."
    assert _people(resolver, nlp, text).get("Ion Munteanu") == ("MDAGOV",)


def test_a_two_place_dateline_places_nobody(resolver, nlp):
    text = "Talks end\n\nPARIS/TEHRAN - Police searched 200 homes on Monday. Prime Minister Ion Munteanu said the raids were lawful."
    assert _people(resolver, nlp, text).get("Ion Munteanu", ("---",))[0].startswith("---")


def test_a_titled_person_cut_short_by_the_tagger_keeps_the_whole_name(resolver, nlp):
    # the small model tags only "Espen Barth" as the person here
    got = _people(resolver, nlp, "Norwegian Foreign Minister Espen Barth Eide told reporters the talks went well.")
    assert got.get("Espen Barth Eide") == ("NORGOV",)
