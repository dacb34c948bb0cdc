"""Agent composition: a country (or other actor) word plus an agent noun makes one actor.

- actor + agent: "Iranian foreign minister" -> IRNGOV, "Kremlin's forces" -> RUSMIL,
  "Israeli Security Cabinet" (up to two modifiers skipped);
- prefix agent + actor: "MSF Arnor" -> NGOARN (PETRARCH agents written ``CODE~``);
- agent + of/from/in + actor(s): "the government of Iran", "soldiers from Gondor",
  "the ambassadors of Arnor, Osgiliath and Gondor" (the agent goes to every member);
- a title followed by a name: "Russian President Vladimir Putin" is one person mention; a
  name the dictionary does not know keeps the title's code ("Iranian FM Abbas Araghchi");
- optionally (PETRARCH compatibility), a bare agent with no actor: "officials said" -> ---GOV.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from .dictionary import CAPITAL, COUNTRY, ENTITY, IMPORTED, ActorDictionary
from .spans import Span, agent_kind, composed_name

POSSESSIVE = {"'s", "’s", "'", "’"}
FORMER = {"former", "ex", "then"}
TITLE_AGENTS = {"GOV", "MIL", "OPP", "LEG", "JUD", "SPY", "POL", "REB", "ELI"}
MODIFIER_POS = {"ADJ", "NOUN", "PROPN"}
# heads of named bodies that are not the state: "Russian Orthodox Church leaders" are not RUSGOV
NOT_MODIFIERS = {"church", "party", "university", "institute", "observatory", "foundation",
                 "association", "league", "movement", "front", "society", "center", "centre",
                 "museum", "academy", "club", "federation", "group", "orthodox", "catholic"}
BACKED = {"backed", "allied", "aligned", "sponsored", "supported", "funded", "armed"}
LINKS = {"of": None, "from": None, "in": "MIL"}  # preposition -> agent it may NOT link ("troops in Ukraine")
OF_TARGETS = (COUNTRY, CAPITAL, IMPORTED)

AgentAt = Callable[[list[str], int], "tuple[int, str] | None"]


def combine(span: Span, agent: str) -> str:
    """The code of ``span`` with ``agent`` added.

    Packaged country words keep their country only ("Kremlin" RUSGOV + MIL -> RUSMIL);
    imported (PETRARCH) codes keep every block and add only blocks not already there
    (USAGOV + GOV -> USAGOV, GMWGOV + WGO -> GMWGOVWGO); "NGO~" goes in front.
    """
    base = span.code
    if agent.endswith("~"):
        return agent[:-1] + base
    if span.entry is None or span.entry.sort != IMPORTED:
        return base[:3] + agent
    blocks = [base[i:i + 3] for i in range(0, len(base), 3)]
    for i in range(0, len(agent), 3):
        if agent[i:i + 3] not in blocks[1:]:
            blocks.append(agent[i:i + 3])
    return "".join(blocks)


class Composer:
    def __init__(self, dictionary: ActorDictionary, agent_at: AgentAt, bare_agents: bool = False) -> None:
        self.dictionary = dictionary
        self.agent_at = agent_at
        self.bare_agents = bare_agents

    def compose(self, doc: Doc, spans: list[Span], day: str | None = None) -> list[Span]:
        """``day``: the article's date; without one, a known person's title in the text
        ("Japanese Foreign Minister Yoko Kamikawa") is the best evidence of the office held."""
        undated = day is None  # a local, not state: one resolver serves many threads
        lower = [t.lower_ for t in doc]
        taken = {t for s in spans for t in range(s.i, s.j)}
        starts = {s.i: s for s in spans}
        ents_at = {e.start: e for e in doc.ents if e.label_ == "PERSON"}
        out: list[Span] = []
        absorbed: set[int] = set()
        for s in spans:
            if id(s) in absorbed:
                continue
            if s.entry is not None and s.entry.composes and len(s.codes) == 1:
                s = self._prefix_agent(doc, lower, s, taken)
                s = self._after(doc, lower, s, taken, starts, ents_at, absorbed, undated)
            out.append(s)
        out = self._titles_before_people(doc, lower, out, undated)
        return sorted(out, key=lambda s: (s.i, s.j))

    def link(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """The second pass, after collectives are known: agent + of/from/in + actor(s), and
        (optionally) bare agents."""
        lower = [t.lower_ for t in doc]
        out = self._linked(doc, lower, spans)
        if self.bare_agents:
            out = self._bare(doc, lower, out)
        return sorted(out, key=lambda s: (s.i, s.j))

    def _name(self, code: str, agent: str, fallback: str) -> str:
        if code[:3] in self.dictionary.country_names:
            return composed_name(code[:3], agent.rstrip("~")[:3], self.dictionary.country_names)
        return f"{fallback} ({agent.strip('~')})"

    def _prefix_agent(self, doc, lower, s: Span, taken) -> Span:
        for k in range(max(0, s.i - 3), s.i):
            found = self.agent_at(lower, k)
            if found and found[0] == s.i and found[1].endswith("~") and not any(t in taken for t in range(k, s.i)):
                code = combine(s, found[1])
                return Span(k, s.j, [code], "other", self._name(code, found[1], s.name),
                            entry=s.entry, agent=found[1], via="composed")
        return s

    def _after(self, doc, lower, s: Span, taken, starts, ents_at, absorbed, undated: bool) -> Span:
        k = s.j
        if k < len(doc) and lower[k] in POSSESSIVE:
            k += 1
        # "Iran-backed groups": the backer stays a mention; the groups become their own span
        if k + 2 < len(doc) and lower[k] == "-" and lower[k + 1] in BACKED:
            return s
        found = self.agent_at(lower, k)
        skipped = 0
        while found is None and skipped < 2 and k < len(doc) and k not in taken \
                and doc[k].is_alpha and (doc[k].pos_ in MODIFIER_POS or not doc[k].pos_) \
                and lower[k] not in NOT_MODIFIERS:
            # a hyphenated modifier counts as one word: "Georgia's pro-Western government"
            if k + 2 < len(doc) and lower[k + 1] == "-" and not doc[k].whitespace_ \
                    and not doc[k + 1].whitespace_ and doc[k + 2].is_alpha and k + 2 not in taken:
                k += 2
            k += 1
            skipped += 1
            found = self.agent_at(lower, k)
        if found is None or found[1].endswith("~"):
            return s
        entity = starts.get(k)
        if any(t in taken for t in range(k, found[0])):
            # "Russia's Security Council": a named body that is also an agent noun belongs to
            # the country before it (not the UN's Security Council)
            if entity is None or entity.j != found[0] or entity.entry is None or entity.entry.sort != ENTITY \
                    or entity.is_person:
                return s
            absorbed.add(id(entity))
        end, agent = found
        # chained agent nouns: "Danish Islamist media" (imported codes add blocks: DNKMUSMED);
        # ours keep the first role and take the words: "Russian military officials" -> RUSMIL
        chained = self.agent_at(lower, end) if end not in taken else None
        while chained is not None and not chained[1].endswith("~") and not any(t in taken for t in range(end, chained[0])):
            if s.entry is not None and s.entry.sort == IMPORTED:
                agent = agent + "".join(b for b in (chained[1][i:i + 3] for i in range(0, len(chained[1]), 3))
                                        if b not in [agent[i:i + 3] for i in range(0, len(agent), 3)])
            end = chained[0]
            chained = self.agent_at(lower, end) if end not in taken else None
        former = (s.i > 0 and lower[s.i - 1] in FORMER) or (s.i > 1 and lower[s.i - 1] == "the"
                                                            and lower[s.i - 2] in FORMER)
        code = s.code[:3] + "ELI" if former and agent[:3] in TITLE_AGENTS else combine(s, agent)
        title = doc[k:end].text.lower()
        composed = Span(s.i, end, [code], agent_kind(agent[:3]), self._name(code, agent, s.name),
                        entry=s.entry, agent=agent, office=title, via="composed")
        if agent[:3] not in TITLE_AGENTS:
            return self._agent_pair(doc, lower, s, composed, taken)
        person = starts.get(end)
        at = end
        if person is None and end not in ents_at and _apposition(doc, lower, end, starts, ents_at):
            # "a Chinese foreign ministry spokesperson, Zhao Lijian, said": the name set off by
            # commas right after the title is the title holder
            at = end + 1
            person = starts.get(at)
        if person is not None and person.is_person:
            absorbed.add(id(person))
            codes = [code] if undated and person.entry is not None else person.codes
            return Span(s.i, person.j, codes, "person", person.name, person=person.person,
                        office=person.office or title, entry=person.entry)
        ent = ents_at.get(at)
        if ent is not None and not any(t in taken for t in range(ent.start, ent.end)):
            end = _name_end(doc, ent.end, taken)  # "Foreign Minister Espen Barth Eide": the tagger cut "Eide"
            name = doc[ent.start:end].text
            return Span(s.i, end, [code], "person", name, person=name, office=title,
                        agent=agent, via="composed")
        return self._agent_pair(doc, lower, s, composed, taken)

    def _agent_pair(self, doc, lower, s: Span, first: Span, taken) -> Span:
        """"Danish media and government": a second agent noun shares the country word."""
        k = first.j
        if k + 1 >= len(doc) or lower[k] not in ("and", "or") or k + 1 in taken:
            return first
        found = self.agent_at(lower, k + 1)
        if found is None or found[1].endswith("~") or any(t in taken for t in range(k + 1, found[0])):
            return first
        end, agent = found
        second = Span(k + 1, end, [combine(s, agent)], agent_kind(agent[:3]), self._name(s.code, agent, s.name),
                      entry=s.entry, agent=agent, office=doc[k + 1:end].text.lower(), via="composed")
        return Span(first.i, end, first.codes + second.codes, first.kind if first.kind == second.kind else "state",
                    f"{first.name} and {second.name}", parts=[first, second], via="collective")

    def _linked(self, doc, lower, spans: list[Span]) -> list[Span]:
        """Agent + of/from/in + actor(s): the agent noun heads the phrase."""
        taken = {t for s in spans for t in range(s.i, s.j)}
        out = {s.i: s for s in spans}
        for s in spans:
            members = s.parts or [s]
            if any(m.entry is None or m.entry.sort not in OF_TARGETS or m.agent for m in members):
                continue
            j = s.i - 1
            if j >= 1 and lower[j] == "the":
                j -= 1
            if j < 1 or lower[j] not in LINKS:
                continue
            if s.j + 1 < len(doc) and lower[s.j] == "-" and lower[s.j + 1] in BACKED:
                continue  # "a commander of the Iran-backed militia": the militia's, not Iran's
            for k in range(max(0, j - 4), j):
                found = self.agent_at(lower, k)
                if not found or found[0] != j or any(t in taken for t in range(k, j)):
                    continue
                agent = found[1]
                if agent.endswith("~") or agent[:3] == LINKS[lower[j]]:
                    break
                office = doc[k:j].text.lower()
                for m in members:
                    m.codes = [combine(m, agent)]
                    m.name, m.kind, m.agent, m.office = self._name(m.codes[0], agent, m.name), \
                        agent_kind(agent[:3]), agent, office
                    m.via = "composed"
                del out[s.i]
                if s.parts:
                    s.codes = [c for m in members for c in m.codes]
                    s.i, s.kind = k, agent_kind(agent[:3])
                    out[k] = s
                else:
                    out[k] = Span(k, s.j, list(s.codes), s.kind, s.name, entry=s.entry, agent=agent,
                                  office=office, via="composed")
                break
        return list(out.values())

    def _titles_before_people(self, doc, lower, spans: list[Span], undated: bool) -> list[Span]:
        """"President Vladimir Putin": the bare title joins the name and gives its office word."""
        for s in spans:
            if not s.is_person or s.via != "dictionary" or s.i == 0:
                continue
            for k in range(max(0, s.i - 3), s.i):
                found = self.agent_at(lower, k)
                if found and found[0] == s.i and found[1][:3] in TITLE_AGENTS and doc[k].text[:1].isupper():
                    if not any(o.i < s.i and o.j > k for o in spans if o is not s):
                        title = doc[k:s.i].text.lower()
                        s.office = s.office or title
                        s.i = k
                        if undated and s.entry is not None:
                            # undated "President Joe Biden": the office the title names
                            held = [t for t in s.entry.tenures if title in t.office.lower()]
                            if held:
                                s.codes = [max(held, key=lambda t: t.start).code]
                    break
        return spans

    def _bare(self, doc, lower, spans: list[Span]) -> list[Span]:
        """PETRARCH's reading of an agent with no actor: "a senior official said" -> ---GOV."""
        taken = {t for s in spans for t in range(s.i, s.j)}
        added = []
        k = 0
        while k < len(doc):
            found = self.agent_at(lower, k) if k not in taken else None
            if found is None or any(t in taken for t in range(k, found[0])):
                k += 1
                continue
            agent = found[1].rstrip("~")
            added.append(Span(k, found[0], ["---" + agent], agent_kind(agent[:3]), doc[k:found[0]].text,
                              agent=found[1], office=doc[k:found[0]].text.lower(), via="bare-agent"))
            k = found[0]
        return spans + added


def _name_end(doc: Doc, end: int, taken) -> int:
    """The end of a person's name the tagger cut short: following capitalised proper nouns that
    no other mention holds and no other entity type claims."""
    while end < len(doc) and end not in taken and doc[end].pos_ == "PROPN" and doc[end].is_alpha \
            and doc[end].text[:1].isupper() and doc[end].ent_type_ in ("", "PERSON"):
        end += 1
    return end


def _apposition(doc: Doc, lower: list[str], end: int, starts, ents_at) -> bool:
    """A person's name between commas (or a comma and the sentence end) right after ``end``."""
    if end + 1 >= len(doc) or lower[end] != "," or doc[end - 1].tag_ in ("NNS", "NNPS"):
        return False  # a plural ("Russian troops, Vladimir Putin, ...") is a list, not a title
    known = starts.get(end + 1)
    if known is not None and known.is_person:
        close = known.j
    elif end + 1 in ents_at:
        close = ents_at[end + 1].end
    else:
        return False
    return close >= len(doc) or lower[close] in (",", ".", ";") or doc[close].is_sent_start is True
