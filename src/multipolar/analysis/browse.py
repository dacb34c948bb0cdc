"""Paged lists for browsing a store (the HTTP API's list endpoints): documents, actors,
agreements, event clusters filtered by actor / dyad / PLOVER type / dates, and weekly
event counts by PLOVER type for the timeline chart.

Written beside the other queries so the web layer only parses, calls and renders. Each
list function fetches ``limit + 1`` rows so the caller can tell whether a next page exists
without counting the table.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

from .agreements import agreement_summary, merged_provisions
from .common import ActorRef, connection, resolve_actor
from .timelines import _bounds, _clusters_with_events


def documents_page(store: Any, *, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    """Stored documents, most recently stored first (``limit + 1`` rows at most)."""
    conn = connection(store)
    return [dict(r) for r in conn.execute(
        "SELECT d.id, d.title, d.source, d.url, d.published, d.coder_version, "
        "coalesce(d.last_event - d.first_event + 1, 0) AS n_events FROM documents d "
        "ORDER BY d.doc DESC LIMIT ? OFFSET ?", (limit + 1, offset))]


def actors_page(store: Any, *, prefix: str | None = None, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    """Actors seen in the store, by code (``prefix`` narrows to codes starting with it)."""
    conn = connection(store)
    like = f"{prefix.upper()}%" if prefix else "%"
    return [dict(r) for r in conn.execute(
        "SELECT code, name, country, kind FROM actors WHERE code LIKE ? ORDER BY code LIMIT ? OFFSET ?",
        (like, limit + 1, offset))]


def actor_info(store: Any, actor: str) -> dict[str, Any]:
    """An actor argument resolved, with its catalogue entry when the store has one."""
    conn = connection(store)
    ref = resolve_actor(conn, actor)
    row = conn.execute("SELECT name, country, kind FROM actors WHERE code = ?", (ref.code,)).fetchone()
    return {**ref.to_dict(), "kind": row["kind"] if row else None}


def agreements_page(store: Any, *, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    """Every merged agreement, latest signing first, with its merged provisions."""
    conn = connection(store)
    rows = conn.execute("SELECT * FROM agreements ORDER BY signed IS NULL, signed DESC, id LIMIT ? OFFSET ?",
                        (limit + 1, offset)).fetchall()
    provisions = merged_provisions(conn, [r["id"] for r in rows])
    return [{**agreement_summary(r), "provisions": provisions[r["id"]]} for r in rows]


def event_clusters(store: Any, *, actor: str | None = None, other: str | None = None,
                   plover: str | None = None, since: str | None = None, until: str | None = None,
                   limit: int = 50, offset: int = 0, events_per_cluster: int = 3) -> list[dict[str, Any]]:
    """Event clusters (one real-world event, however many outlets) filtered by an actor (either
    side; a country covers all its actors), a dyad (both directions), a PLOVER type and dates.

    With an actor or dyad the clusters come newest (by event date) first, found through the
    events' (country, day) indexes; without one, most recently stored first (the clusters table
    has no date index to sort the whole store by). Each cluster carries ``n_documents`` (its
    corroboration) and up to ``events_per_cluster`` reports with evidence. Returns ``limit + 1``
    clusters at most, so the caller can tell whether a next page exists.
    """
    conn = connection(store)
    lo, hi = _bounds(since, until)
    a = resolve_actor(conn, actor) if actor else None
    b = resolve_actor(conn, other) if other else None
    if a:
        # newest events first through the events' (country, day) indexes (the clusters' own index
        # has no date, so ordering a busy dyad's clusters by date would read and sort them all)
        ids = _events_cluster_page(conn, a, b, plover, lo, hi, limit + 1, offset)
    else:
        where, params = ["1 = 1"], []
        if plover:
            where.append("plover = ?")
            params.append(plover)
        if lo or hi != "\uffff":
            where.append("first_day >= ? AND first_day <= ?")
            params += [lo, hi]
        ids = [r[0] for r in conn.execute(
            f"SELECT id FROM event_clusters WHERE {' AND '.join(where)} ORDER BY id DESC LIMIT ? OFFSET ?",
            (*params, limit + 1, offset))]
    return _clusters_with_events(conn, ids, a, b, events_per_cluster) if ids else []


def _events_cluster_page(conn, a: ActorRef, b: ActorRef | None, plover: str | None, lo: str, hi: str,
                         limit: int, offset: int) -> list[int]:
    """Clusters of an actor or dyad (of one PLOVER type if given), newest event first, via the
    events' (country, day) indexes; reads more events only when too many fall in the same clusters."""
    dated = lo or hi != "\uffff"  # undated events (day NULL) come last, and only when no dates are asked
    sides = []
    for role, other_role in (("source", "target"), ("target", "source")):
        cond = f"{role}_country = ?" + (" AND day >= ? AND day <= ?" if dated else "")
        params: list[Any] = [a.country, lo, hi] if dated else [a.country]
        if plover:
            cond += " AND plover = ?"
            params.append(plover)
        if not a.is_country:
            cond += f" AND {role} = ?"
            params.append(a.code)
        if b is not None:
            cond += f" AND {other_role}_country = ?"
            params.append(b.country)
        sides.append((cond, params))
    want = limit + offset
    # most clusters hold one or two events: a few rows more than the clusters wanted usually do
    fetch = want + 16
    while True:
        rows, complete = [], True
        for cond, params in sides:
            got = conn.execute(f"SELECT cluster, day FROM events WHERE {cond} ORDER BY day DESC LIMIT ?",
                               (*params, fetch)).fetchall()
            # a side cut short is safe to merge once it alone gives the clusters wanted: the rows it
            # left unread are older than all of those
            complete &= len(got) < fetch or len({r[0] for r in got}) >= want
            rows += got
        if complete:
            rows.sort(key=lambda r: (r[1] or "", r[0]), reverse=True)
            return list(dict.fromkeys(r[0] for r in rows))[offset:want]
        fetch *= 4


