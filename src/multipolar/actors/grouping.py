"""Collectives and the actor list.

A collective is one noun phrase standing for several actors: coordinated names ("Moscow and
Tehran", "the US, the UK and Australia", "Russian and Iranian officials"), or a plural noun
followed by examples ("Iran-backed groups such as Hezbollah ... and Hamas").
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import Actor, Evidence
from . import ResolvedMention, code_country
from .dictionary import ADJECTIVE, COUNTRY
from .petrarch import kind_of_code
from .spans import CollectiveMention, Span

JOINERS = {",", "and", "or", "&", "the", "both", "as", "well"}
CONJUNCTIONS = {"and", "or", "&"}
EXAMPLE_MARKERS = (("such", "as"), ("including",), ("like",))
GROUP_NOUNS = {"groups", "militias", "rebels", "fighters", "militants", "proxies", "factions",
               "movements", "organisations", "organizations", "forces", "allies", "partners",
               "countries", "nations", "states", "powers"}
ARMED_NOUNS = {"groups", "militias", "rebels", "fighters", "militants", "proxies", "factions", "forces"}
BACKED = {"backed", "allied", "aligned", "sponsored", "supported", "funded", "armed"}


def actor_class(s: Span) -> str:
    """Only like joins like in a coordination ("Lebanon and Hamas" in a list is not a pair)."""
    if s.is_person:
        return "person"
    if s.kind == "group":
        return "group"
    return "state"


LED_NOUNS = {"coalition": "MIL", "forces": "MIL", "operation": "MIL", "campaign": "MIL", "mission": "MIL",
             "offensive": "MIL", "alliance": "", "bloc": "", "initiative": "", "government": "GOV"}


def find_collectives(doc: Doc, spans: list[Span]) -> list[Span]:
    spans = sorted(spans, key=lambda s: (s.i, s.j))
    spans = _coordinations(doc, spans)
    spans = _led(doc, spans)
    return _examples(doc, spans)


def _led(doc: Doc, spans: list[Span]) -> list[Span]:
    """"the Saudi-led coalition": the coalition is the leader's (SAUMIL); the leader word stays
    its own mention. Coreference later reads "the coalition" as this span."""
    lower = [t.lower_ for t in doc]
    taken = {t for s in spans for t in range(s.i, s.j)}
    added = []
    for s in spans:
        k = s.j
        if s.entry is None or not s.entry.composes or k + 2 >= len(doc) or lower[k] != "-" or lower[k + 1] != "led":
            continue
        h = k + 2
        if lower[h] not in LED_NOUNS and h + 1 < len(doc) and doc[h].pos_ in ("ADJ", "NOUN", "PROPN"):
            h += 1  # "US-led military coalition"
        if lower[h] not in LED_NOUNS or h in taken:
            continue
        base = s.code[:3]
        added.append(Span(h, h + 1, [base + LED_NOUNS[lower[h]]], "military" if LED_NOUNS[lower[h]] == "MIL"
                          else "state", f"{s.name}-led {lower[h]}", office=lower[h], via="led"))
    return sorted(spans + added, key=lambda s: (s.i, s.j))


def _gap_ok(doc: Doc, a: Span, b: Span) -> tuple[bool, bool]:
    """Whether only joiner words stand between ``a`` and ``b``; and whether one is a conjunction."""
    if b.i < a.j or b.i - a.j > 4 or b.i == a.j:
        return False, False
    words = [t.lower_ for t in doc[a.j:b.i]]
    if not all(w in JOINERS for w in words):
        return False, False
    if doc[a.j:b.i].text.strip() == "the" or "," == words[-1] and len(words) == 1:
        return True, False
    return True, any(w in CONJUNCTIONS for w in words)


def _is_modifier(doc: Doc, s: Span) -> bool:
    """"Iran-backed", "Russia-Ukraine": a name glued to the next word by a hyphen modifies it."""
    return s.j < len(doc) and doc[s.j].text == "-" and doc[s.j - 1].whitespace_ == ""


def _coordinations(doc: Doc, spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    k = 0
    while k < len(spans):
        run = [spans[k]]
        m = k + 1
        while m < len(spans):
            ok, conj = _gap_ok(doc, run[-1], spans[m])
            if not ok or actor_class(spans[m]) != actor_class(run[0]) or _is_modifier(doc, spans[m]):
                break
            run.append(spans[m])
            m += 1
            if conj:
                break  # "A, B and C": the conjunction closes the list
        # a list must end on a conjunction ("A and B"), not on a bare comma (apposition)
        while len(run) > 1 and not _gap_ok(doc, run[-2], run[-1])[1]:
            run.pop()
        if len(run) < 2:
            out.append(spans[k])
            k += 1
            continue
        _share_agent(run)
        codes = list(dict.fromkeys(c for s in run for c in s.codes))
        kinds = {s.kind for s in run}
        out.append(Span(run[0].i, run[-1].j, codes, kinds.pop() if len(kinds) == 1 else "state",
                        " and ".join(s.name for s in run), parts=run, via="collective"))
        k += len(run)
    return out


def _share_agent(run: list[Span]) -> None:
    """"Russian and Iranian officials": the last member's agent applies to bare adjectives."""
    last = run[-1]
    if not last.agent:
        return
    for s in run[:-1]:
        # "Russian and Iranian officials", "US and British militaries" (not "Russia's and ...")
        if s.entry is not None and s.entry.sort in (ADJECTIVE, COUNTRY) and not s.agent:
            s.codes = [s.code[:3] + last.agent]
            s.agent, s.kind, s.office = last.agent, last.kind, last.office
            s.name = last.name.replace(last.name.split(" of ")[-1], s.name) if " of " in last.name else s.name


