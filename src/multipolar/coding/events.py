"""Who did what to whom: CAMEO/PLOVER events from a parsed, actor-resolved document.

One pass over the sentences. For each verb, event noun or "X-backed" modifier found in the
lexicon, the coder finds the source and target actors in the dependency parse (through
conjunctions, passives, prepositional objects, relative and complement clauses), then the
event's negation, status and date. Actors come only from ``ctx.actors``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..model import Event, Evidence
from . import CodingContext
from .cameo import plover_of, root_of
from .syntax import (
    agent_of,
    children,
    conjuncts,
    dative_of,
    direct_objects,
    governors,
    is_passive,
    modal_status,
    negated,
    prep_objects,
    sentence_is_discarded,
    subjects,
)
from .verbs import Lexicon, NounRule, VerbRule, default_lexicon

ACTOR_MODIFIER_DEPS = ("poss", "compound", "amod", "nmod", "npadvmod")
BOUND_PRONOUNS = {"it", "they", "its", "their"}
LOCATION_HEADS = {"border", "frontier", "territory", "soil", "coast", "water", "airspace", "capital",
                  "region", "city", "town", "port", "base", "embassy", "island", "province", "side"}
GENERIC_HEADS = {"leader", "leaders", "official", "officials", "counterpart", "counterparts", "delegation",
                 "delegations", "representatives", "envoy", "envoys", "minister", "ministers",
                 "group", "groups", "country", "countries", "nation", "nations", "state", "states",
                 "ally", "allies", "force", "forces", "militia", "militias", "partner", "partners"}
# Planned cooperation becomes intent to cooperate (PLOVER: future-tense SUPPORT/COOPERATE/AID is AGREE).
INTENT_OF = {"05": "032", "06": "031", "07": "033", "08": "035", "071": "0331", "072": "0332",
             "073": "0333", "074": "0334", "061": "0311", "062": "0312", "063": "0313", "064": "0314"}
ACCUSE_ROOTS = ("11",)
UNKNOWN = "---"
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
DEEPER_PREPS = ("in", "of", "on", "for")  # "participation IN the pact with X", "in favour OF X's bid"
PLACE_ROOTS = ("15", "18", "19", "20")
QUANTITY_HEADS = {"thousand", "hundred", "dozen", "dozens", "number", "batch", "shipment", "consignment",
                  "contingent", "unit", "fleet", "squadron", "package", "set", "pair", "range", "array"}
COMPLEMENT_DEPS = ("ccomp", "xcomp", "pcomp", "pobj", "prep", "conj", "dobj", "acl")


@dataclass
class _Found:
    sources: list[str]
    targets: list[str]
    code: str
    reciprocal: bool
    reverse: str | None
    anchor: Token


class _Coder:
    def __init__(self, ctx: CodingContext, lex: Lexicon) -> None:
        self.ctx = ctx
        self.lex = lex
        self.accusations: list[tuple[str, str]] = []  # (accuser, accused) in text order
        self.seen: set[tuple] = set()
        self.events: list[Event] = []

    # ----- actors -------------------------------------------------------------------------
    def actors_at(self, tok: Token, depth: int = 0) -> list[str]:
        """Actor codes named by the phrase headed by ``tok`` (not looking into its PPs)."""
        m = self.ctx.actors.covering(tok.idx, tok.idx + len(tok))
        if m is not None and not all(c.startswith(UNKNOWN) for c in m.codes):
            return [c for c in m.codes if not c.startswith(UNKNOWN)]
        # "US Secretary of State Antony Blinken": a role without a country takes the country named
        # beside it; unknown-country codes never make an event on their own.
        out: list[str] = []
        if tok.pos_ == "PROPN" or tok.lemma_.lower() in self.lex.actor_heads or tok.lower_ in self.lex.actor_heads:
            # Actors named in the noun phrase's left part: "North Korean troops", "Russia's forces".
            for c in tok.doc[tok.left_edge.i:tok.i]:
                if c.dep_ in ("relcl", "acl", "appos", "punct") or c.pos_ in ("VERB", "AUX"):
                    continue
                m = self.ctx.actors.covering(c.idx, c.idx + len(c))
                if m is not None:
                    out.extend(x for x in m.codes if x not in out and not x.startswith(UNKNOWN))
        if not out and tok.lower_ in BOUND_PRONOUNS and depth < 2:
            out = self.pronoun_antecedent(tok)
        if not out and depth < 2:
            for c in tok.children:  # "MV Torm Thor, a US-flagged tanker"
                if c.dep_ == "appos":
                    out.extend(x for x in self.actors_at(c, depth + 1) if x not in out)
        if not out and (tok.lower_ in GENERIC_HEADS or tok.lemma_.lower() in LOCATION_HEADS) and depth < 2:
            # "leaders of Japan and the US", "its border with Belarus", "ports in South Yemen"
            for o in prep_objects(tok, ("of", "with", "in")):
                out.extend(x for x in self.phrase_actors([o]) if x not in out)
        if not out and tok.lower_ in GENERIC_HEADS and depth < 2:
            # "groups such as Hezbollah and Hamas"
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "as" or (c.dep_ == "amod" and c.lower_ == "such"):
                    for o in c.subtree:
                        if o.dep_ == "pobj":
                            for t in conjuncts(o):
                                out.extend(x for x in self.actors_at(t, depth + 1) if x not in out)
                            break
        return out

    def pronoun_antecedent(self, pron: Token) -> list[str]:
        """"Hungary said it had signed": a subject pronoun of a reported clause is the reporter.
        "Russia in its war": a possessive "its"/"their" is the nearest actor before it in the clause."""
        if pron.dep_ in ("nsubj", "nsubjpass"):
            clause = pron.head
            while clause.dep_ == "conj" and clause.head is not clause:
                clause = clause.head
            if clause.dep_ == "ccomp" and clause.head.pos_ in ("VERB", "AUX"):
                reporter = self.phrase_actors(subjects(clause.head))
                if len(reporter) == 1 or (pron.lower_ == "they" and reporter):
                    return reporter
            return []
        if pron.dep_ == "poss" and pron.lower_ in ("its", "their"):
            for t in reversed(pron.doc[pron.sent.start:pron.i]):
                if t.pos_ in ("PROPN", "NOUN") and t.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass", "conj"):
                    m = self.ctx.actors.covering(t.idx, t.idx + len(t))
                    if m is not None:
                        return [c for c in m.codes if not c.startswith(UNKNOWN)]
        return []

    def phrase_actors(self, heads: list[Token]) -> list[str]:
        out: list[str] = []
        for h in heads:
            for t in conjuncts(h):
                for code in self.actors_at(t):
                    if code not in out:
                        out.append(code)
        return out

    # ----- roles --------------------------------------------------------------------------
    def targets_for(self, verb: Token, slots: tuple[str, ...], objects: list[Token],
                    sources: list[str]) -> list[str]:
        for slot in slots:
            found: list[str] = []
            if slot == "dobj":
                found = self.phrase_actors(objects)
            elif slot == "dative":
                found = self.phrase_actors(dative_of(verb))
            elif slot == "agent":
                found = self.phrase_actors(agent_of(verb))
            elif slot.startswith("prep:"):
                prep = slot[5:]
                found = self.phrase_actors(prep_objects(verb, (prep,)))
                if not found:
                    for o in objects + [d for x in objects for d in prep_objects(x, DEEPER_PREPS)]:
                        found = self.phrase_actors(prep_objects(o, (prep,)))
                        if found:
                            break
            elif slot in ("poss", "objmod"):
                for o in objects + [d for x in objects for d in prep_objects(x, DEEPER_PREPS)]:
                    for c in o.children:
                        if c.dep_ in ACTOR_MODIFIER_DEPS and (slot == "objmod" or c.dep_ == "poss"):
                            found.extend(x for x in self.phrase_actors([c]) if x not in found)
            elif slot == "accuser":
                found = self.latest_accusers(sources)
            found = [f for f in found if f not in sources] if slot != "accuser" else found
            if found:
                return found
        return []

    def purpose_targets(self, verb: Token, sources: list[str]) -> list[str]:
        """"sent troops to fight in Russia's war" / "to help Russia": the beneficiary named in a
        purpose clause, when the verb itself names no recipient."""
        for c in verb.children:
            if c.dep_ in ("xcomp", "advcl") and any(a.lower_ == "to" for a in children(c, "aux")):
                heads = children(c, "dobj") + prep_objects(c, ("in", "for", "alongside", "with"))
                for h in heads:
                    found = self.actors_at(h) or [x for p in children(h, "poss") for x in self.actors_at(p)]
                    found = [f for f in found if f not in sources]
                    if found:
                        return found
        return []

    def place_targets(self, verb: Token, sources: list[str]) -> list[str]:
        """"in Ukraine, where Russia is waging a campaign": the place a relative clause is about."""
        if verb.dep_ == "relcl" and any(c.lower_ == "where" for c in verb.children):
            return [f for f in self.actors_at(verb.head) if f not in sources]
        return []

    def verb_objects(self, verb: Token, rule: VerbRule) -> list[Token] | None:
        """The object phrase heads that satisfy the rule, [] if it needs none; None if no match."""
        objs = direct_objects(verb)
        cand = list(objs)
        if rule.object_preps:
            cand += prep_objects(verb, rule.object_preps)
            for p in children(verb, "prt"):
                if p.lower_ in rule.object_preps:
                    cand += prep_objects(verb, ("from", "of"))
        if rule.objects is None:
            return objs
        # "thousands of troops", "a batch of missiles": the quantity's of-object is the real object.
        cand += [p for o in list(cand) if o.lemma_.lower() in QUANTITY_HEADS or o.pos_ == "NUM"
                 for p in prep_objects(o, ("of",))]
        hits = [o for o in cand for t in conjuncts(o)
                if t.lemma_.lower() in rule.objects or t.lower_ in rule.objects
                or any(c.dep_ == "compound" and c.lemma_.lower() in rule.objects for c in t.children)]
        return hits or None

    # ----- verbs --------------------------------------------------------------------------
    def code_verb(self, verb: Token, sent: Span) -> None:
        rules = self.lex.verbs.get(verb.lemma_.lower())
        if not rules:
            return
        if any(c.dep_ in ("amod",) for c in [verb]):
            return
        subj_heads = subjects(verb)
        sources = self.phrase_actors(subj_heads)
        if not sources and verb.dep_ == "acl":
            if any(c.lower_ == "to" for c in children(verb, "aux")):
                # "Stockholm's bid to join NATO": the noun's owner acts, else nobody named.
                sources = self.phrase_actors(children(verb.head, "poss"))
            elif verb.tag_ == "VBG" and verb.head.dep_ in ("dobj", "nsubjpass", "attr"):
                # "The IAEA passed a resolution censuring Iran": the resolution's author acts.
                sources = self.phrase_actors(subjects(verb.head.head))
        for rule in rules:
            if rule.particle and not any(c.dep_ == "prt" and c.lower_ == rule.particle for c in verb.children):
                continue
            if rule.needs_prep and not prep_objects(verb, rule.needs_prep):
                continue
            if rule.needs_clause and not children(verb, "xcomp"):
                continue
            if rule.needs_adverb and not any(c.lower_ in rule.needs_adverb for c in verb.subtree
                                             if c.dep_ in ("advmod", "conj") and c.i < verb.i + 3):
                continue
            objs = self.verb_objects(verb, rule)
            if objs is None:
                continue
            if rule.objects is not None:
                objs = objs + [o for o in direct_objects(verb) if o not in objs]
            targets = self.targets_for(verb, rule.target, objs, sources)
            if rule.target_prefix:
                targets = [t for t in targets if t.startswith(rule.target_prefix)]
            if not targets and rule.target and root_of(rule.code) in ("07", "15"):
                targets = self.purpose_targets(verb, sources)
            if not targets and rule.target and root_of(rule.code) in PLACE_ROOTS:
                targets = self.place_targets(verb, sources)
            if not sources and not (rule.reciprocal and len(targets) >= 2):
                continue
            if not targets and not rule.intransitive and not (rule.reciprocal and len(sources) >= 2):
                continue
            self.emit(_Found(sources, targets, rule.code, rule.reciprocal, rule.reverse, verb), verb, sent)
            return

    # ----- nouns --------------------------------------------------------------------------
    def noun_source(self, noun: Token, code: str, depth: int = 0) -> list[str]:
        out: list[str] = []
        for c in noun.children:
            if c.dep_ in ACTOR_MODIFIER_DEPS and c.i < noun.i:
                out.extend(x for x in self.phrase_actors([c]) if x not in out)
        if not out:
            out = self.phrase_actors(prep_objects(noun, ("by",)))
        if not out and noun.dep_ == "appos":
            out = self.phrase_actors([noun.head])
        if not out and noun.dep_ in ("dobj", "attr") and noun.head.pos_ in ("VERB", "AUX") and (
                noun.dep_ == "attr" or noun.head.lemma_.lower() in self.lex.light_verbs):
            out = self.phrase_actors(subjects(noun.head))
        if not out and noun.dep_ == "pobj" and noun.head.dep_ == "prep":
            governor = noun.head.head
            if noun.head.lower_ == "including" and root_of(code) in ("05", "06"):
                # "X strengthened ties with ..., including pacts with Y": the list belongs to X.
                while governor.pos_ not in ("VERB", "AUX") and governor.head is not governor:
                    governor = governor.head
                out = self.phrase_actors(subjects(governor)) if governor.pos_ in ("VERB", "AUX") else []
            elif governor.pos_ == "VERB" and governor.lemma_.lower() in self.lex.light_verbs:
                out = self.phrase_actors(subjects(governor))  # "move ahead with the transfer of ..."
        if not out and noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN") and depth < 3:
            out = self.noun_source(noun.head, code, depth + 1)  # "pacts with A and B, and an agreement with C"
        return out

    def code_noun(self, noun: Token, sent: Span) -> None:
        rules = self.lex.nouns.get(noun.lemma_.lower()) or self.lex.nouns.get(noun.lower_)
        if not rules:
            return
        if self.ctx.actors.covering(noun.idx, noun.idx + len(noun)) is not None:
            return  # the word is part of a name ("the Warsaw Pact")
        mods = {c.lemma_.lower() for c in noun.children if c.dep_ in ("amod", "compound")}
        for o in prep_objects(noun, ("of",)):  # "the transfer of F-16 fighter jets"
            mods |= {o.lemma_.lower()} | {c.lemma_.lower() for c in o.children if c.dep_ in ("amod", "compound")}
        for rule in rules:
            if rule.require_modifier and not (mods & rule.require_modifier):
                continue
            sources = self.noun_source(noun, rule.code)
            targets = self.phrase_actors(prep_objects(noun, rule.target_preps))
            targets = [t for t in targets if t not in sources]
            between = prep_objects(noun, ("between", "among"))
            if rule.reciprocal and not sources and len(targets) >= 2 and between:
                targets = self.phrase_actors(between)  # "the treaty between Russia and North Korea"
            elif not sources or not targets:
                continue
            self.emit(_Found(sources, targets, rule.code, rule.reciprocal, rule.reverse, noun), noun, sent)
            return

    def code_modifier(self, tok: Token, sent: Span) -> None:
        code = self.lex.modifiers.get(tok.lower_)
        if not code or tok.dep_ not in ("amod", "compound", "acl") or tok.head.pos_ not in ("NOUN", "PROPN"):
            return
        # "Iran-backed groups": the actor sits right before the hyphen, or is the participle's child.
        left = [c for c in tok.children if c.i < tok.i]
        if tok.i >= 2 and tok.doc[tok.i - 1].text == "-":
            left.append(tok.doc[tok.i - 2])
        sources = []
        for c in left:
            sources.extend(x for x in self.actors_at(c) if x not in sources)
        targets = [t for t in self.phrase_actors([tok.head]) if t not in sources]
        if sources and targets:
            self.emit(_Found(sources, targets, code, False, None, tok), tok, sent)

    # ----- status, date, output -----------------------------------------------------------
    def status_of(self, anchor: Token) -> tuple[str, bool]:
        if anchor.pos_ not in ("VERB", "AUX"):
            # An event noun takes the status of the clause it sits in ("would move ahead with the sale").
            for head, dep in governors(anchor):
                if head.pos_ in ("VERB", "AUX"):
                    return self.status_of(head)[0], False
                if dep not in ("pobj", "prep", "dobj", "conj", "compound", "appos"):
                    break
            return "asserted", False
        neg = negated(anchor)
        status = modal_status(anchor)
        if anchor.dep_ == "pcomp" and anchor.head.lower_ == "from":
            return "hypothetical", True  # "kept them from attacking": the act did not happen
        for head, dep in governors(anchor):
            if dep not in COMPLEMENT_DEPS:
                break
            lemma = head.lemma_.lower()
            if status == "hypothetical" and dep == "ccomp" and any(
                    c.lower_ == "would" for c in anchor.children if c.dep_ == "aux"):
                status = "planned"  # "said he would give": future in reported speech
            if head.pos_ in ("VERB", "NOUN") and lemma in self.lex.attribution and dep != "conj":
                s = self.lex.attribution[lemma]
                if s == "denied" or status is None:
                    status = s
                if s == "denied" and negated(head):
                    status = "asserted"
                break
        return status or "asserted", neg

    def date_for(self, anchor: Token, sent: Span) -> str | None:
        clause = anchor.doc[anchor.left_edge.i:anchor.right_edge.i + 1]
        return self.ctx.date_of(clause.text) or self.ctx.date_of(sent.text) or self.ctx.article_date()

    def emit(self, found: _Found, anchor: Token, sent: Span) -> None:
        status, neg = self.status_of(anchor)
        code = found.code
        if status == "planned" and root_of(code) in ("05", "06", "07", "08"):
            code = INTENT_OF.get(code[:3], INTENT_OF[root_of(code)])
        pairs: list[tuple[str, str | None, str]] = []
        if found.reciprocal:
            # Joint parties act on each other and on the partner; partners named after "with" do
            # not act on each other ("pacts with A and B"), those after "between" do.
            joint = found.sources or found.targets
            pairs = [(a, b, code) for a in joint for b in joint if a != b]
            if found.sources:
                pairs += [p for a in found.sources for b in found.targets if a != b
                          for p in ((a, b, code), (b, a, code))]
        else:
            for s in found.sources:
                for t in found.targets or [None]:
                    if s != t:
                        pairs.append((s, t, code))
                        if found.reverse and t is not None:
                            pairs.append((t, s, found.reverse))
        date = self.date_for(anchor, sent)
        evidence = self.evidence(sent, anchor)
        for s, t, c in pairs:
            key = (s, t, plover_of(c) or c, evidence.text)  # one event per type and pair per report
            if key in self.seen:
                continue  # the same report repeated (a duplicated body copy)
            self.seen.add(key)
            if root_of(c) in ACCUSE_ROOTS and t is not None and not neg:
                self.accusations.append((s, t))
            if c.startswith("12") and t is not None and (t, s) in self.accusations:
                self.mark_denied(s)
            self.events.append(Event(source=s, target=t, cameo=c, plover=plover_of(c), date=date,
                                     evidence=evidence, negated=neg, status=status))

    def latest_accusers(self, deniers: list[str]) -> list[str]:
        """Who made the latest accusation against any of ``deniers`` ("Both X and Y deny these
        allegations" answers the last charge against either of them)."""
        for accuser, accused in reversed(self.accusations):
            if accused in deniers:
                found = [a for a, b in self.accusations if b == accused and a == accuser]
                return [accuser] if found else []
        return []

    def evidence(self, sent: Span, anchor: Token) -> Evidence:
        """The sentence, cut to the paragraph of the anchor when the parser ran two together."""
        text = self.ctx.doc.text
        start, end = sent.start_char, sent.end_char
        for m in PARAGRAPH_BREAK.finditer(text, start, end):
            if m.end() <= anchor.idx:
                start = m.end()
            elif m.start() >= anchor.idx + len(anchor):
                end = m.start()
                break
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return Evidence.of(text, start, end)

    def mark_denied(self, denier: str) -> None:
        """The denier's alleged acts reported so far are now denied ones."""
        for e in self.events:
            if e.source == denier and e.status == "alleged":
                e.status = "denied"

    def run(self) -> list[Event]:
        for sent in self.ctx.doc.sents:
            if sentence_is_discarded(sent):
                continue
            for tok in sent:
                if tok.pos_ in ("VERB", "AUX") or (tok.tag_.startswith("VB") and tok.dep_ != "amod"):
                    self.code_verb(tok, sent)
                if tok.lower_ in self.lex.modifiers:
                    self.code_modifier(tok, sent)
                elif tok.pos_ in ("NOUN", "PROPN"):
                    self.code_noun(tok, sent)
        return self.events


def code_events(ctx: CodingContext, lexicon: Lexicon | None = None) -> list[Event]:
    """Every event the document reports between resolved actors, in text order."""
    return _Coder(ctx, lexicon or default_lexicon()).run()


__all__ = ["code_events", "NounRule", "VerbRule", "is_passive"]
