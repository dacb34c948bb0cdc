"""Where a sentence names an agreement, and what the phrase says about it.

A mention is an agreement noun (treaty, pact, deal, ...) that is not part of a longer name of
something else ("treaty allies", "Collective Security Treaty Organization"). Its parties come
from the phrase ("between A and B", "A-B pact", "with B"), from the clause that signs or holds it
(subject, "by" agent, "with" object), or from an alliance's member list.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from .agreement_known import identify
from .agreement_lexicon import lexicon
from .agreement_syntax import (
    clause_dates,
    dateline_end,
    duration_years,
    is_negated,
    left_context_ids,
    mentions_in,
    state_codes,
    subtree_ids,
)
from .claim_lexicon import described_country

DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their", "our", "his", "her"})
REPORTING_VERBS = frozenset({"say", "warn", "tell", "accuse", "claim", "report", "add", "note", "argue",
                             "criticize", "criticise", "announce", "state", "insist"})
TRADE_VERBS = frozenset({"buy", "sell", "export", "import", "supply", "purchase", "deliver", "lease",
                         "acquire", "provide", "procure"})
# Subjects that are events, not actors: the countries inside them hold no agreement.
EVENT_SUBJECTS = frozenset({"attack", "strike", "invasion", "aggression", "incident", "assault", "attempt"})
INDEFINITE_MARKS = frozenset({"a", "an", "new", "another"})
# Words that set an agreement apart from the one just named ("In a separate memorandum signed the
# same day ...": the same parties and date, but a second document).
DISTINCT_MARKS = frozenset({"separate", "second", "another", "additional", "further", "parallel"})


@dataclass
class Mention:
    token: Token
    parties: list[str]
    definite: bool
    indefinite: bool  # marked as a new agreement ("a", "another", "new")
    embedded: bool  # inside another phrase's modifier; does not shift the discourse focus
    date: str | None
    duration: int | None
    kind: str
    name: str
    proper: bool
    aliases: list[str] = field(default_factory=list)
    distinct: bool = False  # "a separate memorandum", "a second agreement": not one already named
    known: tuple[tuple[str, str], ...] = ()  # provisions its name states (a known agreement)


def is_agreement_noun(tok: Token) -> bool:
    lex = lexicon()
    if tok.pos_ not in ("NOUN", "PROPN") or tok.lemma_.lower() not in lex.nouns and tok.lower_ not in lex.nouns:
        return False
    # "treaty allies", "alliance members", "Treaty Organization": the noun modifies another noun.
    if tok.dep_ in ("compound", "amod", "nmod") and tok.head.i > tok.i:
        return False
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.lower_ in lex.not_before:
        return False
    if nxt is not None and nxt.lower_ == "of" and any(c.lower_ in ("great", "good") for c in tok.children):
        return False  # "a great deal of history"
    return True


def _kind(tok: Token) -> str:
    lex = lexicon()
    return lex.nouns.get(tok.lower_) or lex.nouns.get(tok.lemma_.lower(), "other")


def _governing_verb(tok: Token) -> Token | None:
    """The verb whose clause the noun phrase belongs to (prepositions count as links)."""
    cur = tok
    while cur.head.i != cur.i:
        head = cur.head
        if head.pos_ in ("VERB", "AUX") and head.dep_ != "prep":
            return head
        if cur.dep_ in ("acl", "relcl", "advcl", "ccomp"):
            return None
        cur = head
    return None


def _is_embedded(tok: Token) -> bool:
    """A mention nested in a modifier of another phrase ("a clause like the one in a treaty")."""
    cur = tok
    while cur.head.i != cur.i:
        if cur.dep_ in ("acl", "relcl", "appos"):
            return True
        if cur.dep_ == "pobj" and cur.head.head.pos_ in ("NOUN", "PROPN") and cur.head.lower_ != "with":
            return True
        cur = cur.head
    return False


def _phrase_ids(tok: Token) -> set[int]:
    """The noun phrase itself: left modifiers and party prepositions, without clauses or conjuncts."""
    lex = lexicon()
    ids = {tok.i}
    for c in tok.children:
        if c.dep_ in ("conj", "cc", "punct", "relcl", "acl", "appos", "advcl"):
            continue
        if c.dep_ == "prep" and c.lower_ not in lex.party_preps:
            continue
        ids |= subtree_ids(c)
    return ids


def _partner_groups(ctx, sent: Span, tok: Token) -> list[list[str]]:
    """Countries after "with" on the noun or its verb, one group per coordinated item."""
    groups: list[list[str]] = []
    preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"]
    for prep in preps:
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            items = [obj] + [c for c in obj.conjuncts if c.i > obj.i]
            for item in items:
                ids = subtree_ids(item) - {t.i for c in item.children if c.dep_ == "conj" for t in c.subtree}
                codes = [code for m in mentions_in(ctx, sent, ids) for code in state_codes(m)]
                if codes:
                    groups.append(codes)
    if preps and tok.tag_ == "NNS" and tok.dep_ == "dobj":
        # Gapped coordination: "forged agreements with Australia in 2022 and Britain in 2023",
        # which the parser reads as "Britain" coordinated with the verb.
        for c in tok.head.children:
            if c.dep_ == "conj" and c.pos_ == "PROPN" and c.i > tok.i:
                codes = [code for m in mentions_in(ctx, sent, subtree_ids(c) - {t.i for t in c.subtree
                         if t.dep_ == "prep"}) for code in state_codes(m)]
                if codes:
                    groups.append(codes)
    return groups


def _clause_parties(ctx, sent: Span, verb: Token) -> list[str]:
    """Subject, passive agent, "with"/"from" objects of a signing or holding verb."""
    ids: set[int] = set()
    subs = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subs and verb.dep_ in ("conj", "xcomp", "pcomp", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        subs = [c for c in verb.head.children if c.dep_ in ("nsubj",)]
    if not subs and verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
        outer = verb.head.head
        subs = [c for c in outer.children if c.dep_ == "nsubj"]
    described: list[str] = []
    for s in subs:
        if s.lemma_.lower() in EVENT_SUBJECTS:
            continue  # "any attack on X ... would invoke our treaty": X is the attacked, not a holder
        if s.pos_ != "PRON":
            ids |= subtree_ids(s, keep_appos=True)
            described += described_country(ctx, s)  # "after the East Asian nation forged ..."
        elif s.lower_ in ("it", "they") and verb.dep_ in ("ccomp", "advcl"):
            # "Hungary said it had signed a deal": the reporting clause's subject; "Japan signed
            # ..., after it forged similar agreements": the main clause's.
            ids |= {t for c in verb.head.children if c.dep_ == "nsubj" for t in subtree_ids(c)}
        elif s.lower_ == "they":
            # "A and B condemned X as they ... reaffirmed their partnership": the plural subject
            # named earlier in the sentence.
            earlier = [t for t in sent if t.i < s.i and t.dep_ == "nsubj" and t.pos_ != "PRON"
                       and any(c.dep_ == "conj" for c in t.children)]
            if earlier:
                ids |= subtree_ids(earlier[-1], keep_appos=True)
    if not subs and not any(c.dep_ == "agent" for c in verb.children):
        # "the partnership proclaimed when Putin visited Beijing": the occasion names the parties.
        for c in verb.children:
            if c.dep_ in ("advcl", "ccomp") and any(m.lower_ in ("when", "during", "as") for m in c.children):
                ids |= {t.i for t in c.subtree}
    for c in verb.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in ("with", "from")):
            for obj in c.children:
                ids |= subtree_ids(obj, keep_appos=True)
    found = [code for m in mentions_in(ctx, sent, ids) for code in state_codes(m)]
    found += [c for c in described if c not in found]
    in_dateline = bool(subs) and all(s.idx < dateline_end(sent) for s in subs)
    if (not subs or in_dateline) and not found and verb.lemma_.lower() in lexicon().signing_verbs:
        found = _left_context_parties(ctx, sent, verb)
    return found


def _framed_clause_parties(ctx, sent: Span, tok: Token) -> list[str]:
    """"Under the 25-year deal signed in 2021, China will invest $400 billion in Iran": an
    agreement named in a frame opening the sentence ("Under ...,", "According to ...,") is
    between the two states its clause names (exactly two, else none)."""
    lex = lexicon()
    opening = " ".join(t.lower_ for t in sent[:3])
    if not any(opening.startswith(p + " ") for p in lex.content_preps):
        return []
    comma = next((t.i for t in sent if t.text == ","), None)
    if comma is None or tok.i > comma:
        return []
    ids = set(range(comma + 1, sent.end))
    found = []
    for m in mentions_in(ctx, sent, ids):
        for code in state_codes(m):
            if code not in found:
                found.append(code)
    return found if len(found) == 2 else []


def _left_context_parties(ctx, sent: Span, verb: Token) -> list[str]:
    """When the parse gives the signing verb no subject (a dateline or page chrome glued to the
    sentence), the actors between the line's start or its last dash and the verb."""
    ids = left_context_ids(sent, verb)
    return [code for m in mentions_in(ctx, sent, ids) for code in state_codes(m)]


