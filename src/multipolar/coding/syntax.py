"""Dependency-parse helpers for the event coder: roles of a verb, negation, modality, chrome.

All functions read spaCy tokens with the English (ClearNLP-style) dependency labels.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

SUBJECT_DEPS = ("nsubj", "csubj")
PASSIVE_SUBJECT_DEPS = ("nsubjpass", "csubjpass")
OBJECT_DEPS = ("dobj", "obj")
RELATIVE_PRONOUNS = {"who", "which", "that", "whom", "whose"}
FUTURE_MODALS = {"will", "shall", "'ll", "wo"}
HYPOTHETICAL_MODALS = {"could", "might", "may", "should", "would", "can"}
OBJECT_CONTROL_PREPS = {"of", "for", "from", "into"}
CLAUSE_LINKS = ("ccomp", "xcomp", "pcomp", "advcl", "conj", "acl", "relcl", "prep", "pobj", "dobj", "csubj")


def conjuncts(tok: Token) -> list[Token]:
    """The token and the tokens coordinated with it ("Russia and Iran")."""
    return [tok, *[t for t in tok.conjuncts if t.i != tok.i]]


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children)


def children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def prep_objects(tok: Token, preps: tuple[str, ...] | list[str]) -> list[Token]:
    """Objects of the prepositions ``preps`` attached to ``tok`` ("talks WITH Iran")."""
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ in preps:
            out.extend(o for o in c.children if o.dep_ in ("pobj", "pcomp"))
        # "such as" / multiword prepositions fall under the first word; good enough here.
    return out


def agent_of(verb: Token) -> list[Token]:
    """The by-phrase of a passive ("signed BY Putin")."""
    return [o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]


def direct_objects(verb: Token) -> list[Token]:
    """What the verb acts on: its direct object, or its passive subject."""
    objs = children(verb, *OBJECT_DEPS)
    if not objs and is_passive(verb):
        objs = children(verb, *PASSIVE_SUBJECT_DEPS)
    if not objs and verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN":
        objs = [verb.head]  # "the deal signed by ..." / "missiles supplied to ..."
    return objs


def dative_of(verb: Token) -> list[Token]:
    """The indirect object ("gave Armenia howitzers"); spaCy marks it ``dative``."""
    return [c for c in verb.children if c.dep_ == "dative" and c.pos_ in ("PROPN", "NOUN", "PRON")]


def subjects(verb: Token, depth: int = 0) -> list[Token]:
    """Heads of the verb's agent phrase, following control, coordination and clause links."""
    if depth > 6:
        return []
    agents = agent_of(verb)  # a by-agent also marks the bare participle ("an exercise conducted by X")
    if agents:
        return agents
    subs = children(verb, *SUBJECT_DEPS)
    if subs:
        out = []
        for s in subs:
            if s.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                out.append(verb.head)  # "Turkey, who accused Stockholm"
            else:
                out.append(s)
        return out
    if is_passive(verb):
        return []
    dep, head = verb.dep_, verb.head
    if head is verb:
        return []
    if dep == "conj":
        return subjects(head, depth + 1)
    if dep == "xcomp":
        objs = children(head, *OBJECT_DEPS)
        if objs:
            return objs  # "urged Iran to"
        if head.pos_ == "ADJ" and head.dep_ in ("acomp", "xcomp"):
            return subjects(head.head, depth + 1)  # "was due to travel", "is ready to sign"
        return subjects(head, depth + 1)  # "agreed to"
    if dep == "pcomp" and head.dep_ == "prep":
        own = [c for c in head.children if c.dep_ == "pobj" and c.i < verb.i]
        if own:
            return own  # "over Sweden criticising Hungary": the gerund's subject is the PP's object
    if dep == "pcomp" or (dep == "pobj" and verb.pos_ == "VERB"):
        governor = head.head if head.dep_ == "prep" else head
        if governor.pos_ not in ("VERB", "AUX"):
            return []
        objs = children(governor, *OBJECT_DEPS)
        if objs and head.lower_ in OBJECT_CONTROL_PREPS:
            return objs  # "accused Iran of supplying", "kept them from attacking"
        if not objs and head.lower_ in OBJECT_CONTROL_PREPS and is_passive(governor):
            passive = children(governor, *PASSIVE_SUBJECT_DEPS)
            if passive:
                return passive  # "Iran was accused by the US of supplying": Iran supplies
        return subjects(governor, depth + 1)  # "solidified ties by signing"
    if dep == "advcl":
        return subjects(head, depth + 1)  # "solidified ties by signing", "..., saying"
    if dep == "acl" and verb.tag_ == "VBG":
        return [head]  # "a resolution censuring Iran"
    return []


