"""Claims (accusations, allegations, warnings) and the responses the text reports.

A claim comes from a claim verb ("X accused Y of ...", "X alleged that Y ...", "X warned that
Y ..."), a claim noun ("the US accusation that Y ..."), or a verb of saying whose content is a
contested kind of conduct by another actor ("the West says ... North Korean troops deployed").
Claimants and subjects come from the actor resolution; one claim is kept per (claimant,
subject, topic). Responses ("deny", "neither confirmed nor denied", "has not confirmed",
"admits ...", "backed X's contention") attach to the claim of their own sentence, or to the
latest earlier claims that their object matches (by topic, by the actors it names, or by the
authors of the report it names: "the Japanese report"); a plural "reports"/"allegations"
answers every matching claim, and an answer about the conduct ("did not confirm the
deployment") every claim of that conduct against the same subject. An answer whose object is a
bare clause goes to the one claim the story has open, if there is exactly one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from ..model import Claim, Evidence, Response
from .agreement_mentions import find_mentions, is_agreement_noun
from .agreement_syntax import (
    actor_codes,
    clause_dates,
    is_negated,
    left_context_ids,
    mentions_in,
    subtree_ids,
)
from .claim_lexicon import claim_lexicon, collective_members, topic_of
from .claim_responses import ResponseReader

ACCUSATORY = re.compile(claim_lexicon()["accusatory"], re.I)
# A charge about an agreement's observance, which takes the topic of that agreement.
TREATY_CONDUCT = re.compile(r"\b(?:treaty|pact|accord|agreement|inspections?|inspectors?|provisions)\b", re.I)
CHARGE_LOOKAHEAD = 4  # sentences searched for the charge of a bare "X condemned Y."
ACT_LOOKBACK = 10  # sentences searched for the author of "the purchase", "the launch"
# Verbs that report what the claimant said; a claim verb below one speaks for its subject.
REPORTING = frozenset({"say", "state", "tell", "announce", "declare", "add", "write"})
INSTITUTIONAL = frozenset({"spokesman", "spokeswoman", "spokesperson", "ministry", "minister", "government",
                           "intelligence", "official", "officials", "ambassador", "representative",
                           "group", "panel", "team", "experts", "expert"})


@dataclass
class _Found:
    claimants: list[str]
    subjects: list[str]
    kind: str
    topic: str
    content: str
    date: str | None
    sent_no: int
    evidence: Evidence
    claims: list[Claim] = field(default_factory=list)


class ClaimCoder(ResponseReader):
    def __init__(self, ctx):
        self.ctx = ctx
        self.lex = claim_lexicon()
        self.by_key: dict[tuple[str, str, str], Claim] = {}
        self.groups: list[_Found] = []
        self._core: str | None = None  # the content without its embedded clauses, for topic_of
        self._topic_text: str | None = None  # what to judge the topic on instead, when set
        self.supported: set[int] = set()  # ids of claims made by a claim verb/noun or in blaming words

    # -- actors -------------------------------------------------------------------------
    def _actors(self, sent: Span, tok: Token | None) -> list[str]:
        """Actor units named by the phrase headed by ``tok`` (a relative pronoun uses its antecedent)."""
        if tok is None:
            return []
        if tok.lower_ in ("which", "who", "that") and tok.head.dep_ == "relcl":
            tok = tok.head.head
        if tok.lower_ in ("it", "they"):
            return self._pronoun(sent, tok)
        out: list[str] = []
        for m in mentions_in(self.ctx, sent, subtree_ids(tok)):
            for c in actor_codes(m):
                if c not in out:
                    out.append(c)
        return out

    def _pact_parties(self, sent: Span) -> list[str]:
        for m in find_mentions(self.ctx, sent, {}):
            if len(set(m.parties)) >= 2:
                return list(dict.fromkeys(m.parties))
        return []

    def _own_actors(self, sent: Span, head: Token) -> list[str]:
        """Actors the phrase itself names: its head, possessor and modifiers, and coordinated
        heads, but not prepositional objects ("an attack on Belarus" names no attacker)."""
        if head.lower_ in ("it", "they"):
            return self._pronoun(sent, head)
        ids = _own_ids(head)
        out: list[str] = []
        for m in mentions_in(self.ctx, sent, ids):
            for c in actor_codes(m):
                if c not in out:
                    out.append(c)
        for i in sorted(ids):  # "its European allies": the region's countries the text lists
            for c in collective_members(self.ctx, self.ctx.doc[i]):
                if c not in out:
                    out.append(c)
        if not out and head.lemma_.lower() in INSTITUTIONAL and any(
                c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            out = self._earlier_institution(head)
        return out

    def _earlier_institution(self, head: Token) -> list[str]:
        """"The ministry said ...": the latest earlier resolved mention that names such an
        institution ("Russia's foreign ministry"), the text's own antecedent."""
        for m in reversed(self.ctx.actors.in_span(0, head.idx)):
            if re.search(r"\b" + re.escape(head.lower_) + r"\b", m.text.lower()):
                return actor_codes(m)
        return []

    def _pronoun(self, sent: Span, pron: Token) -> list[str]:
        """"it"/"they": the subject named earlier in the same sentence, else the previous one's."""
        for t in sent:
            if t.i < pron.i and t.dep_ in ("nsubj", "nsubjpass") and t.pos_ != "PRON":
                found = self._actors(sent, t)
                if found:
                    return found
        if pron.i == sent.start and sent.start > 0:  # "It said ...": the previous sentence's subject
            before = self.ctx.doc[sent.start - 1].sent
            for t in before:
                if t.dep_ == "nsubj" and t.head.i == before.root.i and t.pos_ != "PRON":
                    return self._actors(before, t)
        return []

    def _subjects(self, verb: Token) -> list[Token]:
        subs = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        up = verb
        for _ in range(3):
            if subs or up.dep_ not in ("conj", "xcomp", "advcl", "relcl", "acl"):
                break
            if up.dep_ == "relcl":  # "Turkey, who accused ...": the antecedent
                return [up.head]
            if up.dep_ == "acl" and up.head.pos_ in ("NOUN", "PROPN"):
                # "Sweden criticising Hungary"; "a resolution censuring Iran" -> who passed it
                noun = up.head
                if self.ctx.actors.covering(noun.idx, noun.idx + len(noun.text)) is not None:
                    return [noun]
                up = noun.head
                while up.pos_ not in ("VERB", "AUX") and up.head.i != up.i:
                    up = up.head
                subs = [c for c in up.children if c.dep_ == "nsubj"]
                continue
            up = up.head
            subs = [c for c in up.children if c.dep_ == "nsubj"]
        return list(subs)

    def _claimants(self, sent: Span, verb: Token) -> list[str]:
        if verb.lemma_.lower() in self.lex["object_verbs"] and _agent_of(verb):
            return self._all(sent, _agent_of(verb))  # "... has been accused by Kyiv of ..."
        subs = self._subjects(verb)
        if not subs and verb.dep_ == "pcomp":  # "grievances over Sweden criticising Hungary"
            subs = [c for c in verb.head.children if c.dep_ == "pobj" and c.i < verb.i]
        found = self._all(sent, subs)
        if not found and verb.dep_ == "conj" and verb.lemma_.lower() not in self.lex["weak_verbs"]:
            # 'X's ministry said in a statement that the deal turned ... and accused Y of ...':
            # the parser hung the claim verb on the reported clause; the reporter is the claimant.
            for up in list(verb.ancestors)[:4]:
                if up.pos_ == "VERB" and up.lemma_.lower() in REPORTING:
                    found = self._all(sent, [c for c in up.children if c.dep_ == "nsubj"])
                    break
        line = self.ctx.doc[sent.start:verb.i].text
        broken = "\n" in line and (not subs or any(
            "\n" in t.text for s in subs for t in self.ctx.doc[min(s.i, verb.i):verb.i]))
        if not found and broken:  # a parse broken by page chrome glued to the sentence
            ids = left_context_ids(sent, verb)
            for m in mentions_in(self.ctx, sent, ids):
                for c in actor_codes(m):
                    if c not in found:
                        found.append(c)
        return found

    def _all(self, sent: Span, heads: list[Token]) -> list[str]:
        out: list[str] = []
        for h in heads:
            if h.lower_ in ("which", "who", "that") and h.head.dep_ == "relcl":
                h = h.head.head
            for c in self._own_actors(sent, h):
                if c not in out:
                    out.append(c)
        return out

    # -- claims -------------------------------------------------------------------------
    def _claim_from_verb(self, sent: Span, verb: Token) -> tuple | None:
        lemma = verb.lemma_.lower()
        lex = self.lex
        if is_negated(verb):
            return None
        if lemma in lex["object_verbs"]:
            objs = [c for c in verb.children if c.dep_ == "dobj"]
            if not objs and _agent_of(verb):  # "Russia has been accused by Kyiv of ...": the accused
                objs = [c for c in verb.children if c.dep_ == "nsubjpass"]
            if not objs and verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
                objs = [verb.head]  # "the United States, which it accused of ..."
            content_tok = [t for c in verb.children if c.dep_ == "prep" and c.lower_ in ("of", "for", "over")
                           for t in c.children]
            if not content_tok:  # "accused X in March of ...": the parse may hang "of" lower down
                content_tok = [t for c in verb.subtree if c.dep_ == "prep" and c.lower_ in ("of", "for", "over")
                               for t in c.children if t.dep_ == "pcomp"][:1]
            content = " ".join(self.ctx.doc[min(t.left_edge.i for t in content_tok):
                                            max(t.right_edge.i for t in content_tok) + 1].text.split()) \
                if content_tok else ""
            self._core = _core(self.ctx.doc, content_tok)
            if topic_of(content) == "other":  # "censuring Iran for ... and calling on it to explain uranium ..."
                clause = " ".join(t.text for t in verb.subtree)
                if topic_of(clause) == "nuclear":
                    content = content or clause
                    self._core = self._topic_text = None
                    return lex["object_verbs"][lemma], self._all(sent, objs), clause
            subjects = self._all(sent, objs)
            if not subjects and objs:
                subjects = self._act_author(sent, objs[0], verb)
                if subjects and not content:  # "criticised the purchase": the act is the content
                    content = _text(self.ctx.doc, objs[0])
                    self._core = content
            on = [p for h in [verb] + objs[:1] for c in h.children if c.dep_ == "prep" and c.lower_ == "on"
                  for p in c.children if p.dep_ == "pobj"]
            if lemma == "blame" and on and objs and not subjects:
                # "blamed the bombing on Bordurian agents": the "on" phrase is the accused
                drop = {t.i for p in on for t in p.head.subtree}
                words = [t.text for t in objs[0].subtree if t.i not in drop]
                self._core = " ".join(words)
                return lex["object_verbs"][lemma], self._all(sent, on), " ".join(words)
            if not content_tok and subjects:
                # "X condemned Y." with the charge spelled out in one of the next sentences, the
                # first that names Y again with a specific kind of conduct ("A statement spoke
                # of Y's efforts to ..."), quotes about other things coming between: that
                # sentence is the content.
                following = sent
                for _ in range(CHARGE_LOOKAHEAD):
                    following = self._next_sentence(following)
                    if following is None:
                        break
                    if topic_of(following.text) != "other" and any(
                            c in subjects for m in mentions_in(self.ctx, following, {t.i for t in following})
                            for c in actor_codes(m)):
                        return lex["object_verbs"][lemma], subjects, " ".join(following.text.split())
            return lex["object_verbs"][lemma], subjects, content
        if lemma in lex["conduct_verbs"]:
            objs = [c for c in verb.children if c.dep_ == "dobj"]
            if lemma == "point":
                objs = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"
                        for p in c.children if p.dep_ == "pobj"]
            if not objs:
                return None
            content = _text(self.ctx.doc, objs[0])
            if lemma in lex["weak_conduct_verbs"] and not ACCUSATORY.search(content):
                return None
            self._core = _core(self.ctx.doc, objs[:1])
            return lex["conduct_verbs"][lemma], self._own_actors(sent, objs[0]), content
        if lemma in lex["clause_verbs"] or lemma in lex["weak_verbs"]:
            comps = [c for c in verb.children if c.dep_ in ("ccomp",)]
            if not comps:
                return None
            comp = comps[0]
            content = _text(self.ctx.doc, comp)
            self._core = _core(self.ctx.doc, [comp])
            subj = self._content_subjects(sent, comp)
            if subj and set(subj) <= set(self._claimants(sent, verb)) and _told_as_done(comp):
                # "Japan said its aircraft had photographed a North Korean tanker ...", "said its
                # soldiers were returning fire after Kyrgyz forces attacked ...": the claimant
                # tells of its own side's doing; the charge is against the other actor the
                # clause names first.
                subj = self._first_other_actor(sent, comp, set(subj))
            kind = lex["clause_verbs"].get(lemma, "assert")
            if lemma in lex["weak_verbs"] and topic_of(content) == "other" and not ACCUSATORY.search(content):
                return None  # a plain report of other conduct; one in blaming words may be a claim
            return kind, subj, content
        return None

    def _act_author(self, sent: Span, noun: Token, verb: Token) -> list[str]:
        """"criticised the purchase" after "Colombia agreed to buy 17 jets": the subject of the
        latest earlier verb (within ACT_LOOKBACK sentences) that does the act the noun names."""
        verbs = set(self.lex.get("act_noun_verbs", {}).get(noun.lemma_.lower(), ()))
        if not verbs or not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
            return []
        claimants = set(self._claimants(sent, verb))
        doc = self.ctx.doc
        earlier = []
        cur = sent
        for _ in range(ACT_LOOKBACK):
            if cur.start == 0:
                break
            cur = doc[cur.start - 1].sent
            earlier.append(cur)
        for s in [sent] + earlier:
            for t in reversed(list(s)):
                if t.i >= noun.i or t.pos_ != "VERB" or t.lemma_.lower() not in verbs or is_negated(t):
                    continue
                found = [c for c in self._all(s, self._subjects(t)) if c not in claimants]
                if found:
                    return found
        return []

    def _next_sentence(self, sent: Span) -> Span | None:
        if sent.end >= len(self.ctx.doc):
            return None
        return self.ctx.doc[sent.end].sent

    def _content_subjects(self, sent: Span, comp: Token) -> list[str]:
        subs = [c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subs and is_agreement_noun(subs[0]):
            # A charge about a pact ("arguing the pact was negotiated in secret") is a charge
            # against each of its parties, as the sentence names them.
            return self._pact_parties(sent)
        agents = [p for c in comp.children if c.dep_ == "agent" for p in c.children]
        if not agents and subs and subs[0].dep_ == "nsubjpass":
            # "Russia was provoked into attacking Ukraine by the West": the parse may hang the
            # "by" phrase from the complement
            agents = [p for i in sorted(subtree_ids(comp)) if self.ctx.doc[i].lower_ == "by"
                      and self.ctx.doc[i].dep_ in ("agent", "prep") for p in self.ctx.doc[i].children
                      if p.dep_ == "pobj"][:1]
        if subs and subs[0].dep_ == "nsubjpass" and agents:
            # "Russia was provoked ... by the West": the agent; but "Bordurian drones were used
            # by X" charges the actor the passive subject names as its modifier.
            own = self._own_actors(sent, subs[0])
            is_actor = self.ctx.actors.covering(subs[0].idx, subs[0].idx + len(subs[0].text)) is not None
            if is_actor or not own:
                # The agent is charged with the passive verb's act ("provoked"), not with what
                # the verb's complement says the subject then did ("into attacking Ukraine").
                ids = {comp.i} | {i for a in agents for i in subtree_ids(a)}
                self._topic_text = " ".join(self.ctx.doc[i].text for i in sorted(ids))
                return self._all(sent, agents)
            return own
        heads = [s for s in subs if s.pos_ != "PRON" or s.lower_ in ("it", "they")]
        found = []
        for h in heads:  # the subject's own actors ("France's equipping of Armenia" -> France)
            for c in self._own_actors(sent, h):
                if c not in found:
                    found.append(c)
            if not found and any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in h.children):
                # "the accusation that its troops ...": the owner is the main clause's subject
                root = sent.root
                found += [c for c in self._all(sent, [t for t in root.children if t.dep_ == "nsubj"])
                          if c not in found]
        if found:
            return found
        if heads:  # a subject that names no actor ("an attack on Belarus ...") has none
            return []
        # No subject in the parse: take the first actor of the clause, but not one in a phrase the
        # verb's act is done to ("the draft interfered in Sudan's affairs": not Sudan)
        victim = {t.i for p in comp.children if p.dep_ == "prep" and p.i > comp.i
                  and p.lower_ in ("in", "into", "against", "on", "upon") for t in p.subtree}
        for m in mentions_in(self.ctx, sent, {t.i for t in comp.subtree} - victim):
            return actor_codes(m)[:1]
        return []

    def _first_other_actor(self, sent: Span, comp: Token, own: set[str]) -> list[str]:
        """The first actor other than ``own`` that the clause names as a doer: the subject of
        one of its verbs ("after Kyrgyz forces attacked ...") or the object's own modifier ("had
        photographed a North Korean tanker"), not an actor in a prepositional phrase ("a breach
        of US airspace")."""
        ids: set[int] = set()
        for v in comp.subtree:
            if v.pos_ != "VERB" or v.lemma_.lower() in REPORTING or v.dep_ in ("xcomp", "acomp"):
                continue  # "after the Pentagon said ...": a speaker; "ready to help X": no act done
            for c in v.children:
                if c.dep_ == "nsubj":
                    ids |= subtree_ids(c)
                elif c.dep_ == "dobj":
                    ids |= _own_ids(c)
        for m in mentions_in(self.ctx, sent, ids):
            codes = [c for c in actor_codes(m) if c not in own]
            if codes:
                return codes[:1]
        return []

    def _claim_from_noun(self, sent: Span, noun: Token) -> tuple | None:
        """"the accusation that X ...", "allegations of Bordurian arms deliveries", "the charge
        against X of ...": content from the that-clause or the of/about phrase; the subject
        from "against X", else from the content."""
        lemma = noun.lemma_.lower()
        against = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "against"
                   for p in c.children if p.dep_ == "pobj"]
        if not against and noun.dep_ == "dobj" and noun.head.lemma_.lower() in self.lex["making_verbs"]:
            # "made accusations against X", the parser hanging "against X" on the verb
            against = [p for c in noun.head.children if c.dep_ == "prep" and c.lower_ == "against"
                       for p in c.children if p.dep_ == "pobj"]
        comps = [c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl") and
                 any(g.lower_ == "that" and g.dep_ in ("mark",) for g in c.children)]
        named = _appositive_target(noun)
        if named is not None:
            # "... Syldavian obstruction of its shipping, a charge denied by Syldavia": the
            # phrase before the comma is the charge.
            content = _text(self.ctx.doc, named)
            self._core = _core(self.ctx.doc, [named])
            subjects = self._own_actors(sent, named)
        elif comps:
            comp = comps[0]
            content = _text(self.ctx.doc, comp)
            self._core = _core(self.ctx.doc, [comp])
            subjects = self._content_subjects(sent, comp)
        else:
            # The of-phrase may hang from the noun or, after "against X", from X.
            holders = [noun] + against
            objs = [p for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in ("of", "about")
                    for p in c.children if p.dep_ in ("pobj", "pcomp")]
            if not objs and against:
                # "made similar accusations against Russia over their elections": the charge is
                # the noun phrase itself (its clauses left out).
                about = [c for c in noun.head.children if noun.dep_ == "dobj" and c.dep_ == "prep"
                         and c.lower_ in ("over", "about", "regarding", "concerning")]
                content = _core(self.ctx.doc, [noun] + about)  # "over their recent elections"
                self._core = content
                return self.lex["nouns"][lemma], self._all(sent, against), content
            if not objs:
                return None
            content = _text(self.ctx.doc, objs[0])
            self._core = _core(self.ctx.doc, objs[:1])
            subjects = [] if objs[0].dep_ == "pcomp" else self._own_actors(sent, objs[0])
            if objs[0].dep_ == "pobj" and not subjects:
                # "allegations of arms deliveries by Borduria": the doer named by "by"
                agents = [p for c in objs[0].children if c.dep_ == "prep" and c.lower_ == "by"
                          for p in c.children]
                subjects = self._all(sent, agents)
        if against:
            subjects = self._all(sent, against)
        return self.lex["nouns"][lemma], subjects, content

    def _noun_claimants(self, sent: Span, noun: Token) -> list[str]:
        """Who makes the claim a noun names: its possessor or modifier ("Syldavia's charge", "the
        Syldavian claim"), "by X", or the subject of a verb of making it ("X repeated its
        accusation", "X levelled accusations ...")."""
        heads = [c for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod")
                 and c.pos_ != "PRON"]
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ == "by":
                heads += [p for p in c.children]
        found = self._all(sent, heads)
        if found:
            return found
        if _appositive_target(noun) is not None:  # the charge is the sentence's speaker's
            return self._all(sent, [c for c in sent.root.children if c.dep_ == "nsubj"])
        verb = noun.head
        pronoun_owner = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children)
        if noun.dep_ == "dobj" and (verb.lemma_.lower() in self.lex["making_verbs"] or pronoun_owner):
            return self._all(sent, [c for c in verb.children if c.dep_ == "nsubj"])
        return []

    def _add(self, sent: Span, sent_no: int, anchor: Token, claimants: list[str], kind: str,
             subjects: list[str], content: str, weak: bool = False) -> None:
        claimants = [c for c in claimants if c not in subjects] or claimants
        subjects = [s for s in subjects if s not in claimants]
        if not claimants or not subjects:
            return
        topic = topic_of(self._topic_text) if self._topic_text else topic_of(content, self._core)
        if topic == "other" and TREATY_CONDUCT.search(content):
            topic = self._treaty_topic(claimants[0], subjects[0])
        date = clause_dates(self.ctx, anchor) if anchor.pos_ == "VERB" else None
        found = _Found(claimants, subjects, kind, topic, content, date, sent_no, self.ctx.evidence(sent))
        for cl in claimants:
            for sb in subjects:
                key = (cl, sb, topic)
                claim = self.by_key.get(key)
                if claim is None:
                    claim = Claim(claimant=cl, kind=kind, subject=sb, topic=topic, content=content,
                                  evidence=found.evidence, date=date)
                    self.by_key[key] = claim
                found.claims.append(claim)
                if not weak or ACCUSATORY.search(self.ctx.doc.text[found.evidence.start:found.evidence.end]):
                    self.supported.add(id(claim))
        self.groups.append(found)

    def _according_to(self, sent: Span, sent_no: int) -> None:
        """"According to US officials, Iran has delivered missiles to Russia": the sources make
        the claim its clause states, held like a plain report (it stands when it blames or is
        answered)."""
        for tok in sent:
            if tok.lower_ != "according" or tok.i + 1 >= sent.end or tok.nbor(1).lower_ != "to":
                continue
            prep = tok if tok.dep_ == "prep" else tok.head
            sources = [p for t in (tok, tok.nbor(1)) for p in t.children if p.dep_ == "pobj"]
            claimants = self._all(sent, sources)
            verb = prep.head if prep.head.pos_ in ("VERB", "AUX") else sent.root
            skip = {t.i for t in prep.subtree} | {tok.i, tok.nbor(1).i}
            words = [t for t in verb.subtree if t.i not in skip and not t.is_punct]
            content = " ".join(t.text for t in words)
            if not claimants or not words or (topic_of(content) == "other" and not ACCUSATORY.search(content)):
                continue
            self._core = self._topic_text = None
            subjects = self._all(sent, [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
                                        and c.i not in skip])
            self._add(sent, sent_no, verb, claimants, "allege", subjects, content, weak=True)

    def _treaty_topic(self, claimant: str, subject: str) -> str:
        """A charge about "the treaty" or its inspections ("accused X of violating the
        agreement") when the text codes one agreement, between the two: nuclear when the
        text's sentences about agreements describe it in nuclear terms ("the last nuclear arms
        control pact between ..."), else "other"."""
        from .agreements import agreement_drafts

        drafts = [d for d in agreement_drafts(self.ctx) if len(set(d.parties)) >= 2]
        if len(drafts) != 1 or not {claimant, subject} <= set(drafts[0].parties):
            return "other"
        for sent in self.ctx.doc.sents:
            if any(is_agreement_noun(t) for t in sent) and topic_of(sent.text) == "nuclear":
                return "nuclear"
        return "other"

    def code(self) -> list[Claim]:
        lex = self.lex
        for sent_no, sent in enumerate(self.ctx.doc.sents):
            same: list[_Found] = []
            before = len(self.groups)
            for tok in sent:
                lemma = tok.lemma_.lower()
                self._core = self._topic_text = None
                if tok.pos_ == "VERB" and (lemma in lex["object_verbs"] or lemma in lex["clause_verbs"]
                                           or lemma in lex["weak_verbs"] or lemma in lex["conduct_verbs"]):
                    got = self._claim_from_verb(sent, tok)
                    if got:
                        self._add(sent, sent_no, tok, self._claimants(sent, tok), got[0], got[1], got[2],
                                  weak=lemma in lex["weak_verbs"] and not _in_report(tok))
                elif tok.pos_ == "NOUN" and lemma in lex["nouns"]:
                    if len(self.groups) > before and _appositive_target(tok) is not None:
                        continue  # "X accused Y of ..., an allegation Y denies": the same claim
                    got = self._claim_from_noun(sent, tok)
                    if got:
                        self._add(sent, sent_no, tok, self._noun_claimants(sent, tok),
                                  got[0], got[1], got[2])
            self._according_to(sent, sent_no)
            same = self.groups[before:]
            for tok in sent:
                stance = self._stance(tok)
                if stance is None:
                    continue
                actors = self._responders(sent, tok)
                if not actors:
                    continue
                for claim in self._targets(sent, sent_no, tok, same, actors, stance):
                    for actor in actors:
                        if actor == claim.claimant:
                            continue
                        if any(r.actor == actor and r.stance == stance for r in claim.responses):
                            continue
                        claim.responses.append(Response(actor, stance, self.ctx.evidence(sent)))
        # A report made with a plain verb of saying is a claim only when the text treats it as
        # one: it blames ("provocative", "irresponsible", "violating") or someone answers it.
        for key, claim in list(self.by_key.items()):
            if id(claim) not in self.supported and not claim.responses:
                del self.by_key[key]
        return self._fold_unspecific()

    def _fold_unspecific(self) -> list[Claim]:
        """A claim of topic "other" between a claimant and a subject that also have a claim of a
        specific topic is taken as the same dispute worded vaguely ("accused France of
        undermining stability" beside its arms-sale charge): its responses join the specific one."""
        claims = list(self.by_key.values())
        out = []
        for c in claims:
            if c.topic == "other":
                specific = [d for d in claims if d is not c and d.topic != "other"
                            and (d.claimant, d.subject) == (c.claimant, c.subject)]
                if specific:
                    for r in c.responses:
                        if not any((x.actor, x.stance) == (r.actor, r.stance) for x in specific[0].responses):
                            specific[0].responses.append(r)
                    continue
            out.append(c)
        return out


