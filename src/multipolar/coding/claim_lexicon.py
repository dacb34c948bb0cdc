"""The claim coder's data (``data/claims/claims.yaml``) and the topic of a claim's content."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Token

from .agreement_syntax import actor_codes


@lru_cache(maxsize=1)
def claim_lexicon() -> dict:
    text = resources.files("multipolar").joinpath("data", "claims", "claims.yaml").read_text(encoding="utf-8")
    lex = yaml.safe_load(text)
    lex["topic_res"] = [(t, re.compile(p, re.I)) for t, p in lex["topics"]]
    lex["object_topic_res"] = [(t, re.compile(p, re.I)) for t, p in lex["object_topics"]]
    return lex


def topic_of(text: str, core: str | None = None) -> str:
    """The topic of a claim's content: by the conduct it words, else by the objects its core
    (``core``: the content without embedded clauses; default the whole text) names."""
    lex = claim_lexicon()
    for topic, pattern in lex["topic_res"]:
        if pattern.search(text):
            return topic
    for topic, pattern in lex["object_topic_res"]:
        if pattern.search(core if core is not None else text):
            return topic
    return "other"


@lru_cache(maxsize=1)
def _collectives() -> dict:
    text = resources.files("multipolar").joinpath("data", "claims", "collectives.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    return {"nouns": frozenset(data["nouns"]), "descriptions": frozenset(data["description_nouns"]), "regions": {k: frozenset(v) for k, v in data["regions"].items()}}


def collective_members(ctx, tok: Token) -> list[str]:
    """The countries a collective phrase headed by ``tok`` stands for ("its European allies"):
    those of the adjective's region that the document names together in one coordinated list
    of at least two ("Britain, France, and Germany"). Empty when ``tok`` is no such phrase or
    the text lists none."""
    data = _collectives()
    if tok.lower_ not in data["nouns"]:
        return []
    region = _region_of(tok)
    if region is None:
        return []
    out: list[str] = []
    for head in ctx.doc:
        if head.dep_ == "conj" or not any(c.dep_ == "conj" for c in head.children):
            continue
        listed = []
        for item in [head, *head.conjuncts]:
            m = ctx.actors.covering(item.idx, item.idx + len(item.text))
            listed += [c for c in (actor_codes(m) if m is not None else []) if c in region]
        if len(set(listed)) >= 2:
            out += [c for c in listed if c not in out]
    return out


def _region_of(tok: Token) -> frozenset | None:
    """The region its adjectives name ("European allies", "the East Asian nation")."""
    regions = _collectives()["regions"]
    for c in tok.children:
        if c.dep_ == "amod":
            words = " ".join(t.lower_ for t in c.subtree)
            if words in regions:
                return regions[words]
            if c.lower_ in regions:
                return regions[c.lower_]
    return None


def described_country(ctx, tok: Token) -> list[str]:
    """"the East Asian nation", "the Gulf state": the latest earlier mention of a country of
    that region. Empty when ``tok`` is no such description or the text names none before."""
    if tok.lower_ not in _collectives()["descriptions"] or not any(
            c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return []
    region = _region_of(tok)
    if region is None:
        return []
    for m in reversed(ctx.actors.in_span(0, tok.idx)):
        codes = [c for c in actor_codes(m) if c in region]
        if codes:
            return codes[:1]
    return []
