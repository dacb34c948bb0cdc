"""Responses to claims: who denied, confirmed or partly admitted what, and which claim it answers.

Mixed into :class:`~multipolar.coding.claims.ClaimCoder`, which holds the claims found so far
(``self.groups``), the lexicon (``self.lex``) and the actor helpers (``self._all``,
``self._subjects``). The rules are in docs/coding.md, "Claims".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from .agreement_syntax import actor_codes, is_negated, mentions_in
from .claim_lexicon import topic_of

if TYPE_CHECKING:
    from ..model import Claim
    from .claims import _Found

RECENT_SENTENCES = 12
OPEN_CLAIM_SENTENCES = 5  # how far back the one open claim may lie


class ResponseReader:
    def _paragraph(self, offset: int) -> int:
        return self.ctx.doc.text.count("\n\n", 0, offset)

    def _stance(self, tok: Token) -> str | None:
        lemma = tok.lemma_.lower()
        resp = self.lex["responses"]
        reply = _misparsed_reply(tok, self.lex)
        if reply is not None:
            return reply
        if tok.pos_ != "VERB":
            return None
        if lemma == "confirm" and (any(c.lower_ == "neither" for c in tok.children) or any(
                c.dep_ == "conj" and c.lemma_.lower() == "deny" for c in tok.children)):
            return "neither_confirm_nor_deny"
        if lemma in self.lex["confirming_verbs"] and (is_negated(tok) or (
                tok.dep_ == "xcomp" and tok.head.lemma_.lower() in self.lex["not_doing_heads"])):
            return "not_confirmed"  # "could not verify", "declined to confirm", "unable to corroborate"
        if lemma in ("confirm", "admit", "acknowledge", "concede") and _but_clause(tok):
            # "confirmed that munitions had been delivered, but said none were stored there"
            return "acknowledge_partly"
        if lemma == "confirm":
            return "confirm"
        if (lemma in self.lex["confirm_saying_verbs"] and not is_negated(tok) and self._names_claim(tok)
                and any(t.lower_ in self.lex["confirm_adjectives"] and not is_negated(t.head) and
                        not any(c.dep_ == "neg" for c in t.children) for t in tok.subtree)):
            return "confirm"  # "found the allegations credible"
        if lemma == "deny" and tok.dep_ == "conj" and tok.head.lemma_.lower() == "confirm":
            return None  # counted with "neither confirmed nor denied"
        if lemma in ("refuse", "decline") and any(c.lemma_.lower() == "confirm" for c in tok.children):
            return None  # the xcomp "confirm" carries it
        if lemma == "call" and any(t.lower_ in self.lex["denial_adjectives"] for t in tok.subtree):
            return "deny"
        if (lemma in self.lex.get("denial_saying_verbs", ()) and not is_negated(tok)
                and any(t.lower_ in self.lex["denial_adjectives"] for t in tok.subtree)
                and self._names_claim(tok)):
            return "deny"  # "said the claims were fabricated", "described the report as false"
        if lemma == "verify" and is_negated(tok):
            return "not_confirmed"  # "could not independently verify the claim"
        for stance, verbs in resp.items():
            if lemma in verbs and not is_negated(tok):
                if stance == "confirm" and not self._names_claim(tok):
                    return None  # "backs Kyiv" is support, not a response to a claim
                return stance
        return None

    def _names_claim(self, tok: Token) -> bool:
        return any(t.lemma_.lower() in self.lex["nouns"] or _is_claim_noun(t, self.lex)
                   for t in tok.subtree if t.i != tok.i)

    def _responders(self, sent: Span, tok: Token) -> list[str]:
        if _misparsed_reply(tok, self.lex) is not None:  # "a charge Vilnius rejects"
            return self._all(sent, [c for c in tok.children if c.dep_ == "compound" and not _is_claim_noun(c, self.lex)])
        agents = [p for c in tok.children if c.dep_ == "agent" for p in c.children]
        if agents:
            return self._all(sent, agents)
        heads = self._subjects(tok)
        if not heads and tok.dep_ == "advcl":  # "..., denying the US accusation"
            heads = [c for c in tok.head.children if c.dep_ == "nsubj"]
        if not heads and tok.dep_ == "xcomp":
            heads = [c for c in tok.head.children if c.dep_ == "nsubj"]
            if not heads and tok.head.dep_ == "acomp":  # "they were unable to corroborate ..."
                heads = [c for c in tok.head.head.children if c.dep_ == "nsubj"]
        found = self._all(sent, heads)
        up = tok
        while not found and up.dep_ in ("conj", "ccomp") and up.head.i != up.i:
            # "Iran has asserted that its programme is peaceful and denies ...": the parse hangs
            # "denies" on the inner clause; the denier is the subject further up.
            up = up.head
            found = self._all(sent, [c for c in up.children if c.dep_ == "nsubj" and c.pos_ != "PRON"])
        return found

    def _targets(self, sent: Span, sent_no: int, tok: Token, same: list[_Found],
                 actors: list[str], stance: str) -> list[Claim]:
        # "admitted X, but said Y attacked first": the responder's own claim in the sentence is
        # not what it answers; an earlier claim may be.
        same = [g for g in same if not set(actors) <= set(g.claimants)]
        if same:
            return [c for g in same for c in g.claims]
        # A party does not answer its own claim; the accused's denial answers a claim about it.
        recent = [g for g in self.groups if sent_no - g.sent_no <= RECENT_SENTENCES
                  and not set(actors) & set(g.claimants)]
        if stance in ("deny", "acknowledge_partly"):
            recent = [g for g in recent if set(actors) & set(g.subjects)] or recent
        if not recent:
            return []
        obj_ids: set[int] = set()
        object_deps = ("dobj", "ccomp", "xcomp", "attr", "nsubjpass", "prep")
        verbs = [tok]
        if not any(c.dep_ in object_deps for c in tok.children):  # "neither confirmed nor denied X"
            verbs += [c for c in tok.children if c.dep_ == "conj"]
        for v in verbs:
            for c in v.children:
                if c.dep_ in object_deps:
                    obj_ids |= {t.i for t in c.subtree}
        if tok.dep_ == "relcl":
            obj_ids |= {tok.head.i}
        obj_text = " ".join(self.ctx.doc[i].text for i in sorted(obj_ids))
        obj_topic = topic_of(obj_text)
        obj_actors = {c for m in mentions_in(self.ctx, sent, obj_ids) for c in actor_codes(m)}
        plural = any(self.ctx.doc[i].lemma_.lower() in self.lex["nouns"] and self.ctx.doc[i].tag_ == "NNS"
                     for i in obj_ids)
        claim_nouns = [self.ctx.doc[i] for i in obj_ids if _is_claim_noun(self.ctx.doc[i], self.lex)]
        # "the allegations", "the reported deployment", "the Tajik account"
        anaphoric = bool(claim_nouns) or any(self.ctx.doc[i].lemma_.lower() in self.lex["nouns"] for i in obj_ids)
        # "the Japanese report", "the Lithuanian findings": the noun's own actors are its authors
        authors = {c for n in claim_nouns for m in mentions_in(self.ctx, sent, {
            t.i for t in n.children if t.dep_ in ("poss", "amod", "compound", "nmod")})
            for c in actor_codes(m)}
        # "Tehran denied it", "Hezbollah denied involvement": the accused answering the claim
        # just made about it.
        direct = [c for c in tok.children if c.dep_ == "dobj"]
        if stance in ("deny", "acknowledge_partly") and len(direct) == 1 and len(obj_ids) <= 2 and (
                direct[0].lower_ in ("it", "this", "that", "them")
                or direct[0].lemma_.lower() in ("involvement", "responsibility", "role", "link", "part")):
            recent = [g for g in recent if set(actors) & set(g.subjects) and sent_no - g.sent_no <= 1]
            return [c for c in recent[-1].claims] if recent else []
        matching = []
        for g in recent:
            if authors and set(g.claimants) & authors and obj_topic in ("other", g.topic):
                matching.append(g)  # the claim its authors made
                continue
            if authors and not obj_actors - authors:
                continue  # a claim by other authors
            if obj_topic != "other" and g.topic != obj_topic:
                continue
            if obj_topic == "other" and obj_actors and not obj_actors & set(g.subjects):
                continue
            if obj_topic == "other" and not anaphoric and self._paragraph(g.evidence.start) != self._paragraph(sent.start_char):
                continue  # matched by a named actor alone: only within the claim's paragraph
            if obj_topic == "other" and not obj_actors and not anaphoric:
                continue
            matching.append(g)
        if not matching:
            if stance == "confirm":
                return []  # "X confirmed that talks will be held" confirms no charge by itself
            return self._only_open_claim(sent, sent_no, tok, recent, obj_topic)
        if plural:
            return [c for g in matching for c in g.claims]
        if obj_topic != "other" and not authors:
            # "Washington did not confirm the deployment": an answer about the conduct answers
            # every claim of it, whoever made it (several states reporting the same deployment).
            last = matching[-1]
            return [c for g in matching if g.topic == last.topic and set(g.subjects) & set(last.subjects)
                    for c in g.claims]
        return list(matching[-1].claims)

    def _only_open_claim(self, sent: Span, sent_no: int, tok: Token, recent: list[_Found],
                         obj_topic: str) -> list[Claim]:
        """"Chad acknowledged that cargo aircraft had used the airstrip, but insisted ...": an
        answer whose object is a clause naming no claim, topic or accused answers the one claim
        the story has just made, when exactly one (claimant, subject) pair was claimed in the
        last few sentences and nothing in the clause points elsewhere."""
        if obj_topic != "other" or not any(c.dep_ == "ccomp" for c in tok.children):
            return []
        near = [g for g in recent if sent_no - g.sent_no <= OPEN_CLAIM_SENTENCES]
        if not near or len({(tuple(g.claimants), tuple(g.subjects)) for g in near}) != 1:
            return []
        if any(g.sent_no < near[0].sent_no and sent_no - g.sent_no <= RECENT_SENTENCES
               for g in self.groups if g not in near):
            return []  # an older claim is still under discussion
        return list(near[-1].claims)



def _is_claim_noun(tok: Token, lex: dict) -> bool:
    """A noun naming a claim ("the allegations") or what an answer is about ("the Tajik account")."""
    return tok.pos_ in ("NOUN", "PROPN") and (tok.lemma_.lower() in lex["nouns"]
                                              or tok.lower_ in lex["answered_nouns"])


def _but_clause(verb: Token) -> bool:
    """"admitted X, but said Y", "confirmed X but insisted Y": a coordinated verb after "but"."""
    return any(c.dep_ == "conj" and c.pos_ == "VERB" and any(
        g.dep_ == "cc" and g.lower_ == "but" and g.i < c.i for g in verb.children) for c in verb.children)


def _misparsed_reply(tok: Token, lex: dict) -> str | None:
    """"..., a charge Vilnius rejects": the tagger reads the short relative clause as a noun
    compound ("charge Vilnius rejects" with "rejects" a plural noun). A present-tense response
    verb so read, with a claim noun among its compounds, is the reply of the other compound."""
    if tok.pos_ != "NOUN" or tok.tag_ != "NNS" or not tok.lower_.endswith("s"):
        return None
    stance = next((st for st, verbs in lex["responses"].items() if st != "confirm"
                   and tok.lemma_.lower() in verbs), None)
    compounds = [c for c in tok.children if c.dep_ == "compound"]
    if stance is None or not any(_is_claim_noun(t, lex) for t in tok.subtree if t.i < tok.i) or not any(
            c.pos_ == "PROPN" for c in compounds):
        return None
    return stance
