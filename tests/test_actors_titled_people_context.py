"""Officials whose title names no country, placed by the story around them
(actors/titled_people.py rules c and d). Names and sentences made up for these tests."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _people(resolver, nlp, text):
    return {m.person: m.codes for m in resolver.resolve(nlp(text), "2025-04-02").mentions if m.person}


def _code_of(resolver, nlp, text, surname):
    res = resolver.resolve(nlp(text), "2025-04-02")
    start = text.index(surname)
    m = res.covering(start, start + len(surname))
    return m.codes if m else None


def test_a_chain_of_title_nouns_after_a_government_spoke(resolver, nlp):
    text = ("Senegal's government dismissed the audit as biased. Government spokeswoman Awa Ndour Faye said "
            "in a statement that the figures had been checked twice.")
    assert _code_of(resolver, nlp, text, "Faye") == ("SENGOV",)


def test_a_ministry_spokesman_after_his_state_spoke(resolver, nlp):
    text = ("Chile said it would review the fishing quotas. Foreign ministry spokesman Tomas Reyes Vidal said "
            "the review would take a month.")
    assert _code_of(resolver, nlp, text, "Vidal") == ("CHLGOV",)


def test_an_office_of_a_body_named_by_a_common_noun_takes_the_dateline(resolver, nlp):
    text = ("Vote inquiry\n\nOSLO (Wire) - Investigators found fake accounts on Tuesday. \"We have seen this "
            "before,\" the agency's deputy director, Ingrid Solheim Berg, told reporters.")
    assert _people(resolver, nlp, text).get("Ingrid Solheim Berg", ("---",))[0][:3] == "NOR"


def test_the_office_after_the_name(resolver, nlp):
    text = ("Drought talks\n\nNAIROBI (Wire) - Officials met donors on Monday. Wanjiru Kamau Otieno, the "
            "ministry's spokeswoman, said more funds were needed.")
    assert _people(resolver, nlp, text).get("Wanjiru Kamau Otieno", ("---",))[0] == "KENGOV"


def test_without_a_dateline_the_only_state_of_the_lead(resolver, nlp):
    text = ("Uruguay raised its interest rate on Monday to slow inflation. Markets rose. "
            "\"Prices must come down,\" the ministry's head, Diego Ferreira Silva, said.")
    assert _people(resolver, nlp, text).get("Diego Ferreira Silva", ("---",))[0][:3] == "URY"


def test_two_states_in_the_dateline_and_lead_place_no_one(resolver, nlp):
    text = ("Talks end\n\nPARIS/TEHRAN - France and Iran ended talks on Monday. Markets rose. "
            "\"Nothing was agreed,\" the agency's director, Kamal Nouri Haddad, said.")
    assert _people(resolver, nlp, text).get("Kamal Nouri Haddad", ("---",))[0].startswith("---")


def test_a_spokesman_speaking_of_his_capital_when_dateline_and_speaker_differ(resolver, nlp):
    # the state that just spoke (Togo) is not the dateline's (Ghana); "Accra hoped" is his own state
    text = ("Border row\n\nACCRA (Wire) - Togo said on Monday it had freed four Ghanaian traders. "
            "Foreign ministry spokesman Kofi Asante Boateng said Accra hoped the border would reopen soon.")
    assert _code_of(resolver, nlp, text, "Boateng") == ("GHAGOV",)


def test_a_spokesman_of_the_state_that_spoke_outside_its_dateline(resolver, nlp):
    # no such cue: the state that just spoke keeps its spokesman, as before
    text = ("Border row\n\nACCRA (Wire) - Togo said on Monday it had freed four Ghanaian traders. "
            "Foreign ministry spokesman Kossi Agbeko Mensah said Lome had acted in good faith.")
    assert _code_of(resolver, nlp, text, "Mensah") == ("TGOGOV",)


def test_an_office_of_an_international_body_just_named_places_no_one(resolver, nlp):
    text = ("Inspections\n\nVIENNA (Wire) - The International Atomic Energy Agency said on Monday its "
            "inspectors had been refused access. \"We need answers,\" the agency's deputy director, "
            "Lotte Brandt Mertens, told reporters.")
    assert _people(resolver, nlp, text).get("Lotte Brandt Mertens", ("---",))[0][:3] != "AUT"