def negated(verb: Token) -> bool:
    for c in verb.children:
        if c.dep_ == "neg" or c.lower_ in ("never", "neither", "nor"):
            return True
    return False


def modal_status(verb: Token) -> str | None:
    """``planned`` for future auxiliaries, ``hypothetical`` for conditional modals or if-clauses,
    ``alleged`` for "reportedly"/"allegedly"."""
    for c in verb.children:
        if c.dep_ in ("aux", "auxpass"):
            w = c.lower_
            if w in FUTURE_MODALS:
                return "planned"
            if w in HYPOTHETICAL_MODALS:
                return "hypothetical"
            if w == "to" and verb.dep_ == "xcomp" and verb.head.lemma_ in ("be", "go"):
                return "planned"  # "is to sign", "is going to sign"
        if c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether"):
            return "hypothetical"
        if c.dep_ == "advmod" and c.lower_ in ("reportedly", "allegedly", "purportedly", "supposedly"):
            return "alleged"  # "North Korea reportedly sent troops"
    if verb.dep_ == "xcomp" and verb.head.lower_ in ("due", "set", "scheduled", "expected"):
        return "planned"
    return None


def governors(tok: Token, limit: int = 6):
    """Ancestors reached through clause links, nearest first, with the link used."""
    cur = tok
    for _ in range(limit):
        head = cur.head
        if head is cur:
            return
        yield head, cur.dep_
        cur = head


_TERMINAL = re.compile(r"[.!?\"'”’)\]:]\s*$")


def is_chrome_line(line: str) -> bool:
    """A line that reads like a headline, a menu item or a byline rather than prose."""
    s = line.strip()
    if not s:
        return False
    if _TERMINAL.search(s) and not s.endswith("?"):
        words = s.split()
        return len(words) < 4
    words = re.findall(r"[A-Za-z][\w'’-]*", s)
    if len(words) < 8:
        return True
    caps = sum(w[0].isupper() for w in words if w.lower() not in {"a", "an", "the", "of", "to", "in", "on", "and", "for", "with", "at", "by", "as"})
    return caps >= 0.6 * len(words)


def sentence_is_discarded(sent: Span, doc_text: str | None = None) -> bool:
    """Questions, headline lists and page chrome are not reports of events.

    ``doc_text`` is ``sent.doc.text``, passed in by callers that hold it (spaCy rebuilds it per call).
    """
    doc_text = sent.doc.text if doc_text is None else doc_text
    text = doc_text[sent.start_char:sent.end_char].strip()
    if not text:
        return True
    if text.rstrip("\"'”’ ").endswith("?"):
        return True
    # Look at the lines the sentence covers: headline lists run together into one "sentence".
    start = doc_text.rfind("\n", 0, sent.start_char) + 1
    end = doc_text.find("\n", sent.end_char)
    end = len(doc_text) if end < 0 else end
    lines = [ln for ln in doc_text[start:end].split("\n") if ln.strip()]
    if not lines:
        return True
    chrome = sum(len(ln) for ln in lines if is_chrome_line(ln))
    return chrome * 2 > sum(len(ln) for ln in lines)


def words_before(verb: Token, items: tuple[tuple[tuple[str, ...], ...], ...], window: int = 8) -> bool:
    """Whether ``items`` occur in order among the few words before the verb in its sentence."""
    start = max(verb.sent.start, verb.i - window)
    return _in_order([t.lower_ for t in verb.doc[start:verb.i]], items)


def words_after(verb: Token, items: tuple[tuple[tuple[str, ...], ...], ...], window: int = 12) -> bool:
    """Whether ``items`` occur in order among the words of the verb's phrase after the verb."""
    end = min(verb.right_edge.i + 1, verb.i + 1 + window)
    words = [t.lower_ for t in verb.doc[verb.i + 1:end]]
    return _in_order(words, items)


def _in_order(words: list[str], items: tuple[tuple[tuple[str, ...], ...], ...]) -> bool:
    pos = 0
    for alternatives in items:
        found = None
        for alt in alternatives:
            for k in range(pos, len(words) - len(alt) + 1):
                if tuple(words[k:k + len(alt)]) == alt:
                    found = k + len(alt) if found is None else min(found, k + len(alt))
                    break
        if found is None:
            return False
        pos = found
    return True
