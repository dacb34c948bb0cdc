"""Direct quotations and their speakers.

Quotation marks are paired per line (curly “ ” and straight " alike; an unclosed quotation
runs to the end of its line, as in an excerpt cut mid-quote). Nested single quotes and
bracketed insertions stay part of the text. The speaker is the subject of the nearest verb of
saying outside the marks ('"...," said Putin', 'Zhao said "..."'), the object of "quoted X as
saying", or else the subject of the verb the quoted words hang on ('promised his "full
support"'). A pronoun speaker is the person or institution last named before it; a quotation
standing alone continues the previous speaker's words. Only named people and named
institutions speak: words credited to a country or "the government", or to an unnamed person,
are dropped, and so are quoted labels ('the so-called "2+2" meeting', 'the "no limits"
partnership').
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Doc, Span, Token

from ..model import Evidence, Quote
from .agreement_syntax import subtree_ids

OPEN = "“"
CLOSE = "”"
PERSON_PRONOUNS = frozenset({"he", "she"})
THING_PRONOUNS = frozenset({"it", "they"})


@lru_cache(maxsize=1)
def speech_lexicon() -> dict[str, frozenset[str]]:
    text = resources.files("multipolar").joinpath("data", "claims", "speech.yaml").read_text(encoding="utf-8")
    return {k: frozenset(v) for k, v in (yaml.safe_load(text) or {}).items()}


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the text between each pair of double quotation marks."""
    out = []
    pos = 0
    for line in text.split("\n"):
        start = None
        for i, ch in enumerate(line):
            if ch == OPEN or (ch == '"' and start is None):
                start = i + 1
            elif (ch == CLOSE or ch == '"') and start is not None:
                if i > start:
                    out.append((pos + start, pos + i))
                start = None
        if start is not None and len(line[start:].split()) >= 3:  # cut off before its closing mark
            end = len(line.rstrip())
            if end > start:
                out.append((pos + start, pos + end))
        pos += len(line) + 1
    return out


@dataclass
class _Speaker:
    name: str
    token: Token
    person: bool


def _strip_possessive(name: str) -> str:
    name = name.strip()
    for suffix in ("’s", "'s", "’", "'"):
        if name.endswith(suffix):
            return name[: -len(suffix)].strip()
    return name


def _phrase_ids(head: Token) -> set[int]:
    """A speaker phrase with its appositions ("The US president, Joe Biden,") but no clauses
    and no prepositional add-ons other than "of" ("Ministry of Foreign Affairs")."""
    out = {head.i}
    for c in head.children:
        if c.dep_ in ("relcl", "acl", "advcl", "ccomp", "punct", "cc"):
            continue
        if c.dep_ == "prep" and c.lower_ != "of":
            if c.lower_ in ("for",) and head.lemma_.lower() in speech_lexicon()["spokesperson_nouns"]:
                out |= subtree_ids(c)
            continue
        out |= subtree_ids(c) if c.dep_ != "appos" else _phrase_ids(c)
    return out


