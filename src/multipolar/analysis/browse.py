"""Paged lists for browsing a store (the HTTP API's list endpoints): documents, actors,
agreements, event clusters filtered by actor / dyad / PLOVER type / dates, and weekly
event counts by PLOVER type for the timeline chart.

Written beside the other queries so the web layer only parses, calls and renders. Each
list function fetches ``limit + 1`` rows so the caller can tell whether a next page exists
without counting the table.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from .agreements import agreement_summary, merged_provisions
from .common import ActorRef, connection, resolve_actor
from .timelines import _bounds, _cluster_page, _clusters_with_events


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
    if a and not plover:
        ids = _cluster_page(conn, a, b, lo, hi, limit + 1, offset)
    elif a:
        ids = _typed_actor_page(conn, a, b, plover, lo, hi, limit + 1, offset)
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


def _typed_actor_page(conn, a: ActorRef, b: ActorRef | None, plover: str, lo: str, hi: str,
                      limit: int, offset: int) -> list[int]:
    """Clusters of one PLOVER type for an actor or dyad, newest first, via the events' indexes;
    reads more events only when too many fall in the same clusters."""
    sides = []
    for role, other_role in (("source", "target"), ("target", "source")):
        cond = f"{role}_country = ? AND plover = ? AND day >= ? AND day <= ?"
        params: list[Any] = [a.country, plover, lo, hi]
        if not a.is_country:
            cond += f" AND {role} = ?"
            params.append(a.code)
        if b is not None:
            cond += f" AND {other_role}_country = ?"
            params.append(b.country)
        sides.append((cond, params))
    want = limit + offset
    fetch = max(4 * want, 16)
    while True:
        rows, exhausted = [], True
        for cond, params in sides:
            got = conn.execute(f"SELECT cluster, day FROM events WHERE {cond} ORDER BY day DESC LIMIT ?",
                               (*params, fetch)).fetchall()
            exhausted &= len(got) < fetch
            rows += got
        rows.sort(key=lambda r: (r[1] or "", r[0]), reverse=True)
        clusters = list(dict.fromkeys(r[0] for r in rows))
        if len(clusters) >= want or exhausted:
            return clusters[offset:want]
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
