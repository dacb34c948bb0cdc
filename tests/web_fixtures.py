"""Builds SPEC records from tests/fixtures/web/articles.yaml (evidence written as sentences).

Used by the web tests and bench/web.py's small smoke store; not a test module itself.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import yaml

from multipolar.model import Record, record_from_dict, validate_record

ARTICLES = Path(__file__).resolve().parent / "fixtures" / "web" / "articles.yaml"
STAMP = "2026-01-01T00:00:00Z"


def _evidence(doc: dict[str, Any], spec: str | dict[str, str]) -> dict[str, Any]:
    field = None
    sentence = spec
    if isinstance(spec, dict):
        field, sentence = spec.get("field"), spec["text"]
    target = doc[field] if field else doc["text"]
    start = target.index(sentence)  # a fixture typo fails loudly here
    out: dict[str, Any] = {"text": sentence, "start": start, "end": start + len(sentence)}
    if field:
        out["field"] = field
    return out


def _record(article: dict[str, Any]) -> dict[str, Any]:
    text = article["text"]
    doc = {"id": hashlib.sha256(text.encode("utf-8")).hexdigest()[:16], "source": article["source"],
           "title": article.get("title"), "subtitle": article.get("subtitle"), "byline": None,
           "published": article.get("published"), "language": "en", "text": text, "cleaning": {}}
    if article["source"].startswith("http"):
        doc["url"] = article["source"]
    actors = []
    for a in article.get("actors", []):
        actors.append({"code": a["code"], "name": a["name"], "country": a["country"], "kind": a["kind"],
                       "mentions": [_evidence(doc, a["mention"])]})
    events = [{**{k: v for k, v in e.items() if k != "evidence"}, "negated": e.get("negated", False),
               "status": e.get("status", "asserted"), "evidence": _evidence(doc, e["evidence"])}
              for e in article.get("events", [])]
    agreements = []
    for a in article.get("agreements", []):
        agreements.append({
            "name": a.get("name"), "kind": a["kind"], "parties": sorted(a["parties"]),
            "signed": a.get("signed"), "duration_years": a.get("duration_years"),
            "provisions": [{"key": p["key"], "value": p["value"], "evidence": _evidence(doc, p["evidence"])}
                           for p in a.get("provisions", [])],
            "evidence": _evidence(doc, a["evidence"])})
    claims = []
    for c in article.get("claims", []):
        claims.append({
            "claimant": c["claimant"], "kind": c["kind"], "subject": c["subject"], "topic": c["topic"],
            "content": c["content"], "date": c.get("date"),
            "responses": [{"actor": r["actor"], "stance": r["stance"], "evidence": _evidence(doc, r["evidence"])}
                          for r in c.get("responses", [])],
            "evidence": _evidence(doc, c["evidence"])})
    quotes = [{"speaker": q["speaker"], "actor": q.get("actor"), "text": q["text"],
               "evidence": _evidence(doc, q["evidence"])} for q in article.get("quotes", []) or []]
    flags = [{"kind": f["kind"], "detail": f["detail"], "evidence": [_evidence(doc, e) for e in f["evidence"]]}
             for f in article.get("flags", [])]
    record = {"schema": "multipolar/1", "coder_version": "0.1.0", "extracted_at": STAMP, "document": doc,
              "actors": actors, "events": events, "agreements": agreements, "claims": claims,
              "quotes": quotes, "flags": flags}
    problems = validate_record(record)
    if problems:
        raise ValueError(f"fixture {article['source']} breaks SPEC: {problems}")
    return record


def fixture_dicts() -> list[dict[str, Any]]:
    return [_record(a) for a in yaml.safe_load(ARTICLES.read_text(encoding="utf-8"))]


def fixture_records() -> list[Record]:
    return [record_from_dict(d) for d in fixture_dicts()]


def build_store(path: Path) -> Path:
    """A store at ``path`` holding the fixture records (through the store's own ingest)."""
    from multipolar.store import Store

    with Store.open(path) as store:
        store.ingest(fixture_records())
    return path


class AppClient:
    """Synchronous calls into an ASGI app through httpx's ASGITransport (no server, no socket)."""

    def __init__(self, app) -> None:
        self.app = app

    def request(self, method: str, url: str, **kwargs):
        import asyncio

        import httpx

        async def go():
            # like a real server: an unhandled error is answered (500), not raised into the test
            transport = httpx.ASGITransport(app=self.app, raise_app_exceptions=False)
            async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
                return await client.request(method, url, **kwargs)

        return asyncio.run(go())

    def get(self, url: str, **kwargs):
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs):
        return self.request("POST", url, **kwargs)
