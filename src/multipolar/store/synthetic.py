"""Synthetic SPEC records for benchmarks and crash tests: valid, deterministic, many.

Not news: sentences are assembled from a small vocabulary so the store sees realistic row
shapes (about ten events per document, an agreement and a claim in every tenth document)
at any volume. Used by ``bench/store.py`` and the kill-and-resume test.
"""

from __future__ import annotations

import hashlib
import random
from functools import lru_cache
from typing import Any

COUNTRIES = ["USA", "RUS", "CHN", "IRN", "PRK", "JPN", "KOR", "GBR", "FRA", "DEU", "IND", "PAK", "TUR", "ISR",
             "SAU", "UKR", "BLR", "SYR", "EGY", "BRA", "ZAF", "NGA", "IDN", "VNM", "AUS", "CAN", "MEX", "POL"]
ROLES = ["", "GOV", "MIL"]
VERBS = [("010", None, "made a statement about"), ("036", "CONSULT", "expressed intent to meet"),
         ("042", "CONSULT", "visited"), ("043", "CONSULT", "hosted"), ("051", "SUPPORT", "praised"),
         ("057", "SUPPORT", "signed an agreement with"), ("061", "COOPERATE", "traded with"),
         ("072", "AID", "sent military aid to"), ("112", "ACCUSE", "accused"), ("130", "THREATEN", "threatened"),
         ("163", "SANCTION", "imposed an embargo on"), ("173", "COERCE", "arrested citizens of"),
         ("190", "ASSAULT", "fired missiles at"), ("195", "ASSAULT", "launched air strikes on")]
WORDS = ("border ceasefire missile drone pipeline sanctions summit treaty exercise navy frigate election "
         "minister envoy refinery grain corridor reactor satellite militia convoy port harbour airbase").split()


# News coverage is concentrated on a few states (a handful of countries make most of GDELT's
# events); countries are drawn with Zipf weights 1/rank in the order of COUNTRIES.
ZIPF = [1 / (rank + 1) for rank in range(len(COUNTRIES))]


def _two_countries(rng: random.Random) -> tuple[str, str]:
    while True:
        s, t = rng.choices(COUNTRIES, weights=ZIPF, k=2)
        if s != t:
            return s, t


AGREEMENT_POOL = 300
_PACT_WORDS = ("friendship", "strategic partnership", "security", "defence cooperation", "good-neighbourliness",
               "military-technical cooperation", "mutual assistance", "non-aggression", "trade and investment")
_PACT_KEYS = ("defense", "neutrality", "nonaggression", "consultation", "joint_exercises", "military_technical",
              "intelligence_sharing", "economic", "energy")


@lru_cache(maxsize=1)
def agreement_pool() -> list[dict[str, Any]]:
    """A fixed set of pacts that the generated documents report again and again, as the news does:
    the number of distinct agreements stays in the hundreds however many documents are made."""
    rng = random.Random(20250117)
    pool = []
    for _ in range(AGREEMENT_POOL):
        a, b = sorted(rng.sample(COUNTRIES[:20], 2))
        words = rng.choice(_PACT_WORDS)
        pool.append({"parties": [a, b], "name": f"{words} treaty", "kind": "treaty",
                     "signed": f"{rng.randrange(1950, 2025)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}",
                     "keys": rng.sample(_PACT_KEYS, rng.randrange(1, 4))})
    return pool


def generated_record(i: int, n_events: int = 10, seed: int = 0, coder_version: str = "0.1.0") -> dict[str, Any]:
    """A synthetic but SPEC-valid record: ``n_events`` events between countries drawn with Zipf
    weights, each with its own sentence; every
    tenth document also reports an agreement (from :func:`agreement_pool`) with provisions and a
    claim with a response."""
    rng = random.Random(seed * 1_000_003 + i)
    year = 2015 + rng.randrange(10)
    month, day = rng.randrange(1, 13), rng.randrange(1, 29)
    published = f"{year}-{month:02d}-{day:02d}T{rng.randrange(24):02d}:00:00"
    sentences, events = [], []
    pos = 0
    for _ in range(n_events):
        s, t = _two_countries(rng)
        cameo, plover, verb = VERBS[rng.randrange(len(VERBS))]
        extra = " ".join(rng.sample(WORDS, 3))
        sentence = f"Officials in {s} {verb} {t} near the {extra} site, report {i}-{len(events)} said."
        events.append({"source": s + rng.choice(ROLES), "target": t + rng.choice(ROLES), "cameo": cameo,
                       "plover": plover, "date": f"{year}-{month:02d}-{max(1, day - rng.randrange(3)):02d}",
                       "negated": False, "status": "asserted",
                       "evidence": {"text": sentence, "start": pos, "end": pos + len(sentence)}})
        sentences.append(sentence)
        pos += len(sentence) + 2
    agreements, claims = [], []
    if i % 10 == 0:
        pact = agreement_pool()[rng.randrange(AGREEMENT_POOL)]
        a, b = pact["parties"]
        sentence = f"{a} and {b} reaffirmed their {pact['name']}, signed on {pact['signed']}, file {i}."
        ev = {"text": sentence, "start": pos, "end": pos + len(sentence)}
        sentences.append(sentence)
        pos += len(sentence) + 2
        # each report mentions the pact's provisions; one in ten reports one as absent (a conflict)
        agreements.append({"name": pact["name"], "kind": pact["kind"], "parties": [a, b], "signed": pact["signed"],
                           "duration_years": None,
                           "provisions": [{"key": k, "value": "absent" if rng.random() < 0.1 else "present",
                                           "evidence": ev} for k in pact["keys"]], "evidence": ev})
        c, d = rng.sample(COUNTRIES, 2)
        sentence = f"{c} accused {d} of supplying drones, which {d} denied, file {i}."
        ev = {"text": sentence, "start": pos, "end": pos + len(sentence)}
        sentences.append(sentence)
        pos += len(sentence) + 2
        claims.append({"claimant": c, "kind": "accuse", "subject": d, "topic": "arms_transfer",
                       "content": "supplying drones", "date": f"{year}-{month:02d}",
                       "responses": [{"actor": d, "stance": "deny", "evidence": ev}], "evidence": ev})
    text = "\n\n".join(sentences)
    return {"schema": "multipolar/1", "coder_version": coder_version, "extracted_at": "2026-01-01T00:00:00Z",
            "document": {"id": hashlib.sha256(f"gen-{seed}-{i}".encode()).hexdigest()[:16],
                         "source": f"gen/{seed}/{i}.txt", "title": f"Generated report {i}", "subtitle": None,
                         "byline": None, "published": published, "language": "en", "text": text,
                         "cleaning": {}},
            "actors": [], "events": events, "agreements": agreements, "claims": claims, "quotes": [], "flags": []}