def _text(doc, head: Token) -> str:
    """The words of ``head``'s phrase, on one line, without a leading "that"."""
    text = " ".join(doc[head.left_edge.i:head.right_edge.i + 1].text.split())
    return text[5:] if text.lower().startswith("that ") else text


def _told_as_done(comp: Token) -> bool:
    """A clause telling what happened (a past-tense verb, not negated, no modal): "its aircraft
    had photographed ...", not a warning ("the US will not tolerate ...") nor a state ("it was
    ready to help ...")."""
    past = comp.tag_ in ("VBD", "VBN") or (comp.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.tag_ in ("VBD", "VBN") for c in comp.children))  # "had been returning"
    return comp.pos_ == "VERB" and past and not is_negated(comp) and not any(c.dep_ == "aux" and c.tag_ == "MD" for c in comp.children)


def _in_report(verb: Token) -> bool:
    """"X said in a report that ...": a finding published as a report is a claim in itself, not a
    plain remark that needs blaming words or an answer to count."""
    return any(c.dep_ == "prep" and c.lower_ == "in" and any(
        p.lemma_.lower() in ("report", "assessment", "dossier", "findings") for p in c.children)
        for c in verb.children)


def _agent_of(verb: Token) -> list[Token]:
    """The "by" phrase objects of a passive verb ("accused by Kyiv")."""
    if not any(c.dep_ == "nsubjpass" for c in verb.children):
        return []
    return [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]