def _name(tok: Token) -> tuple[str, bool]:
    """The agreement's name as the text gives it, and whether it is a proper name."""
    left = [c for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod")]
    proper = tok.pos_ == "PROPN" or any(c.pos_ == "PROPN" and c.dep_ == "compound" for c in left)
    if proper:
        start = min([tok.i] + [c.left_edge.i for c in left])
        words = [t for t in tok.doc[start:tok.i + 1] if t.pos_ not in ("DET", "NUM") and t.dep_ != "poss"]
        return " ".join(t.text for t in words).strip(), True
    words = []
    for c in left:
        for t in c.subtree:
            if (t.pos_ in ("ADJ", "NOUN") and t.is_lower and not t.like_num and "year" not in t.lower_
                    and t.lower_ not in DISTINCT_MARKS):
                words.append(t.text)
    return " ".join(words + [tok.text]), False


def _aliases(tok: Token) -> list[str]:
    """Short names given in the phrase: "(RAA)", "named Aukus", "known as EDCA"."""
    out = []
    doc = tok.doc
    end = tok.i + 1
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")" and doc[end + 1].is_upper:
        out.append(doc[end + 1].text)
    for t in tok.subtree:
        if t.lower_ in ("named", "called", "dubbed", "known") and t.i > tok.i:
            for w in doc[t.i + 1:t.i + 4]:
                if w.pos_ == "PROPN":
                    out.append(w.text)
                    break
    return out


def find_mentions(ctx, sent: Span, aliases: dict[str, object]) -> list[Mention]:
    """Agreement mentions of one sentence, with the parties the sentence gives each of them."""
    lex = lexicon()
    out: list[Mention] = []
    for tok in sent:
        alias_ref = tok.text in aliases
        if not alias_ref and not is_agreement_noun(tok):
            continue
        if alias_ref and tok.dep_ in ("compound", "amod", "nmod"):  # "EDCA sites" is not the pact
            continue
        ids = _phrase_ids(tok)
        words = {tok.doc[i].lemma_.lower() for i in ids}
        verb = _governing_verb(tok)
        if verb is not None:
            words.add(verb.lemma_.lower())
            if verb.dep_ in ("xcomp", "acl"):  # "failed to reach an agreement"
                words.add(verb.head.lemma_.lower())
        if tok.dep_ == "pobj" and tok.head.head.pos_ in ("NOUN", "PROPN"):
            words.add(tok.head.head.lemma_.lower())  # "expectations of a trade deal", "talks on a pact"
        if words & lex.not_concluded and not alias_ref:
            continue
        if verb is not None and not alias_ref and (verb.lemma_.lower() in lex.requesting_verbs or (
                verb.dep_ in ("xcomp", "acl") and verb.head.lemma_.lower() in lex.requesting_verbs)):
            continue  # "called for a ceasefire", "urged both sides to respect the truce"
        dets = {c.lower_ for c in tok.children if c.dep_ in ("det", "poss")}
        amods = {c.lower_ for c in tok.children if c.dep_ == "amod"}
        name, proper = _name(tok)
        if any(tok.doc[i].lower_ == "whose" for i in ids):  # "France, whose submarine contract with ..."
            rel = next((a for a in tok.ancestors if a.dep_ == "relcl"), None)
            if rel is not None:
                ids |= subtree_ids(rel.head)
            else:  # the parser lost the relative clause: "whose" follows its antecedent
                ids |= _whose_antecedent_ids(tok, ids)
        ids |= _trade_partner_ids(tok)
        parties = [code for m in mentions_in(ctx, sent, ids - _with_ids(tok)) for code in state_codes(m)]
        groups = _partner_groups(ctx, sent, tok)
        date = None
        signing = None
        for c in tok.children:  # "the treaty signed in 2010", "a deal clinched last month with Poland"
            if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in lex.signing_verbs:
                signing = c
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if (signing is None and nxt is not None and nxt.tag_ in ("VBN", "VBD") and nxt.dep_ in ("acl", "advcl")
                and nxt.lemma_.lower() in lex.signing_verbs
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in nxt.children)):
            signing = nxt  # the parser hung "the partnership proclaimed when ..." on an earlier noun
        member_clauses = [t for t in tok.subtree if t.i > tok.i and t.lemma_.lower() in lex.member_verbs
                          and t.dep_ in ("acl", "relcl", "advcl", "prep") and _nearest_noun(t) == tok.i]
        if tok.dep_ == "attr" and tok.head.lemma_ == "be":  # "X is an alliance ..., comprising A, B, C"
            member_clauses += [t for t in tok.head.children if t.dep_ == "advcl" and t.i > tok.i
                               and t.lemma_.lower() in lex.member_verbs]
        for t in member_clauses:  # "an alliance ..., comprising Russia, Armenia, ..."
            parties += [code for m in mentions_in(ctx, sent, _member_ids(t)) for code in state_codes(m)]
        if signing is not None:
            parties += _clause_parties(ctx, sent, signing)
            date = clause_dates(ctx, signing)
        if verb is not None and verb.lemma_.lower() in lex.signing_verbs | lex.holding_verbs:
            parties += _clause_parties(ctx, sent, verb)
            groups += [g for g in _partner_groups(ctx, sent, verb) if g not in groups]
            if date is None and verb.lemma_.lower() in lex.signing_verbs:
                date = clause_dates(ctx, verb)
                if date is None and verb.dep_ == "pcomp" and verb.head.lower_ == "by":
                    date = clause_dates(ctx, verb.head.head)
        if (len(set(parties)) + len(groups) == 1 and verb is not None and groups
                and verb.lemma_.lower() not in REPORTING_VERBS):
            # "X ... in a new deal with Y": the clause's subject is the other party.
            parties += _clause_parties(ctx, sent, verb)
        if (not parties and not groups and tok.dep_ == "nsubj" and verb is not None
                and (proper or not bool(dets & DEFINITE))):
            # "The 2014 agreement gave US forces access to Philippine bases": its objects name both.
            ids = set()
            for c in verb.children:
                if c.dep_ in ("dobj", "dative", "attr", "prep"):
                    ids |= subtree_ids(c)
            objs = _unique([code for m in mentions_in(ctx, sent, ids) for code in state_codes(m)])
            if len(objs) == 2:
                parties += objs
        if not parties and not groups:
            parties += _framed_clause_parties(ctx, sent, tok)
        if date is None:  # "a 1961 treaty", "the 2014 Enhanced Defense Cooperation Agreement"
            for c in tok.lefts:
                if c.like_num and len(c.text) == 4 and c.text[:2] in ("19", "20"):
                    date = c.text
        kind = _kind(tok) if not alias_ref else "other"
        known = identify(ctx, tok, _unique(parties + [c for g in groups for c in g]), date) if not alias_ref else None
        if known is not None:  # "the 1951 Mutual Defense Treaty": parties and date from the record
            parties = _unique(parties + list(known.parties))
            if date is None or known.signed.startswith(date):
                date = known.signed
            kind = known.kind
        left_text = tok.doc[tok.left_edge.i:tok.i].text
        common = dict(definite=bool(dets & DEFINITE) or alias_ref,
                      indefinite=bool((dets | amods) & INDEFINITE_MARKS),
                      embedded=_is_embedded(tok), date=date, duration=duration_years(left_text),
                      kind=kind, name=name if not alias_ref else tok.text,
                      proper=proper or alias_ref, aliases=_aliases(tok),
                      distinct=bool((dets | amods) & DISTINCT_MARKS) and not alias_ref,
                      known=known.provisions if known is not None else ())
        partners = [code for g in groups for code in g]
        holders = [p for p in _unique(parties) if p not in partners]
        if tok.tag_ == "NNS" and len(set(partners)) > 1:  # "pacts with North Korea and Belarus": one each
            gapped = _gapped_years(ctx, sent, tok)
            for code in _unique(partners):
                mention = Mention(tok, _unique(parties + [code]), **common)
                mention.date = gapped.get(code, mention.date)
                out.append(mention)
        elif tok.tag_ == "NNS" and partners and len(holders) > 1:
            years = _respective_years(sent, verb, len(holders))
            for k, code in enumerate(holders):  # "Egypt and Jordan signed peace treaties with Israel": one each
                mention = Mention(tok, _unique([code] + partners), **common)
                mention.date = years[k] if years else mention.date
                out.append(mention)
        else:
            out.append(Mention(tok, _unique(parties + [c for g in groups for c in g]), **common))
    out += _agreed_trades(ctx, sent)
    out += _agreed_mechanisms(ctx, sent, out)
    return out


