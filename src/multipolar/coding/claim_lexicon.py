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
    return lex


def topic_of(text: str) -> str:
    for topic, pattern in claim_lexicon()["topic_res"]:
        if pattern.search(text):
            return topic
    return "other"