class QuoteCoder:
    def __init__(self, ctx):
        self.ctx = ctx
        self.doc: Doc = ctx.doc
        self.lex = speech_lexicon()
        self.spans = quote_spans(self.doc.text)
        self.inside: set[int] = set()
        for s, e in self.spans:
            span = self.doc.char_span(s, e, alignment_mode="expand")
            if span is not None:
                self.inside |= {t.i for t in span}
        self.last: _Speaker | None = None
        self.last_end = -1

    # -- speakers ---------------------------------------------------------------------
    def _full_person_name(self, tok: Token) -> str | None:
        """The person's name as first given in full ("Xi" -> "Xi Jinping", "Kim" -> "Kim Jong Un"):
        news introduces a person by full name, so the first longer name holding these words wins."""
        ent = next((e for e in self.doc.ents if e.start <= tok.i < e.end and e.label_ == "PERSON"), None)
        m = self.ctx.actors.covering(tok.idx, tok.idx + len(tok.text))
        base = ent.text if ent is not None else (m.text if m is not None and m.kind == "person" else None)
        if base is None:
            return None
        words = {w.lower() for w in base.split()}
        for e in self.doc.ents:
            if e.label_ == "PERSON" and words < {t.lower_ for t in e} and len(e) <= 4:
                return _strip_possessive(e.text)
        if m is not None and m.person and words <= {w.lower() for w in m.person.split()}:
            return m.person
        return _strip_possessive(base)

    def _with_trailing_surname(self, name: str, tok: Token, ids: set[int]) -> str:
        """"Espen Barth Eide" tagged as the person "Espen Barth": a proper noun of the phrase
        right after the name's last word continues the name."""
        end = tok.i  # the name's last token: tokens of its text ("Yunus", "-", "Bek" of "Yunus-Bek")
        while end + 1 < len(self.doc) and not self.doc[end + 1].is_space and self.doc[end + 1].text in name:
            end += 1
        nxt = end + 1
        if (nxt in ids and nxt not in self.inside and self.doc[nxt].pos_ == "PROPN"
                and self.doc[nxt].text not in name and self.doc[nxt].ent_type_ in ("", "PERSON")
                and self.doc[nxt].text[:1].isupper()):
            return f"{name} {self.doc[nxt].text}"
        return name

    def _from_phrase(self, head: Token) -> _Speaker | None:
        lex = self.lex
        ids = _phrase_ids(head)
        for i in sorted(ids):
            t = self.doc[i]
            if i in self.inside:
                continue
            m = self.ctx.actors.covering(t.idx, t.idx + len(t.text))
            if (t.pos_ == "PROPN" or (t.pos_ == "NOUN" and t.text[:1].isupper())) and t.ent_type_ != "PERSON":
                # The tagger may miss a short second mention ("Brandt" after "Peter Brandt").
                earlier = next((e for e in self.doc.ents if e.label_ == "PERSON" and e.end <= t.i
                                and t.lower_ == e[-1].lower_ and len(e) > 1 and t.ent_type_ != "GPE"), None)
                if earlier is not None:
                    return _Speaker(earlier.text.strip(), t, True)
            if t.ent_type_ == "PERSON" or (m is not None and m.kind == "person" and t.pos_ == "PROPN"):
                name = self._full_person_name(t)
                if name:
                    return _Speaker(self._with_trailing_surname(name, t, ids), t, True)
        lemma = head.lemma_.lower()
        if lemma in lex["spokesperson_nouns"]:
            for prep in head.children:
                if prep.dep_ == "prep" and prep.lower_ in ("for", "of"):
                    for obj in prep.children:
                        return self._from_phrase(obj)
            return None
        if lemma in lex["statement_nouns"]:
            for prep in head.children:
                if prep.dep_ == "prep" and prep.lower_ in ("from", "by", "of"):
                    for obj in prep.children:
                        return self._from_phrase(obj)
            definite = any(c.lower_ in ("the", "this", "that") for c in head.children)
            if not definite:
                return None
            return self.last or self._recent_institution(head)
        if head.lower_ in PERSON_PRONOUNS:
            return self._recent_person(head)
        if head.lower_ in THING_PRONOUNS:
            return self._recent_institution(head)
        if lemma in lex["institution_nouns"] or head.lower_ in lex["institution_nouns"]:
            words = [self.doc[i] for i in sorted(ids) if i not in self.inside]
            while words and words[0].pos_ == "DET":
                words = words[1:]
            if not words:
                return None
            if all(w.is_lower for w in words):  # "the ministry" after "Russia's foreign ministry"
                # An institution with no name in its phrase is only a speaker when it refers
                # back to a named one.
                return self._earlier_institution(head)
            last = words[-1]
            # "the weekly newspaper The Kyiv Post": a name set right after the common noun.
            nxt = last.i + 1
            if nxt < len(self.doc) and self.doc[nxt].lower_ == "the":
                nxt += 1
            while nxt < len(self.doc) and self.doc[nxt].pos_ == "PROPN" and nxt not in self.inside:
                last = self.doc[nxt]
                nxt += 1
            start, end = words[0].idx, last.idx + len(last.text)
            return _Speaker(self.doc.text[start:end], head, False)
        if head.ent_type_ == "ORG":
            ent = next(e for e in self.doc.ents if e.start <= head.i < e.end)
            return _Speaker(ent.text, head, False)
        return None

    def _earlier_institution(self, head: Token) -> _Speaker | None:
        """The named institution an unnamed "the ministry" / "the news agency" refers back to."""
        lemma = head.lemma_.lower()
        if self.last is not None and not self.last.person and self.last.token.lemma_.lower() == lemma:
            return self.last
        for e in reversed([e for e in self.doc.ents if e.end <= head.i and e.label_ == "ORG"]):
            if e[-1].lemma_.lower() == lemma:
                return _Speaker(e.text, e[-1], False)
        return None

    def _recent_institution(self, pron: Token) -> _Speaker | None:
        """"It said": the institution that was the subject of the previous sentence."""
        sent = pron.sent
        for t in sent:  # "While the Kremlin has not confirmed ..., it admits ..."
            if t.i < pron.i and t.dep_ in ("nsubj", "nsubjpass") and t.lower_ not in THING_PRONOUNS:
                found = self._from_phrase(t)
                if found is not None and not found.person:
                    return found
                m = self.ctx.actors.covering(t.idx, t.idx + len(t.text))
                if found is None and m is not None and m.kind == "state":
                    return None  # "The United States said it ...": the country, not a speaker
        if sent.start > 0:
            prev = self.doc[sent.start - 1].sent
            for c in prev.root.children:
                if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in THING_PRONOUNS:
                    found = self._from_phrase(c)
                    if found is not None and not found.person:
                        return found
                    m = self.ctx.actors.covering(c.idx, c.idx + len(c.text))
                    if m is not None and m.kind == "state":
                        return None  # "Moscow said ... It said ...": the country, not a speaker
        return self.last if self.last is not None and not self.last.person else None

    def _recent_person(self, before: Token) -> _Speaker | None:
        sent = before.sent
        for c in sent.root.children:  # the sentence's own subject, named before the pronoun
            if c.dep_ == "nsubj" and c.i < before.i and c.lower_ not in PERSON_PRONOUNS:
                found = self._from_phrase(c)
                if found is not None and found.person:
                    return found
        # A one-word "person" inside quoted words is most often a place the tagger misread
        # ("... made in Yerevan," he said); a full name there may still be the one meant.
        for e in reversed([e for e in self.doc.ents if e.end <= before.i and e.label_ == "PERSON"
                           and not (len(e) == 1 and e.start in self.inside)]):
            if before.i - e.end > 120:
                break
            name = self._full_person_name(e.root)
            if name:
                return _Speaker(name, e.root, True)
        return None

    def _context(self, qspan: Span) -> list[Token]:
        """Tokens of the sentences the quotation spans, and of the one its closing mark ends."""
        first = qspan[0].sent.start
        last_tok = min(qspan.end, len(self.doc) - 1)
        last = max(self.doc[last_tok].sent.end, qspan[-1].sent.end)
        # Never reach across a paragraph break: "Source: X" on the next line is not a speaker.
        for t in self.doc[qspan.end:last]:
            if "\n" in t.text:
                last = t.i
                break
        for t in reversed(list(self.doc[first:qspan.start])):
            if "\n" in t.text:
                first = t.i + 1
                break
        return list(self.doc[first:last])

    def _subject_of_verb(self, verb: Token, qspan: Span) -> tuple[Token | None, bool]:
        """The phrase head that a verb of saying credits the words to (None when its clause has
        none), and whether it was borrowed from a governing verb."""
        if verb.lemma_.lower() in self.lex["object_speaker_verbs"]:
            for c in verb.children:
                if c.dep_ == "dobj":
                    return c, False
        subs = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i not in self.inside]
        if not subs and verb.i > qspan.start:  # '"...," read a statement from X'
            subs = [c for c in verb.children if c.dep_ in ("dobj", "attr") and c.i not in self.inside]
        up = verb
        for _ in range(3):  # "took time ... to visit Honiara and to ask X": borrow the subject
            if subs or up.dep_ not in ("conj", "xcomp", "advcl") or up.head.i in self.inside:
                break
            up = up.head
            subs = [c for c in up.children if c.dep_ == "nsubj" and c.i not in self.inside]
        return (subs[0] if subs else None), up is not verb

    def _speaker_for(self, qspan: Span) -> _Speaker | None:
        lex = self.lex
        verbs = [t for t in self._context(qspan) if t.i not in self.inside and t.pos_ in ("VERB", "AUX")
                 and t.lemma_.lower() in lex["speech_verbs"]]
        if verbs:
            # The nearest verb of saying first; when its clause names no speaker ('Rubio said
            # Washington was committed and called the pact "..."', parsed as if "called" hung on
            # "committed"), the next nearest one.
            verbs.sort(key=lambda t: min(abs(t.i - qspan.start), abs(t.i - qspan.end)))
            for verb in verbs:
                subject, borrowed = self._subject_of_verb(verb, qspan)
                if subject is None:
                    continue
                found = self._from_phrase(subject)
                # A verb's own subject that is no speaker (a country) drops the quote; one borrowed
                # from the clause the parser hung the verb on ("the deal turned ... and accused")
                # lets the next verb of saying speak.
                if found is not None or not borrowed:
                    return found
            return None
        according = self._according_to(qspan)
        if according is not None:
            return according
        # No verb of saying: the clause the quoted words belong to ("promised his 'full support'").
        root = qspan.root
        cur = root
        while cur.head.i != cur.i:
            cur = cur.head
            if cur.i in self.inside:
                continue
            if cur.pos_ in ("VERB", "AUX"):
                subs = [c for c in cur.children if c.dep_ == "nsubj" and c.i not in self.inside]
                if subs:
                    return self._from_phrase(subs[0])
        # A quotation standing on its own: introduced by "X stated:" just before, or continuing.
        if self._alone(qspan) and qspan[0].sent.start > 0:
            prev = self.doc[qspan[0].sent.start - 1]
            while prev.is_space and prev.i > 0:
                prev = self.doc[prev.i - 1]
            if prev.text in (":", ",") and prev.i not in self.inside:
                verbs = [t for t in prev.sent if t.lemma_.lower() in lex["speech_verbs"] and t.pos_ == "VERB"]
                for v in reversed(verbs):
                    subs = [c for c in v.children if c.dep_ == "nsubj"]
                    if subs:
                        return self._from_phrase(subs[0])
        if self.last is not None and qspan.start_char - self.last_end < 400 and self._alone(qspan):
            return self.last
        return None

    def _according_to(self, qspan: Span) -> _Speaker | None:
        """'"...," according to a statement from the Kremlin': the source named by "according to"
        in the quotation's own context."""
        for t in self._context(qspan):
            if (t.lower_ == "according" and t.i not in self.inside and t.i + 1 < len(self.doc)
                    and self.doc[t.i + 1].lower_ == "to"):
                for p in self.doc[t.i + 1].children:
                    if p.dep_ == "pobj":
                        return self._from_phrase(p)
        return None

    def _alone(self, qspan: Span) -> bool:
        outside = [t for t in self._context(qspan) if t.i not in self.inside and not t.is_punct and not t.is_space]
        return not outside

    def _has_speech_verb(self, qspan: Span) -> bool:
        return any(t.i not in self.inside and t.pos_ in ("VERB", "AUX")
                   and t.lemma_.lower() in self.lex["speech_verbs"] for t in self._context(qspan))

    def _is_label(self, qspan: Span, start: int, speech: bool) -> bool:
        before = self.doc.text[max(0, start - 14):start - 1].lower().strip()
        if any(before.endswith(m) for m in self.lex["label_markers"]):
            return True
        if qspan.start >= 2:  # 'a show called "Ask Dr. Mike"': a participle naming the noun before it
            prev = self.doc[qspan.start - 2] if self.doc[qspan.start - 1].is_punct else self.doc[qspan.start - 1]
            if prev.lemma_.lower() in ("call", "name", "title", "entitle") and prev.dep_ == "acl" and prev.tag_ == "VBN":
                return True
        words = [t for t in qspan if not t.is_punct]
        if len(words) > 4:
            return False
        root = qspan.root
        after = qspan.end + 1 if qspan.end < len(self.doc) and not self.doc[qspan.end].is_alpha else qspan.end
        if (len(words) <= 3 and after < len(self.doc) and root.head.i == after
                and self.doc[after].pos_ in ("NOUN", "PROPN")):
            return True  # 'their "cold war" mentality': the quoted words modify the next noun
        if speech:
            return False
        return root.dep_ in ("compound", "amod", "nmod", "nsubj", "nsubjpass") and not (
            qspan.start <= root.head.i < qspan.end)

    def _speaker_code(self, speaker: _Speaker, quote_start: int) -> str | None:
        """The actor code of the speaker's mention; for a person the resolver left unplaced there
        ("Anwar said" after "Malaysian Prime Minister Anwar Ibrahim"), the code of the nearest
        placed mention of the same person, preferring the ones before the quotation."""
        tok = speaker.token
        mention = self.ctx.actors.covering(tok.idx, tok.idx + len(tok.text))
        code = mention.code if mention else None
        if not _unplaced(code) or not speaker.person:
            return code
        same = [m for m in self.ctx.actors.mentions if m.kind == "person" and not _unplaced(m.code)
                and (_same_person(speaker.name, m.person) or _same_person(speaker.name, m.text))]
        if not same:
            return self._title_code(speaker) or code
        before = [m for m in same if m.start < quote_start]
        return (before[-1] if before else same[0]).code

    def _title_code(self, speaker: _Speaker) -> str | None:
        """"UAE Minister of State for Foreign Trade Thani Al Zeyoudi", resolved as a government
        mention ("UAE Minister") and an unplaced rest: the title right before a mention of the
        person gives the code."""
        text = self.doc.text
        surname = speaker.name.split()[-1].lower()
        mentions = self.ctx.actors.mentions
        for i, m in enumerate(mentions):
            if surname not in m.text.lower().split() or not _unplaced(m.code):
                continue
            for prev in reversed(mentions[:i]):
                if prev.end > m.start:
                    continue
                between = text[prev.end:m.start].strip().lower()
                if (between in ("", "of") or self._title_words(prev.end, m.start)) and prev.kind in (
                        "government", "person") and not _unplaced(prev.code):
                    return prev.code
                break
        return None

    def _title_words(self, start: int, end: int) -> bool:
        """"Niger's government spokesman, Colonel Amadou Abdramane": only title nouns, ranks and
        commas between a government mention and the name (no verb, no other actor)."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not 0 < len(span) <= 5 or "\n" in span.text:
            return False
        return all(t.pos_ in ("NOUN", "PROPN") or t.text == "," for t in span)

    def _continued_by(self, k: int) -> _Speaker | None:
        """A quotation left open at the end of its paragraph goes on in the next paragraph, which
        opens with a quotation mark (news style): its speaker is that continuation's."""
        start, end = self.spans[k]
        text = self.doc.text
        if end < len(text) and text[end] in (CLOSE, '"') or k + 1 >= len(self.spans):
            return None  # closed here
        nxt_start, nxt_end = self.spans[k + 1]
        between = text[end:nxt_start - 1]
        if between.strip() or "\n" not in between:
            return None
        nxt = self.doc.char_span(nxt_start, nxt_end, alignment_mode="contract")
        return self._speaker_for(nxt) if nxt is not None and len(nxt) else None

    def code(self) -> list[Quote]:
        out: list[Quote] = []
        text = self.doc.text
        for k, (start, end) in enumerate(self.spans):
            qspan = self.doc.char_span(start, end, alignment_mode="contract")
            if qspan is None or not len(qspan):
                continue
            if self._is_label(qspan, start, self._has_speech_verb(qspan)):
                continue
            own_verb = self._has_speech_verb(qspan)
            speaker = (None if own_verb else self._continued_by(k)) or self._speaker_for(qspan)
            if speaker is None:
                continue
            self.last, self.last_end = speaker, end
            sent_a, sent_b = qspan[0].sent, qspan[-1].sent
            ev_start, ev_end = min(sent_a.start_char, start - 1), max(sent_b.end_char, end)
            while ev_end > ev_start and text[ev_end - 1].isspace():
                ev_end -= 1
            while ev_start < ev_end and text[ev_start].isspace():
                ev_start += 1
            out.append(Quote(speaker=speaker.name, actor=self._speaker_code(speaker, start),
                             text=text[start:end], evidence=Evidence.of(text, ev_start, ev_end)))
        return out


def _unplaced(code: str | None) -> bool:
    return not code or code.startswith("-")


def _same_person(name: str, other: str | None) -> bool:
    a, b = set(name.lower().split()), set((other or "").lower().split())
    return bool(a) and bool(b) and (a <= b or b <= a)


def code_quotes(ctx) -> list[Quote]:
    """Direct quotations of the body with named speakers, in text order."""
    return QuoteCoder(ctx).code()
