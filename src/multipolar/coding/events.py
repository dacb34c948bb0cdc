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

from ..dates import resolve_date
from ..model import Event, Evidence
from . import CodingContext
from .cameo import plover_of, root_of
from .date_anaphora import referenced_date
from .event_roles import RoleFinder
from .guarantees import GUARANTEE_CODE, guarantee_parties
from .reported_demands import DEMAND_CODE, obligation_parties
from .syntax import (
    agent_of,
    children,
    direct_objects,
    governors,
    is_chrome_line,
    is_passive,
    modal_status,
    negated,
    prep_objects,
    sentence_is_discarded,
    subjects,
    words_after,
    words_before,
)
from .verbs import Lexicon, VerbRule, default_lexicon

# Planned cooperation becomes intent to cooperate (PLOVER: future-tense SUPPORT/COOPERATE/AID is AGREE).
INTENT_OF = {"05": "032", "06": "031", "07": "033", "08": "035", "071": "0331", "072": "0332",
             "073": "0333", "074": "0334", "061": "0311", "062": "0312", "063": "0313", "064": "0314"}
ACCUSE_ROOTS = ("11",)
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# "SEOUL, South Korea — ", "KYIV (Reuters) - ": a capitalised place before a dash opens the story.
DATELINE = re.compile(r"\s*[A-Z][A-Z .'-]{2,}(?:,[^—–\n]{0,40})?(?:\s*\([^)]{0,30}\))?\s*[—–-]{1,2}\s")
PLACE_ROOTS = ("15", "18", "19", "20")
ARMED_GROUP_NOUNS = {"group", "militia", "movement", "rebels", "insurgents", "faction", "fighters"}
OCCASIONS = {"ceremony", "summit", "meeting", "event", "gathering", "conference", "reception", "forum"}
MEDIATED_ROOTS = ("03", "04", "05", "08")  # cooperative acts that a third party can carry between two
COMPLEMENT_DEPS = ("ccomp", "xcomp", "pcomp", "pobj", "prep", "conj", "dobj", "acl")
COERCIVE_ROOTS = ("15", "16", "17", "18", "19", "20")
# an act told as past or habitual without a date: not dated to the article's day
UNDATED_PAST = re.compile(r"\b(?:in the past|previously|formerly|in recent years|over the years|for years|"
                          r"has long|have long|has repeatedly|have repeatedly|has often|have often)\b", re.I)
# clauses inside an event's clause that carry their own time ("agreed last year that it would end by 2026")
OWN_CLAUSE_CUTS = ("ccomp", "relcl", "acl", "xcomp", "advcl", "parataxis")
# verbs of harm whose subject may be an attack noun ("a drone strike killed ...")
# "troops sent to the border with X": the frontier noun turns a dispatch of troops into a build-up
FRONTIER_NOUNS = {"border", "borders", "frontier", "frontiers", "boundary"}
HARM_VERBS = {"kill", "wound", "injure", "destroy", "damage", "hit"}
# verbs that name their object as something ("called the drills a provocation")
NAMING_VERBS = {"call", "describe", "brand", "label", "term", "denounce", "condemn", "slam", "characterize",
                "characterise"}


@dataclass
class _Found:
    sources: list[str]
    targets: list[str]
    code: str
    reciprocal: bool
    reverse: str | None
    anchor: Token


# CAMEO agent codes for the organs of a state (government, military, legislature, judiciary,
# police, intelligence): an event between one of these and its own country is a misreading.
STATE_ORGANS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})