def _examples(doc: Doc, spans: list[Span]) -> list[Span]:
    """"groups such as Hezbollah and Hamas": the plural noun stands for the examples after it."""
    taken = {t for s in spans for t in range(s.i, s.j)}
    lower = [t.lower_ for t in doc]
    added: list[Span] = []
    for h in range(len(doc) - 1):
        if lower[h] not in GROUP_NOUNS or h in taken:
            continue
        after = h + 1
        marker = next((m for m in EXAMPLE_MARKERS if tuple(lower[after:after + len(m)]) == m), None)
        members: list[Span] = []
        if marker:
            members = _listed_after(doc, spans, after + len(marker))
        backed = h >= 2 and lower[h - 1] in BACKED and lower[h - 2] == "-"
        if not members and not (backed and lower[h] in ARMED_NOUNS):
            continue
        start = h
        while start > 0 and start - 1 not in taken and doc[start - 1].pos_ == "ADJ" and doc[start - 1].is_alpha:
            start -= 1  # "armed groups", not "Iran-" (the backer stays its own mention)
        name = doc[start:h + 1].text
        if backed:  # name it with its backer: "Iran-backed groups"
            backer = next((s for s in spans if s.j == h - 2), None)
            name = doc[backer.i if backer else h - 2:h + 1].text
        if members:
            codes = list(dict.fromkeys(c for s in members for c in s.codes))
            added.append(Span(start, h + 1, codes, members[0].kind, name, via="examples"))
        else:
            added.append(Span(start, h + 1, ["---REB"], "group", name, via="backed"))
    return sorted(spans + added, key=lambda s: (s.i, s.j))


def _listed_after(doc: Doc, spans: list[Span], k: int) -> list[Span]:
    """Spans of one class listed from token ``k`` to the next verb or sentence end."""
    sent_end = doc[k].sent.end if k < len(doc) and doc.has_annotation("SENT_START") else len(doc)
    first = next((s for s in spans if s.i >= k), None)
    if first is None or first.i > k + 1:
        return []
    members = []
    stop = next((t.i for t in doc[k:sent_end] if t.pos_ in ("VERB", "AUX")), sent_end)
    for s in spans:
        if k <= s.i < stop and actor_class(s) == actor_class(first):
            members.extend(s.parts or [s])
    return members


def build_actors(mentions: list[ResolvedMention], text: str) -> list[Actor]:
    """SPEC actors: one per (code, person) -- or per (code, name) for unknown ``---`` entities.

    Members named inside a collective get their own span as evidence; a collective reference
    ("the two nations") counts as a mention of each of its codes.
    """
    actors: dict[tuple[str, str], Actor] = {}

    def add(code: str, m: ResolvedMention, name: str, kind: str, person: str | None) -> None:
        unknown = code.startswith("---")
        key = (code, person or (name if unknown else ""))
        actor = actors.get(key)
        if actor is None:
            actor = actors[key] = Actor(code=code, name=name, country=None if unknown else code_country(code),
                                        kind=kind, person=person)
        elif actor.name == code and name != code:
            # first seen through "the two nations": a later named mention names it
            actor.name, actor.kind = name, kind
        actor.mentions.append(Evidence.of(text, m.start, m.end))

    for m in mentions:
        if isinstance(m, CollectiveMention) and m.parts:
            for p in m.parts:
                add(p.code, p, p.name, p.kind, p.person)
        elif len(m.codes) > 1:
            for code in m.codes:
                add(code, m, code, kind_of_code(code), None)
        else:
            add(m.code, m, m.name, m.kind, m.person)
    _name_collective_codes(actors)
    return [actors[k] for k in sorted(actors)]


def _name_collective_codes(actors: dict[tuple[str, str], Actor]) -> None:
    """An actor known only through "the two nations" borrows the name another actor with the
    same code has (a person's office, say)."""
    by_code = {k[0]: a for k, a in actors.items() if a.name != k[0] and not a.person}
    for (code, _), a in actors.items():
        if a.name == code and code in by_code:
            a.name, a.kind = by_code[code].name, by_code[code].kind
