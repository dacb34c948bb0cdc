"""Within-document coreference for the common news cases.

Each rule fires only when its antecedent is unambiguous; otherwise the words stay unresolved
(a wrong actor is worse than none):
a. a later surname of a person named in full ("Abbas Araghchi ... Araghchi said");
b. "the two nations", "both sides", "the three countries": the most often named collective with
   that many members, else the latest that many distinct countries; for a pair, the story's own
   pair (the two states its lead names) wins over a pair named in passing, unless that other pair
   was named as a group in the same sentence or as the subject of the sentence before;
c. "the president", "the foreign minister": the one person holding that title in the last few
   sentences;
d. "he"/"she" as the subject of a clause: the one person named earlier in the sentence, else the
   one person named in the sentence before; "they": the one group of several actors named
   earlier in the sentence, else the group that was the previous sentence's subject;
e. "the coalition" after "the Saudi-led coalition" (one leader named so far);
g./h. "the army", "a spokesman": see :mod:`.coref_agents`;
f. a regional collective that counts or points back: "these three European nations" are the
   latest three countries named (as "the three nations" would be), and a later "its European
   allies" / "the European nations" in the next few sentences are the same countries. Without
   such an antecedent the region code stays (EUR).
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from . import code_country
from .coref_agents import agent_references
from .dictionary import read_tsv
from .spans import Span
from .titled_people import dateline_span

WINDOW_SENTENCES = 5
NUMBERS = {"two": 2, "both": 2, "three": 3, "four": 4, "2": 2, "3": 3, "4": 4}
COUNTRY_NOUNS = {"nations", "countries", "states", "powers", "neighbours", "neighbors", "allies",
                 "partners", "capitals",
                 # "both armies fired artillery": the states' armed forces, resolved like the states
                 "armies", "militaries", "navies"}
GOVERNMENT_NOUNS = {"governments", "leaders", "presidents", "heads", "ministers", "administrations"}
LEADER_NOUNS = {"leaders", "presidents", "heads", "ministers"}  # people, so people named are the antecedents
SIDE_NOUNS = {"sides", "parties"}
OFFICES = ("supreme leader", "prime minister", "foreign minister", "defence minister",
           "defense minister", "secretary-general", "secretary general", "president", "premier",
           "chancellor", "king", "leader", "emir", "crown prince")
PRONOUNS = {"he", "she"}
DEFINITE = {"the", "these", "those"}
DESCRIPTOR_NOUNS = {"nation", "country", "state", "kingdom", "republic", "emirate", "monarchy"}
# "the same country", "the host nation", "the whole country": not a description of one named before
NON_DESCRIPTORS = {"same", "whole", "entire", "other", "host", "home", "first", "only", "next", "last",
                   "new", "next-door", "neighbouring", "neighboring", "member", "third", "second",
                   "sovereign", "independent", "nation", "islamic", "united", "federal", "welfare",
                   "nanny", "police", "deep", "rogue", "client", "buffer", "transit", "origin"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
# countries whose names are written family name first in English news ("Kim Jong Un" -> "Kim")
# generational suffixes are not surnames: "Ferdinand Marcos Jr." ... "Marcos said"
NAME_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
FAMILY_NAME_FIRST = {"PRK", "KOR", "CHN", "TWN", "VNM", "HKG", "MAC", "KHM"}


def resolve_coreference(doc: Doc, spans: list[Span], country_names: dict[str, str],
                        region_members: dict[str, frozenset[str]] | None = None) -> list[Span]:
    spans = sorted(spans, key=lambda s: (s.i, s.j))
    sent_of = _sentence_index(doc)
    spans = _surnames(doc, spans)
    _regional_references(doc, spans, sent_of, region_members or {})
    taken = {t for s in spans for t in range(s.i, s.j)}
    added = _collective_references(doc, spans, taken, sent_of, country_names)
    # "these three European nations": the counted group replaces the region read off its adjective
    spans = [s for s in spans if not any(a.i <= s.i and s.j <= a.j for a in added)]
    added += _office_references(doc, spans, taken, sent_of)
    added += _led_references(doc, spans, taken)
    added += agent_references(doc, spans, taken | {t for a in added for t in range(a.i, a.j)}, sent_of)
    described = _descriptor_references(doc, spans, taken | {t for a in added for t in range(a.i, a.j)}, sent_of)
    spans = [s for s in spans if not any(a.i <= s.i and s.j <= a.j for a in described)]
    added += described
    spans = sorted(spans + added, key=lambda s: (s.i, s.j))
    spans += _pronouns(doc, spans, taken, sent_of)
    return spans


def _sentence_index(doc: Doc) -> list[int]:
    out = [0] * len(doc)
    for n, sent in enumerate(doc.sents):
        for t in range(sent.start, sent.end):
            out[t] = n
    return out


def _copy(s: Span, i: int, j: int) -> Span:
    return Span(i, j, list(s.codes), s.kind, s.name, person=s.person, office=s.office,
                entry=s.entry, agent=s.agent, via="coref")


def _persons(spans: list[Span]) -> list[Span]:
    out = []
    for s in spans:
        out.extend(p for p in (s.parts or [s]) if p.is_person)
    return out


# a. surnames ------------------------------------------------------------------------------
def _surnames(doc: Doc, spans: list[Span]) -> list[Span]:
    known: dict[str, dict[str, Span]] = {}
    out = []
    for s in spans:
        if s.via == "unknown" and s.j - s.i == 1:  # NER may call a lone surname an ORG
            people = known.get(doc[s.i].lower_, {})
            if len(people) == 1:
                s = _copy(next(iter(people.values())), s.i, s.j)
        out.append(s)
        for p in _persons([s]):
            words = p.person.split()
            while len(words) > 2 and words[-1].lower().rstrip(",") in NAME_SUFFIXES:
                words = words[:-1]
            if len(words) >= 2:
                known.setdefault(words[-1].lower(), {})[p.person] = p
                if p.code[:3] in FAMILY_NAME_FIRST:  # "Kim Jong Un ... Kim said"
                    known.setdefault(words[0].lower(), {})[p.person] = p
    # surnames the model did not tag at all ("Tremblay said"): capitalised, uncovered tokens
    taken = {t for s in out for t in range(s.i, s.j)}
    for tok in doc:
        people = known.get(tok.lower_)
        if tok.i in taken or not people or len(people) != 1 or not tok.text[:1].isupper():
            continue
        person = next(iter(people.values()))
        if person.j <= tok.i:
            out.append(_copy(person, tok.i, tok.i + 1))
    return sorted(out, key=lambda s: (s.i, s.j))


# f. "these three European nations", "its European allies" -----------------------------------
POINTERS = {"the", "these", "those", "its", "their", "our", "his", "her"}


def _regional_references(doc: Doc, spans: list[Span], sent_of: list[int],
                         region_members: dict[str, frozenset[str]]) -> None:
    lower = [t.lower_ for t in doc]
    resolved: dict[tuple[str, ...], tuple[int, list[str]]] = {}  # adjective -> (sentence, codes)
    for s in spans:
        if s.entry is None or s.entry.kind != "region" or s.j - s.i < 2 or s.parts:
            continue
        members = region_members.get(s.entry.name) or region_members.get(s.entry.code)
        if not members:  # no member list ("Western", "African"): the region code stays
            continue
        noun = lower[s.j - 1]
        if noun not in COUNTRY_NOUNS and noun not in GOVERNMENT_NOUNS:
            continue
        adjective = tuple(lower[s.i:s.j - 1])
        before = lower[s.i - 1] if s.i >= 1 else ""
        codes = None
        if before in NUMBERS:
            # only a group named as one ("Britain, France and Germany"), of countries: the
            # "latest N countries" fallback of "the two nations" is too loose for a region
            groups = [o for o in spans if o is not s and len(o.parts) >= 2 and o.j <= s.i
                      and len(set(o.codes)) == NUMBERS[before]
                      and all(c in members for c in o.codes)]
            codes = _antecedent_codes(groups, s.i - 1, NUMBERS[before], noun, sent_of) if groups else None
            start = s.i - 1
        elif before in POINTERS and adjective in resolved \
                and sent_of[s.i] - resolved[adjective][0] <= WINDOW_SENTENCES:
            codes, start = list(resolved[adjective][1]), s.i
        if not codes:
            continue
        resolved[adjective] = (sent_of[s.i], list(codes))
        s.codes, s.i, s.via = codes, start, "coref"


# b. "the two nations", "both sides" --------------------------------------------------------
def _collective_references(doc, spans, taken, sent_of, country_names) -> list[Span]:
    lower = [t.lower_ for t in doc]
    added = []
    lead = _lead_pair(doc, spans, sent_of)
    for h, word in enumerate(lower):
        if not (word in COUNTRY_NOUNS or word in GOVERNMENT_NOUNS or word in SIDE_NOUNS):
            continue
        counted_adjective = h >= 3 and lower[h - 3] in DEFINITE and lower[h - 2] in NUMBERS and \
            doc[h - 1].pos_ == "ADJ"
        if h in taken and not (counted_adjective and _one_span_over(spans, h - 1, h + 1)):
            continue
        if h >= 1 and lower[h - 1] == "both":
            start, count = h - 1, 2
        elif h >= 2 and lower[h - 2] in DEFINITE and lower[h - 1] in NUMBERS:
            start, count = h - 2, NUMBERS[lower[h - 1]]
        elif counted_adjective:
            # "these three European nations": a group adjective does not change the reference
            start, count = h - 3, NUMBERS[lower[h - 2]]
        else:
            continue
        codes = _antecedent_codes(spans, start, count, word, sent_of, _own_subjects(doc, spans, h),
                                  lead=lead if count == 2 else None, doc=doc)
        if codes:
            added.append(Span(start, h + 1, codes, "government" if word in GOVERNMENT_NOUNS else "state",
                              doc[start:h + 1].text, via="coref"))
    return added


def _state_bases(s: Span) -> list[str]:
    return list(dict.fromkeys(b for b in (code_country(c) for c in s.codes)
                              if len(b) == 3 and not b.startswith(("---", "IGO"))))


def _lead_pair(doc: Doc, spans, sent_of) -> list[str] | None:
    """The two states a story is about: those its lead (the first sentence naming a state, its
    dateline left out) names, when it names exactly two ("China's coast guard fired water cannon at a Philippine
    ship ..."); None otherwise."""
    dateline = dateline_span(doc, spans)  # "WASHINGTON (Wire) - China and the Philippines ..."
    spans = [s for s in spans if s is not dateline]
    first = next((sent_of[s.i] for s in spans if _state_bases(s)), None)
    if first is None:
        return None
    bases: list[str] = []
    for s in spans:
        if sent_of[s.i] == first:
            bases += [b for b in _state_bases(s) if b not in bases]
    if len(bases) == 2:
        return bases
    # "Thailand and Cambodia agreed ... at talks hosted by Malaysia": a lead naming a third state
    # beside one pair named as one group is about that pair
    pairs = {frozenset(_state_bases(s)): s for s in spans
             if sent_of[s.i] == first and len(s.parts) >= 2 and len(_state_bases(s)) == 2}
    return _state_bases(next(iter(pairs.values()))) if len(pairs) == 1 else None


def _pair_named_just_before(doc: Doc, groups, before: int, sent_of, spans=(),
                            exclude: set[str] = frozenset()) -> list[str] | None:
    """The one group named in the same sentence as the reference, else exactly two states named
    apart in it ("Mali hosted Niger, and the two countries agreed ..."), else the one group named
    as the subject of the sentence before ("Kyrgyzstan and Tajikistan are not party to it. The
    two neighbours fought ..."): a nearer antecedent than the story's own pair."""
    here = sent_of[before]
    found = {frozenset(_state_bases(g)) for g in groups if sent_of[g.i] == here}
    if not found:
        bases: list[str] = []
        for o in spans:
            if o.j <= before and sent_of[o.i] == here:
                bases += [b for b in _state_bases(o) if b not in bases and b not in exclude]
        if len(bases) == 2:
            return bases
    for window in (0, 1):
        found = {frozenset(_state_bases(g)): g for g in groups if here - sent_of[g.i] == window and (
            window == 0 or any(doc[k].dep_ in SUBJECT_DEPS for k in range(g.i, g.j)))}
        if len(found) == 1:
            return list(next(iter(found.values())).codes)
        if found:
            return None
    return None


def _one_span_over(spans, i: int, j: int) -> bool:
    """Whether tokens [i, j) are exactly one region-like span read off an adjective + noun."""
    return any(s.i == i and s.j == j and len(s.codes) == 1 for s in spans)


def _leaders_just_named(spans, before: int, count: int, sent_of) -> list[str] | None:
    """"Marcos thanked Tokyo and Seoul during a call with Ishiba. The two leaders agreed ...": when
    exactly ``count`` people of different states were named in this or the previous sentence,
    "the two leaders" are they, not a pair of capitals named alongside them."""
    recent = [s for s in spans if s.j <= before and sent_of[before] - sent_of[s.i] <= 1]
    bases: list[str] = []
    for p in reversed(_persons(recent)):
        for c in p.codes:
            base = code_country(c)
            if not base.startswith("---") and len(base) == 3 and base not in bases:
                bases.append(base)
    if len(bases) != count:
        return None
    return [b + "GOV" for b in reversed(bases)]


def _own_subjects(doc: Doc, spans, h: int) -> set[str]:
    """The one country that cannot be among the states a collective at token ``h`` counts: the
    subject of the clause when the collective follows "between" ("Brazil offered to host talks
    between the two governments") or the antecedent of a relative clause ("Brazil, which borders
    both countries"); a subject inside whose own words the collective stands is one of them."""
    between = doc[h].head.lower_ in ("between", "among")
    heads: list[int] = []
    prep = doc[h].head
    if prep.dep_ == "prep" and prep.head.pos_ in ("NOUN", "PROPN"):
        # "Western sanctions on both countries": whoever the act on the collective belongs to is
        # not one of the collective
        owners = [c.i for c in prep.head.children if c.dep_ in ("amod", "compound", "poss") and c.i < prep.head.i]
        found = {code_country(c) for s in spans for c in s.codes
                 if any(s.i <= k < s.j for k in owners) and not c.startswith("---")}
        if len(found) == 1:
            return found
    for a in doc[h].ancestors:  # the nearest clause with a subject; none if the reference is in it
        subs = [c for c in a.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subs and a.dep_ == "acl" and between and a.head.pos_ == "PROPN":
            heads = [a.head.i]  # "Argentina, ... , offered to host talks between ..." parsed as a modifier
            break
        if not subs:
            continue
        if any(c.left_edge.i <= h <= c.right_edge.i for c in subs):
            return set()
        if a.dep_ == "relcl":
            heads = [a.head.i]  # "Brazil, which borders both countries"
        elif between:
            heads = [c.i for c in subs]  # "Brazil offered to host talks between the two governments"
        break
    found = {code_country(c) for s in spans for c in s.codes
             if any(s.i <= k < s.j for k in heads) and not c.startswith("---")}
    # a subject naming several states may be the pair itself ("A and B signed a pact between the two")
    return found if len(found) == 1 else set()


def _antecedent_codes(spans, before: int, count: int, noun: str, sent_of,
                      exclude: set[str] = frozenset(), lead: list[str] | None = None,
                      doc: Doc | None = None) -> list[str] | None:
    if noun in LEADER_NOUNS:
        leaders = _leaders_just_named(spans, before, count, sent_of)
        if leaders:
            return leaders
    earlier = [s for s in spans if s.j <= before]
    # the most often named group of that size so far wins ("the two sides" of a treaty story
    # are its parties, even just after another pair was named); ties go to the latest
    tally: dict[frozenset[str], tuple[int, int, list[str]]] = {}
    groups = []
    for order, s in enumerate(earlier):
        bases = list(dict.fromkeys(code_country(c) for c in s.codes if not c.startswith("---")))
        if len(s.parts) >= 2 and len(bases) == count and not exclude & set(bases):
            n = tally.get(frozenset(bases), (0, 0, []))[0]
            tally[frozenset(bases)] = (n + 1, order, list(s.codes))
            groups.append(s)
    group: list[str] | None = max(tally.values())[2] if tally else None
    if lead and doc is not None and not exclude & set(lead):
        # a pair named once in passing ("Japan and the US expressed concern") is not "the two
        # countries" of a China-Philippines story, unless it was named just before (a pair named
        # as one more often is a pair the story is about); with no pair named as one, "the two
        # sides" may be a state and a group the lead did not name, so only states ("countries",
        # "governments") take the lead pair
        best = max(tally.items(), key=lambda kv: kv[1])[0] if tally else None
        passing = best is not None and best != frozenset(lead) and tally[best][0] == 1
        if passing or (best is None and noun not in SIDE_NOUNS) or best == frozenset(lead):
            latest = _pair_named_just_before(doc, groups, before, sent_of, spans, exclude)
            own = tally[best][2] if best == frozenset(lead) else lead
            group = latest if latest is not None else own
    earlier = [s for s in earlier if sent_of[before] - sent_of[s.i] <= WINDOW_SENTENCES]
    if group is None:
        bases: list[str] = []
        group = []
        for s in reversed(earlier):
            for c in s.codes:
                base = code_country(c)
                if base.startswith("---") or base in bases or base in exclude:
                    continue
                bases.append(base)
                group.append(c)
        if len(bases) < count:
            return None
        group = list(reversed(group[:count]))
    if noun in SIDE_NOUNS:
        return group
    bases = list(dict.fromkeys(code_country(c) for c in group))
    if noun in GOVERNMENT_NOUNS:
        return [b + "GOV" if len(b) == 3 else b for b in bases]
    return bases


# c. "the president" -------------------------------------------------------------------------
def _office_references(doc, spans, taken, sent_of) -> list[Span]:
    lower = [t.lower_ for t in doc]
    added = []
    for t in range(len(doc) - 1):
        if lower[t] != "the" or t + 1 in taken:
            continue
        office = next((o for o in OFFICES if lower[t + 1:t + 1 + len(o.split())] == o.split()), None)
        if office is None:
            continue
        end = t + 1 + len(office.split())
        if end < len(doc) and (lower[end] == "of" or doc[end].pos_ == "PROPN" or lower[end] in ("'s", "’s")):
            continue  # "the president of X", "the President Vladimir Putin"
        holders = [p for p in _persons(spans) if p.j <= t and office in p.office.lower()]
        # salience: the holders named in this or the previous sentence, else in the last few
        for window in (1, WINDOW_SENTENCES):
            people = {p.person: p for p in holders if 0 <= sent_of[t] - sent_of[p.i] <= window}
            if people:
                break
        if len(people) == 1:
            added.append(_copy(next(iter(people.values())), t, end))
    return added


# e. "the coalition" after "the Saudi-led coalition" ------------------------------------------
def _led_references(doc, spans, taken) -> list[Span]:
    led = [s for s in spans if s.via == "led"]
    added = []
    for tok in doc:
        if tok.i == 0 or tok.i in taken or doc[tok.i - 1].lower_ != "the":
            continue
        earlier = [s for s in led if s.office == tok.lower_ and s.j <= tok.i]
        if earlier and len({tuple(s.codes) for s in earlier}) == 1:
            added.append(_copy(earlier[-1], tok.i - 1, tok.i + 1))
    return added


# f. "the East Asian nation" ----------------------------------------------------------------
def _descriptor_references(doc, spans, taken, sent_of) -> list[Span]:
    """"the East Asian nation", "the reclusive nuclear-armed state", "the Nordic country": a
    definite singular country noun with a describing modifier is the country named last, in this
    sentence or the one before, when that mention is of one country by its name or capital."""
    countries = [s for s in spans if len(s.codes) == 1 and len(s.codes[0]) == 3 and not s.codes[0].startswith("---")
                 and s.entry is not None and s.entry.sort in ("country", "capital")]
    added = []
    for tok in doc:
        if tok.lower_ not in DESCRIPTOR_NOUNS or tok.tag_ != "NN" or tok.i in taken or tok.dep_ == "compound":
            continue
        start = tok.left_edge.i
        mods = doc[start + 1:tok.i]
        # a region adjective inside ("the East Asian nation") gives way to the description
        regional = {t for s in spans if s.i > start and s.j <= tok.i and (s.entry is None or s.entry.sort == "adjective")
                    for t in range(s.i, s.j)}
        if doc[start].lower_ != "the" or not len(mods) or any(t.i in taken and t.i not in regional for t in mods) or any(
                t.lower_ in NON_DESCRIPTORS or t.pos_ in ("NUM", "PRON", "DET") or t.tag_ == "POS" for t in mods):
            continue
        if not any(t.pos_ in ("ADJ", "PROPN", "VERB") for t in mods):
            continue
        before = [c for c in countries if c.j <= start and 0 <= sent_of[start] - sent_of[c.i] <= 1]
        words = " ".join(t.lower_ for t in mods).replace(" - ", "-")
        members = [codes for region, codes in _regions().items() if re.search(rf"\b{re.escape(region)}\b", words)]
        if members:  # "the Nordic country": only a Nordic one
            before = [c for c in before if all(c.codes[0] in m for m in members)]
        if before:
            last = before[-1]
            added.append(Span(start, tok.i + 1, list(last.codes), "state", doc[start:tok.i + 1].text, via="coref"))
    return added


@lru_cache(maxsize=1)
def _regions() -> dict[str, frozenset[str]]:
    """Region word -> member country codes, from data/actors/description_regions.tsv."""
    out: dict[str, frozenset[str]] = {}
    for row in read_tsv(name="description_regions.tsv"):
        for word in row["words"].split("|"):
            out[word.strip()] = frozenset(row["codes"].split("|"))
    return out


# d. "he said" -----------------------------------------------------------------------------
def _pronouns(doc, spans, taken, sent_of) -> list[Span]:
    added = []
    persons = _persons(spans)
    for tok in doc:
        if tok.lower_ not in PRONOUNS or tok.dep_ not in SUBJECT_DEPS or tok.i in taken:
            continue
        here = sent_of[tok.i]
        same = {p.person: p for p in persons if sent_of[p.i] == here and p.j <= tok.i}
        if not same:
            same = {p.person: p for p in persons if sent_of[p.i] == here - 1}
        if len(same) == 1:
            added.append(_copy(next(iter(same.values())), tok.i, tok.i + 1))
            # '"They are ironclad," he repeated. "Any attack ...," he said.': a pronoun resolved
            # here is the person the next sentence's pronoun may take up
            persons.append(added[-1])
    return added + _they(doc, spans, taken, sent_of)


def _they(doc, spans, taken, sent_of) -> list[Span]:
    """"they" as a subject: the one group of several actors named earlier in the sentence, else
    the one such group that was the subject of the sentence before."""
    groups = [s for s in spans if len(set(s.codes)) >= 2]
    added = []
    for tok in doc:
        if tok.lower_ != "they" or tok.dep_ not in SUBJECT_DEPS or tok.i in taken:
            continue
        here = sent_of[tok.i]
        same = [g for g in groups if sent_of[g.i] == here and g.j <= tok.i]
        if not same:
            same = [g for g in groups if sent_of[g.i] == here - 1
                    and any(doc[t].dep_ in SUBJECT_DEPS for t in range(g.i, g.j))]
        if len({tuple(g.codes) for g in same}) == 1:
            g = same[-1]
            added.append(Span(tok.i, tok.i + 1, list(g.codes), g.kind, g.name, via="coref"))
    return added
