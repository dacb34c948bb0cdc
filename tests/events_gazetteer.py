"""Hand-made actor resolutions for the event tests: a tiny gazetteer of made-up sentences' names.

The event coder never looks names up itself; these tests hand it a Resolution built here, so they do
not depend on the actor dictionaries.
"""

from __future__ import annotations

import re

from multipolar.actors import Resolution, ResolvedMention

NAMES = {
    "Moscow": "RUS", "Russia": "RUS", "Russian": "RUS", "Kremlin": "RUS", "Putin": "RUSGOV",
    "Tehran": "IRN", "Iran": "IRN", "Iranian": "IRN",
    "Washington": "USA", "United States": "USA", "U.S.": "USA", "US": "USA", "American": "USA",
    "Beijing": "CHN", "China": "CHN", "Chinese": "CHN",
    "Paris": "FRA", "France": "FRA", "French": "FRA",
    "Yerevan": "ARM", "Armenia": "ARM",
    "Baku": "AZE", "Azerbaijan": "AZE",
    "Kyiv": "UKR", "Ukraine": "UKR", "Ukrainian": "UKR",
    "Pyongyang": "PRK", "North Korea": "PRK", "North Korean": "PRK",
    "Seoul": "KOR", "South Korea": "KOR",
    "Ankara": "TUR", "Turkey": "TUR", "Turkish": "TUR",
    "Stockholm": "SWE", "Sweden": "SWE",
    "Manila": "PHL", "Philippines": "PHL",
    "Tokyo": "JPN", "Japan": "JPN", "Japanese": "JPN",
    "Canberra": "AUS", "Australia": "AUS",
    "London": "GBR", "Britain": "GBR", "British": "GBR",
    "Berlin": "DEU", "Germany": "DEU",
    "Houthis": "YEMREB", "Houthi": "YEMREB",
    "Oslo": "NOR", "Norway": "NOR", "Helsinki": "FIN", "Finland": "FIN",
    "Western nations": "WST", "the West": "WST",
    "NATO": "IGONAT", "Syria": "SYR", "Armenian": "ARM", "Egypt": "EGY", "Jordan": "JOR", "Israel": "ISR",
}
COLLECTIVES = {"the two nations": ("RUS", "IRN"), "both countries": ("NOR", "FIN")}


def resolve(text: str, extra: dict[str, str] | None = None) -> Resolution:
    names = {**NAMES, **(extra or {})}
    taken: list[tuple[int, int]] = []
    mentions = []
    entries = [(k, (v,)) for k, v in names.items()] + list(COLLECTIVES.items())
    for name, codes in sorted(entries, key=lambda kv: -len(kv[0])):
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w])", text):
            if any(m.start() < e and m.end() > s for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            mentions.append(ResolvedMention(m.start(), m.end(), m.group(0), tuple(codes)))
    return Resolution(mentions)


def code(nlp, text: str, published: str | None = "2025-03-14"):
    """Run the event coder over ``text`` with the gazetteer resolution."""
    return code_with(nlp, text, None, published)


def code_with(nlp, text: str, lexicon, published: str | None = "2025-03-14"):
    """Run the event coder with ``lexicon`` (None: the packaged one)."""
    from multipolar.article import Article
    from multipolar.coding import CodingContext
    from multipolar.coding.events import code_events

    doc = nlp(text)
    article = Article(source="t", text=text, published=published)
    return code_events(CodingContext(article, doc, resolve(text), nlp), lexicon)


def triples(events):
    return {(e.source, e.cameo, e.target) for e in events}
