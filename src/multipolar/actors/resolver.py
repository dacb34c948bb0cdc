"""The dictionary-driven actor resolver.

Stages (comments below reuse the numbers):
1. longest match of dictionary names over the tokens (countries, adjectives, capitals, seats of
   power, organisations, armed groups, people), case rules from :func:`form_accepts`;
2. agent composition: a country word followed by an agent noun ("Iranian foreign minister",
   "Kremlin's forces") or an agent noun followed by "of" + country ("the government of Iran");
   a title followed by a name absorbs the name ("Russian President Vladimir Putin");
3. people resolved by date: the office held on the article's date, country + ELI outside office;
4. collectives: coordinated actors ("Moscow and Tehran"), "groups such as A and B";
5. named entities the dictionaries do not know keep their text under code ``---``;
6. coreference (:mod:`.coref`): surnames, "the two nations", "the president", "he said".
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from . import Resolution, ResolvedMention
from .compose import TITLE_AGENTS, Composer
from .context import (
    alone_on_line,
    geographic_extent,
    is_geographic_entity,
    is_language,
    is_retweet_marker,
    newspaper_end,
    other_place,
    prefix_at,
    suffix_end,
)
from .coref import resolve_coreference
from .dictionary import (
    ADJECTIVE,
    CAPITAL,
    COUNTRY,
    ENTITY,
    IMPORTED,
    NONACTOR,
    ActorDictionary,
    Entry,
    fold,
    form_accepts,
    packaged_dictionary,
    tokenizer,
)
from .grouping import build_actors, find_collectives
from .homonyms import reread_homonyms
from .metonymy import seat_metonyms, stands_for_organisation
from .petrarch import DISCARD_CODES, kind_of_code
from .ships import find_ships
from .spans import Span, agent_kind, composed_name, to_mention
from .titled_people import place_titled_people

UNKNOWN = "---"
UNKNOWN_LABELS = {"PERSON": "person", "ORG": "other", "GPE": "other", "NORP": "other"}
DATE_RE = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")


def day_of(published: str | None) -> str | None:
    """``YYYY-MM-DD`` from an ISO date/datetime or ``YYYYMMDD``; ``None`` if there is none."""
    if not published:
        return None
    m = DATE_RE.match(published.strip())
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None


class ActorResolver:
    """Resolves a spaCy ``Doc`` to actor mentions and SPEC actors, as of a date."""

    def __init__(self, dictionary: ActorDictionary | None = None, unknown_entities: bool = True,
                 bare_agents: bool = False) -> None:
        """``unknown_entities``: keep named entities the dictionaries miss, under ``---``;
        ``bare_agents``: code an agent noun with no actor as ``---`` + agent (PETRARCH's way)."""
        self.dictionary = dictionary or packaged_dictionary()
        self.unknown_entities = unknown_entities
        self._name_prefixes = _prefixes(self.dictionary.names)
        self._agent_prefixes = _prefixes(self.dictionary.agents)
        self.composer = Composer(self.dictionary, self._agent_at, bare_agents)
        organisations = {e.code: e for e in self.dictionary.entries() if e.sort == ENTITY}
        self._metonyms = {city: organisations[code] for city, code in seat_metonyms().items()
                          if code in organisations}

    # -- public API -------------------------------------------------------------------------
    def resolve(self, doc: Doc, published: str | None = None) -> Resolution:
        spans = self.resolve_spans(doc, published)
        text = doc.text
        mentions = [to_mention(s, doc, text) for s in spans]
        return Resolution(mentions, build_actors(mentions, text))

    def resolve_text(self, text: str, published: str | None = None, nlp=None) -> Resolution:
        """Resolve a short string (a headline); without ``nlp`` only the tokenizer is used."""
        doc = nlp(text) if nlp is not None else tokenizer()(text)
        return self.resolve(doc, published)

    def lookup(self, name: str, on: str | None = None) -> ResolvedMention | None:
        """Resolve a bare name or code ("Putin", "the Kremlin", "RUSGOV") as of date ``on``."""
        name = name.strip()
        if not name:
            return None
        if _looks_like_code(name):
            return self._lookup_code(name)
        for text in (name, name.title()):  # a lowercase query ("putin") still finds "Putin"
            doc = tokenizer()(text)
            lead = 1 if doc[0].lower_ == "the" else 0
            whole = [s for s in self.resolve_spans(doc, on, coreference=False)
                     if s.i <= lead and s.j == len(doc) and not s.code.startswith(UNKNOWN)]
            if whole:
                return to_mention(whole[0], doc)
        return None

    # -- stages -----------------------------------------------------------------------------
    def resolve_spans(self, doc: Doc, published: str | None = None, coreference: bool = True) -> list[Span]:
        day = day_of(published)
        blocked: set[int] = set()
        spans = self._match_names(doc, day, blocked)             # 1 + 3
        reread_homonyms(doc, spans)                              # 1: "Atlanta, Georgia"
        spans = find_ships(doc, spans, blocked)                  # 1: "the BRP Sierra Madre"
        spans = self.composer.compose(doc, spans, day)           # 2
        spans = find_collectives(doc, spans)                     # 4
        spans = self.composer.link(doc, spans)                   # 2, "the ambassadors of A and B"
        if self.unknown_entities:
            spans = self._unknown_entities(doc, spans, blocked)  # 5
            spans = place_titled_people(doc, spans, self._agent_at)  # 5b: "X, the US ambassador,"
        if coreference and doc.has_annotation("DEP"):
            spans = resolve_coreference(doc, spans, self.dictionary.country_names,
                                        self.dictionary.region_members)  # 6
        if day is None:
            _titled_office_everywhere(spans)
        return sorted(spans, key=lambda s: (s.i, s.j))

    def _match_names(self, doc: Doc, day: str | None, blocked: set[int]) -> list[Span]:
        """Dictionary names over the tokens; ``blocked`` collects the tokens of names that are
        not actors here ("South China Sea", "in English"), which no later stage may code."""
        words = [t.text for t in doc]
        lower = [fold(w) for w in words]
        person_ents = _person_entities(doc)
        others = self._other_bearers(doc, lower, words)
        spans: list[Span] = []
        i, n = 0, len(words)
        while i < n:
            found = self._longest(lower, words, i)
            if found is None:
                i += 1
                continue
            j, entry = found
            if lower[i] == "the":
                # "the West Bank": "the West" must not hide the longer name after "the"
                inner = self._longest(lower, words, i + 1)
                if inner is not None and inner[0] > j:
                    i += 1
                    continue
            ent = person_ents.get(i)
            if entry.is_person and j - i == 1 and lower[i] in others:
                # a bare surname alias ("Harper") when the text names someone else with it
                # ("Tom Harper"): not the dictionary's person
                i += 1
                continue
            if not entry.is_person and entry.sort in (COUNTRY, ADJECTIVE, CAPITAL, ENTITY) and ent \
                    and (ent[0] < i or ent[1] > j) and self._agent_at(lower, j) is None \
                    and not (words[i].isupper() and len(words[i]) > 3):
                # "Jordan" in "Jordan Peterson", "Washington" in "George Washington": a person
                # (not in an all-capitals headline: NER reads "BELARUS REJECTS" as a person)
                i += 1
                continue
            if entry.sort == NONACTOR or is_retweet_marker(doc, i, j):
                blocked.update(range(i, j))
                i = j
                continue
            if not entry.is_person and entry.sort != IMPORTED:
                skip = self._not_an_actor(doc, lower, i, j, entry)
                if skip is not None:
                    start, end, span = skip
                    blocked.update(range(start, end))
                    if span is not None:
                        spans.append(span)
                    i = max(end, span.j if span is not None else end)
                    continue
            if entry.sort == CAPITAL and " ".join(lower[i:j]) in self._metonyms:
                # "Brussels imposed tariffs": the organisation seated there; "in Brussels": a place
                if not stands_for_organisation(doc, i, j, self._agent_at(lower, j) is not None):
                    blocked.update(range(i, j))
                    i = j
                    continue
                entry = self._metonyms[" ".join(lower[i:j])]
            span = self._span_for(entry, i, j, day)
            if span is not None:
                spans.append(span)
            i = j
        return spans

    def _other_bearers(self, doc: Doc, lower: list[str], words: list[str]) -> set[str]:
        """Surnames that a PERSON entity of this text gives to someone the dictionary does not
        know ("Tom Harper", "Carlos Ruiz Sanchez"), so that a bare "Harper" is not Stephen Harper."""
        out: set[str] = set()
        for e in doc.ents:
            if e.label_ != "PERSON" or e.end - e.start < 2:
                continue
            alias = self._longest(lower, words, e.end - 1)
            if alias is None or not alias[1].is_person:
                continue  # no dictionary surname to protect
            found = self._longest(lower, words, e.start)
            if found is not None and found[1] is alias[1]:
                continue
            # "Tayyip Erdogan" is still Recep Tayyip Erdogan; "Tom Harper" is not Stephen Harper
            known = {fold(w) for w in alias[1].name.replace(".", " ").split()}
            given = [k for k in range(e.start, e.end - 1) if self._agent_at(lower, k) is None
                     and lower[k] not in ("mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.")]
            if given and not any(lower[k] in known for k in given):
                out.add(lower[e.end - 1])
        return out

    def _not_an_actor(self, doc: Doc, lower: list[str], i: int, j: int,
                      entry: Entry) -> tuple[int, int, Span | None] | None:
        """The actor word at ``[i, j)`` used as something else (see :mod:`.context`):
        (blocked start, blocked end, the span to code instead or ``None``); ``None`` if an actor."""
        if entry.sort in (COUNTRY, CAPITAL):
            paper = newspaper_end(doc, lower, j)
            if paper is not None:  # "the Washington Post": the country's media
                code = entry.code[:3] + "MED"
                return i, i, Span(i, paper, [code], agent_kind("MED"), doc[i:paper].text, entry=entry,
                                  agent="MED", via="composed")
        if entry.sort in (COUNTRY, ADJECTIVE, CAPITAL):
            geo = geographic_extent(doc, lower, i, j)
            if geo is not None:
                return geo[0], geo[1], None
            if other_place(doc, i):
                return i - 1, j, None
        # affixes apply to every actor word: "pro-Western", "anti-NATO", "pro-Kremlin"
        prefix = prefix_at(doc, lower, i)
        if prefix is not None:
            owned = i >= 3 and lower[i - 3] in ("'s", "'")  # "Georgia's pro-Western government"
            agent = self._agent_at(lower, j) if prefix == "pro" and not owned else None
            if agent is not None and not agent[1].endswith("~"):
                # "pro-Russian separatists": the separatists, country unsaid (not Russia)
                code = UNKNOWN + agent[1][:3]
                return i - 2, i - 2, Span(i - 2, agent[0], [code], agent_kind(agent[1][:3]),
                                          doc[i - 2:agent[0]].text, agent=agent[1], via="composed")
            return i - 2, j, None
        end = suffix_end(doc, lower, j)
        if end is not None:
            return i, end, None
        if entry.sort == ADJECTIVE and (is_language(doc, lower, i, j) or alone_on_line(doc, i, j)):
            return i, j, None
        return None

    def _span_for(self, entry: Entry, i: int, j: int, day: str | None) -> Span | None:
        if entry.sort == IMPORTED:
            code = entry.code_on(day)
            if code in DISCARD_CODES:
                return None  # PETRARCH's "not an actor" codes
            return Span(i, j, code.split("/"), kind_of_code(code), entry.name, entry=entry)
        if entry.is_person:
            held = entry.tenure_on(day)
            code = entry.code_on(day)
            return Span(i, j, [code], "person", entry.name, person=entry.name,
                        office=held.office if held else "", entry=entry)
        return Span(i, j, [entry.code], entry.kind, entry.name, entry=entry)

    def _longest(self, lower: list[str], words: list[str], i: int) -> tuple[int, Entry] | None:
        """The longest dictionary name starting at token ``i`` that the text's case allows."""
        best = None
        names = self.dictionary.names
        for k in range(i + 1, min(len(lower), i + self.dictionary.max_len) + 1):
            key = tuple(lower[i:k])
            if key not in self._name_prefixes:
                break
            for form, entry in names.get(key, ()):
                if form_accepts(form, words[i:k]):
                    best = (k, entry)
                    break
        return best

    def _agent_at(self, lower: list[str], i: int) -> tuple[int, str] | None:
        """The longest agent noun starting at token ``i`` ("foreign minister", "troops")."""
        best = None
        agents = self.dictionary.agents
        for k in range(i + 1, min(len(lower), i + self.dictionary.agent_max_len) + 1):
            key = tuple(lower[i:k])
            if key not in self._agent_prefixes:
                break
            if key in agents:
                best = (k, agents[key])
        return best

    def _unknown_entities(self, doc: Doc, spans: list[Span], blocked: set[int]) -> list[Span]:
        taken = {t for s in spans for t in range(s.i, s.j)} | blocked
        for ent in doc.ents:
            kind = UNKNOWN_LABELS.get(ent.label_)
            if kind is None or any(t in taken for t in range(ent.start, ent.end)):
                continue
            if is_geographic_entity(doc, ent.start, ent.end):
                continue  # "the Arabian Sea", "Strait of Hormuz": places, not actors
            if any(c.isdigit() for c in ent.text) or not any(c.isupper() for c in ent.text):
                continue  # "S-400", "F-16": weapons and products; "new jersey": not a name
            start = ent.start + (1 if doc[ent.start].lower_ == "the" else 0)
            if start >= ent.end:
                continue
            end = ent.end
            while ent.label_ == "PERSON" and end < len(doc) and end not in taken and doc[end].pos_ == "PROPN" \
                    and doc[end].text[:1].isupper() and doc[end].ent_type_ in ("", "PERSON") and doc[end].is_alpha:
                end += 1  # "Espen Barth Eide said": the tagger cut the last name off the entity
            text = doc[start:end].text
            titled = self._title_name_of_country(doc, start, end, spans) if ent.label_ == "PERSON" else None
            if titled is not None:
                spans = [s for s in spans if s is not titled[1]]
                spans.append(titled[0])
                continue
            spans.append(Span(start, end, [UNKNOWN], kind, text,
                              person=text if ent.label_ == "PERSON" else None, via="unknown"))
        return spans

    def _title_name_of_country(self, doc: Doc, start: int, end: int,
                               spans: list[Span]) -> tuple[Span, Span] | None:
        """"Prime Minister Ana Lindqvist of Sweden" (a style of the New York Times and others):
        a capitalised title, an unknown name, "of" and a country give the name the country's
        role. Returns the person span and the country span it absorbs."""
        if end + 1 >= len(doc) or doc[end].lower_ != "of":
            return None
        lower = [fold(t.text) for t in doc[max(0, start - 4):start]]
        offset = max(0, start - 4)
        title = None
        for k in range(len(lower)):
            found = self._agent_at(lower, k)
            if found and found[0] == len(lower) and found[1][:3] in TITLE_AGENTS \
                    and doc[offset + k].text[:1].isupper():
                title = (offset + k, found[1][:3])
                break
        if title is None or any(s.i < start and s.j > title[0] for s in spans):
            return None
        at = end + 2 if doc[end + 1].lower_ == "the" else end + 1
        country = next((s for s in spans if s.i == at and s.entry is not None and s.entry.sort == COUNTRY
                        and len(s.codes) == 1 and not s.agent), None)
        if country is None:
            return None
        name = doc[start:end].text
        return Span(title[0], country.j, [country.code[:3] + title[1]], "person", name, person=name,
                    office=doc[title[0]:start].text.lower(), via="composed"), country

    def _lookup_code(self, code: str) -> ResolvedMention | None:
        code = code.upper()
        names = self.dictionary.country_names
        for entry in self.dictionary.entries():
            if entry.code == code and not entry.is_person and entry.sort != ADJECTIVE:
                return ResolvedMention(0, len(code), code, (code,), entry.kind, entry.name)
        if code[:3] in names:
            agent = code[3:6]
            if not agent:
                return ResolvedMention(0, len(code), code, (code,), "state", names[code])
            return ResolvedMention(0, len(code), code, (code,), agent_kind(agent),
                                   composed_name(code[:3], agent, names))
        return None


def _titled_office_everywhere(spans: list[Span]) -> None:
    """Undated text: the office a title gave a person holds for all of that person's mentions."""
    members = [p for s in spans for p in (s.parts or [s])]
    titled = {p.person: p.codes for p in members if p.is_person and p.entry is not None and p.office
              and p.entry.sort == "person" and p.via == "dictionary" and p.codes != [p.entry.code_on(None)]}
    for p in members:
        if p.person in titled:
            p.codes = list(titled[p.person])
    for s in spans:
        if s.parts:
            s.codes = list(dict.fromkeys(c for p in s.parts for c in p.codes))


def _looks_like_code(name: str) -> bool:
    return bool(re.fullmatch(r"[A-Z-]{3}(?:[A-Z]{3})*", name)) and len(name) >= 3 and (
        len(name) > 3 or name not in {"USA", "UAE", "DRC", "ROK", "PRC", "KSA", "CAR", "ROC"})


def _prefixes(table: dict) -> set[tuple[str, ...]]:
    out: set[tuple[str, ...]] = set()
    for key in table:
        for k in range(1, len(key) + 1):
            out.add(key[:k])
    return out


def _person_entities(doc: Doc) -> dict[int, tuple[int, int]]:
    """Token index -> (start, end) of the PERSON entity that contains it."""
    return {t: (e.start, e.end) for e in doc.ents if e.label_ == "PERSON" for t in range(e.start, e.end)}


@lru_cache(maxsize=1)
def default_resolver() -> ActorResolver:
    """The process-wide resolver over the packaged dictionaries (built once)."""
    return ActorResolver()
