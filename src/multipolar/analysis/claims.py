"""Claims about (or by) an actor, merged across documents, with every response reported."""

from __future__ import annotations

from typing import Any

from .common import EVIDENCE_COLUMNS, connection, evidence_of, resolve_actor


def claims_about(store: Any, actor: str, *, role: str = "subject", topic: str | None = None,
                 limit: int = 50, offset: int = 0) -> dict[str, Any]:
    """Claims whose subject (``role="subject"``), claimant (``"claimant"``) or either (``"any"``)
    is the actor's country, most reported first.

    Returns ``{"actor": ActorRef, "total": int, "claims": [{"id", "claimant", "subject", "topic",
    "kind", "content", "first_date", "last_date", "n_reports", "n_documents",
    "reports": [{"claimant", "kind", "content", "date", "evidence"}] (the first five; ``n_reports`` counts all),
    "responses": [{"actor", "stance", "evidence"}], "stances": {actor: [stance, ...]}}]}``.
    """
    if role not in ("subject", "claimant", "any"):
        raise ValueError("role is subject, claimant or any")
    conn = connection(store)
    a = resolve_actor(conn, actor)
    where = {"subject": "subject = ?1", "claimant": "claimant = ?1",
             "any": "(subject = ?1 OR claimant = ?1)"}[role]
    params: list[Any] = [a.country]
    if topic:
        where += " AND topic = ?2"
        params.append(topic)
    total = conn.execute(f"SELECT COUNT(*) FROM claims WHERE {where}", params).fetchone()[0]
    rows = conn.execute(f"SELECT * FROM claims WHERE {where} ORDER BY n_documents DESC, "
                        f"first_date IS NULL, first_date, id LIMIT {int(limit)} OFFSET {int(offset)}",
                        params).fetchall()
    return {"actor": a.to_dict(), "total": total, "claims": [claim_detail(conn, r) for r in rows]}


# Reports listed per claim (the earliest); responses are all listed, they are the point.
REPORTS_PER_CLAIM = 5


def claim_detail(conn, row) -> dict[str, Any]:
    claim = row["id"]
    reports = [{"claimant": r["claimant"], "kind": r["kind"], "content": r["content"], "date": r["date"],
                "evidence": evidence_of(r)}
               for r in conn.execute(f"SELECT c.claimant, c.kind, c.content, c.date, {EVIDENCE_COLUMNS} "
                                     f"FROM claim_reports c JOIN evidence ev ON ev.id = c.evidence "
                                     f"JOIN documents d ON d.doc = c.doc WHERE c.claim = ? ORDER BY c.id LIMIT ?",
                                     (claim, REPORTS_PER_CLAIM))]
    responses = [{"actor": r["actor"], "stance": r["stance"], "evidence": evidence_of(r)}
                 for r in conn.execute(f"SELECT r.actor, r.stance, {EVIDENCE_COLUMNS} FROM responses r "
                                       f"JOIN evidence ev ON ev.id = r.evidence JOIN documents d ON d.doc = r.doc "
                                       f"WHERE r.claim = ? ORDER BY d.published, r.id", (claim,))]
    stances: dict[str, list[str]] = {}
    for resp in responses:
        lst = stances.setdefault(resp["actor"], [])
        if resp["stance"] not in lst:
            lst.append(resp["stance"])
    return {"id": claim, "claimant": row["claimant"], "subject": row["subject"], "topic": row["topic"],
            "kind": row["kind"], "content": row["content"], "first_date": row["first_date"],
            "last_date": row["last_date"], "n_reports": row["n_reports"], "n_documents": row["n_documents"],
            "reports": reports, "responses": responses, "stances": stances}
