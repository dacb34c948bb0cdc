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


class ResponseReader:
    def _paragraph(self, offset: int) -> int:
        return self.ctx.doc.text.count("\n\n", 0, offset)

    def _stance(self, tok: Token) -> str | None:
        lemma = tok.lemma_.lower()
        resp = self.lex["responses"]
        if tok.pos_ != "VERB":
            return None
        if lemma == "confirm":
            if any(c.lower_ == "neither" for c in tok.children) or any(
                    c.dep_ == "conj" and c.lemma_.lower() == "deny" for c in tok.children):
                return "neither_confirm_nor_deny"
            if is_negated(tok):
                return "not_confirmed"
            if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ("refuse", "decline", "fail"):
                return "not_confirmed"
            return "confirm"
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
        return any(t.lemma_.lower() in self.lex["nouns"] for t in tok.subtree if t.i != tok.i)

    def _responders(self, sent: Span, tok: Token) -> list[str]:
        agents = [p for c in tok.children if c.dep_ == "agent" for p in c.children]
        if agents:
            return self._all(sent, agents)
        heads = self._subjects(tok)
        if not heads and tok.dep_ == "advcl":  # "..., denying the US accusation"
            heads = [c for c in tok.head.children if c.dep_ == "nsubj"]
        if not heads and tok.dep_ == "xcomp":
            heads = [c for c in tok.head.children if c.dep_ == "nsubj"]
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
        anaphoric = any(self.ctx.doc[i].lemma_.lower() in self.lex["nouns"] for i in obj_ids)
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
            return []
        if plural:
            return [c for g in matching for c in g.claims]
        return list(matching[-1].claims)

