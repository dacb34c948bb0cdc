"""What the store holds: counts, the busiest actors and dyads, agreements and claims; one document."""

from __future__ import annotations

import json
from typing import Any

from .agreements import agreement_summary, merged_provisions
from .common import connection

RECENT_CLUSTERS = 5000


def overview(store: Any, *, top: int = 10, recent: int = 10) -> dict[str, Any]:
    """Counts per kind, top actors and dyads (from the summary tables), the events reported by
    most documents (among the newest clusters), the most reported agreements and claims, and
    the latest documents. Returns a JSON-ready dict."""
    conn = connection(store)

    def count(table: str) -> int:
        return conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]

    counts = {"documents": count("documents"), "errors": count("ingest_errors"), "events": count("events"),
              "event_clusters": count("event_clusters"), "agreements": count("agreements"),
              "agreement_reports": count("agreement_reports"), "claims": count("claims"),
              "responses": count("responses"), "quotes": count("quotes"), "flags": count("flags"),
              "evidence": count("evidence")}
    actors = [{"actor": r[0], "name": r[2], "n_events": r[1]} for r in conn.execute(
        "SELECT t.actor, t.n_source + t.n_target AS n, a.name FROM actor_totals t "
        "LEFT JOIN actors a ON a.code = t.actor "
        "WHERE length(t.actor) = 3 OR (t.actor LIKE 'IGO%' AND length(t.actor) = 6) "
        "ORDER BY n DESC, t.actor LIMIT ?", (top,))]
    dyads = [{"source": r[0], "target": r[1], "n_events": r[2]} for r in conn.execute(
        "SELECT source, target, n FROM dyad_totals ORDER BY n DESC, source, target LIMIT ?", (top,))]
    rows = conn.execute("SELECT * FROM agreements ORDER BY n_documents DESC, signed DESC, id LIMIT ?",
                        (top,)).fetchall()
    provisions = merged_provisions(conn, [r["id"] for r in rows])
    agreements = [{**agreement_summary(r), "provisions": {k: v["value"] for k, v in provisions[r["id"]].items()}}
                  for r in rows]
    claims = [dict(r) for r in conn.execute(
        "SELECT id, claimant, subject, topic, content, n_documents, n_responses FROM claims "
        "ORDER BY n_documents DESC, id LIMIT ?", (top,))]
    # the most corroborated recent events: scanned among the newest clusters only, so the cost
    # stays flat however large the store grows
    corroborated = [{**dict(r), "source": r["source"] or None, "target": r["target"] or None}
                    for r in conn.execute(
        "SELECT id, source, target, cameo, plover, first_day, n_events, n_documents FROM "
        "(SELECT * FROM event_clusters ORDER BY id DESC LIMIT ?) WHERE n_documents > 1 "
        "ORDER BY n_documents DESC, id DESC LIMIT ?", (RECENT_CLUSTERS, top))]
    documents = [dict(r) for r in conn.execute(
        "SELECT id, title, source, published, coder_version FROM documents ORDER BY doc DESC LIMIT ?",
        (recent,))]
    return {"counts": counts, "top_actors": actors, "top_dyads": dyads, "corroborated": corroborated,
            "agreements": agreements, "claims": claims, "documents": documents}


