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
# "Under the deal, US troops may use the base": in a clause framed by the agreement, "may" grants
# permission; elsewhere ("the pact may expand arms sales") it is speculation.
PERMISSION_MODALS = frozenset({"may"})
# Subjects that name the parties of the agreement in focus together: "the two countries",
# "both sides", "the two governments".
PAIR_NOUNS = frozenset({"country", "side", "government", "nation", "state", "party", "leader", "military",
                        "navy", "army", "capital"})


# A clause states what the parties undertake ("will hold", "agreed to cooperate", "pledged to
# share"), not what they think or did ("the two leaders see eye to eye on defence cooperation").
COMMITMENT_AUX = frozenset({"will", "shall", "would", "must"})
COMMITMENT_VERBS = frozenset({"agree", "pledge", "commit", "undertake", "promise", "vow"})


def _commits(verb: Token) -> bool:
    if verb.lemma_.lower() in COMMITMENT_VERBS or any(
            c.dep_ == "aux" and c.lower_ in COMMITMENT_AUX for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in COMMITMENT_VERBS


def _names_both_parties(subject: Token) -> bool:
    if subject.lemma_.lower() not in PAIR_NOUNS or subject.tag_ != "NNS":
        return False
    return any(c.lower_ in ("two", "both") for c in subject.children)


@dataclass
class CueLink:
    key: str
    target: int | None  # token index of the agreement reference; None means the discourse focus
    value: str  # present | absent
    via_focus: bool = False
    verb: int | None = None  # the clause verb that tied the cue to the agreement


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


def _sentence_frame(head: Token, refs: set[int]) -> int | None:
    """The agreement of a content phrase opening the sentence ("Under the deal, ..."), when the
    cue stands after that phrase's comma."""
    sent = head.sent
    lex = lexicon()
    words = " ".join(t.lower_ for t in sent[:4])
    if not any(words.startswith(p + " ") for p in lex.content_preps):
        return None
    ref = None
    for t in sent:
        if t.text == ",":
            return ref if head.i > t.i else None
        if t.i in refs and ref is None:
            ref = t.i
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
            if target is not None and cur.lemma_.lower() in lex.commentary_verbs:
                return None  # "the pact signalled doubts about US security guarantees"
            if target is None and cur.dep_ in ("acl", "relcl") and cur.head.i in refs:
                target = cur.head.i
            framed = False  # the clause is framed by "under the pact": a modal there is permission
            if target is None:
                target = _content_prep_target(cur, refs)
                framed = target is not None
            conj_head = cur.head if cur.dep_ == "conj" and cur.head.pos_ in ("VERB", "AUX") else None
            if target is None and conj_head is not None:
                # "Under the pact, A will train X, and warships will make port calls": every
                # conjunct of the framed clause is framed too.
                target = _content_prep_target(conj_head, refs)
                framed = target is not None
            if target is None and not pronoun_subject and _commits(cur) and any(
                    c.dep_ in ("nsubj", "nsubjpass") and _names_both_parties(c) for c in cur.children):
                # "the two countries will hold joint exercises": the pact's parties, acting under
                # the one agreement this sentence names ("In a memorandum signed the same day, the
                # two countries agreed to ..."), or else the one in focus.
                if len(refs) == 1:
                    target = next(iter(refs))
                else:
                    pronoun_subject = focus_ok
            if target is None and prev is not None and prev.dep_ in ("advcl", "xcomp") and any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in prev.children):
                # "agreed a deal ... to export tanks": the purpose clause of concluding the deal
                target = next((c.i for c in cur.children if c.dep_ == "dobj" and c.i in refs), None)
            if target is not None or (pronoun_subject and focus_ok):
                modals = lex.speculative_modals - PERMISSION_MODALS if framed else lex.speculative_modals
                if has_modal(cur, modals):
                    return None
                value = "absent" if (negated or absent) else "present"
                return CueLink(key, target, value, via_focus=target is None, verb=cur.i)
        if cur.head.i == cur.i:
            break
        prev, cur = cur, cur.head
    frame = _sentence_frame(head, refs)
    if frame is not None:
        # "Under the agreement, A will hold exercises, B will train crews, and ...": a frame
        # opening the sentence covers every clause after it, however the parser joined them.
        verb = next((t for t in [head, *head.ancestors] if t.pos_ in ("VERB", "AUX")), None)
        if verb is not None and has_modal(verb, lex.speculative_modals - PERMISSION_MODALS):
            return None
        negated = verb is not None and (is_negated(verb) or verb.lemma_.lower() in lex.lacking_verbs)
        return CueLink(key, frame, "absent" if (negated or absent) else "present")
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


REPORTING_LEMMAS = frozenset({"say", "tell", "add", "announce", "state", "note", "explain"})


def _reported_list_link(key: str, head: Token, earlier: list[CueLink]) -> CueLink | None:
    """'The pact provides for A, the training of B and C, the ministry said', parsed as if "the
    training of B" hung on "said": a cue whose nearest verb is the reporting verb of a clause that
    already tied a cue to an agreement belongs to that list too."""
    verb = next((t for t in head.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb.lemma_.lower() not in REPORTING_LEMMAS:
        return None
    if any(head.i in {t.i for t in c.subtree} for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        return None  # the cue is part of who reports
    for link in earlier:
        if link.verb is None or link.target is None:
            continue
        content = head.doc[link.verb]
        if content.head.i == verb.i and content.dep_ == "ccomp" and content.i < head.i:
            return CueLink(key, link.target, link.value, verb=link.verb)
    return None


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
        if main is None:
            main = _reported_list_link(key, head, [lk for lk, _ in out])
        if main is not None and main.target not in {lk.target for lk in links}:
            links.insert(0, main)
        for link in links:
            if (key, link.target) in seen:
                continue
            seen.add((key, link.target))
            out.append((link, (sent.start_char + start, sent.start_char + end)))
    return out