def _agreed_mechanisms(ctx, sent: Span, found: list[Mention]) -> list[Mention]:
    """A joint body agreed without an agreement noun: "The two countries agreed last year to set
    up a hotline", "A and B agreed to establish a joint commission". The subject of "agree"
    (two states or more) holds it; a sentence that already names an agreement is left to it."""
    if found:
        return []
    lex = lexicon()
    out = []
    for tok in sent:
        head = tok.head
        if (tok.lemma_.lower() not in lex.establishing_verbs or tok.dep_ != "xcomp"
                or head.lemma_.lower() != "agree" or is_negated(head)):
            continue
        # the object's words: the tagger may read "a fisheries hotline" as a noun and an adverb
        objects = [t for c in tok.children if c.dep_ in ("dobj", "advmod", "npadvmod") for t in c.subtree
                   if t.i > tok.i and t.pos_ != "VERB"]
        noun = next((o for o in objects if o.lemma_.lower() in lex.mechanism_nouns
                     or o.lower_ in lex.mechanism_nouns), None)
        if noun is None:
            continue
        first = min(o.i for o in objects)
        parties = _unique(_clause_parties(ctx, sent, head))
        if len(parties) < 2:
            continue
        words = [t.text for t in sent.doc[first:noun.i + 1] if t.pos_ != "DET" and not t.is_punct][-4:]
        out.append(Mention(noun, parties, definite=False, indefinite=True, embedded=False,
                           date=clause_dates(ctx, head), duration=None, kind="agreement",
                           name="agreement to set up " + " ".join(words).lower(), proper=False))
    return out


