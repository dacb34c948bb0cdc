"""Which agreement a provision cue belongs to, and whether the text says it is present or absent.

The rule (docs/coding.md, "Provisions: present, absent, silent"): a cue counts only when the
parse links it to an agreement reference — the agreement is the subject of the clause that
holds the cue ("the pact includes ..."), the clause hangs on the agreement noun ("a pact that
includes ...", "a mutual defence pact"), or the clause is framed by it ("under the treaty",
"according to the pact", "... by signing a pact"). The value is ``absent`` when that linking
clause is negated ("did not include"), its verb means lacking ("lacks", "omits"), or the cue
sits under "no mention/provision of". A cue under "could/might/may" is speculation and is
dropped. A cue with no such link is the text being silent about the agreement: nothing is
recorded.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from .agreement_lexicon import find_cues, lexicon
from .agreement_syntax import has_modal, is_negated

PRONOUNS = frozenset({"it", "they"})  # "which"/"that" resolve through their relative clause


@dataclass
class CueLink:
    key: str
    target: int | None  # token index of the agreement reference; None means the discourse focus
    value: str  # present | absent
    via_focus: bool = False


def _cue_head(sent: Span, start: int, end: int) -> Token | None:
    span = sent.doc.char_span(sent.start_char + start, sent.start_char + end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    return span.root


def _content_prep_target(verb: Token, refs: set[int]) -> int | None:
    """"under the pact", "according to the treaty", "by signing a pact" on ``verb``."""
    lex = lexicon()
    for c in verb.children:
        if c.dep_ != "prep":
            continue
        word = c.lower_
        phrase = " ".join(t.lower_ for t in c.subtree)
        if word in ("by",) or any(phrase.startswith(p + " ") for p in lex.content_preps):
            for t in c.subtree:
                if t.i in refs:
                    return t.i
    return None


def link_cue(key: str, head: Token, refs: set[int], focus_ok: bool) -> CueLink | None:
    """Walk up from the cue to the clause that ties it to an agreement reference."""
    lex = lexicon()
    if head.i in refs:  # the cue names the agreement itself: "an arms deal", "a defence pact"
        if head.pos_ == "PROPN":
            return None
        return CueLink(key, head.i, "present")
    absent = False
    cur = head
    prev: Token | None = None
    descriptor = True  # still inside the noun phrase's left modifiers
    while True:
        if cur.i in refs and cur.i != head.i:
            if descriptor and cur.is_lower is False and cur.pos_ == "PROPN":
                return None  # part of a proper name ("Enhanced Defense Cooperation Agreement")
            return CueLink(key, cur.i, "absent" if absent else "present")
        if cur.dep_ not in ("compound", "amod", "nmod", "npadvmod"):
            descriptor = False
        if cur.pos_ in ("NOUN", "PROPN") and cur.i not in refs:  # "Article 4 of the treaty"
            for prep in cur.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for obj in prep.children:
                        if obj.i in refs and obj.i != head.i:
                            return CueLink(key, obj.i, "absent" if absent else "present")
        if cur.pos_ == "NOUN" and cur.lemma_.lower() in lex.absence_nouns and any(
                c.dep_ == "det" and c.lower_ == "no" for c in cur.children):
            absent = True
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ != "prep":
            negated = is_negated(cur) or cur.lemma_.lower() in lex.lacking_verbs
            target = None
            pronoun_subject = False
            for c in cur.children:
                if c.dep_ in ("nsubj", "nsubjpass"):
                    if c.i in refs:
                        target = c.i
                    elif c.lower_ in PRONOUNS:
                        pronoun_subject = True
            if target is None and cur.dep_ in ("acl", "relcl") and cur.head.i in refs:
                target = cur.head.i
            if target is None:
                target = _content_prep_target(cur, refs)
            if target is None and prev is not None and prev.dep_ in ("advcl", "xcomp") and any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in prev.children):
                # "agreed a deal ... to export tanks": the purpose clause of concluding the deal
                target = next((c.i for c in cur.children if c.dep_ == "dobj" and c.i in refs), None)
            if target is not None or (pronoun_subject and focus_ok):
                if has_modal(cur, lex.speculative_modals):
                    return None
                value = "absent" if (negated or absent) else "present"
                return CueLink(key, target, value, via_focus=target is None)
        if cur.head.i == cur.i:
            break
        prev, cur = cur, cur.head
    if absent and focus_ok:  # "There was no mention of arms transfers" right after the pact
        return CueLink(key, None, "absent", via_focus=True)
    return None


def embedded_links(key: str, head: Token, refs: set[int]) -> list[CueLink]:
    """"a clause of the kind included in a treaty between A and B": that treaty has it."""
    out = []
    for t in head.subtree:
        if t.dep_ in ("acl", "relcl") and t.pos_ == "VERB" and t.i != head.i:
            for prep in t.children:
                if prep.dep_ == "prep" and prep.lower_ in ("in", "by"):
                    for obj in prep.children:
                        if obj.i in refs:
                            out.append(CueLink(key, obj.i, "absent" if is_negated(t) else "present"))
    return out


def sentence_links(sent: Span, refs: set[int], focus_ok: bool) -> list[tuple[CueLink, tuple[int, int]]]:
    """Every linked cue of a sentence with its character span (relative to the document)."""
    out = []
    seen: set[tuple[str, int | None]] = set()
    for key, start, end in sorted(find_cues(sent.text), key=lambda c: (c[1], -c[2])):
        head = _cue_head(sent, start, end)
        if head is None:
            continue
        links = embedded_links(key, head, refs)
        main = link_cue(key, head, refs, focus_ok)
        if main is not None and main.target not in {lk.target for lk in links}:
            links.insert(0, main)
        for link in links:
            if (key, link.target) in seen:
                continue
            seen.add((key, link.target))
            out.append((link, (sent.start_char + start, sent.start_char + end)))
    return out
