"""The agreement coder's data: agreement nouns and verbs, and the provision cue lexicon.

Both live under ``data/agreements/`` as YAML; this module only loads and compiles them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from ..model import PROVISION_KEYS


@dataclass(frozen=True)
class AgreementLexicon:
    nouns: dict[str, str]  # lemma -> SPEC kind
    not_before: frozenset[str]
    signing_verbs: frozenset[str]
    holding_verbs: frozenset[str]
    party_preps: frozenset[str]
    member_verbs: frozenset[str]
    not_concluded: frozenset[str]
    requesting_verbs: frozenset[str]
    commentary_verbs: frozenset[str]
    speculative_modals: frozenset[str]
    content_preps: tuple[str, ...]
    absence_nouns: frozenset[str]
    lacking_verbs: frozenset[str]
    establishing_verbs: frozenset[str]
    mechanism_nouns: frozenset[str]
    validity_words: tuple[str, ...]  # words saying a term is meant ("valid", "extended"): agreement_validity
    cues: tuple[tuple[str, re.Pattern[str]], ...]  # (provision key, pattern), in file order


def _read(name: str) -> dict:
    text = resources.files("multipolar").joinpath("data", "agreements", name).read_text(encoding="utf-8")
    return yaml.safe_load(text) or {}


@lru_cache(maxsize=1)
def lexicon() -> AgreementLexicon:
    lex = _read("lexicon.yaml")
    cue_data = _read("provisions.yaml")
    unknown = set(cue_data) - set(PROVISION_KEYS)
    if unknown:  # a typo in the data file must fail loudly, not silently drop a key
        raise ValueError(f"provisions.yaml names unknown provision keys: {sorted(unknown)}")
    cues = tuple((key, re.compile(p, re.I)) for key, pats in cue_data.items() for p in pats)
    return AgreementLexicon(
        nouns={k.lower(): v for k, v in lex["nouns"].items()},
        not_before=frozenset(lex["not_before"]),
        signing_verbs=frozenset(lex["signing_verbs"]),
        holding_verbs=frozenset(lex["holding_verbs"]),
        party_preps=frozenset(lex["party_preps"]),
        member_verbs=frozenset(lex["member_verbs"]),
        not_concluded=frozenset(lex["not_concluded"]),
        requesting_verbs=frozenset(lex.get("requesting_verbs", [])),
        commentary_verbs=frozenset(lex.get("commentary_verbs", [])),
        speculative_modals=frozenset(lex["speculative_modals"]),
        content_preps=tuple(lex["content_preps"]),
        absence_nouns=frozenset(lex["absence_nouns"]),
        lacking_verbs=frozenset(lex["lacking_verbs"]),
        establishing_verbs=frozenset(lex.get("establishing_verbs", [])),
        mechanism_nouns=frozenset(lex.get("mechanism_nouns", [])),
        validity_words=tuple(lex.get("validity_words", [])),
        cues=cues,
    )


def find_cues(text: str) -> list[tuple[str, int, int]]:
    """(key, start, end) of every provision cue in ``text``, offsets relative to ``text``."""
    out = []
    for key, pattern in lexicon().cues:
        for m in pattern.finditer(text):
            out.append((key, m.start(), m.end()))
    return out
