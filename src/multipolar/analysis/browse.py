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
from .common import connection, resolve_actor
from .timelines import _bounds, _clusters_with_events


def documents_page(store: Any, *, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    """Stored documents, most recently stored first (``limit + 1`` rows at most)."""
    conn = connection(store)
    return [dict(r) for r in conn.execute(
        "SELECT d.id, d.title, d.source, d.url, d.published, d.coder_version, "
        "(SELECT COUNT(*) FROM events e WHERE e.doc = d.doc) AS n_events FROM documents d "
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
    """Event clusters (one real-world event, however many outlets) newest first, filtered by an
    actor's country (either side), a dyad (both directions), a PLOVER type and dates.

    Each cluster carries ``n_documents`` (its corroboration) and up to ``events_per_cluster``
    reports with evidence. Returns ``limit + 1`` clusters at most.
    """
    conn = connection(store)
    lo, hi = _bounds(since, until)
    where = ["coalesce(first_day, '') BETWEEN ? AND ?"]
    params: list[Any] = [lo, hi]
    a = resolve_actor(conn, actor) if actor else None
    b = resolve_actor(conn, other) if other else None
    if plover:
        where.append("plover = ?")
        params.append(plover)
    if a and b:
        sides = [("source = ? AND target = ?", [a.country, b.country]),
                 ("source = ? AND target = ?", [b.country, a.country])]
    elif a:
        sides = [("source = ?", [a.country]), ("target = ?", [a.country])]
    else:
        sides = [("1 = 1", [])]
    n = limit + 1 + offset
    # one indexed range per side, each cut to the rows a page can need, then merged
    union = " UNION ALL ".join(
        f"SELECT * FROM (SELECT id, first_day FROM event_clusters WHERE {cond} AND {' AND '.join(where)} "
        f"ORDER BY first_day DESC, id DESC LIMIT {n})" for cond, _ in sides)
    args = [p for _, ps in sides for p in (*ps, *params)]
    ids = [r[0] for r in conn.execute(
        f"SELECT DISTINCT id, first_day FROM ({union}) ORDER BY first_day DESC, id DESC LIMIT ? OFFSET ?",
        (*args, limit + 1, offset))]
    return _clusters_with_events(conn, ids, a, b, events_per_cluster) if ids else []


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
