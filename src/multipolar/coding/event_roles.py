"""Finding the actors of an event in a dependency parse: who acts, on whom.

:class:`RoleFinder` holds a document's context while the event coder reads it, and answers
"which actor codes does this phrase name" (through resolved mentions, titles, pronouns bound by
syntax, generic heads like "leaders of ...") and "who is the target of this verb" (the slots a
lexicon rule names). It never looks names up: mentions come from ``ctx.actors``.
"""

from __future__ import annotations

from spacy.tokens import Token

from . import CodingContext
from .cameo import root_of
from .syntax import (
    agent_of,
    children,
    conjuncts,
    dative_of,
    direct_objects,
    prep_objects,
    subjects,
)
from .verbs import Lexicon, VerbRule

ACTOR_MODIFIER_DEPS = ("poss", "compound", "amod", "nmod", "npadvmod")
BOUND_PRONOUNS = {"it", "they", "its", "their", "them"}
# hostile acts (CAMEO roots 13-20) whose author a promised retaliation answers ("would respond")
AGGRESSION_PREFIXES = ("13", "15", "16", "17", "18", "19", "20")
# participles that name who put a proposal forward: "a US-drafted resolution", "a text sponsored by X"
SPONSOR_VERBS = {"draft", "sponsor", "propose", "table", "submit", "introduce", "author", "back",
                 "present", "co-sponsor", "cosponsor", "put"}
OBJECT_RELATIVES = {"which", "whom", "who", "that"}
EXCHANGE_NOUNS = {"swap", "exchange", "trade", "deal"}
HOLDING_VERBS = {"hold", "detain", "imprison", "jail", "keep", "capture", "abduct", "kidnap"}
LOCATION_HEADS = {"border", "frontier", "territory", "soil", "coast", "water", "airspace", "capital",
                  "region", "city", "town", "port", "base", "embassy", "island", "province", "side",
                  # "struck targets in Syria", "positions in Lebanon": what is hit in a country
                  "target", "position", "site", "facility", "depot", "camp", "village"}
GENERIC_HEADS = {"leader", "leaders", "official", "officials", "counterpart", "counterparts", "delegation",
                 "delegations", "representatives", "envoy", "envoys", "minister", "ministers",
                 "group", "groups", "country", "countries", "nation", "nations", "state", "states",
                 "ally", "allies", "force", "forces", "militia", "militias", "partner", "partners",
                 "office",  # "the office of Iraqi Prime Minister X"
                 # "military commanders from both sides will meet", "negotiators from Chile and Peru"
                 "commander", "commanders", "officer", "officers", "general", "generals",
                 "negotiator", "negotiators", "diplomat", "diplomats", "troops", "soldiers"}
UNKNOWN = "---"  # actor codes of unknown country never act or receive
DEEPER_PREPS = ("in", "of", "on", "for", "to")  # "participation IN the pact with X", "in favour OF X's bid"
NATIONALITY_PREPS = ("on", "against", "about", "over")  # "sanctions on Russian oil", "concerns over Chinese ships"
OWNER_PREPS = ("about", "over", "against", "on", "for", "to", "in")  # "concerns ABOUT Russia's conduct"
# "will not tolerate/accept/allow X's attacks": a warning aimed at the owner of the acts.
NOT_TOLERATED = {"tolerate", "accept", "allow", "permit", "countenance"}
# "send observers to monitor the truce": the purpose verbs and nouns of watching over a ceasefire
TRUCE_WATCH_VERBS = {"monitor", "observe", "oversee", "supervise", "police", "verify", "enforce", "guarantee"}
TRUCE_NOUNS = {"truce", "ceasefire", "cease-fire", "armistice"}
QUANTITY_HEADS = {"thousand", "hundred", "dozen", "dozens", "number", "batch", "shipment", "consignment",
                  "contingent", "unit", "fleet", "squadron", "package", "set", "pair", "range", "array",
                  "million", "billion", "tranche", "worth",
                  "body", "bodies", "remains", "remain"}  # "handed over the bodies of five Indian soldiers"


