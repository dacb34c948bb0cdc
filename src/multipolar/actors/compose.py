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

from .dictionary import CAPITAL, COUNTRY, IMPORTED, ActorDictionary
from .spans import Span, agent_kind, composed_name

POSSESSIVE = {"'s", "’s", "'", "’"}
FORMER = {"former", "ex", "then"}
TITLE_AGENTS = {"GOV", "MIL", "OPP", "LEG", "JUD", "SPY", "POL", "REB", "ELI"}
MODIFIER_POS = {"ADJ", "NOUN", "PROPN"}
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

    def compose(self, doc: Doc, spans: list[Span]) -> list[Span]:
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
                s = self._after(doc, lower, s, taken, starts, ents_at, absorbed)
            out.append(s)
        out = self._titles_before_people(doc, lower, out)
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

    def _after(self, doc, lower, s: Span, taken, starts, ents_at, absorbed) -> Span:
        k = s.j
        if k < len(doc) and lower[k] in POSSESSIVE:
            k += 1
        # "Iran-backed groups": the backer stays a mention; the groups become their own span
        if k + 2 < len(doc) and lower[k] == "-" and lower[k + 1] in BACKED:
            return s
        found = self.agent_at(lower, k)
        skipped = 0
        while found is None and skipped < 2 and k < len(doc) and k not in taken \
                and doc[k].is_alpha and (doc[k].pos_ in MODIFIER_POS or not doc[k].pos_):
            k += 1
            skipped += 1
            found = self.agent_at(lower, k)
        if found is None or found[1].endswith("~") or any(t in taken for t in range(k, found[0])):
            return s
        end, agent = found
        former = (s.i > 0 and lower[s.i - 1] in FORMER) or (s.i > 1 and lower[s.i - 1] == "the"
                                                            and lower[s.i - 2] in FORMER)
        code = s.code[:3] + "ELI" if former and agent[:3] in TITLE_AGENTS else combine(s, agent)
        title = doc[k:end].text.lower()
        composed = Span(s.i, end, [code], agent_kind(agent[:3]), self._name(code, agent, s.name),
                        entry=s.entry, agent=agent, office=title, via="composed")
        if agent[:3] not in TITLE_AGENTS:
            return composed
        person = starts.get(end)
        if person is not None and person.is_person:
            absorbed.add(id(person))
            return Span(s.i, person.j, person.codes, "person", person.name, person=person.person,
                        office=person.office or title, entry=person.entry)
        ent = ents_at.get(end)
        if ent is not None and not any(t in taken for t in range(ent.start, ent.end)):
            return Span(s.i, ent.end, [code], "person", ent.text, person=ent.text, office=title,
                        agent=agent, via="composed")
        return composed

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
                    s.i = k
                    out[k] = s
                else:
                    out[k] = Span(k, s.j, list(s.codes), s.kind, s.name, entry=s.entry, agent=agent,
                                  office=office, via="composed")
                break
        return list(out.values())

    def _titles_before_people(self, doc, lower, spans: list[Span]) -> list[Span]:
        """"President Vladimir Putin": the bare title joins the name and gives its office word."""
        for s in spans:
            if not s.is_person or s.via != "dictionary" or s.i == 0:
                continue
            for k in range(max(0, s.i - 3), s.i):
                found = self.agent_at(lower, k)
                if found and found[0] == s.i and found[1][:3] in TITLE_AGENTS and doc[k].text[:1].isupper():
                    if not any(o.i < s.i and o.j > k for o in spans if o is not s):
                        s.office = s.office or doc[k:s.i].text.lower()
                        s.i = k
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
