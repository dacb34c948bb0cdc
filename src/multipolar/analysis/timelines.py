"""Timeline of an actor or a dyad: event clusters by date, monthly counts, evidence.

Counts come from the summary tables kept at ingest (``actor_months``, ``dyad_months``), so they
cost the same at a thousand events or a million. The list is of event clusters (one real-world
event however many outlets reported it), newest first, each with its reporting events and the
sentences they rest on.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from .common import EVIDENCE_COLUMNS, ActorRef, connection, evidence_of, resolve_actor

EVENTS_PER_CLUSTER = 3
# GDELT's QuadClass of the CAMEO root (store/ingest.py quad_class)
QUADS = {1: "verbal_cooperation", 2: "material_cooperation", 3: "verbal_conflict", 4: "material_conflict",
         0: "other"}


def timeline(store: Any, actor: str, actor2: str | None = None, *, since: str | None = None,
             until: str | None = None, limit: int = 50, offset: int = 0,
             events_per_cluster: int = EVENTS_PER_CLUSTER) -> dict[str, Any]:
    """Events of one actor (``actor2`` None) or between two actors (both directions).

    ``since``/``until`` are ISO dates or months (inclusive). Returns::

        {"actors": [ActorRef...], "total_events": int,
         "counts": [{"month": "2025-01", "n_events": int, ...per direction..., "by_quad": {"verbal_cooperation": int, ...}}],
         "clusters": [{"id", "first_day", "last_day", "source", "target", "root", "cameo", "plover",
                       "negated", "n_events", "n_documents",
                       "events": [{"source", "target", "cameo", "status", "negated", "date",
                                   "evidence": {"text", "start", "end", "document": {...}}}]}],
         "limit": int, "offset": int}

    ``by_quad`` splits each month by GDELT's QuadClass of the CAMEO root (verbal / material
    cooperation, verbal / material conflict). Counts of a country include all its actors (``RUS`` counts ``RUSGOV``); counts of a role
    code (``RUSGOV``) count that code only. Dyad counts are by country. Months with no day
    precision are under ``""``.
    """
    conn = connection(store)
    a = resolve_actor(conn, actor)
    b = resolve_actor(conn, actor2) if actor2 else None
    lo, hi = _bounds(since, until)
    counts = _dyad_counts(conn, a, b, lo, hi) if b else _actor_counts(conn, a, lo, hi)
    cluster_ids = _cluster_page(conn, a, b, lo, hi, limit, offset)
    clusters = _clusters_with_events(conn, cluster_ids, a, b, events_per_cluster)
    return {"actors": [x.to_dict() for x in (a, b) if x], "total_events": sum(c["n_events"] for c in counts),
            "counts": counts, "clusters": clusters, "limit": limit, "offset": offset}


def _bounds(since: str | None, until: str | None) -> tuple[str, str]:
    lo = since or ""
    hi = (until + "\uffff") if until else "\uffff"  # "2025-01" includes every day of January
    return lo, hi


def _actor_counts(conn, a: ActorRef, lo: str, hi: str) -> list[dict[str, Any]]:
    rows = conn.execute("SELECT month, role, quad, n FROM actor_months WHERE actor = ? AND "
                        "month >= substr(?, 1, 7) AND month <= ? ORDER BY month", (a.code, lo, hi)).fetchall()
    months: dict[str, dict[str, Any]] = {}
    for month, role, quad, n in rows:
        m = months.setdefault(month, {"month": month, "n_events": 0, "as_source": 0, "as_target": 0,
                                      "by_quad": defaultdict(int)})
        m["n_events"] += n
        m["as_source" if role == "source" else "as_target"] += n
        m["by_quad"][QUADS[quad]] += n
    return [{**m, "by_quad": dict(m["by_quad"])} for m in months.values()]


def _dyad_counts(conn, a: ActorRef, b: ActorRef, lo: str, hi: str) -> list[dict[str, Any]]:
    months: dict[str, dict[str, Any]] = {}
    for source, month, quad, n in conn.execute(
            "SELECT source, month, quad, n FROM dyad_months WHERE ((source = ?1 AND target = ?2) OR "
            "(source = ?2 AND target = ?1)) AND month >= substr(?3, 1, 7) AND month <= ?4 ORDER BY month",
            (a.country, b.country, lo, hi)):
        m = months.setdefault(month, {"month": month, "n_events": 0, "a_to_b": 0, "b_to_a": 0,
                                      "by_quad": defaultdict(int)})
        m["n_events"] += n
        m["a_to_b" if source == a.country else "b_to_a"] += n
        m["by_quad"][QUADS[quad]] += n
    return [{**m, "by_quad": dict(m["by_quad"])} for m in months.values()]


def _cluster_page(conn, a: ActorRef, b: ActorRef | None, lo: str, hi: str, limit: int,
                  offset: int) -> list[int]:
    if b is None:
        return events_cluster_page(conn, a, None, None, lo, hi, limit, offset)
    # a dyad: both directions from the clusters' (source, target, ...) index, merged
    dated = lo or hi != "\uffff"
    cond = "AND first_day >= ? AND first_day <= ? " if dated else ""
    n = limit + offset
    union = " UNION ALL ".join(
        f"SELECT * FROM (SELECT id, first_day FROM event_clusters WHERE source = ? AND target = ? {cond}"
        f"ORDER BY first_day DESC, id DESC LIMIT {n})" for _ in range(2))
    params: list = []
    for s, t in ((a.country, b.country), (b.country, a.country)):
        params += [s, t] + ([lo, hi] if dated else [])
    rows = conn.execute(f"SELECT id FROM ({union}) ORDER BY first_day DESC, id DESC LIMIT ? OFFSET ?",
                        (*params, limit, offset)).fetchall()
    return [r[0] for r in rows]


def events_cluster_page(conn, a: ActorRef, b: ActorRef | None, plover: str | None, lo: str, hi: str,
                        limit: int, offset: int) -> list[int]:
    """Ids of the clusters of an actor or dyad (of one PLOVER type if given), newest event first,
    ``offset`` skipped, ``limit`` at most, found through the events' (country, day) indexes.

    Reads the newest events of each side, a few more than the clusters wanted, and reads more
    only when too many of them fall in the same clusters. Serves the actor timeline and the
    API's event list.
    """
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


def _clusters_with_events(conn, ids: list[int], a: ActorRef, b: ActorRef | None,
                          per_cluster: int) -> list[dict[str, Any]]:
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    clusters = {r["id"]: {"id": r["id"], "first_day": r["first_day"], "last_day": r["last_day"],
                          "source": r["source"] or None, "target": r["target"] or None, "root": r["root"],
                          "cameo": r["cameo"], "plover": r["plover"], "negated": bool(r["negated"]),
                          "n_events": r["n_events"], "n_documents": r["n_documents"], "events": []}
                for r in conn.execute(f"SELECT * FROM event_clusters WHERE id IN ({marks})", ids)}
    for r in conn.execute(
            f"SELECT e.cluster, e.source, e.target, e.cameo, e.plover, e.status, e.negated, e.date, "
            f"{EVIDENCE_COLUMNS} FROM events e JOIN evidence ev ON ev.id = e.evidence "
            f"JOIN documents d ON d.doc = e.doc WHERE e.cluster IN ({marks}) ORDER BY e.cluster, e.id", ids):
        c = clusters[r["cluster"]]
        if len(c["events"]) < per_cluster:
            c["events"].append({"source": r["source"], "target": r["target"], "cameo": r["cameo"],
                                "plover": r["plover"], "status": r["status"], "negated": bool(r["negated"]),
                                "date": r["date"], "evidence": evidence_of(r)})
    return [clusters[i] for i in ids if i in clusters]
