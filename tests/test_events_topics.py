"""Everyday news verbs across CAMEO roots, on sentences written for these tests."""

import pytest

from events_gazetteer import code, triples

pytestmark = pytest.mark.model

CASES = [
    ("Germany expelled two Russian diplomats over spying.", ("DEU", "166", "RUS")),
    ("The US imposed fresh sanctions on Iran on Monday.", ("USA", "163", "IRN")),
    ("Norway and Finland exchanged fire across the border.", ("NOR", "190", "FIN")),
    ("Iran seized a British-flagged tanker in the Gulf.", ("IRN", "1711", "GBR")),
    ("Japan sent $20 million in humanitarian aid to the Philippines.", ("JPN", "073", "PHL")),
    ("Russian warplanes bombed Ukrainian positions overnight.", ("RUS", "195", "UKR")),
    ("The US condemned North Korea's missile launch.", ("USA", "111", "PRK")),
    ("Washington urged Beijing to resume talks.", ("USA", "020", "CHN")),
    ("Seoul demanded that Pyongyang release the detained fishermen.", ("KOR", "100", "PRK")),
    ("Turkey threatened Sweden with sanctions.", ("TUR", "130", "SWE")),
    ("Moscow recognised the breakaway region's independence and praised Beijing.", ("RUS", "051", "CHN")),
    ("France apologised to Armenia for the delay.", ("FRA", "055", "ARM")),
    ("Kyiv shared intelligence with London.", ("UKR", "064", "GBR")),
    ("Britain lifted sanctions on Syria.", ("GBR", "085", "SYR")),
    ("Ankara rejected Stockholm's proposal.", ("TUR", "120", "SWE")),
    ("Tokyo protested to Beijing over the incursion.", ("JPN", "114", "CHN")),
    ("China deployed warships near Taiwan.", ("CHN", "154", None)),
    ("Baku arrested two Armenian soldiers.", ("AZE", "173", "ARM")),
    ("Canberra investigated Chinese hackers.", ("AUS", "090", "CHN")),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[1][1] for c in CASES])
def test_topic_sentence(nlp, text, expected):
    assert expected in triples(code(nlp, text))
