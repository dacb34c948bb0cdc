"""Records (SPEC JSON form) flattened into the rows of seven Parquet tables.

Every row carries ``doc_id`` and ``doc_source`` to join back to ``documents``;
child rows carry their position in the record (``event_index``, ...) so that
the nesting can be rebuilt. Evidence is four columns: ``evidence_text``,
``evidence_start``, ``evidence_end``, ``evidence_field`` (null = document.text).
Lists that have no table of their own (actors, flags, cleaning) are kept as
JSON strings on the document row, so no part of a record is lost.
"""

from __future__ import annotations

import json
from typing import Any

import pyarrow as pa

from .layout import TABLES, month_of

_S, _I, _B = pa.string(), pa.int64(), pa.bool_()
_EVIDENCE = [("evidence_text", _S), ("evidence_start", _I), ("evidence_end", _I), ("evidence_field", _S)]
_KEY = [("doc_id", _S), ("doc_source", _S)]

SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema(_KEY + [
        ("url", _S), ("title", _S), ("subtitle", _S), ("byline", _S), ("published", _S),
        ("language", _S), ("text", _S), ("cleaning", _S), ("actors", _S), ("flags", _S),
        ("n_events", _I), ("n_agreements", _I), ("n_claims", _I), ("n_quotes", _I),
        ("schema", _S), ("coder_version", _S), ("extracted_at", _S),
        ("error_stage", _S), ("error_code", _S), ("error_message", _S), ("input_digest", _S)]),
    "events": pa.schema(_KEY + [
        ("event_index", _I), ("source", _S), ("target", _S), ("cameo", _S), ("plover", _S),
        ("date", _S), ("negated", _B), ("status", _S)] + _EVIDENCE),
    "agreements": pa.schema(_KEY + [
        ("agreement_index", _I), ("name", _S), ("kind", _S), ("parties", pa.list_(_S)),
        ("signed", _S), ("duration_years", _I)] + _EVIDENCE),
    "provisions": pa.schema(_KEY + [
        ("agreement_index", _I), ("provision_index", _I), ("key", _S), ("value", _S)] + _EVIDENCE),
    "claims": pa.schema(_KEY + [
        ("claim_index", _I), ("claimant", _S), ("kind", _S), ("subject", _S), ("topic", _S),
        ("content", _S), ("date", _S)] + _EVIDENCE),
    "responses": pa.schema(_KEY + [
        ("claim_index", _I), ("response_index", _I), ("actor", _S), ("stance", _S)] + _EVIDENCE),
    "quotes": pa.schema(_KEY + [
        ("quote_index", _I), ("speaker", _S), ("actor", _S), ("text", _S)] + _EVIDENCE),
}
MONTH = pa.schema([("month", pa.string())])


def _evidence(ev: dict[str, Any]) -> dict[str, Any]:
    return {"evidence_text": ev["text"], "evidence_start": ev["start"], "evidence_end": ev["end"],
            "evidence_field": ev.get("field")}


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def record_rows(record: dict[str, Any], input_digest: str) -> tuple[str, dict[str, list[dict[str, Any]]]]:
    """The publication month of one record and its rows, table by table."""
    doc = record.get("document") or {}
    key = {"doc_id": doc.get("id", ""), "doc_source": doc.get("source", "")}
    error = record.get("error") or {}
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    rows["documents"].append({
        **key, "url": doc.get("url"), "title": doc.get("title"), "subtitle": doc.get("subtitle"),
        "byline": doc.get("byline"), "published": doc.get("published"), "language": doc.get("language"),
        "text": doc.get("text"), "cleaning": _json(doc.get("cleaning") or {}),
        "actors": _json(record.get("actors", [])), "flags": _json(record.get("flags", [])),
        "n_events": len(record.get("events", [])), "n_agreements": len(record.get("agreements", [])),
        "n_claims": len(record.get("claims", [])), "n_quotes": len(record.get("quotes", [])),
        "schema": record.get("schema"), "coder_version": record.get("coder_version"),
        "extracted_at": record.get("extracted_at"), "error_stage": error.get("stage"),
        "error_code": error.get("code"), "error_message": error.get("message"),
        "input_digest": input_digest})
    for i, e in enumerate(record.get("events", [])):
        rows["events"].append({**key, "event_index": i, "source": e.get("source"), "target": e.get("target"),
                               "cameo": e.get("cameo"), "plover": e.get("plover"), "date": e.get("date"),
                               "negated": bool(e.get("negated")), "status": e.get("status"),
                               **_evidence(e["evidence"])})
    for i, a in enumerate(record.get("agreements", [])):
        rows["agreements"].append({**key, "agreement_index": i, "name": a.get("name"), "kind": a.get("kind"),
                                   "parties": list(a.get("parties", [])), "signed": a.get("signed"),
                                   "duration_years": a.get("duration_years"), **_evidence(a["evidence"])})
        for j, p in enumerate(a.get("provisions", [])):
            rows["provisions"].append({**key, "agreement_index": i, "provision_index": j, "key": p["key"],
                                       "value": p["value"], **_evidence(p["evidence"])})
    for i, c in enumerate(record.get("claims", [])):
        rows["claims"].append({**key, "claim_index": i, "claimant": c.get("claimant"), "kind": c.get("kind"),
                               "subject": c.get("subject"), "topic": c.get("topic"),
                               "content": c.get("content"), "date": c.get("date"), **_evidence(c["evidence"])})
        for j, r in enumerate(c.get("responses", [])):
            rows["responses"].append({**key, "claim_index": i, "response_index": j, "actor": r.get("actor"),
                                      "stance": r.get("stance"), **_evidence(r["evidence"])})
    for i, q in enumerate(record.get("quotes", [])):
        rows["quotes"].append({**key, "quote_index": i, "speaker": q.get("speaker"), "actor": q.get("actor"),
                               "text": q.get("text"), **_evidence(q["evidence"])})
    return month_of(doc.get("published")), rows


def to_table(table: str, rows: list[dict[str, Any]]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=SCHEMAS[table])


def read_table(parquet_root: str, table: str) -> pa.Table:
    """One record type of a batch output as a pyarrow table, with its ``month`` column.

    Reads with the fixed schema so an empty table (no events anywhere) still has its columns.
    """
    import os

    import pyarrow.dataset as ds

    folder = os.path.join(parquet_root, table)
    schema = pa.unify_schemas([SCHEMAS[table], MONTH])
    if not os.path.isdir(folder):
        return schema.empty_table()
    dataset = ds.dataset(folder, format="parquet", schema=schema,
                         partitioning=ds.partitioning(MONTH, flavor="hive"))
    return dataset.to_table()
