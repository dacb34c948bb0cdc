""""Georgia" the Caucasus country (GEO) or the US state (USA), by the words around it. Sentences
written for these tests."""

from __future__ import annotations

import pytest

from multipolar.actors.resolver import ActorResolver

pytestmark = pytest.mark.model


def _codes(nlp, text: str) -> set[str]:
    res = ActorResolver().resolve(nlp(text), "2025-02-03")
    return {c for m in res.mentions for c in m.codes}


@pytest.mark.parametrize("text,expected", [
    ("A crowd gathered in Savannah, Georgia, on Sunday.", "USA"),
    ("Georgia's governor vetoed the school funding bill.", "USAGOV"),
    ("The Georgia Senate race broke spending records.", "USALEG"),
    ("Georgia voters lined up for hours in the heat.", "USA"),
    ("The state of Georgia filed suit against the company.", "USA"),
    ("Georgia's secretary of state ordered a recount.", "USAGOV"),
])
def test_us_state_cues_do_not_code_the_country(nlp, text, expected):
    codes = _codes(nlp, text)
    assert expected in codes
    assert not any(c.startswith("GEO") for c in codes)


def test_a_cued_document_reads_every_mention_as_the_state(nlp):
    text = ("Protesters marched through downtown Macon, Georgia, on Friday. Georgia has voted for "
            "the winner in most recent contests. Georgians will return to the polls in May.")
    codes = _codes(nlp, text)
    assert "USA" in codes and not any(c.startswith("GEO") for c in codes)


@pytest.mark.parametrize("text,expected", [
    ("Tbilisi accused Moscow of occupying Georgian villages.", "GEO"),
    ("Georgia and Russia fought a brief war over South Ossetia.", "GEO"),
    ("The Georgian government rejected the criticism.", "GEOGOV"),
    ("Georgia's prime minister met the Armenian president.", "GEOGOV"),
    ("Georgia's State Security Service detained two men.", "GEOSPY"),
    ("The US Senate criticised Georgia over the media law.", "GEO"),
])
def test_the_country_is_still_the_country(nlp, text, expected):
    assert expected in _codes(nlp, text)


def test_a_country_word_keeps_uncued_mentions_the_country(nlp):
    text = ("Georgia's parliament passed the bill in Tbilisi. The Georgia senators who visited "
            "Atlanta praised it. Georgia hopes to join the EU.")
    res = ActorResolver().resolve(nlp(text), "2025-02-03")
    last = text.rindex("Georgia")
    m = res.covering(last, last + len("Georgia"))
    assert m is not None and m.codes == ("GEO",)


# "Congo" alone is the Republic of the Congo unless the text is about the Democratic Republic.
@pytest.mark.parametrize("text", [
    "The Democratic Republic of Congo accused Rwanda of arming the rebels.",
    "Fighting spread across eastern Congo as the rebels advanced on Monday.",
    "Rebels of the M23 group seized a second town. Congo's army said it had retreated to regroup.",
    "Congolese troops pulled back from Goma after two days of shelling.",
    "Kinshasa summoned the envoy. Congo said the talks in Luanda would go ahead.",
])
def test_texts_about_the_democratic_republic_code_cod(nlp, text):
    codes = _codes(nlp, text)
    assert any(c.startswith("COD") for c in codes)
    assert not any(c.startswith("COG") for c in codes)


@pytest.mark.parametrize("text", [
    "Congo and Gabon signed a fishing accord in Libreville on Tuesday.",
    "President Denis Sassou Nguesso said Congo would double its oil output.",
    "Congolese officials in Brazzaville welcomed the loan.",
])
def test_congo_alone_stays_the_republic_of_the_congo(nlp, text):
    codes = _codes(nlp, text)
    assert any(c.startswith("COG") for c in codes)
    assert not any(c.startswith("COD") for c in codes)