def _own_ids(head: Token) -> set[int]:
    """Token ids of the actors a phrase itself names: its head, possessor and modifiers, and
    the same of each coordinated head ("Washington's hostility and its escalation in Ukraine"
    names Washington, not Ukraine)."""
    ids = {head.i}
    for c in head.children:
        if c.dep_ in ("poss", "compound", "amod", "nmod", "det", "appos"):
            ids |= subtree_ids(c)
        if c.dep_ == "conj":
            ids |= _own_ids(c) if c.pos_ in ("NOUN", "PROPN") and head.pos_ == "NOUN" else {t.i for t in c.subtree}
        if c.dep_ == "prep" and c.lower_ in ("of", "for") and head.lemma_.lower() in INSTITUTIONAL:
            ids |= subtree_ids(c)  # "a spokesman for the Foreign Ministry of X"
    return ids


def _appositive_target(noun: Token) -> Token | None:
    """The noun phrase an appended "..., a charge (denied by X)" / "..., an allegation ..."
    renames: the last noun before the comma, taken up to its phrase head."""
    doc = noun.doc
    if noun.dep_ not in ("appos", "npadvmod", "conj", "attr", "dep") or not any(
            c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children):
        return None
    comma = noun.left_edge.i - 1
    if comma < 1 or doc[comma].text != ",":
        return None
    x, last_noun = doc[comma - 1], None
    for _ in range(8):
        if x.pos_ in ("NOUN", "PROPN"):
            last_noun = x
        if x.lower_ == "by" and x.head.pos_ == "VERB" and x.i > 0:
            # "obstruction of inspections by Russia", the parser hanging "by" on the verb
            x, last_noun = doc[x.i - 1], None
            continue
        if x.head.i == x.i or x.head.i > comma or x.head.pos_ not in ("NOUN", "PROPN", "ADP"):
            break
        x = x.head
    return last_noun


def _core(doc, heads: list[Token]) -> str:
    """The words of the phrases headed by ``heads`` without their embedded clauses (relative
    clauses, adverbial clauses): what the claim is chiefly about."""
    ids: set[int] = set()
    for h in heads:
        ids |= subtree_ids(h)
    return " ".join(doc[i].text for i in sorted(ids))


def code_claims(ctx) -> list[Claim]:
    """One claim per (claimant, subject, topic), with the responses reported for it."""
    return ClaimCoder(ctx).code()
