"""Builds SPEC records from the hand-written store fixtures (tests/fixtures/store/articles.json),
computing each evidence span from its sentence, and generates synthetic records for the bulk tests."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from multipolar.model import validate_record
from multipolar.store.synthetic import generated_record  # noqa: F401  (re-exported for the tests)

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


def make_store(path, records=None):
    """A store at ``path`` holding the fixture articles (or ``records``)."""
    from multipolar.store import Store

    store = Store.open(path)
    store.ingest(list(fixture_records().values()) if records is None else records)
    return store
