"""Agreements between states, their parties, dates and provisions (present / absent).

Sentence by sentence: agreement mentions are found (agreement_mentions), each is placed on a
draft agreement — a new one, or one already seen with the same or an overlapping party set
and a compatible signing date, or, for "the pact" / "it", the agreement in discourse focus —
and then the sentence's provision cues are linked to those drafts (agreement_provisions).
A provision said of another agreement in the same sentence ("a clause of the kind included
in a treaty between A and B") goes to that agreement's own draft.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Agreement, Evidence, Provision
from .agreement_mentions import Mention, find_mentions
from .agreement_provisions import sentence_links
from .agreement_validity import term_years

# How many sentences after its last reference "it" / "no mention of" may still mean a pact.
FOCUS_SPAN = 2


@dataclass
class Draft:
    parties: list[str]
    kind: str
    name: str
    proper: bool
    evidence: Evidence
    signed: str | None = None
    duration: int | None = None
    provisions: dict[str, Provision] = field(default_factory=dict)
    via_focus: list[tuple[str, Evidence]] = field(default_factory=list)  # (key, evidence) placed by focus

    def to_agreement(self) -> Agreement:
        return Agreement(name=self.name, kind=self.kind, parties=sorted(set(self.parties)),
                         evidence=self.evidence, signed=self.signed, duration_years=self.duration,
                         provisions=list(self.provisions.values()))


def _dates_compatible(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    return a.startswith(b) or b.startswith(a)


class AgreementCoder:
    def __init__(self, ctx):
        self.ctx = ctx
        self.drafts: list[Draft] = []
        self.focus: Draft | None = None
        self.focus_sent = -99
        self.aliases: dict[str, Draft] = {}

    def _place(self, m: Mention, sent, sent_no: int) -> Draft | None:
        parties = set(m.parties)
        if m.token.text in self.aliases and len(parties) < 2:
            return self.aliases[m.token.text]
        if len(parties) >= 2:
            same = [d for d in self.drafts if set(d.parties) == parties]
            overlap = [d for d in self.drafts if d not in same
                       and (parties < set(d.parties) or set(d.parties) < parties)]
            for d in reversed(same + overlap):  # exact party set first, the latest first
                if m.indefinite and m.date and d.signed != m.date and not (d.signed or "").startswith(m.date):
                    continue  # "a new agreement signed in 2000" is not the 2024 treaty
                if m.distinct and m.kind != d.kind:
                    continue  # "a separate memorandum" beside the trade agreement: a second document
                if not _dates_compatible(d.signed, m.date):
                    continue
                if m.proper and m.date and d.signed is None and not d.proper:
                    continue  # "The 2014 Enhanced Defense Cooperation Agreement" is not "a new deal"
                for p in m.parties:
                    if p not in d.parties:
                        d.parties.append(p)
                self._update(d, m)
                return d
            draft = Draft(parties=list(m.parties), kind=m.kind, name=m.name, proper=m.proper,
                          evidence=self.ctx.evidence(sent), signed=m.date, duration=m.duration)
            self.drafts.append(draft)
            return draft
        if (m.definite or m.proper) and self.focus is not None and sent_no - self.focus_sent <= 6:
            if parties <= set(self.focus.parties):
                self._update(self.focus, m)
                return self.focus
        return None

    def _update(self, d: Draft, m: Mention) -> None:
        if d.signed is None and m.date:
            d.signed = m.date
        if d.duration is None and m.duration:
            d.duration = m.duration
        if m.proper and not d.proper:
            d.name, d.proper = m.name, True
        if d.kind == "other" and m.kind != "other":
            d.kind = m.kind

    def _read_term(self, sent, mentions: list[Mention], refs: dict[int, Draft]) -> None:
        """"The agreement is valid for ten years", "which runs until 2035": the term goes to the
        referenced agreement nearest before it (or the first one after it)."""
        drafts = list(refs.values())
        signed = next((d.signed for d in drafts if d.signed), None) or self.ctx.article_date()
        base = int(signed[:4]) if signed and signed[:4].isdigit() else None
        found = term_years(sent.text, base)
        if found is None:
            return
        years, offset = found
        at = sent.start_char + offset
        placed = [(m.token.idx, refs[m.token.i]) for m in mentions if m.token.i in refs]
        before = [p for p in placed if p[0] <= at + 40]
        draft = (before[-1] if before else placed[0])[1]
        if draft.duration is None:
            draft.duration = years

    def code(self) -> list[Agreement]:
        for sent_no, sent in enumerate(self.ctx.doc.sents):
            refs: dict[int, Draft] = {}
            mentions = find_mentions(self.ctx, sent, self.aliases)
            for m in mentions:
                draft = self._place(m, sent, sent_no)
                if draft is None:
                    continue
                refs[m.token.i] = draft
                for key, value in m.known:  # what a known agreement's name states
                    draft.provisions.setdefault(key, Provision(key, value, self.ctx.evidence(sent)))
                for alias in m.aliases:
                    self.aliases.setdefault(alias, draft)
            if refs:
                self._read_term(sent, mentions, refs)
            focus_ok = self.focus is not None and sent_no - self.focus_sent <= FOCUS_SPAN
            focus_before = self.focus
            for link, _span in sentence_links(sent, set(refs), focus_ok):
                draft = refs.get(link.target) if link.target is not None else focus_before
                if draft is None:
                    continue
                if link.key not in draft.provisions:
                    ev = self.ctx.evidence(sent)
                    draft.provisions[link.key] = Provision(link.key, link.value, ev)
                    if link.via_focus:
                        draft.via_focus.append((link.key, ev))
            main = [m for m in mentions if m.token.i in refs and not m.embedded]
            if main:
                self.focus, self.focus_sent = refs[main[0].token.i], sent_no
            elif refs and self.focus is None:
                first = mentions[[m.token.i for m in mentions].index(next(iter(refs)))]
                self.focus, self.focus_sent = refs[first.token.i], sent_no
            elif self.focus is not None and any(d is self.focus for d in refs.values()):
                self.focus_sent = sent_no
        return [d.to_agreement() for d in self.drafts if len(set(d.parties)) >= 2]


def code_agreements(ctx) -> list[Agreement]:
    """SPEC agreement records of one document, in order of first mention."""
    coder = AgreementCoder(ctx)
    out = coder.code()
    # The flag coder reads which provisions rest on discourse focus; keep the drafts on the
    # context so it need not code the document twice.
    ctx.agreement_drafts = coder.drafts
    return out


def agreement_drafts(ctx) -> list[Draft]:
    """The drafts of ``ctx`` (coded now if code_agreements has not run on it)."""
    drafts = getattr(ctx, "agreement_drafts", None)
    if drafts is None:
        code_agreements(ctx)
        drafts = ctx.agreement_drafts
    return drafts
