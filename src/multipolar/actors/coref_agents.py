"""Coreference of bare agent nouns (part of stage 6, see :mod:`.coref`).

g. "the army", "the government", "the military": the one state whose organ of that kind was named
   in the last few sentences ("Sudan's army ... the RSF has been fighting the army");
h. "a spokesman", "a government spokesman", "an embassy spokesman": the government of the one
   state named as a clause subject in this sentence or the one before ("Iran's foreign ministry
   condemned the killing. A spokesman accused Washington ...").

Both fire only when exactly one state fits: a wrong actor is worse than none.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .spans import Span

WINDOW_SENTENCES = 4
DEFINITE_AGENTS = {"army": "MIL", "military": "MIL", "navy": "MIL", "government": "GOV", "junta": "GOV",
                   "regime": "GOV"}
SPOKES = {"spokesman", "spokeswoman", "spokesperson"}
SPOKES_MODIFIERS = {"government", "ministry", "embassy", "foreign", "presidential", "defence", "defense",
                    "military", "army"}
ARTICLES = {"a", "an", "the"}
SUBJECTS = {"nsubj", "nsubjpass"}


def agent_references(doc: Doc, spans: list[Span], taken: set[int], sent_of: list[int]) -> list[Span]:
    definite = _references(doc, spans, taken, sent_of, definite=True)
    # a spokesman may speak for a government just referred to as "the government"
    known = sorted(spans + definite, key=lambda s: (s.i, s.j))
    return definite + _references(doc, known, taken, sent_of, definite=False)


def _references(doc: Doc, spans: list[Span], taken: set[int], sent_of: list[int], definite: bool) -> list[Span]:
    lower = [t.lower_ for t in doc]
    added: list[Span] = []
    for t, word in enumerate(lower):
        if t in taken or t == 0:
            continue
        if definite and word in DEFINITE_AGENTS and lower[t - 1] == "the" and t - 1 not in taken:
            if t + 1 < len(doc) and (lower[t + 1] in ("'s", "’s", "-") or doc[t + 1].pos_ in ("NOUN", "PROPN")
                                     or (lower[t + 1] == "of" and _names_next(doc, t + 2))):
                continue  # "the army of Chad", "the army's", "the army-backed", "the government forces"
            state = _one_state_with(spans, DEFINITE_AGENTS[word], t, sent_of)
            if state is not None:
                added.append(Span(t - 1, t + 1, [state + DEFINITE_AGENTS[word]], "government" if
                                  DEFINITE_AGENTS[word] == "GOV" else "military", doc[t - 1:t + 1].text, via="coref"))
        elif not definite and word in SPOKES:
            start = t - 1
            while start >= 0 and lower[start] in SPOKES_MODIFIERS and start not in taken:
                start -= 1
            if start < 0 or lower[start] not in ARTICLES or start in taken:
                continue
            state = _speaking_state(doc, spans, start, sent_of)
            if state is not None:
                added.append(Span(start, t + 1, [state + "GOV"], "government", doc[start:t + 1].text, via="coref"))
    return added


def _in_subject(doc: Doc, s: Span) -> bool:
    """The span is a clause subject, or the first actor inside a subject headed by a non-actor noun
    ("The office of Iraqi Prime Minister X condemned ...")."""
    if any(doc[k].dep_ in SUBJECTS for k in range(s.i, s.j)):
        return True
    for a in doc[s.i].ancestors:
        if a.dep_ in SUBJECTS:
            return all(t.dep_ in ("det", "prep", "pobj", "amod", "compound") or t.i >= s.i or t.i == a.i
                       for t in doc[a.left_edge.i:s.i])
        if a.dep_ not in ("pobj", "prep", "compound"):
            return False
    return False


def _names_next(doc: Doc, k: int) -> bool:
    """A proper name at ``k`` (after an optional "the")."""
    if k < len(doc) and doc[k].lower_ == "the":
        k += 1
    return k < len(doc) and doc[k].pos_ == "PROPN"


def _is_state_code(code: str) -> bool:
    return len(code) >= 3 and code[:3].isalpha() and code[:3].isupper() and not code.startswith(("---", "IGO"))


def _one_state_with(spans: list[Span], agent: str, before: int, sent_of: list[int]) -> str | None:
    states = {c[:3] for s in spans if s.j <= before and 0 <= sent_of[before] - sent_of[s.i] <= WINDOW_SENTENCES
              for c in s.codes if _is_state_code(c) and c[3:6] == agent}
    return states.pop() if len(states) == 1 else None


def _speaking_state(doc: Doc, spans: list[Span], before: int, sent_of: list[int]) -> str | None:
    for window in (0, 1):
        states = {c[:3] for s in spans if s.j <= before and sent_of[before] - sent_of[s.i] == window
                  for c in s.codes if _is_state_code(c) and len(s.codes) == 1 and _in_subject(doc, s)}
        if len(states) == 1:
            return states.pop()
        if states:
            return None
    return None