def _monday(day: str) -> str | None:
    try:
        d = date.fromisoformat(day[:10])
    except ValueError:
        return None
    return (d - timedelta(days=d.weekday())).isoformat()


def weekly_counts(store: Any, actor: str, other: str | None = None, *, since: str | None = None,
                  until: str | None = None) -> list[dict[str, Any]]:
    """Events per week (weeks start on Monday) by PLOVER type, for an actor (either side; a
    country counts all its actors) or a dyad (both directions). Undated events are left out.

    Returns ``[{"week": "2025-01-13", "counts": {"SUPPORT": 2, ...}}]`` in date order.
    """
    conn = connection(store)
    lo, hi = _bounds(since, until)
    a = resolve_actor(conn, actor)
    if other:
        b = resolve_actor(conn, other)
        sql = ("SELECT day, plover, COUNT(*) FROM events WHERE ((source_country = ?1 AND target_country = ?2) "
               "OR (source_country = ?2 AND target_country = ?1)) AND day BETWEEN ?3 AND ?4 "
               "AND plover IS NOT NULL GROUP BY day, plover")
        params: tuple = (a.country, b.country, lo, hi)
    else:
        role = "" if a.is_country else " AND {side} = ?2"
        parts = [f"SELECT day, plover FROM events WHERE {side}_country = ?1{role.format(side=side)} "
                 f"AND day BETWEEN ?3 AND ?4 AND plover IS NOT NULL" for side in ("source", "target")]
        # an event with the actor on both sides (internal) is counted once
        sql = (f"SELECT day, plover, COUNT(*) FROM ({parts[0]} UNION ALL {parts[1]} AND NOT "
               f"(source_country = ?1{role.format(side='source')})) GROUP BY day, plover")
        params = (a.country, a.code, lo, hi)
    weeks: dict[str, dict[str, int]] = {}
    for day, plover, n in conn.execute(sql, params):
        week = _monday(day or "")
        if week:
            counts = weeks.setdefault(week, {})
            counts[plover] = counts.get(plover, 0) + n
    return [{"week": w, "counts": weeks[w]} for w in sorted(weeks)]


