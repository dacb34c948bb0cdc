"""Agreements in the store: the agreements of a country, one agreement in full, finding one by name.

An agreement here is an identity merged over every report of it (see
:mod:`multipolar.store.merge`): its provisions are ``present``, ``absent`` or ``conflict``
(reported present by one source and absent by another), with the counts and the evidence.
"""

from __future__ import annotations

import re
import sqlite3
from typing import Any

from ..model import PROVISION_KEYS
from .common import EVIDENCE_COLUMNS, connection, evidence_of, resolve_actor

_KEY_ORDER = {k: i for i, k in enumerate(PROVISION_KEYS)}


def agreement_summary(row: sqlite3.Row) -> dict[str, Any]:
    return {"id": row["id"], "parties": row["parties"].split(","), "kind": row["kind"], "name": row["name"],
            "signed": row["signed"], "duration_years": row["duration_years"], "n_reports": row["n_reports"],
            "n_documents": row["n_documents"], "weight": row["weight"]}


def merged_provisions(conn: sqlite3.Connection, agreement_ids: list[int]) -> dict[int, dict[str, dict]]:
    """agreement id -> provision key -> {"value", "n_present", "n_absent"} (SPEC key order)."""
    out: dict[int, dict[str, dict]] = {i: {} for i in agreement_ids}
    if not agreement_ids:
        return out
    marks = ",".join("?" * len(agreement_ids))
    rows = conn.execute(f"SELECT agreement, key, value, n_present, n_absent FROM agreement_provisions "
                        f"WHERE agreement IN ({marks})", agreement_ids).fetchall()
    for r in sorted(rows, key=lambda r: (r["agreement"], _KEY_ORDER.get(r["key"], 99), r["key"])):
        out[r["agreement"]][r["key"]] = {"value": r["value"], "n_present": r["n_present"],
                                         "n_absent": r["n_absent"]}
    return out


def provision_evidence(conn: sqlite3.Connection, agreement: int) -> dict[str, list[dict[str, Any]]]:
    """provision key -> every report of it: {"value", "evidence": {... "document"}}."""
    out: dict[str, list[dict[str, Any]]] = {}
    for r in conn.execute(f"SELECT p.key, p.value, {EVIDENCE_COLUMNS} FROM provisions p "
                          f"JOIN evidence ev ON ev.id = p.evidence JOIN documents d ON d.doc = p.doc "
                          f"WHERE p.agreement = ? ORDER BY p.id", (agreement,)):
        out.setdefault(r["key"], []).append({"value": r["value"], "evidence": evidence_of(r)})
    return out


def agreements_of(store: Any, actor: str, *, limit: int = 100, offset: int = 0) -> dict[str, Any]:
    """Agreements a country is party to, latest signing first (undated last).

    Returns ``{"actor": ActorRef, "total": int, "agreements": [{id, parties, kind, name, signed,
    duration_years, n_reports, n_documents, weight, "provisions": {key: {value, n_present,
    n_absent}}}]}``. A role code (``RUSGOV``) is taken as its country: states sign agreements.
    """
    conn = connection(store)
    a = resolve_actor(conn, actor)
    total = conn.execute("SELECT COUNT(*) FROM agreement_parties WHERE party = ?", (a.country,)).fetchone()[0]
    rows = conn.execute(
        "SELECT g.* FROM agreement_parties p JOIN agreements g ON g.id = p.agreement WHERE p.party = ? "
        "ORDER BY g.signed IS NULL, g.signed DESC, g.n_documents DESC, g.id LIMIT ? OFFSET ?",
        (a.country, limit, offset)).fetchall()
    provisions = merged_provisions(conn, [r["id"] for r in rows])
    return {"actor": a.to_dict(), "total": total,
            "agreements": [{**agreement_summary(r), "provisions": provisions[r["id"]]} for r in rows]}


def agreement(store: Any, agreement_id: int) -> dict[str, Any] | None:
    """One agreement with its merged provisions, every report and every provision's evidence."""
    conn = connection(store)
    row = conn.execute("SELECT * FROM agreements WHERE id = ?", (agreement_id,)).fetchone()
    if row is None:
        return None
    merged = merged_provisions(conn, [agreement_id])[agreement_id]
    evidence = provision_evidence(conn, agreement_id)
    reports = [{"name": r["name"], "kind": r["kind"], "signed": r["signed"],
                "duration_years": r["duration_years"], "evidence": evidence_of(r)}
               for r in conn.execute(f"SELECT a.name, a.kind, a.signed, a.duration_years, {EVIDENCE_COLUMNS} "
                                     f"FROM agreement_reports a JOIN evidence ev ON ev.id = a.evidence "
                                     f"JOIN documents d ON d.doc = a.doc WHERE a.agreement = ? ORDER BY a.id",
                                     (agreement_id,))]
    return {**agreement_summary(row),
            "provisions": {k: {**v, "reports": evidence.get(k, [])} for k, v in merged.items()},
            "reports": reports,
            "conflicts": [k for k, v in merged.items() if v["value"] == "conflict"]}


_PARTIES = re.compile(r"^([A-Za-z]{3}(?:[-,/ +][A-Za-z]{3})+)(?:@(\S+))?$")


def find_agreements(store: Any, spec: str | int) -> list[int]:
    """Agreement ids matching ``spec``, best first.

    ``spec`` is an id (``12``), a set of parties (``RUS-IRN``, ``IRN,RUS``; ``RUS-IRN@2025-01-17``
    picks the signing date), or words of its name (``strategic partnership``).
    Among several, the most widely reported comes first.
    """
    conn = connection(store)
    text = str(spec).strip()
    if text.isdigit():
        row = conn.execute("SELECT id FROM agreements WHERE id = ?", (int(text),)).fetchone()
        return [row[0]] if row else []
    order = "ORDER BY n_documents DESC, signed IS NULL, signed DESC, id"
    m = _PARTIES.match(text)
    if m:
        parties = ",".join(sorted({p.upper() for p in re.split(r"[-,/ +]", m.group(1))}))
        signed = m.group(2)
        rows = conn.execute(f"SELECT id, signed FROM agreements WHERE parties = ? {order}", (parties,)).fetchall()
        return [r[0] for r in rows if not signed or (r[1] or "").startswith(signed)]
    rows = conn.execute(f"SELECT id FROM agreements WHERE name LIKE ? {order}", (f"%{text}%",)).fetchall()
    return [r[0] for r in rows]