def _agreed_trades(ctx, sent: Span) -> list[Mention]:
    """A sale agreed without an agreement noun: "Paris agreed to sell howitzers to Armenia",
    "X agreed to buy jets from Y". The subject of "agree" and the trade verb's "to"/"from"
    object are the parties."""
    out = []
    for tok in sent:
        head = tok.head
        if (tok.lemma_.lower() not in TRADE_VERBS or tok.dep_ != "xcomp" or head.lemma_.lower() != "agree"
                or is_negated(head)):
            continue
        ids = {t.i for prep in tok.children if prep.dep_ in ("prep", "dative") and prep.lower_ in ("to", "from")
               for t in prep.subtree}
        partners = [code for m in mentions_in(ctx, sent, ids) for code in state_codes(m)]
        parties = _unique(_clause_parties(ctx, sent, head) + partners)
        if not partners or len(parties) < 2:
            continue
        out.append(Mention(tok, parties, definite=False, indefinite=True, embedded=False,
                           date=clause_dates(ctx, head), duration=None, kind="agreement",
                           name=f"agreement to {tok.lemma_.lower()}", proper=False))
    return out


def _gapped_years(ctx, sent: Span, tok: Token) -> dict[str, str]:
    """"agreements with A in 2022 and B in 2023": the year each gapped partner carries."""
    out: dict[str, str] = {}
    if tok.dep_ != "dobj":
        return out
    for c in tok.head.children:
        if c.dep_ == "conj" and c.pos_ == "PROPN" and c.i > tok.i:
            nxt = c.nbor(1) if c.i + 2 < len(c.doc) else None
            year = c.nbor(2) if nxt is not None and nxt.lower_ == "in" else None
            if year is not None and year.like_num and len(year.text) == 4:
                for m in mentions_in(ctx, sent, subtree_ids(c)):
                    for code in state_codes(m):
                        out[code] = year.text
    return out