class _Coder(RoleFinder):
    """One document's event coder: a single pass over its sentences."""

    def __init__(self, ctx: CodingContext, lex: Lexicon) -> None:
        super().__init__(ctx, lex)
        self.seen: set[tuple] = set()
        self.reporter_acts: set[tuple[int, int]] = set()  # verbs read as the reporter's own act (reporter_conjunct)
        self.events: list[Event] = []

    # ----- verbs --------------------------------------------------------------------------
    def code_verb(self, verb: Token, sent: Span) -> None:
        rules = self.lex.verbs.get(verb.lemma_.lower()) or self.verb_rules_by_form(verb.lower_)
        if not rules:
            return
        if any(c.dep_ in ("amod",) for c in [verb]):
            return
        if verb.lemma_.lower() == "join" and verb.dep_ in ("acl", "advcl") and verb.tag_ == "VBN" and agent_of(verb):
            return  # "X, joined by Y, imposed ...": Y acts with X (see joined_by), it joins nothing
        subj_heads = subjects(verb)
        sources = self.phrase_actors(subj_heads)
        for partner in self.joined_by(verb, subj_heads):  # "X, joined by Y, tabled a motion"
            if partner not in sources:
                sources.append(partner)
        if not sources and verb.dep_ == "acl" and verb.tag_ == "VBN":
            sources = self.phrase_actors(agent_of(verb))  # "a ceasefire brokered by Kenya": Kenya brokers
        if not sources and is_passive(verb) and not agent_of(verb) and verb.lemma_.lower() in self.lex.reporter_agents \
                and self.reporting_verb(verb) is not None:
            # "a spokesman said the U.S. envoy would be summoned": a state summons or expels in its
            # own capital, so the government speaking is the one acting
            sources = [r for r in self.phrase_actors(subjects(verb.head)) if r[3:6] != "MED"]
        if not sources and verb.dep_ in ("acl", "advcl"):
            if any(c.lower_ == "to" for c in children(verb, "aux")):
                # "Stockholm's bid to join NATO": the noun's owner acts; "Hungary signed a deal to
                # buy jets": the party to the deal; else nobody named.
                sources = self.phrase_actors(self.owners(verb.head))
                deal = verb.head if verb.dep_ == "acl" else next(iter(children(verb.head, "dobj")), None)
                if not sources and deal is not None and deal.dep_ == "dobj" and \
                        deal.head.lemma_.lower() in self.lex.deal_verbs:
                    sources = self.phrase_actors(subjects(deal.head))
            elif verb.tag_ == "VBG" and verb.head.dep_ in ("dobj", "nsubjpass", "attr"):
                # "The IAEA passed a resolution censuring Iran": the resolution's author acts.
                sources = self.phrase_actors(subjects(verb.head.head))
            elif verb.tag_ == "VBG" and verb.head.dep_ == "pobj":
                # "X was the last member of the alliance holding out against ...": the participle
                # hung on the of-phrase describes the predicate noun, that is X.
                h = verb.head
                while h.dep_ in ("pobj", "prep") and h.head is not h:
                    h = h.head
                if h.dep_ == "attr":
                    sources = self.phrase_actors(subjects(h.head))
        reprise = self.passive_reprise(verb) if not sources else None
        own_sources = sources
        for rule in rules:
            sources = own_sources
            if rule.particle and not any(c.dep_ == "prt" and c.lower_ == rule.particle for c in verb.children):
                continue
            if reprise is not None:
                if root_of(rule.code) == root_of(reprise.cameo) and self.verb_objects(verb, rule) is not None:
                    # "The embargo was first imposed in 2018": the act reported before, told again
                    # with its own time
                    self.emit(_Found([reprise.source], [reprise.target], rule.code, False, None, verb), verb, sent)
                    return
                continue
            if rule.needs_prep and not prep_objects(verb, rule.needs_prep):
                continue
            if rule.needs_clause and not children(verb, "xcomp"):
                continue
            if rule.before and not words_before(verb, rule.before):
                continue
            if rule.after and not words_after(verb, rule.after, rule.after_window):
                continue
            if rule.needs_compound and len(sources) < 2:
                continue
            if rule.needs_future and self.status_of(verb)[0] not in ("planned", "hypothetical"):
                continue
            if rule.needs_passive:
                if not is_passive(verb) or agent_of(verb):
                    continue
                # "Three Russian diplomats were expelled from Poland": the subject's side, swapped
                sources = self.phrase_actors(children(verb, "nsubjpass"))
                if not sources:
                    continue
            if rule.needs_adverb and not any(c.lower_ in rule.needs_adverb for c in verb.subtree
                                             if c.dep_ in ("advmod", "conj") and c.i < verb.i + 3):
                continue
            objs = self.verb_objects(verb, rule)
            if objs is None:
                continue
            if rule.exclude_modifier and any(c.lemma_.lower() in rule.exclude_modifier for o in objs
                                             for c in o.children if c.dep_ in ("amod", "compound")):
                continue  # "fought a trade war"
            if rule.objects is not None:
                objs = objs + [o for o in direct_objects(verb) if o not in objs]
            if not sources and self.reporters_second_verb(verb):
                # "X denied that its staff had spied and accused Oslo of ...": the parser joined X's
                # second verb to the denied clause, whose subject names nobody; the tense says
                # whose verb it is ("... could enhance and threaten" stays in the clause)
                sources = self.phrase_actors(subjects(verb.head.head))
                self.reporter_acts.add((id(verb.doc), verb.i))
            if root_of(rule.code) == "07" and any(o.lemma_.lower() in FRONTIER_NOUNS for o in prep_objects(verb, ("to",))):
                continue  # "sent troops to the border with Ukraine": a build-up against it (154), not aid
            targets = self.targets_for(verb, rule.target, objs, sources)
            if not targets and self.reporter_conjunct(verb):
                # "X said Y has ... and accused Y of ...": the parser joined the second verb to the
                # reported clause, so Y would accuse itself; the reporter is the one who acts.
                alt = self.phrase_actors(subjects(verb.head.head))
                alt_targets = self.targets_for(verb, rule.target, objs, alt) if alt else []
                if alt_targets and set(self.targets_for(verb, rule.target, objs, [])) <= set(sources):
                    sources, targets = alt, alt_targets
                    self.reporter_acts.add((id(verb.doc), verb.i))
            if targets:
                # "forged pacts with Australia in 2022 and Britain in 2023": the parser joins the
                # second partner to the verb itself
                targets += [x for c in children(verb, "conj") if c.pos_ in ("PROPN", "NOUN")
                            for x in self.actors_at(c) if x not in targets and x not in sources]
            if rule.target_prefix:
                targets = [t for t in targets if t.startswith(rule.target_prefix)]
            if not targets and rule.target and root_of(rule.code) in ("07", "15"):
                targets = self.purpose_targets(verb, sources)
            if not targets and rule.target and (root_of(rule.code) == "07" or rule.code.startswith("033")):
                targets = self.latest_aid_recipient(sources)
            if not targets and rule.target and root_of(rule.code) in PLACE_ROOTS:
                targets = self.place_targets(verb, sources)
            if not targets and rule.target and root_of(rule.code) in ("18", "19", "20") and objs:
                targets = self.struck_in(verb, sources)
            if not sources and not (rule.reciprocal and len(targets) >= 2 and any(
                    prep_objects(t, ("between", "among")) for t in [verb, *objs])):
                continue  # only "between A and B" names parties without a subject
            if not targets and not rule.intransitive and not (rule.reciprocal and len(sources) >= 2):
                continue
            if rule.swap:
                sources, targets = targets, sources
            self.emit(_Found(sources, targets, rule.code, rule.reciprocal, rule.reverse, verb), verb, sent)
            return

    def passive_reprise(self, verb: Token) -> Event | None:
        """An agentless passive whose subject is an act noun pointing back to an earlier event
        ("the embargo was first imposed in 2018"): that event (its author and recipient)."""
        if not is_passive(verb) or agent_of(verb):
            return None
        for noun in children(verb, "nsubjpass"):
            prefixes = self.lex.act_nouns.get(noun.lemma_.lower()) or self.lex.act_nouns.get(noun.lower_)
            if not prefixes or self.owners(noun):
                continue
            fits = [e for e in self.events if e.target is not None and not e.negated and e.cameo.startswith(prefixes)]
            if fits:
                return fits[-1]
        return None

    def joined_by(self, verb: Token, subj_heads: list[Token]) -> list[str]:
        """Co-actors attached to the subject: "X, joined by Y", "X, along with Y", "X together with Y"."""
        out: list[str] = []
        if subj_heads:  # "along with Y" hung on the verb, before it
            for c in children(verb, "prep", "advmod", "advcl"):
                if c.lower_ in ("along", "together") and c.i < verb.i:
                    out += self.phrase_actors(prep_objects(c, ("with",)))
                elif c.dep_ == "advcl" and c.lemma_.lower() == "join" and c.tag_ == "VBN" and c.i < verb.i:
                    out += self.phrase_actors(agent_of(c))  # "X, joined by Y, ..." parsed as a clause
        for h in subj_heads:
            for c in h.children:
                if c.dep_ == "acl" and c.lemma_.lower() == "join":
                    out += self.phrase_actors(agent_of(c))
                elif c.dep_ == "prep" and c.lower_ == "with" and c.i > 0 and \
                        c.doc[c.i - 1].lower_ in ("along", "together"):
                    out += self.phrase_actors(prep_objects(h, ("with",)))
                elif c.dep_ in ("prep", "advmod") and c.lower_ in ("along", "together"):
                    out += self.phrase_actors(prep_objects(c, ("with",)))  # "X and Y, along with Z,"
        return out

    @staticmethod
    def reporter_conjunct(verb: Token) -> bool:
        """A verb with no subject of its own, conjoined to a reported clause ("said Y has ... and
        accused Y")."""
        return (verb.dep_ == "conj" and not children(verb, "nsubj", "nsubjpass")
                and verb.head.dep_ == "ccomp" and verb.head.head.pos_ in ("VERB", "AUX"))

    def reporters_second_verb(self, verb: Token) -> bool:
        """A subjectless verb coordinated into a reported clause but in the reporting verb's tense:
        "X denied that its staff had spied and accused Oslo", "X warned that an incursion would be
        met with force, and called the drills a provocation" ("... could enhance and threaten"
        stays in the clause)."""
        if not self.reporter_conjunct(verb):
            return False
        reporter = verb.head.head
        while reporter.tag_ == "VBG" and reporter.dep_ == "advcl" and reporter.head is not reporter:
            reporter = reporter.head  # "X denied ..., saying the trucks lacked papers, and accused Y"
        # the reporter's tense and not the clause's, or the same tense as a clause about no actor
        return verb.tag_ == reporter.tag_ and (verb.tag_ != verb.head.tag_ or not self.phrase_actors(subjects(verb.head)))

    def known_lemma(self, tok: Token) -> str:
        """The lemma, or the attribution verb the form shows when the lemmatizer erred ("hopes" ->
        "hop")."""
        lemma = tok.lemma_.lower()
        if lemma in self.lex.attribution or tok.pos_ != "VERB":
            return lemma
        form = tok.lower_
        for suffix, repl in (("ing", "e"), ("ing", ""), ("ed", "e"), ("ed", ""), ("es", "e"), ("es", ""), ("s", "")):
            if form.endswith(suffix) and form[: -len(suffix)] + repl in self.lex.attribution:
                return form[: -len(suffix)] + repl
        return lemma

    def verb_rules_by_form(self, form: str) -> list[VerbRule] | None:
        """Rules for a verb the lemmatizer got wrong ("waging" -> "wag"): strip the inflection."""
        for suffix, repl in (("ing", "e"), ("ing", ""), ("ed", "e"), ("ed", ""), ("es", ""), ("s", "")):
            if form.endswith(suffix) and len(form) > len(suffix) + 2:
                rules = self.lex.verbs.get(form[: -len(suffix)] + repl)
                if rules:
                    return rules
        return self.lex.verbs.get(form)

    # ----- nouns --------------------------------------------------------------------------
    def code_noun(self, noun: Token, sent: Span) -> None:
        rules = self.lex.nouns.get(noun.lemma_.lower()) or self.lex.nouns.get(noun.lower_)
        if not rules:
            return
        if self.mention_at(noun) is not None:
            return  # the word is part of a name ("the Warsaw Pact")
        mods = {c.lemma_.lower() for c in noun.children if c.dep_ in ("amod", "compound")}
        for o in prep_objects(noun, ("of",)):  # "the transfer of F-16 fighter jets"
            mods |= {o.lemma_.lower()} | {c.lemma_.lower() for c in o.children if c.dep_ in ("amod", "compound")}
        for rule in rules:
            # "a ban on imports of Polish food": the required word may be the object of the
            # target preposition; the recipient is then whoever the goods come from
            goods = [o for o in prep_objects(noun, rule.target_preps)
                     if rule.require_modifier and o.lemma_.lower() in rule.require_modifier]
            if rule.require_modifier and not (mods & rule.require_modifier) and not goods:
                continue
            if mods & rule.exclude_modifier:
                continue  # "their tariff war", "a war of words"
            sources = self.noun_source(noun, rule.code)
            targets = self.phrase_actors(prep_objects(noun, rule.target_preps))
            if not targets and goods:
                origin = [x for o in goods for x in prep_objects(o, ("of", "from"))]
                targets = self.phrase_actors(origin) or self.phrase_actors(
                    [c for x in origin for c in x.children if c.dep_ in ("amod", "compound", "poss")])
            if not targets and root_of(rule.code) == "17":
                # "Iran's detention of a British aid worker": the person held belongs to the state
                # whose adjective names them (as the verb rule's `nationality` slot)
                held = prep_objects(noun, rule.target_preps)
                targets = self.phrase_actors([c for h in held for c in h.children
                                              if c.dep_ in ("amod", "compound") and c.i < h.i])
            if not targets and root_of(rule.code) in ("18", "19", "20") and noun.dep_ == "dobj" and \
                    noun.head.lemma_.lower() in self.lex.light_verbs:
                targets = self.struck_in(noun.head, sources)  # "carried out airstrikes in Afghanistan"
            if rule.reverse and not targets:
                sources, targets = self.visit_by_place(noun, sources)
            targets = [t for t in targets if t not in sources]
            between = prep_objects(noun, ("between", "among"))
            if rule.reciprocal and root_of(rule.code) == "04" and not between:
                between = prep_objects(noun, ("of",))[:1]  # "the summit of Russian and Chinese leaders"
            if rule.reciprocal and not sources and between and len(self.phrase_actors(between)) >= 2:
                targets = self.phrase_actors(between)  # "the treaty between Russia and North Korea"
            elif rule.reciprocal and not targets and len(sources) >= 2:
                pass  # "the signing of the accord by Norway and Finland"
            elif not sources or not targets:
                continue
            self.emit(_Found(sources, targets, rule.code, rule.reciprocal, rule.reverse, noun), noun, sent)
            return

    def visit_by_place(self, noun: Token, sources: list[str]) -> tuple[list[str], list[str]]:
        """"Pezeshkian, on his first Kremlin visit, ...", "Biden's Moscow trip": a place name
        compounded with the visit noun is where the visit goes; the visitor is the possessor, or
        the subject of the clause the visit phrase modifies."""
        places = [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < noun.i]
        dest = self.phrase_actors(places)
        if not dest:
            return sources, []
        visitors = self.phrase_actors([c for c in children(noun, "poss") if c.pos_ != "PRON"])
        if not visitors and noun.dep_ == "pobj" and noun.head.head.pos_ in ("VERB", "AUX"):
            visitors = self.phrase_actors(subjects(noun.head.head))
        return [v for v in visitors if v not in dest], dest

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
        if sources and not targets and tok.head.lemma_.lower() in ARMED_GROUP_NOUNS:
            targets = [t for t in self.last_armed_group(tok.head, sent) if t not in sources]
        if sources and targets:
            self.emit(_Found(sources, targets, code, False, None, tok), tok, sent)

    def last_armed_group(self, noun: Token, sent: Span) -> list[str]:
        """"The US struck Houthi targets after attacks by the Iran-backed militia group": a
        definite armed-group noun is the non-state armed group (a REB code) named last in the
        sentence."""
        if not any(c.lower_ == "the" for c in children(noun, "det")):
            return []
        start = sent.start_char + self.offset
        found = [m for m in self.ctx.actors.in_span(start, noun.idx + self.offset)
                 if len(m.codes) == 1 and m.codes[0][3:6] == "REB"]
        return list(found[-1].codes) if found else []

    # ----- status, date, output -----------------------------------------------------------
    def status_of(self, anchor: Token) -> tuple[str, bool]:
        if anchor.pos_ not in ("VERB", "AUX") and not self.mistagged_infinitive(anchor):
            # An event noun takes the status of the clause it sits in ("would move ahead with the sale").
            for head, dep in governors(anchor):
                if head.pos_ in ("VERB", "AUX"):
                    if dep in ("dobj", "nsubjpass") and head.lemma_.lower() in self.lex.cancellers:
                        return self.status_of(head)[0], True  # "postponed its summit with X"
                    if dep in ("dobj", "nsubjpass") and head.lemma_.lower() in self.lex.preparers:
                        return "planned", negated(head)  # "is preparing new sanctions against X"
                    return self.status_of(head)[0], False
                if dep not in ("pobj", "prep", "dobj", "conj", "compound", "appos"):
                    break
            return "asserted", False
        if (id(anchor.doc), anchor.i) in self.reporter_acts:
            # "X denied that ... and accused Oslo of ...": the reporter's own act has the status of
            # the reporting verb, not of the clause it was parsed into
            return self.status_of(anchor.head.head)
        neg = negated(anchor)
        status = modal_status(anchor)
        if anchor.dep_ == "pcomp" and anchor.head.lower_ == "from":
            return "hypothetical", True  # "kept them from attacking": the act did not happen
        if status is None and anchor.dep_ in ("advcl", "xcomp") and anchor.head.pos_ in ("VERB", "AUX") and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in anchor.children):
            head_status = modal_status(anchor.head)
            if head_status in ("planned", "hypothetical"):
                status = head_status  # "will meet on Wednesday to agree ...": the purpose of a future act is future
        if anchor.dep_ == "acl" and anchor.tag_ == "VBN" and agent_of(anchor):
            return status or "asserted", neg  # "agreed to a truce brokered by C": the brokering is done
        for head, dep in governors(anchor):
            if dep not in COMPLEMENT_DEPS:
                break
            lemma = self.known_lemma(head)
            if lemma in self.lex.negators and dep in ("xcomp", "pcomp", "ccomp") and not negated(head):
                neg = True  # "declined to send arms": the act did not happen
            if status == "hypothetical" and dep == "ccomp" and any(
                    c.lower_ == "would" for c in anchor.children if c.dep_ == "aux"):
                status = "planned"  # "said he would give": future in reported speech
            if head.pos_ in ("VERB", "NOUN") and lemma in self.lex.attribution and dep != "conj":
                s = self.lex.attribution[lemma]
                if s == "denied" or status is None:
                    status = s
                if s == "denied" and (negated(head) or (head.dep_ == "conj" and negated(head.head))):
                    status = "alleged"  # "did not deny", "neither confirmed nor denied": still a claim
                if status in ("planned", "hypothetical") and head.pos_ == "VERB" and self.status_of(head)[0] == "denied":
                    status = "denied"  # "denied threatening to strike X": the intention itself is denied
                break
        if status is None and self.according_to(anchor):
            status = "alleged"  # "According to X, Y sent troops": attributed, not asserted
        return status or "asserted", neg

    def date_for(self, anchor: Token, sent: Span, status: str = "asserted") -> str | None:
        clause = anchor.doc[anchor.left_edge.i:anchor.right_edge.i + 1]
        referenced = referenced_date(self.ctx, clause.text, clause.start_char)  # "the same day"
        if referenced:
            return referenced
        future = status == "planned"
        published = self.ctx.article.published
        # the anchor's own words first: "agreed last year that the mission would end by September
        # 2026" is dated by "last year"; "disputes strained last year" on an object noun dates nothing here
        own = self.own_clause_text(anchor)
        # a future clause's weekday is the coming one; the sentence's other words date the report,
        # except a clause coordinated with the anchor's own ("called the decision hostile and said
        # tariffs would follow from November 1": November dates the tariffs, not the calling)
        sides_cut: set[int] = set()
        if anchor.pos_ in ("VERB", "AUX"):
            sides = [c for c in children(anchor, "conj") if c.pos_ in ("VERB", "AUX")]
            sides_cut = {t.i for c in sides for t in c.subtree}
        # relative clauses on nouns outside the anchor's own clause chain carry their own time
        # ("Indonesia, which suffered a tsunami in 2018, flew in tents"): left out of both texts
        above = {a.i for a in anchor.ancestors} | {anchor.i}
        relative = {t.i for c in sent if c.dep_ == "relcl" and c.i not in above
                    and anchor not in c.subtree for t in c.subtree}
        rest = " ".join(t.text for t in sent if t.i not in sides_cut | relative) if sides_cut | relative else sent.text
        clause_text = " ".join(t.text for t in clause if t.i not in relative) if relative else clause.text
        tries = [(own, future), (clause_text if not sides_cut else own, future)]
        if future and anchor.dep_ in ("advcl", "xcomp") and anchor.head.pos_ in ("VERB", "AUX"):
            tries.append((self.own_clause_text(anchor.head), True))  # "will meet on Wednesday to agree"
        for text, ahead in (*tries, (rest, False)):
            found = resolve_date(text, published, future=ahead)
            if found:
                return found
        if UNDATED_PAST.search(own):
            return None  # "Oman, which has mediated ... in the past": not on the day of the report
        return self.ctx.article_date()

    @staticmethod
    def own_clause_text(anchor: Token) -> str:
        """The anchor's clause without the clauses embedded in it (complements, relative clauses,
        participles on its nouns), as words joined by spaces."""
        if anchor.pos_ not in ("VERB", "AUX"):
            return anchor.doc[anchor.left_edge.i:anchor.right_edge.i + 1].text
        cut = {t.i for c in anchor.subtree if c is not anchor and (c.dep_ in OWN_CLAUSE_CUTS or (
            c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.head is anchor)) for t in c.subtree}
        return " ".join(t.text for t in anchor.subtree if t.i not in cut)

    def withheld_by(self, anchor: Token) -> Token | None:
        """The negated verb of intention, wish, threat or report whose complement the act is
        ("did not threaten to strike X", "never planned to invade X", "did not urge X to ..."):
        the act is then neither done nor intended, so it is no event. (Negators, "refused to
        strike", say the act did not happen: those stay negated events; "did not deny" leaves
        the act alleged.)"""
        for head, dep in governors(anchor):
            if dep not in COMPLEMENT_DEPS:
                return None
            lemma = self.known_lemma(head)
            if head.pos_ in ("VERB", "NOUN") and lemma in self.lex.attribution and dep != "conj":
                # (the same governor status_of takes the act's status from)
                if self.lex.attribution[lemma] == "denied" or not (negated(head) or (
                        head.dep_ == "conj" and negated(head.head))):
                    return None
                return head
        return None

    def emit_withheld_threat(self, found: _Found, anchor: Token, sent: Span) -> None:
        """"X did not threaten to strike Y": the threat verb is told negated, as "X did not
        threaten Y" is (130, negated); the strike is no event."""
        if root_of(found.code) not in COERCIVE_ROOTS or anchor.dep_ not in ("xcomp", "ccomp"):
            return
        head = anchor.head
        if head.lemma_.lower() not in self.lex.threat_verbs:
            return
        if not set(self.phrase_actors(subjects(head))) & set(found.sources):
            return
        date = self.date_for(head, sent)
        evidence = self.evidence(sent, anchor)
        for s in found.sources:
            for t in found.targets:
                if t is None or s == t or self.organ_of_own_state(s, t):
                    continue
                key = (s, t, plover_of("130") or "130", evidence.text)
                if key in self.seen:
                    continue
                self.seen.add(key)
                self.events.append(Event(source=s, target=t, cameo="130", plover=plover_of("130"), date=date,
                                         evidence=evidence, negated=True, status="asserted"))

    def emit(self, found: _Found, anchor: Token, sent: Span) -> None:
        if self.withheld_by(anchor) is not None:
            self.emit_withheld_threat(found, anchor, sent)
            return
        status, neg = self.status_of(anchor)
        code = found.code
        if status == "planned" and self.lex.future_as_intent and root_of(code) in ("05", "06", "07", "08"):
            code = INTENT_OF.get(code[:3], INTENT_OF[root_of(code)])
        elif status == "planned" and self.lex.future_as_intent and code == "045":
            code = "039"  # "offered to host talks between A and B": intent to mediate
        pairs: list[tuple[str, str | None, str]] = []
        if found.reciprocal:
            # Joint parties with no named partner act on each other ("Moscow and Tehran signed");
            # with a partner, each acts with the partner ("Egypt and Jordan signed treaties with
            # Israel"); parties after "between" act on each other, those after "with" do not.
            if not found.sources or not found.targets:
                joint = found.sources or found.targets
                pairs = [(a, b, code) for a in joint for b in joint if a != b]
            else:
                pairs = [p for a in found.sources for b in found.targets if a != b
                         for p in ((a, b, code), (b, a, code))]
        else:
            for s in found.sources:
                for t in found.targets or [None]:
                    if s != t:
                        pairs.append((s, t, code))
                        if found.reverse and t is not None:
                            pairs.append((t, s, found.reverse))
        if root_of(code) == "04":
            pairs += self.multilateral_pairs(found, anchor)
        if not neg and self.by_remote_link(anchor):
            # "announced by the three leaders via video link": the parties met, remotely
            parties = list(dict.fromkeys(found.sources + found.targets))
            if len(parties) >= 2:
                pairs += [(a, b, "040") for a in parties for b in parties if a != b]
        if (root_of(code) == "04" or code == "057") and code not in ("042", "043") and not neg \
                and status in ("asserted", "alleged"):  # a visit or hosting already says who travels
            pairs += self.visit_pairs(found, anchor)
        if root_of(code) in MEDIATED_ROOTS and anchor.pos_ == "VERB" and code != "045":
            # "offered the rebels, via Oman, to ...", "exchanged messages through Qatar": the go-between mediates
            parties = list(dict.fromkeys(found.sources + found.targets))
            for m in self.phrase_actors(prep_objects(anchor, ("via", "through"))):
                if m not in parties and len(parties) >= 2:
                    pairs += [(m, p, "045") for p in parties]
        if root_of(code) in ("02", "10") and not neg and self.has_ultimatum(anchor):
            pairs += [(s, t, "130") for s in found.sources for t in found.targets if s != t]
        if root_of(code) in COERCIVE_ROOTS and not neg and status in ("planned", "hypothetical") and self.on_condition(anchor):
            # "would impose tariffs unless Beijing reversed course": a coercive act promised on a
            # condition is a threat (CAMEO 13)
            pairs += [(s, t, "130") for s in found.sources for t in found.targets if t is not None and s != t]
        threats: list[tuple[str, str | None, str]] = []
        if root_of(code) in COERCIVE_ROOTS and not neg and self.threatened_by_source(anchor, found.sources):
            # "threatened to impose sanctions on X", "vowed to strike X": the coercive act is
            # promised, and the promise, made now, is a threat against X (CAMEO 13)
            threats = [(s, t, "130") for s in found.sources for t in found.targets if t is not None and s != t]
            pairs += [p for p in threats if p not in pairs]
        if not neg and any(code.startswith(a) for a in self.lex.accusable):
            # "Seoul's spies reported that X had sent troops": the reporter charges X.
            charges = [(r, s, "112") for r in self.reporters_of(anchor) for s in found.sources if s != r]
            pairs += charges
        else:
            charges = []
        date = self.date_for(anchor, sent, status)
        evidence = self.evidence(sent, anchor)
        for s, t, c in pairs:
            if t is not None and self.organ_of_own_state(s, t):
                continue  # "Kenya's president hosted them in Nairobi": a state is no party to its own organs' acts
            key = (s, t, plover_of(c) or c, evidence.text)  # one event per type and pair per report
            if key in self.seen:
                continue  # the same report repeated (a duplicated body copy)
            self.seen.add(key)
            if root_of(c) in ACCUSE_ROOTS and t is not None and not neg:
                self.accusations.append((s, t, evidence.start))
            if c.startswith("12") and t is not None and any(a == t and b == s for a, b, _ in self.accusations):
                self.mark_denied(s)
            # the charge or the threat itself is made, whatever became of the act
            charge = (s, t, c) in charges or (s, t, c) in threats
            # (a threat its maker denies, "denied threatening to strike X", is denied with its act)
            made = "denied" if status == "denied" and (s, t, c) in threats else "asserted"
            self.events.append(Event(source=s, target=t, cameo=c, plover=plover_of(c), date=date,
                                     evidence=evidence, negated=neg and not charge,
                                     status=made if charge else status))

    def multilateral_pairs(self, found: _Found, anchor: Token) -> list[tuple[str, str | None, str]]:
        """"met leaders of A and B for a trilateral summit": every party consults every other."""
        meetings = [anchor] if anchor.pos_ in ("NOUN", "PROPN") else \
            direct_objects(anchor) + prep_objects(anchor, ("for", "at", "during", "in", "to"))
        for m in meetings:
            if m.lemma_.lower() not in self.lex.meeting_nouns and m.lower_ not in self.lex.meeting_nouns:
                continue
            before = m.doc[m.left_edge.i:m.i].text.lower()
            if any(w in before for w in self.lex.multilateral):
                code = "044" if m.lemma_.lower() == "summit" else "040"
                parties = list(dict.fromkeys(found.sources + found.targets))
                return [(a, b, code) for a in parties for b in parties if a != b]
        return []

    @staticmethod
    def owners(noun: Token) -> list[Token]:
        """The possessor of a noun, also when the parser made "the US and UK's" a modifier."""
        out = children(noun, "poss")
        if not out:
            out = [c for c in children(noun, "nmod", "compound") if c.i < noun.i and any(
                x.dep_ == "case" and x.lower_ in ("'s", "’s") for t in c.subtree for x in [t])]
        return out

    def code_judgement(self, copula: Token, sent: Span) -> None:
        """"China said the US decision was irresponsible": a speaker calling an actor or its act
        by a condemning word criticises that actor (111)."""
        if negated(copula) or self.reporting_verb(copula) is None:
            return
        preds = children(copula, "acomp", "attr")
        # the predicate's own words, not those of clauses or comparisons inside it ("unlike ...")
        words = {w.lemma_.lower() for p in preds for w in p.subtree if not any(
            a.dep_ in ("relcl", "acl", "advcl", "ccomp") or a.lower_ in ("unlike", "than")
            for a in [w, *w.ancestors] if a.i != p.i and p in a.ancestors)}
        if not words & self.lex.condemning_words:
            return
        subj = subjects(copula)
        judged = self.phrase_actors([o for s_ in subj for o in self.owners(s_)]) or self.phrase_actors(subj)
        speakers = [x for x in self.phrase_actors(subjects(copula.head)) if x not in judged]
        if judged and speakers:
            self.emit(_Found(speakers, judged, "111", False, None, copula.head), copula.head, sent)

    def code_harm(self, verb: Token, sent: Span) -> None:
        """"China warned that Washington was endangering regional peace": the speaker criticises
        the actor said to do harm (111), when both are named and differ."""
        speech = self.reporting_verb(verb)
        if speech is None or negated(verb) or negated(speech):
            return
        doers = self.phrase_actors(subjects(verb))
        speakers = [s for s in self.phrase_actors(subjects(speech)) if s not in doers]
        if doers and speakers:
            self.emit(_Found(speakers, doers, "111", False, None, speech), speech, sent)

    def code_unanswered(self, word: Token, sent: Span) -> None:
        """"said the expulsion would not go unanswered": the speaker threatens the act's author (130)."""
        verb = word.head
        if verb.pos_ not in ("VERB", "AUX") or not negated(verb):
            return
        authors = self.act_authors(children(verb, "nsubj", "nsubjpass"), [])
        speech = next((h for h, d in governors(verb) if d == "ccomp" and h.lemma_.lower() in self.lex.speech_verbs), None)
        if not authors or speech is None:
            return
        speakers = [x for x in self.phrase_actors(subjects(speech)) if x not in authors]
        if speakers:
            self.emit(_Found(speakers, authors, "130", False, None, speech), speech, sent)

    def code_condemned_act(self, adj: Token, sent: Span) -> None:
        """"said the test answered the reckless war drills planned by Washington and Seoul",
        "denounced Washington's aggressive moves": a speaker calling a named actor's act by a
        condemning word criticises that actor (111)."""
        act = adj.head
        if act.pos_ not in ("NOUN", "PROPN") or self.mention_at(act) is not None:
            return
        authors = self.phrase_actors(self.owners(act)) or self.phrase_actors(
            [a for c in children(act, "acl") if c.tag_ == "VBN" for a in agent_of(c)])
        if not authors:
            return
        speech = next((h for h, _ in governors(act) if h.pos_ == "VERB" and h.lemma_.lower() in self.lex.speech_verbs), None)
        if speech is None or negated(speech):
            return
        speakers = [x for x in self.phrase_actors(subjects(speech)) if x not in authors]
        if speakers:
            self.emit(_Found(speakers, authors, "111", False, None, speech), speech, sent)

    @staticmethod
    def mistagged_infinitive(tok: Token) -> bool:
        """"offered to host talks": the parser sometimes tags the verb after "to" as a noun."""
        return tok.pos_ == "NOUN" and tok.dep_ == "xcomp" and any(c.lower_ == "to" for c in children(tok, "aux"))

    def code_attack_outcome(self, verb: Token, sent: Span) -> None:
        """"A U.S. drone strike killed a commander of the militia": an attack noun as the subject of
        a verb of harm is its author's attack on the victims' side (the noun's code, or 190)."""
        passive = is_passive(verb)
        # "Two Turkish soldiers were killed in a PKK attack": the passive's subject is the victim,
        # the attack noun the object of "in"/"by"
        attacks = prep_objects(verb, ("in", "by")) if passive else children(verb, "nsubj")
        for subj in attacks:
            rules = self.lex.nouns.get(subj.lemma_.lower()) or self.lex.nouns.get(subj.lower_) or []
            code = next((r.code for r in rules if root_of(r.code) in ("18", "19", "20")), None)
            if code is None or negated(verb):
                continue
            sources = self.noun_source(subj, code)
            victims = children(verb, "nsubjpass") if passive else direct_objects(verb)
            targets = self.phrase_actors(victims) or self.phrase_actors(
                [o for v in victims for o in prep_objects(v, ("of", "from"))])
            targets = [t for t in targets if t not in sources]
            if sources and targets:
                self.emit(_Found(sources, targets, code, False, None, verb), verb, sent)

    def code_naming(self, verb: Token, sent: Span) -> None:
        """"called the exercises a deliberate provocation", "described the strike as a violation of
        sovereignty": naming an actor or its act with a condemning word criticises it (111)."""
        if negated(verb):
            return
        objs = direct_objects(verb)
        preds = children(verb, "oprd", "xcomp", "ccomp") + [o for o in objs for c in children(o, "oprd", "appos")
                                                             for o in [c]]
        preds += [x for p in prep_objects(verb, ("as",)) for x in [p]]
        # "called the decision 'hostile'": the parser hangs the predicate adjective on the object
        preds += [c for o in objs for c in children(o, "amod") if c.i > o.i]
        if not objs or not preds:
            return
        words = {w.lemma_.lower() for p in preds for w in p.subtree} | {w.lower_ for p in preds for w in p.subtree}
        if not words & self.lex.condemning_words:
            return
        sources = self.phrase_actors(subjects(verb))
        if not sources and self.reporters_second_verb(verb):
            sources = self.phrase_actors(subjects(verb.head.head))
            self.reporter_acts.add((id(verb.doc), verb.i))
        targets = self.phrase_actors(objs) or self.phrase_actors([p for o in objs for p in self.owners(o)]) \
            or self.act_authors(objs, sources)
        targets = [t for t in targets if t not in sources]
        if sources and targets:
            self.emit(_Found(sources, targets, "111", False, None, verb), verb, sent)

    @staticmethod
    def organ_of_own_state(source: str, target: str) -> bool:
        """KENGOV -> KEN, KEN -> KENMIL: an organ of a state paired with that state itself. Rebels or
        an opposition against their own country (AZEREB -> AZE) are real events and are kept."""
        short, long_ = sorted((source, target), key=len)
        return len(short) == 3 and long_.startswith(short) and long_[3:6] in STATE_ORGANS and not short.startswith("IGO")

    def visit_pairs(self, found: _Found, anchor: Token) -> list[tuple[str, str | None, str]]:
        """"Kim and Rudenko signed the protocol in Moscow", "met at the White House": meeting or
        signing in another country's capital or seat is a visit (042) that the country hosts (043)."""
        places = prep_objects(anchor, ("in", "at")) + [
            p for o in direct_objects(anchor) for p in prep_objects(o, ("in", "at"))]  # "signed a treaty in Oslo"
        if anchor.pos_ in ("NOUN", "PROPN") and anchor.dep_ == "pobj" and anchor.head.head.pos_ == "VERB":
            places += prep_objects(anchor.head.head, ("in", "at"))  # "signed ... at a ceremony in Oslo"
        # "in a signing ceremony presided over by Trump at the White House": the occasion's place
        places += [t for p in places if not self.actors_at(p) and p.lemma_.lower() in OCCASIONS
                   for t in p.subtree if t.dep_ == "pobj" and t.head.lower_ in ("in", "at") and t is not p]
        hosts = [h for p in places for h in self.actors_at(p) if len(h) == 3 or h.endswith("GOV")]
        out: list[tuple[str, str | None, str]] = []
        for host in dict.fromkeys(hosts):
            for party in dict.fromkeys(found.sources + found.targets):
                # an organisation meeting at its seat ("NATO ministers met in Brussels") visits nobody
                if party[:3] != host[:3] and not party.startswith("IGO"):
                    out += [(party, host, "042"), (host, party, "043")]
        return out

    @staticmethod
    def by_remote_link(anchor: Token) -> bool:
        """"via video link", "in a video call", "by videoconference", "over the phone"."""
        for o in prep_objects(anchor, ("via", "by", "in", "over", "during", "through")):
            words = {t.lower_ for t in o.subtree}
            if o.lemma_.lower() in ("videoconference", "video-conference", "teleconference") or (
                    o.lemma_.lower() in ("link", "call", "conference", "summit", "meeting")
                    and words & {"video", "virtual", "phone", "telephone"}):
                return True
        return False

    def latest_aid_recipient(self, sources: list[str]) -> list[str]:
        """"Japan sent rescue teams to the Philippines ... The United States pledged $25 million in
        emergency assistance": aid whose recipient goes unnamed, in a story that has named the
        recipient of earlier aid, goes to that recipient (donors listed one after another)."""
        for e in reversed(self.events):
            if e.target and not e.negated and (root_of(e.cameo) == "07" or e.cameo.startswith("033")):
                return [e.target] if e.target not in sources else []
        return []

    def threatened_by_source(self, anchor: Token, sources: list[str]) -> bool:
        """Whether the act is the complement of a threat verb said by its own source ("X
        threatened to ...", "X vowed it would ..."), not a warning about someone else's act."""
        if anchor.dep_ not in ("xcomp", "ccomp") or anchor.head.pos_ != "VERB" or negated(anchor.head):
            return False
        if anchor.head.lemma_.lower() not in self.lex.threat_verbs:
            return False
        return bool(set(self.phrase_actors(subjects(anchor.head))) & set(sources))

    @staticmethod
    def on_condition(anchor: Token) -> bool:
        """A clause of condition on the act: "unless X ...", "if X does not ..."."""
        for c in children(anchor, "advcl"):
            marks = {m.lower_ for m in children(c, "mark")}
            if "unless" in marks or ("if" in marks and negated(c)):
                return True
        return False

    def has_ultimatum(self, anchor: Token) -> bool:
        """"... to abandon X or risk harming their interests", "... or face consequences"."""
        toks = [t for t in anchor.subtree if t.i > anchor.i]
        return any(a.lower_ in ("or", "else") and b.lemma_.lower() in self.lex.ultimatum
                   for a, b in zip(toks, toks[1:], strict=False))

    def reporters_of(self, anchor: Token) -> list[str]:
        """Who alleges the act in whose clause ``anchor`` sits ("intelligence reported that ..."),
        through complement clauses only; [] when nobody named does."""
        for head, dep in governors(anchor):
            if dep not in COMPLEMENT_DEPS:
                break
            if head.pos_ == "NOUN" and head.lemma_.lower() in self.lex.report_nouns and dep in ("acl", "ccomp"):
                # "the Ukrainian ambassador's words that Pyongyang is planning to send troops"
                return [r for r in self.phrase_actors(self.owners(head)) if r[3:6] != "MED"]
            if head.pos_ == "VERB" and self.lex.attribution.get(head.lemma_.lower()) == "alleged" \
                    and dep in ("ccomp", "xcomp", "pcomp") and not negated(head):
                # news media report; they do not charge ("Ukrainian media reported that ...")
                return [r for r in self.phrase_actors(subjects(head)) if r[3:6] != "MED"]
        # "According to Seoul's spy agency, North Korea has sent troops"
        return [r for r in self.phrase_actors(self.according_to(anchor)) if r[3:6] != "MED"]

    @staticmethod
    def according_to(anchor: Token) -> list[Token]:
        """The source named by "according to X" on the anchor's clause or a clause above it."""
        for clause in [anchor, *(h for h, _ in governors(anchor))]:
            for acc in children(clause, "prep"):
                if acc.lower_ == "according":
                    return [o for p in children(acc, "prep") if p.lower_ == "to" for o in children(p, "pobj")]
        return []

    def evidence(self, sent: Span, anchor: Token) -> Evidence:
        """The sentence, cut to the paragraph of the anchor when the parser ran two together."""
        text = self.text
        start, end = sent.start_char + self.offset, sent.end_char + self.offset
        at = anchor.idx + self.offset
        for m in PARAGRAPH_BREAK.finditer(text, start, end):
            if m.end() <= at:
                start = m.end()
            elif m.start() >= at + len(anchor):
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
        text = self.text
        sents = list(self.ctx.doc.sents)
        # The parser sometimes runs a headline or several paragraphs into one sentence; those
        # paragraphs are parsed again alone (in one batch), unless they are page chrome.
        pieces: dict[int, list[tuple[int, int]]] = {}
        for n, sent in enumerate(sents):
            inner = text[sent.start_char:sent.end_char].strip()
            if self.ctx.nlp is None or not PARAGRAPH_BREAK.search(inner):
                continue
            bounds = [sent.start_char] + [x for m in PARAGRAPH_BREAK.finditer(text, sent.start_char,
                                                                          sent.end_char)
                                          for x in (m.start(), m.end())] + [sent.end_char]
            pieces[n] = [(a, b) for a, b in zip(bounds[::2], bounds[1::2], strict=True)
                         if text[a:b].strip() and not all(is_chrome_line(ln) for ln in text[a:b].splitlines()
                                                          if ln.strip())]
        # (Exchange tickers such as "SAABb.ST" no longer cut sentences: nlp.py keeps them one token.)
        flat = [p for n in sorted(pieces) for p in pieces[n]]
        parsed = dict(zip(flat, self.ctx.nlp.pipe((text[a:b] for a, b in flat),
                                                  disable=["ner"]), strict=True)) if flat else {}
        for n, sent in enumerate(sents):
            if n not in pieces:
                self.code_sentence(sent)
                continue
            for start, end in pieces[n]:
                doc = parsed[(start, end)]
                self.offset, self.piece_text = start, text[start:end]
                for piece in doc.sents:
                    self.code_sentence(piece)
            self.offset, self.piece_text = 0, text
        return self.events

    def code_sentence(self, sent: Span) -> None:
        if sentence_is_discarded(sent, self.piece_text):
            return
        m = DATELINE.match(self.piece_text, sent.start_char)
        self.dateline_end = sent.start_char + self.offset + m.end() if m else -1
        for tok in sent:
            if tok.pos_ in ("VERB", "AUX") or (tok.tag_.startswith("VB") and tok.dep_ != "amod") or \
                    self.mistagged_infinitive(tok):
                self.code_verb(tok, sent)
                if tok.lemma_.lower() in HARM_VERBS:
                    self.code_attack_outcome(tok, sent)
                if tok.lemma_.lower() in NAMING_VERBS:
                    self.code_naming(tok, sent)
                if tok.lemma_.lower() in self.lex.harmful_acts:
                    self.code_harm(tok, sent)
                elif tok.lemma_ == "be" and tok.dep_ == "ccomp":
                    self.code_judgement(tok, sent)
                obligation = obligation_parties(self, tok)
                if obligation is not None:  # "Russia said Washington must show political will"
                    speakers, obliged, anchor = obligation
                    self.emit(_Found(speakers, obliged, DEMAND_CODE, False, None, anchor), anchor, sent)
                guarantee = guarantee_parties(self, tok)
                if guarantee is not None:  # "an attack on Belarus equates to an attack on Russia"
                    guarantors, protected, anchor = guarantee
                    self.emit(_Found(guarantors, protected, GUARANTEE_CODE, False, None, anchor), anchor, sent)
            if tok.dep_ == "amod" and tok.lemma_.lower() in self.lex.condemning_words:
                self.code_condemned_act(tok, sent)
            if tok.lower_ in self.lex.unanswered_words:
                self.code_unanswered(tok, sent)
            if tok.lower_ in self.lex.modifiers:
                self.code_modifier(tok, sent)
            elif tok.pos_ in ("NOUN", "PROPN"):
                self.code_noun(tok, sent)

def code_events(ctx: CodingContext, lexicon: Lexicon | None = None) -> list[Event]:
    """Every event the document reports between resolved actors, in text order."""
    return _Coder(ctx, lexicon or default_lexicon()).run()