class RoleFinder:
    def __init__(self, ctx: CodingContext, lex: Lexicon) -> None:
        self.ctx = ctx
        self.lex = lex
        # (accuser, accused, evidence start) in text order
        self.accusations: list[tuple[str, str, int]] = []
        self.text = ctx.doc.text  # spaCy rebuilds Doc.text on every access: read it once
        self.offset = 0  # where the Doc being read starts in the document (re-parsed paragraphs)
        self.piece_text = self.text
        self.dateline_end = -1

    # ----- actors -------------------------------------------------------------------------
    def mention_at(self, tok: Token):
        """The resolved mention over a token (of the document, or of a re-parsed paragraph)."""
        start = tok.idx + self.offset
        if start < self.dateline_end:
            return None  # "SEOUL, South Korea — ...": the place the story was filed from
        return self.ctx.actors.covering(start, start + len(tok))

    def actors_at(self, tok: Token, depth: int = 0) -> list[str]:
        """Actor codes named by the phrase headed by ``tok`` (not looking into its PPs)."""
        m = self.mention_at(tok)
        if m is not None and not all(c.startswith(UNKNOWN) for c in m.codes):
            codes = [c for c in m.codes if not c.startswith(UNKNOWN)]
            if len(codes) == 1 and len(codes[0]) == 3 and tok.i > 0:
                # "Bree Prime Minister Romendacil": the title before the name says which office
                for c in tok.doc[tok.left_edge.i:tok.i]:
                    lm = self.mention_at(c)
                    if lm is not None and lm is not m and len(lm.codes) == 1 and \
                            lm.codes[0].startswith(codes[0]) and len(lm.codes[0]) > 3:
                        return [lm.codes[0]]
            return codes
        # "US Secretary of State Antony Blinken": a role without a country takes the country named
        # beside it; unknown-country codes never make an event on their own.
        out: list[str] = []
        if tok.pos_ == "PROPN" or tok.lemma_.lower() in self.lex.actor_heads or tok.lower_ in self.lex.actor_heads:
            # Actors named in the noun phrase's left part: "North Korean troops", "Russia's forces".
            for c in tok.doc[tok.left_edge.i:tok.i]:
                if c.dep_ in ("relcl", "acl", "appos", "punct") or c.pos_ in ("VERB", "AUX"):
                    continue
                if c.i + 2 < tok.i and c.doc[c.i + 1].text == "-" and c.doc[c.i + 2].lower_ in self.lex.modifiers:
                    continue  # "the UAE-backed council" is the council, not the UAE
                m = self.mention_at(c)
                if m is not None:
                    out.extend(x for x in m.codes if x not in out and not x.startswith(UNKNOWN))
        if not out and tok.lower_ in OBJECT_RELATIVES and tok.dep_ in ("dobj", "pobj") and depth < 2:
            # "Sweden, which Norway accused of ...": the relative pronoun stands for the antecedent.
            clause = next((a for a in tok.ancestors if a.dep_ == "relcl"), None)
            if clause is not None:
                out = self.actors_at(clause.head, depth + 1)
        if not out and depth < 2 and (tok.lemma_.lower() in self.lex.actor_heads or tok.lower_ in self.lex.actor_heads):
            # "Orban, whose government has kept ties with Russia": the government of the antecedent
            if any(c.lower_ == "whose" for c in children(tok, "poss")):
                clause = next((a for a in tok.ancestors if a.dep_ == "relcl"), None)
                if clause is not None:
                    out = [self.country_of(x) for x in self.actors_at(clause.head, depth + 1)]
        if not out and tok.lower_ in BOUND_PRONOUNS and depth < 2:
            out = self.pronoun_antecedent(tok)
        if not out and depth < 2:
            for c in tok.children:  # "MV Torm Thor, a US-flagged tanker"
                if c.dep_ == "appos":
                    out.extend(x for x in self.actors_at(c, depth + 1) if x not in out)
        if not out and (tok.lower_ in GENERIC_HEADS or tok.lemma_.lower() in LOCATION_HEADS) and depth < 2:
            # "leaders of Japan and the US", "its border with Belarus", "ports in South Yemen", "envoys from Chile"
            for o in prep_objects(tok, ("of", "with", "in", "from")):
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

    @staticmethod
    def country_of(code: str) -> str:
        """"HUNGOV" -> "HUN", "IGONAT" stays: what "whose government/troops" belongs to."""
        return code if code.startswith("IGO") else code[:3]

    def pronoun_antecedent(self, pron: Token) -> list[str]:
        """"Hungary said it had signed": a subject pronoun of a reported clause is the reporter.
        "Russia in its war": a possessive "its"/"their" is the nearest actor before it in the clause."""
        if pron.dep_ in ("nsubj", "nsubjpass"):
            clause = pron.head
            if clause.dep_ in ("advcl", "conj") and clause.head.pos_ in ("VERB", "AUX"):
                # "X and Y condemned ..., as they announced": the main clause's subject, if the
                # pronoun's number fits it.
                main = self.phrase_actors(subjects(clause.head))
                if (pron.lower_ == "they" and len(main) >= 2) or (pron.lower_ == "it" and len(main) == 1):
                    return main
            while clause.dep_ == "conj" and clause.head is not clause:
                clause = clause.head
            if clause.dep_ == "relcl" and any(c.lower_ in OBJECT_RELATIVES for c in children(clause, "dobj")):
                # "X said ... the United States, which it accused of ...": in a relative clause
                # about something else inside X's report, "it" is X.
                clause = next((a for a in clause.ancestors if a.dep_ == "ccomp"), clause)
            if clause.dep_ == "ccomp" and clause.head.pos_ in ("VERB", "AUX"):
                reporter = self.phrase_actors(subjects(clause.head))
                if len(reporter) == 1 or (pron.lower_ == "they" and reporter):
                    return reporter
            return []
        if pron.dep_ in ("dobj", "dative") and pron.lower_ in ("them", "it"):
            # "ordered three diplomats to leave, accusing them of spying": an object pronoun of a
            # participle or coordinated clause is the governing clause's object
            clause = pron.head
            if clause.dep_ in ("advcl", "conj") and clause.head.pos_ in ("VERB", "AUX"):
                objs = children(clause.head, "dobj")
                found = [c for c in self.phrase_actors(objs) if not c.startswith(UNKNOWN)]
                if found:
                    return found
            return []
        if pron.dep_ == "poss" and pron.lower_ in ("its", "their"):
            for t in reversed(pron.doc[pron.sent.start:pron.i]):
                if t.pos_ in ("PROPN", "NOUN") and t.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass", "conj"):
                    m = self.mention_at(t)
                    if m is not None:
                        return [c for c in m.codes if not c.startswith(UNKNOWN)]
        return []

    def phrase_actors(self, heads: list[Token]) -> list[str]:
        out: list[str] = []
        for h in heads:
            members = conjuncts(h)
            # "Fornost and the evil Gondor" is sometimes parsed as a coordinated modifier of the
            # last name; a modifier that carries its own coordination is part of the phrase.
            members += [x for t in list(members) for c in t.children
                        if c.dep_ == "nmod" and c.i < t.i and any(g.dep_ in ("cc", "conj") for g in c.children)
                        for x in conjuncts(c)]
            for t in members:
                for code in self.actors_at(t):
                    if code not in out:
                        out.append(code)
        return out

    def reporting_verb(self, clause: Token) -> Token | None:
        """The verb of saying that ``clause`` is the reported content of ("Moscow said [Kyiv must
        withdraw]"), or None."""
        head = clause.head
        if clause.dep_ == "ccomp" and head.lemma_.lower() in self.lex.speech_verbs:
            return head
        return None

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
                # "suspended its relations with Quito in solidarity with Mexico": when the object
                # carries its own phrase with the preposition, it names the partner of that object
                # (the verb's may belong to a side phrase the parser hung on the verb)
                own = [x for o in objects for x in prep_objects(o, (prep,))] if prep_objects(verb, (prep,)) else []
                found = self.phrase_actors(own) or self.phrase_actors(prep_objects(verb, (prep,)))
                if not found and prep in OWNER_PREPS:
                    # "concerns about Russia's conduct": the owner of what the phrase is about;
                    # "tariffs on Chinese cars": the country its adjective names
                    about = prep_objects(verb, (prep,)) + [x for ob in objects for x in prep_objects(ob, (prep,))]
                    found = self.phrase_actors([p for o in about for p in children(o, "poss")])
                    if not found and prep in NATIONALITY_PREPS:
                        found = self.phrase_actors([p for o in about for p in children(o, "amod", "compound")
                                                    if p.i < o.i])
                if not found:
                    # "participation in the pact WITH X", "committed to collaboration WITH X"
                    inner = prep_objects(verb, DEEPER_PREPS + ("to",)) if prep != "to" else []
                    for o in objects + inner + [d for x in objects for d in prep_objects(x, DEEPER_PREPS)]:
                        found = self.phrase_actors(prep_objects(o, (prep,)))
                        if found:
                            break
            elif slot in ("poss", "objmod"):
                for o in objects + [d for x in objects for d in prep_objects(x, DEEPER_PREPS)]:
                    for c in o.children:
                        if c.dep_ in ACTOR_MODIFIER_DEPS and (slot == "objmod" or c.dep_ == "poss"):
                            found.extend(x for x in self.phrase_actors([c]) if x not in found)
            elif slot == "sponsor":  # "vetoed a US-drafted resolution", "a text sponsored by X"
                for o in objects + [d for x in objects for d in prep_objects(x, DEEPER_PREPS)]:
                    for p in children(o, "amod", "acl"):
                        if p.lemma_.lower() in SPONSOR_VERBS:
                            found.extend(x for x in self.phrase_actors(
                                children(p, "npadvmod", "compound", "nmod") + agent_of(p)) if x not in found)
            elif slot == "accuser":
                found = self.latest_accusers(sources)
            elif slot == "aggressor":  # "vowed revenge", "said Moscow would respond"
                found = self.latest_aggressors(sources)
            elif slot == "held_in":  # "the release of two nationals held in Iran": whoever holds them
                held = [c for o in objects for p in prep_objects(o, ("of",)) for c in children(p, "acl")
                        if c.lemma_.lower() in HOLDING_VERBS]
                found = self.phrase_actors([x for c in held for x in prep_objects(c, ("in", "by"))])
            elif slot == "nationality":  # "freed two French citizens", "freed X, an Iranian engineer"
                heads = objects + [a for o in objects for a in children(o, "appos")]
                found = self.phrase_actors([c for h in heads for c in h.children
                                            if c.dep_ in ("amod", "compound", "poss") and c.i < h.i])
            elif slot == "governor_subjects":  # "A and B agreed to a truce brokered by C": A and B
                h = verb.head if verb.dep_ == "acl" else None
                while h is not None and h.dep_ in ("pobj", "prep") and h.head is not h:
                    h = h.head
                if h is not None and h.dep_ in ("dobj", "nsubjpass", "attr"):
                    h = h.head
                if h is not None and h.pos_ in ("VERB", "AUX"):
                    found = self.phrase_actors(subjects(h))
                    if found and verb.head.lemma_.lower() in EXCHANGE_NOUNS:
                        # "Iran released French citizens in a swap mediated by Oman": a swap has
                        # two sides, the releaser and the state whose people it releases
                        released = children(h, "dobj")
                        sides = self.phrase_actors(released) or self.phrase_actors(
                            [c for o in released for c in o.children if c.dep_ in ACTOR_MODIFIER_DEPS])
                        found += [x for x in sides if x not in found]
            elif slot == "act_author":  # "condemned the veto": whoever did the act reported before
                found = self.act_authors(objects + prep_objects(verb, ("over", "about")) + [
                    x for o in objects for x in prep_objects(o, ("over", "about", "at"))], sources)
            elif slot == "phrase":  # the first actor named in the verb phrase, outside its clauses
                found = self.first_actor_after(verb)
            elif slot == "deal_partner":  # "signed a deal to buy jets from Sweden"
                acts = [a for o in objects for a in children(o, "acl")] + [
                    a for a in children(verb, "advcl", "xcomp") if any(x.lower_ == "to" for x in children(a, "aux"))]
                for act in acts:
                    found = self.phrase_actors(children(act, "dobj", "dative")) or self.phrase_actors(
                        [x for h in [act, *children(act, "dobj")] for x in prep_objects(h, ("from", "with", "to"))])
                    if found:
                        break
            elif slot == "not_tolerated":  # "warned that it will not tolerate Houthi attacks"
                acts = [o for c in children(verb, "ccomp") if c.lemma_.lower() in NOT_TOLERATED and
                        any(n.dep_ == "neg" or n.lower_ == "never" for n in c.children)
                        for o in direct_objects(c)]
                found = [x for o in acts for c in o.children if c.dep_ in ACTOR_MODIFIER_DEPS
                         for x in self.phrase_actors([c])]
            elif slot == "truce_parties":  # "offered to send observers to monitor the truce"
                found = self.truce_parties(verb)
            elif slot == "clause_subject":  # "demanded that the West facilitate ..."
                found = self.phrase_actors([x for c in children(verb, "ccomp") for x in subjects(c)])
            found = [f for f in found if f not in sources] if slot != "accuser" else found
            if found:
                return found
        return []

    def first_actor_after(self, verb: Token, clauses: tuple[str, ...] = ("ccomp", "advcl", "conj",
                                                                          "parataxis", "relcl")) -> list[str]:
        """The first actor in the verb's phrase after it, outside ``clauses``; failing that, in its
        complement clause ("allowed that Mordor is ...")."""
        skip = {c.i for c in verb.children if c.dep_ in clauses}
        stack = [c for c in verb.children if c.i > verb.i and c.i not in skip and c.dep_ not in ("cc", "punct")]
        for tok in sorted((t for c in stack for t in c.subtree), key=lambda t: t.i):
            if any(a.i in skip for a in tok.ancestors if a.i > verb.i):
                continue
            m = self.mention_at(tok)
            if m is not None:
                return [c for c in m.codes if not c.startswith(UNKNOWN)]
        if "ccomp" in clauses:
            return self.first_actor_after(verb, ("advcl", "conj", "parataxis", "relcl"))
        return []

    def purpose_targets(self, verb: Token, sources: list[str]) -> list[str]:
        """"sent troops to fight in Russia's war" / "to help Russia": the beneficiary named in a
        purpose clause, when the verb itself names no recipient."""
        # "to help Russia" hangs on the verb, or on its object ("troops to fight in Russia's war").
        clauses = [(c, c.dep_) for c in verb.children] + [
            (c, "xcomp") for o in direct_objects(verb) for c in o.children if c.dep_ in ("relcl", "acl")]
        for c, dep in clauses:
            if dep in ("xcomp", "advcl") and any(a.lower_ == "to" for a in children(c, "aux")):
                heads = children(c, "dobj") + prep_objects(c, ("for", "alongside", "with"))
                # "to fight in Russia's war": the war's owner; "to fight in Ukraine" names only
                # where they fight, not whom they help (left uncoded, see the lexicon's note)
                owned = [p for h in prep_objects(c, ("in",)) for p in children(h, "poss")]
                for h in heads + owned:
                    found = self.actors_at(h) or [x for p in children(h, "poss") for x in self.actors_at(p)]
                    found = [f for f in found if f not in sources]
                    if found:
                        return found
        return []

    def place_targets(self, verb: Token, sources: list[str]) -> list[str]:
        """"in Ukraine, where Russia is waging a campaign": the place a relative clause is about."""
        if verb.dep_ == "relcl" and any(c.lower_ == "where" for c in verb.children):
            place = self.actors_at(verb.head) or self.phrase_actors(prep_objects(verb.head, ("in",)))
            if not place:
                # '... the conflict in Ukraine", where Russia is waging ...': a closing quote may
                # make the parser hang the clause elsewhere; "where" still names the place just before
                k = verb.left_edge.i - 1
                while k >= 0 and verb.doc[k].is_punct and k > verb.left_edge.i - 4:
                    k -= 1
                if k >= 0 and verb.doc[k].pos_ == "PROPN":
                    place = self.actors_at(verb.doc[k])
            return [f for f in place if f not in sources]
        return []

    def truce_parties(self, verb: Token) -> list[str]:
        """"send observers to monitor the truce": the parties of the ceasefire reported before
        (CAMEO 0871), when the verb's purpose clause watches over a truce."""
        purposes = [x for x in children(verb, "advcl", "xcomp") if x.lemma_.lower() in TRUCE_WATCH_VERBS]
        if not any(o.lemma_.lower() in TRUCE_NOUNS for p in purposes for o in children(p, "dobj")):
            return []
        truces = [e for e in getattr(self, "events", []) if e.cameo.startswith("0871")]
        if not truces:
            return []
        last = truces[-1]
        same = [e for e in truces if e.evidence.start == last.evidence.start]
        return list(dict.fromkeys([e.source for e in same] + [e.target for e in same if e.target]))

    def struck_in(self, verb: Token, sources: list[str]) -> list[str]:
        """"struck targets in Syria", "carried out airstrikes in Afghanistan": the country an
        attack with no named recipient falls in (the parser hangs the in-phrase on the verb)."""
        place = self.phrase_actors(prep_objects(verb, ("in", "inside")))
        return [f for f in place if f not in sources and len(f) == 3 and not f.startswith(UNKNOWN)]

    def verb_objects(self, verb: Token, rule: VerbRule) -> list[Token] | None:
        """The object phrase heads that satisfy the rule, [] if it needs none; None if no match."""
        objs = direct_objects(verb) or self.free_relative_objects(verb)
        cand = list(objs)
        if rule.objects is not None:
            cand += dative_of(verb)  # "gave the French ambassador 48 hours to leave"
        if rule.object_preps:
            cand += prep_objects(verb, rule.object_preps)
            for p in children(verb, "prt"):
                if p.lower_ in rule.object_preps:
                    cand += prep_objects(verb, ("from", "of"))
        if rule.objects is None:
            return objs
        # "thousands of troops", "a batch of missiles": the quantity's of-object is the real object.
        cand += [p for o in list(cand) if o.lemma_.lower() in QUANTITY_HEADS or o.pos_ == "NUM"
                 for p in prep_objects(o, ("of", "in"))]  # "$5 million in aid"
        hits = [o for o in cand for t in conjuncts(o)
                if t.lemma_.lower() in rule.objects or t.lower_ in rule.objects
                or any(c.dep_ == "compound" and c.lemma_.lower() in rule.objects for c in t.children)
                # "donated $10 million": the parser heads the amount with "million", the sign hangs off it
                or any(c.dep_ == "quantmod" and c.lower_ in rule.objects for c in t.children)]
        if rule.object_mods:
            # "abandon economic ties": every further pattern word is somewhere in the object phrase
            hits = [o for o in hits if all(any(w.lower_ in need or w.lemma_.lower() in need
                                               for w in o.subtree if w.i != o.i) for need in rule.object_mods)]
        return hits or None

    @staticmethod
    def free_relative_objects(verb: Token) -> list[Token]:
        """"struck what the military described as Hezbollah depots": the as-phrase names the object."""
        for c in children(verb, "ccomp"):
            if any(o.lower_ == "what" for o in children(c, "dobj")):
                return prep_objects(c, ("as",))
        return []

    def noun_source(self, noun: Token, code: str, depth: int = 0) -> list[str]:
        out: list[str] = []
        for c in noun.children:
            if c.dep_ in ACTOR_MODIFIER_DEPS and c.i < noun.i:
                out.extend(x for x in self.phrase_actors([c]) if x not in out)
        if not out:
            # "Armenia's renewed fighting": the parser may hang the possessive on the participle.
            owners = [g for c in noun.children if c.dep_ == "amod" and c.i < noun.i for g in c.children
                      if g.i < c.i and any(x.dep_ == "case" and x.lower_ in ("'s", "’s") for x in g.children)]
            out = self.phrase_actors(owners)
        if not out:
            out = self.phrase_actors(prep_objects(noun, ("by",)))
        if not out and noun.dep_ == "appos":
            out = self.phrase_actors([noun.head])
        if not out and noun.dep_ in ("dobj", "attr", "conj") and noun.head.pos_ in ("VERB", "AUX") and (
                noun.dep_ == "attr" or noun.head.lemma_.lower() in self.lex.light_verbs):
            out = self.phrase_actors(subjects(noun.head))
        if not out and noun.dep_ == "pobj" and noun.head.dep_ == "prep":
            governor = noun.head.head
            if noun.head.lower_ == "including" and root_of(code) in ("05", "06"):
                # "X strengthened ties with ..., including pacts with Y": the list belongs to X.
                while governor.pos_ not in ("VERB", "AUX") and governor.head is not governor:
                    governor = governor.head
                out = self.phrase_actors(subjects(governor)) if governor.pos_ in ("VERB", "AUX") else []
            elif governor.pos_ in ("VERB", "AUX") and root_of(code) == "04" and noun.head.lower_ in (
                    "during", "at", "after", "following", "before", "on", "in"):
                out = self.phrase_actors(subjects(governor))  # "During a meeting with X, Y said"
            elif governor.pos_ == "VERB" and governor.lemma_.lower() in self.lex.light_verbs:
                out = self.phrase_actors(subjects(governor))  # "move ahead with the transfer of ..."
        if not out and noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN") and depth < 3:
            out = self.noun_source(noun.head, code, depth + 1)  # "pacts with A and B, and an agreement with C"
        return out

    def act_authors(self, nouns: list[Token], sources: list[str]) -> list[str]:
        """The sources of the latest earlier event that an act noun ("the veto", "the sanctions")
        refers back to, by the CAMEO prefixes the lexicon gives the noun. An act noun that names
        its own author ("Russia's veto") is left to the poss/objmod slots."""
        events = getattr(self, "events", [])
        for noun in nouns:
            prefixes = self.lex.act_nouns.get(noun.lemma_.lower()) or self.lex.act_nouns.get(noun.lower_)
            if not prefixes:
                continue
            fits = [e for e in events if e.source not in sources and not e.negated and e.cameo.startswith(prefixes)]
            # an earlier report that used the same word ("imposed sanctions" for "the sanctions")
            # beats a later one of the same kind told in other words (a retaliatory import ban)
            stem = noun.lemma_.lower().rstrip("s")
            worded = [e for e in fits if stem in e.evidence.text.lower()]
            if not fits and any(p.startswith(("17", "18", "19")) for p in prefixes):
                # "NATO condemned the attack" after "Prague accused China of being behind the
                # campaign": the attack nobody was reported doing is the one someone was accused of
                accused = [t for a, t, _ in getattr(self, "accusations", []) if a not in sources and t not in sources]
                if accused:
                    return [accused[-1]]
            if worded or fits:
                e = (worded or fits)[-1]
                # a joint act ("Russia and China vetoed ...") was done by every source of that report
                return list(dict.fromkeys(x.source for x in fits if x.evidence.start == e.evidence.start
                                          and x.cameo == e.cameo))
        return []

    def latest_aggressors(self, victims: list[str]) -> list[str]:
        """Who did the latest hostile act (CAMEO 13-20) reported so far against one of ``victims``
        (or against an organ of a victim's state): the one a promised retaliation answers."""
        countries = {self.country_of(v) for v in victims}
        for e in reversed(getattr(self, "events", [])):
            if e.target is not None and not e.negated and e.cameo.startswith(AGGRESSION_PREFIXES) and \
                    self.country_of(e.target) in countries | set(victims) and self.country_of(e.source) not in countries:
                return [e.source]
        return []

    def latest_accusers(self, deniers: list[str]) -> list[str]:
        """Who made the latest accusation against any of ``deniers`` ("Both X and Y deny these
        allegations" answers the last charge against either of them)."""
        countries = {self.country_of(d) for d in deniers}
        for _accuser, accused, report in reversed(self.accusations):
            # the state answers for its organs: "Iran's foreign ministry rejected the criticism"
            # of what its Revolutionary Guards did
            if accused in deniers or self.country_of(accused) in countries:
                # a joint charge ("Britain, France and Germany accused ...") is answered to all
                return list(dict.fromkeys(a for a, b, r in self.accusations if b == accused and r == report))
        return []
