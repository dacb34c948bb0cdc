"""Agreements that the text names but does not fully describe ("reaffirmed its commitments under
the 1951 Mutual Defense Treaty"): their parties, signing date, kind and the provisions their
name states, from data/agreements/known_agreements.yaml.

An entry applies when its name pattern matches the agreement's noun phrase and it is the only
candidate left after the year the phrase gives, the parties the sentence names and the actors
of the document are taken into account. Nothing the text says is overridden: the parties it
names are kept, and a date it gives must agree with the entry's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Token

from ..actors import code_country
from ..model import PROVISION_KEYS

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_MAX_TOKENS = 14  # the noun phrase read for the name: "the Treaty of Friendship, Cooperation and ..."


@dataclass(frozen=True)
class KnownAgreement:
    pattern: re.Pattern[str]
    parties: tuple[str, ...]
    signed: str
    kind: str
    provisions: tuple[tuple[str, str], ...]


@lru_cache(maxsize=1)
def known_agreements() -> tuple[KnownAgreement, ...]:
    text = resources.files("multipolar").joinpath("data", "agreements", "known_agreements.yaml").read_text(
        encoding="utf-8")
    out = []
    for entry in yaml.safe_load(text) or []:
        provisions = tuple((entry.get("provisions") or {}).items())
        unknown = {k for k, _ in provisions} - set(PROVISION_KEYS)
        if unknown:  # a typo in the data file must fail loudly
            raise ValueError(f"known_agreements.yaml names unknown provision keys: {sorted(unknown)}")
        out.append(KnownAgreement(re.compile(entry["name"], re.I), tuple(sorted(entry["parties"])),
                                  str(entry["signed"]), entry["kind"], provisions))
    return tuple(out)


def _phrase_text(tok: Token) -> str:
    doc = tok.doc
    start = max(tok.left_edge.i, tok.i - _MAX_TOKENS)
    end = min(tok.right_edge.i + 1, tok.i + _MAX_TOKENS)
    return doc[start:end].text


def _document_countries(ctx) -> set[str]:
    found = getattr(ctx, "_known_agreement_countries", None)
    if found is None:
        found = {code_country(c) for m in ctx.actors.mentions for c in m.codes if not c.startswith("-")}
        ctx._known_agreement_countries = found
    return found


def identify(ctx, tok: Token, parties: list[str], date: str | None) -> KnownAgreement | None:
    """The one known agreement the phrase headed by ``tok`` names, or None."""
    entries = known_agreements()
    text = _phrase_text(tok)
    found = [e for e in entries if e.pattern.search(text)]
    if not found:
        return None
    year = date[:4] if date else (m.group(1) if (m := _YEAR.search(text)) else None)
    if year:
        found = [e for e in found if e.signed.startswith(year)]
    named = set(parties)
    found = [e for e in found if named <= set(e.parties)]
    if len(found) > 1:
        countries = _document_countries(ctx)
        found = [e for e in found if set(e.parties) <= countries]
    return found[0] if len(found) == 1 else None