def document(store: Any, doc_id: str) -> dict[str, Any] | None:
    """One stored document with what was coded from it, in SPEC's shape (evidence offsets intact),
    plus the store's merged identities (``cluster``, ``agreement``, ``claim``) on each report.

    ``events`` and ``evidence`` have no index on ``doc``: the store gives each document's events
    (and evidence) consecutive ids, recorded as ``first_event..last_event`` (``first_evidence..
    last_evidence``) on ``documents``, so both are read as one primary-key range each instead of
    a scan of every event and one lookup per evidence sentence.
    """
    conn = connection(store)
    d = conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if d is None:
        return None
    doc = d["doc"]
    evidence: dict[int, dict[str, Any]] = {}
    if d["first_evidence"] is not None:
        for r in conn.execute('SELECT id, text, start, "end", field FROM evidence WHERE id BETWEEN ? AND ? '
                              "AND doc = ?", (d["first_evidence"], d["last_evidence"], doc)):
            evidence[r["id"]] = _evidence_dict(r)

    def ev(eid: int) -> dict[str, Any]:
        found = evidence.get(eid)
        if found is None:  # outside the recorded range (never written so by ingest): look it up
            r = conn.execute('SELECT id, text, start, "end", field FROM evidence WHERE id = ?', (eid,)).fetchone()
            found = evidence[eid] = _evidence_dict(r)
        return dict(found)

    if d["first_event"] is not None:
        event_rows = conn.execute("SELECT * FROM events WHERE id BETWEEN ? AND ? AND doc = ? ORDER BY id",
                                  (d["first_event"], d["last_event"], doc))
    else:  # a row without its range (written by hand): the slow reading
        event_rows = conn.execute("SELECT * FROM events WHERE doc = ? ORDER BY id", (doc,))
    events = [{"source": r["source"], "target": r["target"], "cameo": r["cameo"], "plover": r["plover"],
               "date": r["date"], "negated": bool(r["negated"]), "status": r["status"],
               "evidence": ev(r["evidence"]), "cluster": r["cluster"]} for r in event_rows]
    reports = conn.execute("SELECT * FROM agreement_reports WHERE doc = ? ORDER BY id", (doc,)).fetchall()
    provisions: dict[int, list[dict[str, Any]]] = {r["id"]: [] for r in reports}
    if reports:
        for p in conn.execute("SELECT * FROM provisions WHERE report IN "
                              "(SELECT id FROM agreement_reports WHERE doc = ?) ORDER BY id", (doc,)):
            provisions[p["report"]].append({"key": p["key"], "value": p["value"], "evidence": ev(p["evidence"])})
    agreements = [{"name": r["name"], "kind": r["kind"], "parties": r["parties"].split(","), "signed": r["signed"],
                   "duration_years": r["duration_years"], "provisions": provisions[r["id"]],
                   "evidence": ev(r["evidence"]), "agreement": r["agreement"]} for r in reports]
    claim_rows = conn.execute("SELECT * FROM claim_reports WHERE doc = ? ORDER BY id", (doc,)).fetchall()
    responses: dict[int, list[dict[str, Any]]] = {r["id"]: [] for r in claim_rows}
    if claim_rows:
        for x in conn.execute("SELECT * FROM responses WHERE doc = ? ORDER BY id", (doc,)):
            if x["report"] in responses:
                responses[x["report"]].append({"actor": x["actor"], "stance": x["stance"],
                                               "evidence": ev(x["evidence"])})
    claims = [{"claimant": r["claimant"], "kind": r["kind"], "subject": r["subject"], "topic": r["topic"],
               "content": r["content"], "date": r["date"], "responses": responses[r["id"]],
               "evidence": ev(r["evidence"]), "claim": r["claim"]} for r in claim_rows]
    quotes = [{"speaker": r["speaker"], "actor": r["actor"], "text": r["text"], "evidence": ev(r["evidence"])}
              for r in conn.execute("SELECT * FROM quotes WHERE doc = ? ORDER BY id", (doc,))]
    flags = [{"kind": r["kind"], "detail": r["detail"], "evidence": [ev(i) for i in json.loads(r["evidence"])]}
             for r in conn.execute("SELECT * FROM flags WHERE doc = ? ORDER BY id", (doc,))]
    actors = [{"code": r["code"], "name": r["name"], "country": r["country"], "kind": r["kind"],
               "person": r["person"], "n_mentions": r["n_mentions"]}
              for r in conn.execute("SELECT da.code, da.person, da.n_mentions, a.name, a.country, a.kind "
                                    "FROM doc_actors da LEFT JOIN actors a ON a.code = da.code WHERE da.doc = ? "
                                    "ORDER BY da.code", (doc,))]
    document_part = {k: d[k] for k in ("id", "source", "url", "title", "subtitle", "byline", "published",
                                       "language", "text")}
    document_part["cleaning"] = json.loads(d["cleaning"] or "{}")
    return {"coder_version": d["coder_version"], "extracted_at": d["extracted_at"], "document": document_part,
            "actors": actors, "events": events, "agreements": agreements, "claims": claims, "quotes": quotes,
            "flags": flags}


def _evidence_dict(r) -> dict[str, Any]:
    out = {"text": r["text"], "start": r["start"], "end": r["end"]}
    if r["field"]:
        out["field"] = r["field"]
    return out