def _has_table(conn, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone() is not None


ALERT_COLUMNS = ("a.id, a.rule, a.match_key, a.summary, a.corroboration, a.created_at, a.webhook_state, "
                 "a.document_id, a.title, a.source, a.url, a.published, a.evidence, d.doc IS NOT NULL AS stored")


def alerts_page(store: Any, *, rule: str | None = None, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    """Alerts fired by ``multipolar watch`` (the ``watch_alerts`` table the watcher keeps in the
    store's file), newest first; ``rule`` narrows to one rule. A store that was never watched has
    no such table: the answer is then an empty list. Returns ``limit + 1`` rows at most.

    Each alert: ``{"id", "rule", "match_key", "summary", "corroboration", "created_at",
    "webhook_state", "document": {"id", "title", "source", "url", "published", "stored"},
    "evidence": [SPEC evidence...]}``; ``stored`` says whether the document is in the store
    (an alert outlives a document removed later).
    """
    conn = connection(store)
    if not _has_table(conn, "watch_alerts"):
        return []
    where, args = ("WHERE a.rule = ?", [rule]) if rule else ("", [])
    rows = conn.execute(
        f"SELECT {ALERT_COLUMNS} FROM watch_alerts a LEFT JOIN documents d ON d.id = a.document_id {where} "
        "ORDER BY a.id DESC LIMIT ? OFFSET ?", (*args, limit + 1, offset)).fetchall()
    return [_alert_dict(r) for r in rows]


def alert(store: Any, alert_id: int) -> dict[str, Any] | None:
    """One alert by id (the shape of :func:`alerts_page`'s items), or None."""
    conn = connection(store)
    if not _has_table(conn, "watch_alerts"):
        return None
    row = conn.execute(f"SELECT {ALERT_COLUMNS} FROM watch_alerts a LEFT JOIN documents d "
                       "ON d.id = a.document_id WHERE a.id = ?", (alert_id,)).fetchone()
    return _alert_dict(row) if row else None


def _alert_dict(r) -> dict[str, Any]:
    try:
        evidence = json.loads(r["evidence"] or "[]")
    except ValueError:  # a row written by hand: show the alert without its evidence
        evidence = []
    return {"id": r["id"], "rule": r["rule"], "match_key": r["match_key"], "summary": r["summary"],
            "corroboration": r["corroboration"], "created_at": r["created_at"],
            "webhook_state": r["webhook_state"],
            "document": {"id": r["document_id"], "title": r["title"], "source": r["source"],
                         "url": r["url"], "published": r["published"], "stored": bool(r["stored"])},
            "evidence": evidence if isinstance(evidence, list) else []}


def document_record(store: Any, doc_id: str) -> dict[str, Any] | None:
    """One stored document with what was coded from it, in SPEC's shape: the same answer as
    :func:`multipolar.analysis.document`, read through indexes.

    ``events`` has no index on ``doc``: the store keeps each document's events (and evidence)
    under consecutive ids, recorded as ``first_event..last_event`` (``first_evidence..
    last_evidence``) on ``documents``, so both are read as one primary-key range instead of a
    scan of every event and one lookup per evidence sentence.
    """
    conn = connection(store)
    d = conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if d is None:
        return None
    doc = d["doc"]
    columns = d.keys()
    ranged = "first_event" in columns and "first_evidence" in columns
    evidence: dict[int, dict[str, Any]] = {}
    if ranged and d["first_evidence"] is not None:
        for r in conn.execute('SELECT id, text, start, "end", field FROM evidence WHERE id BETWEEN ? AND ? '
                              "AND doc = ?", (d["first_evidence"], d["last_evidence"], doc)):
            evidence[r["id"]] = _evidence_dict(r)

    def ev(eid: int) -> dict[str, Any]:
        found = evidence.get(eid)
        if found is None:  # outside the recorded range (an older store): look it up
            r = conn.execute('SELECT id, text, start, "end", field FROM evidence WHERE id = ?', (eid,)).fetchone()
            found = evidence[eid] = _evidence_dict(r)
        return dict(found)

    if ranged and d["first_event"] is not None:
        event_rows = conn.execute("SELECT * FROM events WHERE id BETWEEN ? AND ? AND doc = ? ORDER BY id",
                                  (d["first_event"], d["last_event"], doc))
    elif ranged:
        event_rows = []  # the document has no events
    else:
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
