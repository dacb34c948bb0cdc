"""The claim coder's data (``data/claims/claims.yaml``) and the topic of a claim's content."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml


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
