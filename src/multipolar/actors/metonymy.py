"""A city that stands for an organisation seated there ("Brussels" for the EU), read by its role.

The city is the organisation when the clause uses it as an actor: subject ("Brussels imposed
tariffs"), possessor ("Brussels' decision"), passive agent, object of a verb other than a movement
("urged Brussels"), object of "with"/"against"/"between"/"to"/"from" after a word that is not a
movement ("talks with Brussels", "a letter to Brussels", "pressure from Brussels"). It is a place
when it is the object of a place preposition ("in Brussels"), of a movement ("visited Brussels",
"flew to Brussels"), a modifier of another noun ("the Brussels summit"), or a dateline
("BRUSSELS (Reuters) -"). Coordinated cities take their first conjunct's role ("Brussels and
Washington agreed"). The names and organisations are data (data/actors/seat_metonyms.tsv).
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from .dictionary import fold, read_tsv

PLACE_PREPS = frozenset({"in", "at", "near", "outside", "around", "across", "into", "through", "via",
                         "inside", "throughout", "within", "toward", "towards", "beyond", "of"})
# words whose "to"/"from" object is where someone goes: "flew to Brussels", "returned from Brussels"
MOVEMENT = frozenset({"visit", "travel", "fly", "go", "come", "head", "arrive", "return", "move", "relocate",
                      "trip", "journey", "flight", "drive", "walk", "commute", "march", "sail", "rush",
                      "invite", "summon", "deport", "extradite", "base", "headquarter", "station", "way"})
# verbs whose object is a place: "visited Brussels", "left Brussels"
PLACE_OBJECT_VERBS = frozenset({"visit", "leave", "reach", "tour", "enter", "flee", "host", "rock", "hit"})
ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "dative"})
PARTNER_PREPS = frozenset({"with", "against", "between", "by", "to", "from", "for", "on", "over", "toward"})


@lru_cache(maxsize=1)
def seat_metonyms() -> dict[str, str]:
    """Lowercase city name -> the code of the organisation it stands for."""
    return {fold(r["name"]): r["code"] for r in read_tsv(name="seat_metonyms.tsv")}


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def stands_for_organisation(doc: Doc, i: int, j: int, agent_follows: bool) -> bool:
    """Whether the city name at tokens ``[i, j)`` is used as an actor (see the module text).
    ``agent_follows``: an agent noun comes right after it ("Brussels officials")."""
    tok = doc[j - 1]
    if tok.text.isupper() and len(tok.text) > 3:
        return False  # a dateline: "BRUSSELS (Reuters) -"
    if j + 1 < len(doc) and doc[j].text == "," and doc[j + 1].text[:1].isupper() and doc[j + 1].ent_type_ == "GPE":
        return False  # "Brussels, Belgium"
    if agent_follows:
        return True
    if not doc.has_annotation("DEP"):
        return i > 0 and doc[i - 1].lower_ not in PLACE_PREPS and doc[i - 1].lower_ != "to"
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ in ACTOR_DEPS or tok.dep_ == "agent":
        return True
    if tok.dep_ == "dobj":
        return _lemma(tok.head) not in PLACE_OBJECT_VERBS
    if tok.dep_ == "pobj":
        prep = tok.head
        if prep.lower_ in PLACE_PREPS:
            return False
        if prep.dep_ == "agent":
            return True
        return prep.lower_ in PARTNER_PREPS and _lemma(prep.head) not in MOVEMENT
    return False
