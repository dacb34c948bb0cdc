"""Country names that also name a place elsewhere: "Georgia" the country or the US state, "Congo"
the Republic of the Congo or the Democratic Republic of the Congo.

The cue words are data (data/actors/homonyms.tsv). A mention of the name takes the other reading
when a word right before or after it, a city before "<city>, <name>", or a word of its sentence
says so ("Atlanta, Georgia", "Georgia's governor", "the Georgia Senate race"), unless the
sentence also names one of the country's own words ("Tbilisi"). When some mention of a document
is so read and the document names none of the country's words, every mention of the name and of
its adjective takes the other reading ("Georgians voted on Tuesday" in a story on the state).
A "document" cue word anywhere in a text without the country's own words does the same at once
("Kinshasa" or "the DRC" in a story that says "Congo" and "Congolese").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc

from .dictionary import ADJECTIVE, COUNTRY, Entry, fold, packaged_dictionary, read_tsv
from .spans import Span

POSSESSIVE = ("'s", "'")


@dataclass
class Homonym:
    code: str
    cues: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)


@lru_cache(maxsize=1)
def homonyms() -> dict[str, Homonym]:
    """Lowercase country name -> its other reading and the cue words (as token tuples)."""
    out: dict[str, Homonym] = {}
    for row in read_tsv(name="homonyms.tsv"):
        h = out.setdefault(fold(row["name"]), Homonym(row["code"]))
        words = [tuple(fold(w) for w in p.split()) for p in row["words"].split("|") if p.strip()]
        h.cues.setdefault(row["cue"], []).extend(words)
    return out


def home_code(name: str) -> str | None:
    """The code the country dictionary gives a lowercase one-word name ("congo" -> COG)."""
    for _, entry in packaged_dictionary().names.get((name,), ()):
        if entry.sort == COUNTRY:
            return entry.code
    return None


def _ends_at(lower: list[str], k: int, phrase: tuple[str, ...]) -> bool:
    """``phrase`` occupies tokens ending just before ``k``."""
    n = len(phrase)
    return k - n >= 0 and tuple(lower[k - n:k]) == phrase


def _starts_at(lower: list[str], k: int, phrase: tuple[str, ...]) -> bool:
    return tuple(lower[k:k + len(phrase)]) == phrase


def _contains(lower: list[str], start: int, end: int, phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(tuple(lower[k:k + n]) == phrase for k in range(start, end - n + 1))


def _cued(doc: Doc, lower: list[str], s: Span, h: Homonym) -> bool:
    """The mention ``s`` (the bare name) has a cue for the other reading in its sentence."""
    sent = doc[s.i].sent
    if any(_contains(lower, sent.start, sent.end, p) for p in h.cues.get("country", ())):
        return False
    if any(_ends_at(lower, s.i, p) for p in h.cues.get("before", ())):
        return True
    if s.i >= 2 and lower[s.i - 1] == "," and any(_ends_at(lower, s.i - 1, p) for p in h.cues.get("city", ())):
        return True
    owned = s.j < len(doc) and lower[s.j] in POSSESSIVE
    after = h.cues.get("owned", ()) if owned else h.cues.get("after", ())
    if any(_starts_at(lower, s.j + owned, p) for p in after):
        return True
    return any(_contains(lower, sent.start, sent.end, p) for p in h.cues.get("sentence", ()))


def reread_homonyms(doc: Doc, spans: list[Span]) -> None:
    """Give the mentions of a homonymous country name their other reading where the text says so
    (in place: the spans' codes and entries change)."""
    table = homonyms()
    lower = [fold(t.text) for t in doc]
    for name, h in table.items():
        bare = [s for s in spans if s.entry is not None and s.entry.sort == COUNTRY and s.j - s.i == 1
                and lower[s.i] == name and len(s.codes) == 1]
        country_words = any(_contains(lower, 0, len(lower), p) for p in h.cues.get("country", ()))
        # the document names the other place ("Kinshasa", "the DRC") and never the country's own words
        named_elsewhere = not country_words and any(_contains(lower, 0, len(lower), p)
                                                    for p in h.cues.get("document", ()))
        cued = bare if named_elsewhere else [s for s in bare if _cued(doc, lower, s, h)]
        if not cued and not named_elsewhere:
            continue
        targets = cued
        if not country_words:
            code = home_code(name)
            targets = bare + [s for s in spans if s.entry is not None and s.entry.sort == ADJECTIVE
                              and s.code == code and len(s.codes) == 1]
        if not targets:
            continue
        other = Entry(h.code, "state", doc[targets[0].i].text, COUNTRY)
        for s in targets:
            s.codes = [h.code]
            s.entry = other if s.entry.sort == COUNTRY else Entry(h.code, "state", s.name, ADJECTIVE)