def _respective_years(sent: Span, verb: Token | None, count: int) -> list[str]:
    """"A and B signed treaties with C in 1979 and 1994 respectively": one year per holder, in
    order, when the clause says "respectively" and names exactly as many years."""
    if verb is None or not any(t.lower_ == "respectively" for t in sent):
        return []
    clause = verb.doc[verb.left_edge.i:verb.right_edge.i + 1]
    years = [t.text for t in clause if t.like_num and len(t.text) == 4 and t.text[:2] in ("19", "20")
             and t.ent_type_ == "DATE"]
    return years if len(years) == count else []


def _whose_antecedent_ids(tok: Token, ids: set[int]) -> set[int]:
    """"..., and from France, whose contract with Australia ...": the noun just before
    "whose" (past a comma), with its modifiers."""
    whose = next(tok.doc[i] for i in sorted(ids) if tok.doc[i].lower_ == "whose")
    j = whose.i - 1
    while j >= tok.sent.start and tok.doc[j].is_punct:
        j -= 1
    if j < tok.sent.start or tok.doc[j].pos_ not in ("NOUN", "PROPN"):
        return set()
    return subtree_ids(tok.doc[j])


def _trade_partner_ids(tok: Token) -> set[int]:
    """"a deal to buy jets from Sweden", "a contract to export tanks to Poland": the "from"/"to"
    phrase of a trade verb that modifies the noun, or (as the parser often has it) the verb
    that governs the noun ("signed a deal to buy ..."). When the parse hangs that phrase
    elsewhere (a ticker in brackets, "Saab (SAABb.ST) jets from Sweden"), the first "from"/"to"
    after the trade verb and before any other verb is taken."""
    verbs = [c for c in tok.children if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in TRADE_VERBS]
    if tok.dep_ == "dobj":
        verbs += [c for c in tok.head.children if c.dep_ in ("advcl", "xcomp") and c.i > tok.i
                  and c.lemma_.lower() in TRADE_VERBS]
    ids: set[int] = set()
    for verb in verbs:
        found = {t.i for prep in verb.subtree if prep.dep_ in ("prep", "dative") and prep.lower_ in ("from", "to")
                 and prep.i > verb.i for t in prep.subtree}
        if not found:
            for t in tok.doc[verb.i + 1:tok.sent.end]:
                if t.pos_ in ("VERB", "AUX") or t.text == ";":
                    break
                if t.dep_ in ("prep", "dative") and t.lower_ in ("from", "to"):
                    found = {x.i for x in t.subtree}
                    break
        ids |= found
    return ids


def _member_ids(verb: Token) -> set[int]:
    """The members a "comprising"/"including" clause lists: the list after a colon when there
    is one ("six post-Soviet states: A, B, C"), else its whole object."""
    for obj in verb.children:
        if obj.dep_ in ("dobj", "pobj"):
            lists = [c for c in obj.children if c.dep_ == "appos"]
            if lists:
                return {t.i for c in lists for t in c.subtree}
    return {t.i for t in verb.subtree}


def _nearest_noun(tok: Token) -> int | None:
    """The noun a modifier belongs to, passing through participles ("formed in 2002, comprising")."""
    cur = tok.head
    while cur.head.i != cur.i and cur.pos_ not in ("NOUN", "PROPN"):
        cur = cur.head
    return cur.i if cur.pos_ in ("NOUN", "PROPN") else None


def _with_ids(tok: Token) -> set[int]:
    ids: set[int] = set()
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "with":
            ids |= {t.i for t in c.subtree}
    return ids


def _unique(codes: list[str]) -> list[str]:
    seen: list[str] = []
    for c in codes:
        if c not in seen:
            seen.append(c)
    return seen
