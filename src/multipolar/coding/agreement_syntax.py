"""Small parse-tree helpers shared by the agreement, claim and quote coders.

They read spaCy's dependency parse and the actor :class:`Resolution`; they never look names
up themselves.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..actors import ResolvedMention, code_country
from .date_anaphora import referenced_date

# Clauses that start a new proposition: their actors are not the parties of the phrase above.
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "appos", "parataxis"})
NON_STATE_KINDS = frozenset({"region", "igo", "group"})
WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
                "twenty-five": 25, "thirty": 30, "forty": 40, "fifty": 50, "ninety-nine": 99}
DURATION = re.compile(r"\b(\d{1,3}|" + "|".join(sorted(WORD_NUMBERS, key=len, reverse=True))
                      + r")[- ]years?\b", re.I)
DECADE = re.compile(r"\bdecade[- ]long\b", re.I)  # "a decade-long pact": ten years


def state_codes(m: ResolvedMention) -> list[str]:
    """The country codes a mention stands for; empty for regions, IGOs and armed groups."""
    if m.kind in NON_STATE_KINDS:
        return []
    out = []
    for code in m.codes:
        if code.startswith("IGO") or code[3:6] == "REB" or not code[:3].isalpha() or code.startswith("-"):
            continue
        out.append(code_country(code))
    return out


def actor_codes(m: ResolvedMention) -> list[str]:
    """The scored unit of each code of a mention: countries, regions (WST) and IGOs alike.
    Codes the resolver could not place ("---...") are left out."""
    return [code_country(c) for c in m.codes if not c.startswith("-")]


def subtree_ids(tok: Token, skip_clauses: bool = True, keep_appos: bool = False) -> set[int]:
    """Token indices of ``tok``'s subtree, leaving out embedded clauses when asked (and
    appositions too, unless ``keep_appos``: "the leader, Kim Jong Un, and ...")."""
    out = {tok.i}
    stack = list(tok.children)
    while stack:
        t = stack.pop()
        if skip_clauses and t.dep_ in CLAUSE_DEPS and not (keep_appos and t.dep_ == "appos"):
            continue
        out.add(t.i)
        stack.extend(t.children)
    return out


def mentions_in(ctx, sent: Span, ids: set[int]) -> list[ResolvedMention]:
    """Resolved mentions of ``sent`` whose tokens all lie in ``ids``, in text order."""
    doc = ctx.doc
    out = []
    skip_to = dateline_end(sent)
    for m in ctx.actors.in_span(max(sent.start_char, skip_to), sent.end_char):
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        # A mention counts when it lies in the phrase, or when the phrase holds its last word
        # ("fighter jets from Sweden" resolved as one mention, the phrase being "from Sweden").
        if span is not None and (all(t.i in ids for t in span) or span[-1].i in ids):
            out.append(m)
    return out


def mention_at(ctx, tok: Token) -> ResolvedMention | None:
    return ctx.actors.covering(tok.idx, tok.idx + len(tok.text))


def clause_dates(ctx, verb: Token) -> str | None:
    """The first date named in ``verb``'s own clause (not in clauses below it), resolved."""
    # The date nearest the verb wins: a sentence can also carry a dateline or a reporting date.
    for ent in sorted(verb.sent.ents, key=lambda e: abs(e.root.i - verb.i)):
        if ent.label_ != "DATE" or DURATION.search(ent.text):
            continue
        tok = ent.root
        ok = True
        while tok.i != verb.i:
            if tok.head.i == tok.i:
                ok = False
                break
            # Another verb's clause has its own date; a participle on a noun of this clause
            # ("a signing ceremony presided over by X on 15 September") does not.
            occasion = tok.dep_ in ("advcl", "ccomp") and any(c.lower_ == "when" for c in tok.children)
            if (tok.i != ent.root.i and tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("prep", "acl")
                    and not occasion):  # "signed when X visited Y in 2022": the occasion's date
                ok = False
                break
            tok = tok.head
        if not ok:
            continue
        if (ref := referenced_date(ctx, ent.text, ent.start_char)) is not None:
            return ref  # "signed on the same day": the date named just before
        before = ent.start - 1
        prefix = ""
        if before >= verb.sent.start and ent.doc[before].lower_ in ("in", "on", "since", "last", "of"):
            prefix = ent.doc[before].text + " "
        found = ctx.date_of(prefix + ent.text)
        if found:
            return found
    # "That same day the two signed ...": the parser did not mark the phrase as a date.
    clause = verb.doc[verb.left_edge.i:verb.right_edge.i + 1]
    return referenced_date(ctx, clause.text, clause.start_char)


def duration_years(text: str) -> int | None:
    m = DURATION.search(text)
    if not m:
        return 10 if DECADE.search(text) else None
    word = m.group(1).lower()
    return int(word) if word.isdigit() else WORD_NUMBERS.get(word)


def is_negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


def has_modal(tok: Token, modals: frozenset[str]) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in modals for c in tok.children)


def subjects(verb: Token) -> list[Token]:
    """Subject heads of ``verb`` (with coordinated subjects), borrowing a coordinated verb's."""
    subs = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subs and verb.dep_ in ("conj", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
        subs = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return subs


def left_context_ids(sent: Span, verb: Token) -> set[int]:
    """Token indices between the verb's line start (or the last dash/colon) and the verb: where
    the subject stands when page chrome glued to the sentence broke the parse."""
    doc = sent.doc
    start = verb.i
    while start > sent.start and "\n" not in doc[start - 1].text and doc[start - 1].text not in ("—", "–", ":"):
        start -= 1
    return set(range(start, verb.i))


def dateline_end(sent: Span) -> int:
    """Character offset just past a dateline ("HANOI, Vietnam (AP) —", "SEOUL, South Korea —")
    at the start of a sentence: the place it names is where the story was filed, not an actor."""
    for t in sent[:12]:
        if t.text in ("—", "–", "--"):
            head = sent[0]
            if head.is_upper or (head.pos_ == "PROPN" and sent[1:2].text == ","):
                return t.idx + len(t.text)
            break
    return sent.start_char
