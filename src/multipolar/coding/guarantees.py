"""Security guarantees told as a conditional about an attack.

"Putin said an attack on Belarus equates to an attack on Russia", "Any attack on Philippine
vessels would invoke our mutual defense treaty, he said": the speaker (or the state the attack is
equated with an attack on) undertakes to defend the state named after "attack on". CAMEO 1.1b3
0334 "express intent to provide military protection or peacekeeping". The words are in the
``guarantee`` section of ``data/verbs/lexicon.yaml``.
"""

from __future__ import annotations

from spacy.tokens import Token

from .syntax import children, prep_objects, subjects

GUARANTEE_CODE = "0334"


def attack_on(tok: Token, attack_nouns: frozenset[str]) -> list[Token]:
    """The objects of "on"/"against" of an attack noun ("an attack ON Belarus"), [] if not one."""
    if tok.lemma_.lower() not in attack_nouns:
        return []
    return prep_objects(tok, ("on", "against"))


def guarantee_parties(coder, verb: Token) -> tuple[list[str], list[str], Token] | None:
    """(guarantors, protected, anchor) when ``verb`` states that an attack on a state would be met
    as one on the guarantor or would invoke its treaty; None otherwise."""
    words = coder.lex.guarantee
    if verb.lemma_.lower() not in words["invoking"] | words["equating"]:
        return None
    attacked = [o for s in subjects(verb) for o in attack_on(s, words["attack_nouns"])]
    protected = coder.phrase_actors(attacked)
    if not protected:
        return None
    speech = coder.reporting_verb(verb)
    speakers = coder.phrase_actors(subjects(speech)) if speech is not None else []
    if verb.lemma_.lower() in words["invoking"]:
        # "would invoke our mutual defense treaty": the treaty's owner, else the speaker
        invoked = [o for o in children(verb, "dobj") if o.lemma_.lower() in words["invoked"]]
        if not invoked:
            return None
        owners = [c for o in invoked for c in children(o, "poss") if c.lower_ not in ("our", "its", "their")]
        guarantors = coder.phrase_actors(owners) or speakers
    else:
        # "equates to an attack on Russia", "would be an attack on all NATO members"
        equated = [x for x in children(verb, "attr", "acomp") + prep_objects(verb, ("to", "as"))
                   for x in attack_on(x, words["attack_nouns"])]
        guarantors = coder.phrase_actors(equated)
    guarantors = [g for g in guarantors if g not in protected]
    if not guarantors:
        return None
    return guarantors, protected, speech if speech is not None else verb
