"""People the dictionaries do not know, placed by the words around their name (stage 5b).

Wire copy names officials in three ways that give no nationality next to the name itself:

a. the office after the name, set off by commas: "Dorothy Shea, the acting U.S. ambassador, said";
b. the office before the name, set off by commas, when the tagger did not read the name as a
   person: "Russia's deputy ambassador, Dmitry Polyanskiy, said";
c. a bare ministerial title before the name of the subject of a clause, after the state has just
   been named as a subject: "The Norwegian foreign ministry said ... Foreign Minister Espen Barth
   Eide said" (the minister of the state that is speaking). Monarchs' titles ("Sultan", "King")
   are not used this way: they name a head of state of any country. The title may be a chain
   of agent nouns ("Foreign ministry spokesman X", "Government spokeswoman X");
d. an office of a body named by a common noun, set off by commas: "the agency's director, X,",
   "X, the ministry's spokesman,".

Each rule fires only on an unknown name (code ``---``); a wrong country is worse than none, so
(c) and (d) need exactly one state named as a subject in the sentence or the one before, or
failing any, the story's own state: the one country of its dateline ("YEREVAN (Wire) - ..."),
else the one state its lead names.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from .compose import TITLE_AGENTS
from .spans import Span

UNKNOWN = "---"
# title words that a wire story uses bare for its own state's officials
MINISTERIAL = {"minister", "secretary", "spokesman", "spokeswoman", "spokesperson", "ambassador",
               "envoy", "chief", "commander", "president", "premier", "chancellor"}
DASHES = {"-", "—", "–", "--", "("}
SUBJECTS = {"nsubj", "nsubjpass"}
RANKS = {"general", "gen.", "colonel", "col.", "lieutenant", "major", "captain", "admiral", "marshal", "brigadier",
         "dr", "dr.", "sheikh", "mr", "mr.", "ms", "ms.", "mrs", "mrs."}
CLOSERS = {",", ".", ";", ")"}
# (d) bodies a wire story names by a common noun once it has named them ("the agency", "the
# ministry"), and the offices in them; the body's agent code where the agent dictionary has none
ORGANS = {"ministry", "agency", "service", "government", "army", "military", "navy", "embassy",
          "office", "commission", "committee", "council", "department", "bureau", "directorate",
          "presidency", "police", "cabinet"}
ORGAN_OFFICES = {"director", "head", "chief", "spokesman", "spokeswoman", "spokesperson", "deputy",
                 "commander", "chairman", "chairwoman", "secretary", "minister", "general"}

AgentAt = Callable[[list[str], int], "tuple[int, str] | None"]


def place_titled_people(doc: Doc, spans: list[Span], agent_at: AgentAt) -> list[Span]:
    lower = [t.lower_ for t in doc]
    by_start = {s.i: s for s in spans}
    by_end = {s.j: s for s in spans}
    home = _dateline_country(doc, spans) or _lead_state(doc, spans)
    for s in spans:
        if not _unknown_name(doc, s):
            continue
        office = _office_after(doc, lower, s, by_start) or _office_before(doc, lower, s, by_end, agent_at)
        if office is not None:
            _place(s, office.code, office.office)
            continue
        title = _bare_title_before(doc, lower, s, agent_at, spans)
        if title is None and s.is_person and not _international_body_near(doc, spans, s):
            title = _organ_office(doc, lower, s, agent_at)
        if title is not None and (s.is_person or lower[s.i - 1] in MINISTERIAL):
            country, ambiguous = _speaking_state(doc, spans, min(title[0], s.i))
            if country is None and not ambiguous:
                country = home  # wire style: "CHISINAU - ... Prime Minister X said" is Moldova's
            elif country is not None and home is not None and country != home:
                # the state that just spoke and the story's own state differ: an official speaks
                # of his own state by its name or capital ("spokeswoman X said Hanoi hoped ...")
                own = _reported_subject_state(doc, spans, s)
                country = own if own in (country, home) else country
            if country is not None:
                words = doc[title[0]:s.i] if title[0] < s.i else doc[title[2]:title[3]]
                _place(s, country + title[1], words.text.lower().strip(" ,"))
    return spans


def _unknown_name(doc: Doc, s: Span) -> bool:
    """An unknown name of two or more capitalised words (a person, or what the tagger took for
    an organisation)."""
    if s.code != UNKNOWN or s.parts or s.j - s.i < 2:
        return False
    return all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in doc[s.i:s.j])


def _titled(s: Span | None) -> bool:
    return (s is not None and not s.is_person and s.agent[:3] in TITLE_AGENTS and len(s.codes) == 1
            and not s.code.startswith(UNKNOWN) and s.via == "composed")


def _office_after(doc: Doc, lower: list[str], s: Span, by_start: dict[int, Span]) -> Span | None:
    """"NAME, the acting U.S. ambassador, ..." (a person entity only)."""
    if not s.is_person or s.j >= len(doc) or lower[s.j] != ",":
        return None
    k = s.j + 1
    if k < len(doc) and doc[k].pos_ == "DET":
        k += 1
    # modifiers before the country word: "the acting U.S. ambassador", "the outgoing Iranian envoy"
    for start in range(k, min(k + 3, len(doc))):
        office = by_start.get(start)
        if office is not None:
            if _titled(office) and (office.j >= len(doc) or lower[office.j] in CLOSERS):
                return office
            return None
        if doc[start].pos_ not in ("ADJ", "VERB"):
            return None
    return None


def _office_before(doc: Doc, lower: list[str], s: Span, by_end: dict[int, Span], agent_at: AgentAt) -> Span | None:
    """"Russia's deputy ambassador, NAME, ...", "Niger's junta leader, General NAME, ..."."""
    comma = s.i - 1
    while comma > 0 and lower[comma] != "," and s.i - comma <= 2 and doc[comma].text[:1].isupper() and (
            lower[comma] in RANKS or agent_at(lower, comma) is not None):
        comma -= 1  # a rank or title written before the name
    if comma < 1 or lower[comma] != "," or (s.j < len(doc) and lower[s.j] not in CLOSERS):
        return None
    office = by_end.get(comma)
    if not _titled(office) or doc[comma - 1].tag_ in ("NNS", "NNPS"):
        return None  # a plural title before a comma starts a list, not an apposition
    return office


def _bare_title_before(doc: Doc, lower: list[str], s: Span, agent_at: AgentAt,
                       spans: list[Span]) -> tuple[int, str] | None:
    """A capitalised ministerial title right before the name ("Foreign Minister NAME"), not part of
    another mention; (title start, agent code)."""
    for k in range(max(0, s.i - 4), s.i):
        found = agent_at(lower, k)
        # a chain of agent nouns: "Foreign ministry" + "spokesman", "Government" + "spokeswoman"
        while found and found[0] < s.i and agent_at(lower, found[0]) is not None:
            found = agent_at(lower, found[0])
        if found and found[0] == s.i and found[1][:3] in TITLE_AGENTS and doc[k].text[:1].isupper():
            if not MINISTERIAL & set(lower[k:s.i]) or any(o.i < s.i and o.j > k for o in spans
                                                            if o is not s and not o.code.startswith(UNKNOWN)):
                return None
            if not any(t.dep_ in SUBJECTS for t in doc[s.i:s.j]) and doc[s.j - 1].dep_ not in SUBJECTS:
                return None  # only the speaker of a clause ("Foreign Minister X said")
            return k, found[1][:3]
    return None


def _organ_office(doc: Doc, lower: list[str], s: Span, agent_at: AgentAt) -> tuple[int, str, int, int] | None:
    """(d) "the agency's director, NAME," or "NAME, the ministry's spokesman,": (where to look
    back from, agent code, office start, office end), the office being "the", a body noun, an
    optional "'s" and office words, ended by a comma or the end of the clause."""
    def office(start: int, end: int) -> str | None:
        words = lower[start:end]
        if len(words) < 3 or words[0] != "the" or words[1] not in ORGANS:
            return None
        rest = words[3:] if words[2] in ("'s", "’s") else words[2:]
        if not rest or not all(w in ORGAN_OFFICES or w == "-" for w in rest):
            return None
        found = agent_at(lower, start + 1)
        return found[1][:3] if found and found[1][:3] in TITLE_AGENTS else "GOV"

    if s.i >= 2 and lower[s.i - 1] == ",":
        start = s.i - 2
        while start > 0 and lower[start] != "the" and s.i - start <= 6:
            start -= 1
        code = office(start, s.i - 1)
        if code is not None and (s.j >= len(doc) or lower[s.j] in CLOSERS):
            return s.i, code, start, s.i - 1
    if s.j + 1 < len(doc) and lower[s.j] == ",":
        end = s.j + 1
        while end < len(doc) and lower[end] not in CLOSERS and end - s.j <= 6:
            end += 1
        code = office(s.j + 1, end)
        if code is not None:
            return s.i, code, s.j + 1, end
    return None


def _reported_subject_state(doc: Doc, spans: list[Span], s: Span) -> str | None:
    """The state named as the subject of the clause the person at ``s`` reports ("X said New
    Delhi expected ..." -> IND), if one state is."""
    head = next((doc[k].head for k in range(s.i, s.j) if doc[k].dep_ in SUBJECTS), None)
    if head is None:
        return None
    clauses = [c for c in head.children if c.dep_ == "ccomp"]
    subjects = {c.i for clause in clauses for c in clause.children if c.dep_ in SUBJECTS}
    states = {o.code[:3] for o in spans if any(o.i <= k < o.j for k in subjects) and len(o.codes) == 1
              and not o.code.startswith((UNKNOWN, "IGO")) and len(o.code) in (3, 6)}
    return states.pop() if len(states) == 1 else None


def _international_body_near(doc: Doc, spans: list[Span], s: Span) -> bool:
    """An international organisation named in this sentence or the two before: "the agency" of
    "VIENNA - The IAEA said ... the agency's deputy director, X," is not Austria's."""
    if not doc.has_annotation("SENT_START"):
        return True
    sents = list(doc.sents)
    here = next(n for n, sent in enumerate(sents) if sent.start <= s.i < sent.end)
    start = sents[max(0, here - 2)].start
    return any(o.code.startswith("IGO") for o in spans if start <= o.i < s.i)


def _lead_state(doc: Doc, spans: list[Span]) -> str | None:
    """The one state a story's lead (its first sentence naming a state) names, if only one."""
    if not doc.has_annotation("SENT_START"):
        return None
    for sent in doc.sents:
        states = {s.code[:3] for s in spans if sent.start <= s.i < sent.end and len(s.codes) == 1
                  and not s.code.startswith((UNKNOWN, "IGO")) and len(s.code) in (3, 6)}
        if states:
            return states.pop() if len(states) == 1 else None
    return None


def _dateline_country(doc: Doc, spans: list[Span]) -> str | None:
    """The country of a story's dateline: the first upper-case place at the start of a line
    followed by a dash ("CHISINAU - ..."), when it names one country ("PARIS/TEHRAN" names two)."""
    s = dateline_span(doc, spans)
    if s is None or doc[s.j:s.j + 1].text in ("/", "&"):
        return None  # none, or two places
    codes = {c[:3] for c in s.codes if not c.startswith(UNKNOWN)}
    return codes.pop() if len(codes) == 1 else None


def dateline_span(doc: Doc, spans: list[Span]) -> Span | None:
    """The first upper-case place at the start of a line followed by a dash, a comma or a
    second place ("CHISINAU - ...", "YEREVAN (Wire) - ...", "PARIS/TEHRAN - ...")."""
    for s in spans:
        words = doc[s.i:s.j]
        if not words.text.isupper() or len(words.text) < 3:
            continue
        at_line_start = s.i == 0 or "\n" in doc[s.i - 1].text_with_ws or "\n" in doc[s.i - 1].whitespace_
        if not at_line_start:
            continue
        after = [t.text for t in doc[s.j:s.j + 2]]
        if after and after[0] in ("/", "&"):
            return s
        if any(a in DASHES or a == "," for a in after):
            return s
    return None


def _speaking_state(doc: Doc, spans: list[Span], before: int) -> tuple[str | None, bool]:
    """The one state named as a clause subject (by a state code) in this sentence before
    ``before``, else in the sentence before; and whether several states were."""
    sent = doc[before].sent
    previous = doc[sent.start - 1].sent if sent.start > 0 else None
    for window in (sent, previous):
        if window is None:
            continue
        states = {s.code[:3] for s in spans
                  if window.start <= s.i < min(window.end, before) and len(s.codes) == 1
                  and not s.code.startswith((UNKNOWN, "IGO")) and len(s.code) in (3, 6)
                  and any(t.dep_ in SUBJECTS for t in doc[s.i:s.j])}
        if len(states) == 1:
            return states.pop(), False
        if states:
            return None, True
    return None, False


def _place(s: Span, code: str, office: str) -> None:
    s.codes = [code]
    s.kind = "person"
    s.person = s.person or s.name
    s.office = s.office or office
    s.via = "composed"
