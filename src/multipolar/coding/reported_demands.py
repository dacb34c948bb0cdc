"""Demands told as an obligation in reported speech.

"Russia said Washington must show political will", "Kyiv insisted that Moscow has to withdraw":
the speaker demands the act of the state that "must" do it (CAMEO 1.1b3 10 "demand"). "Should"
is advice (an appeal, root 02, not coded here). The modal words are in the ``obligation_modals``
list of ``data/verbs/lexicon.yaml``.
"""

from __future__ import annotations

from spacy.tokens import Token

from .syntax import children, subjects

DEMAND_CODE = "100"


def obligation_parties(coder, verb: Token) -> tuple[list[str], list[str], Token] | None:
    """(speakers, obliged, speech verb) when ``verb`` is a reported "X must ..." clause."""
    clause = verb
    while clause.dep_ == "conj" and clause.head is not clause:  # "... is reversible but X must show ..."
        clause = clause.head
    speech = coder.reporting_verb(clause)
    if speech is None:
        return None
    modals = {c.lower_ for c in children(verb, "aux")}
    # "has to withdraw": the parser makes "has" the clause verb and "withdraw" its xcomp
    if not modals & coder.lex.obligation_modals and not (
            verb.lemma_.lower() == "have" and any(
                x.dep_ == "xcomp" and any(a.lower_ == "to" for a in children(x, "aux")) for x in verb.children)):
        return None
    speakers = coder.phrase_actors(subjects(speech))
    obliged = coder.phrase_actors(subjects(verb))
    if not speakers or not obliged or {x[:3] for x in obliged} & {x[:3] for x in speakers}:
        return None  # "the two sides must ...", "we must ...": a shared duty, not a demand
    return speakers, obliged, speech
