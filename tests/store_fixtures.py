"""Builds SPEC records from the hand-written store fixtures (tests/fixtures/store/articles.json),
computing each evidence span from its sentence, and generates synthetic records for the bulk tests."""

from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path
from typing import Any

from multipolar.model import validate_record

ARTICLES = Path(__file__).resolve().parent / "fixtures" / "store" / "articles.json"


def _ev(text: str, sentence: str) -> dict[str, Any]:
    start = text.index(sentence)
    return {"text": sentence, "start": start, "end": start + len(sentence)}


def build_record(spec: dict[str, Any], coder_version: str = "0.1.0") -> dict[str, Any]:
    text = "\n\n".join(spec["paragraphs"])
    actors = [{"code": a["code"], "name": a["name"], "country": a["country"], "kind": a["kind"],
               "mentions": [_ev(text, m) for m in a["mentions"]], **({"person": a["person"]} if a.get("person") else {})}
              for a in spec.get("actors", [])]
    events = [{"source": e["source"], "target": e["target"], "cameo": e["cameo"], "plover": e["plover"],
               "date": e["date"], "negated": e.get("negated", False), "status": e.get("status", "asserted"),
               "evidence": _ev(text, e["sentence"])} for e in spec.get("events", [])]
    agreements = [{"name": a["name"], "kind": a["kind"], "parties": sorted(a["parties"]), "signed": a["signed"],
                   "duration_years": a["duration_years"],
                   "provisions": [{"key": p["key"], "value": p["value"], "evidence": _ev(text, p["sentence"])}
                                  for p in a["provisions"]],
                   "evidence": _ev(text, a["sentence"])} for a in spec.get("agreements", [])]
    claims = [{"claimant": c["claimant"], "kind": c["kind"], "subject": c["subject"], "topic": c["topic"],
               "content": c["content"], "date": c["date"],
               "responses": [{"actor": r["actor"], "stance": r["stance"], "evidence": _ev(text, r["sentence"])}
                             for r in c["responses"]],
               "evidence": _ev(text, c["sentence"])} for c in spec.get("claims", [])]
    quotes = [{"speaker": q["speaker"], "actor": q["actor"], "text": q["text"], "evidence": _ev(text, q["sentence"])}
              for q in spec.get("quotes", [])]
    flags = [{"kind": f["kind"], "detail": f["detail"], "evidence": [_ev(text, s) for s in f["sentences"]]}
             for f in spec.get("flags", [])]
    record = {"schema": "multipolar/1", "coder_version": coder_version, "extracted_at": "2026-01-01T00:00:00Z",
              "document": {"id": hashlib.sha256(text.encode()).hexdigest()[:16], "source": spec["source"],
                           "title": spec["title"], "subtitle": None, "byline": None,
                           "published": spec["published"], "language": "en", "text": text, "cleaning": {},
                           **({"url": spec["url"]} if spec.get("url") else {})},
              "actors": actors, "events": events, "agreements": agreements, "claims": claims,
              "quotes": quotes, "flags": flags}
    problems = validate_record(record)
    assert not problems, problems
    return record


def fixture_records(coder_version: str = "0.1.0") -> dict[str, dict[str, Any]]:
    """key ("a".."f") -> SPEC record dict, in file order."""
    data = json.loads(ARTICLES.read_text("utf-8"))
    return {d["key"]: build_record(d, coder_version) for d in data["documents"]}


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


def generated_record(i: int, n_events: int = 10, seed: int = 0, coder_version: str = "0.1.0") -> dict[str, Any]:
    """A synthetic but SPEC-valid record: ``n_events`` events, each with its own sentence; every
    tenth document also reports an agreement with provisions and a claim with a response."""
    rng = random.Random(seed * 1_000_003 + i)
    year = 2015 + rng.randrange(10)
    month, day = rng.randrange(1, 13), rng.randrange(1, 29)
    published = f"{year}-{month:02d}-{day:02d}T{rng.randrange(24):02d}:00:00"
    sentences, events = [], []
    pos = 0
    for _ in range(n_events):
        s, t = rng.sample(COUNTRIES, 2)
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
        a, b = sorted(rng.sample(COUNTRIES[:12], 2))
        sentence = f"{a} and {b} signed a defence cooperation treaty providing for joint exercises, file {i}."
        ev = {"text": sentence, "start": pos, "end": pos + len(sentence)}
        sentences.append(sentence)
        pos += len(sentence) + 2
        keys = rng.sample(["defense", "consultation", "joint_exercises", "economic", "neutrality"], 2)
        agreements.append({"name": f"treaty {rng.randrange(40)}", "kind": "treaty", "parties": [a, b],
                           "signed": f"{year}-{month:02d}-{day:02d}", "duration_years": None,
                           "provisions": [{"key": k, "value": rng.choice(["present", "present", "absent"]),
                                           "evidence": ev} for k in keys], "evidence": ev})
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


def make_store(path, records=None):
    """A store at ``path`` holding the fixture articles (or ``records``)."""
    from multipolar.store import Store

    store = Store.open(path)
    store.ingest(list(fixture_records().values()) if records is None else records)
    return store
