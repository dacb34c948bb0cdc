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

from ..store.codes import full_day, week_of
from .agreements import agreement_summary, merged_provisions
from .common import ActorRef, connection, resolve_actor
from .timelines import _bounds, _clusters_with_events, events_cluster_page


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
        ids = events_cluster_page(conn, a, b, plover, lo, hi, limit + 1, offset)
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


def weekly_counts(store: Any, actor: str, other: str | None = None, *, since: str | None = None,
                  until: str | None = None) -> list[dict[str, Any]]:
    """Events per week (weeks start on Monday) by PLOVER type, for an actor (either side; a
    country counts all its actors) or a dyad (both directions). Undated events are left out.

    Returns ``[{"week": "2025-01-13", "counts": {"SUPPORT": 2, ...}}]`` in date order.

    A country's whole weeks come from the weekly summary table kept at ingest (``actor_weeks``);
    a week cut by ``since``/``until``, a role code (``RUSGOV``) and a dyad are counted from the
    events, over the covering (country, day, plover) and (source, target, day, plover) indexes.
    A store opened read-only before it was migrated to that table is counted from its events.
    """
    conn = connection(store)
    lo, hi = _bounds(since, until)
    a = resolve_actor(conn, actor)
    b = resolve_actor(conn, other) if other else None
    weeks: dict[str, dict[str, int]] = {}
    summed = b is None and a.is_country and _has_table(conn, "actor_weeks")
    whole = _whole_weeks(since, until) if summed else None
    if whole is None or whole[0] > whole[1]:  # not a country, no summary table, or no whole week inside
        _events_by_week(conn, a, b, lo, hi, weeks)
    else:
        first, last = whole  # Mondays of the first and the last week wholly inside the bounds
        for week, plover, n in conn.execute("SELECT week, plover, n FROM actor_weeks WHERE actor = ? AND "
                                            "week >= ? AND week <= ?", (a.country, first, last)):
            weeks.setdefault(week, {})[plover] = n
        if since and first > lo:  # the days before the first whole week
            _events_by_week(conn, a, b, lo, _day_before(first), weeks)
        if until:
            after = (date.fromisoformat(last) + timedelta(days=7)).isoformat()
            if after <= hi:  # the days after the last whole week
                _events_by_week(conn, a, b, after, hi, weeks)
    return [{"week": w, "counts": weeks[w]} for w in sorted(weeks)]


def _whole_weeks(since: str | None, until: str | None) -> tuple[str, str] | None:
    """Mondays of the first and last weeks wholly inside ``since..until`` ("" / "\uffff" when
    unbounded), or None when a bound is not a plain ISO year, month or day (the bounds compare as
    strings, and only those forms make a string bound and a date bound agree: then every week
    is counted from events)."""
    first, last = "", "\uffff"
    if since:
        day = _iso_day(since)
        if day is None:
            return None
        d = date.fromisoformat(day)
        first = (d + timedelta(days=(7 - d.weekday()) % 7)).isoformat()  # Monday on or after
    if until:
        end = _last_day(until)
        if end is None:
            return None
        last = (end - timedelta(days=(end.weekday() + 1) % 7 + 6)).isoformat()  # Monday of the last Sunday's week
    return first, last


def _last_day(until: str) -> date | None:
    """The last day an ``until`` bound includes: the day itself, or the end of its month or year."""
    day = _iso_day(until)
    if day is None:
        return None
    d = date.fromisoformat(day)
    if len(until) == 4:
        return date(d.year, 12, 31)
    if len(until) == 7:
        return (date(d.year + d.month // 12, d.month % 12 + 1, 1) - timedelta(days=1))
    return d


def _iso_day(bound: str) -> str | None:
    """``2025``, ``2025-01`` or ``2025-01-15`` as its first day; None for any other string."""
    day = full_day(bound)
    return day if day is not None and len(bound) in (4, 7, 10) and day.startswith(bound) else None


def _day_before(day: str) -> str:
    return (date.fromisoformat(day) - timedelta(days=1)).isoformat()


def _events_by_week(conn, a: ActorRef, b: ActorRef | None, lo: str, hi: str,
                    weeks: dict[str, dict[str, int]]) -> None:
    """Adds the weekly counts of the events dated ``lo..hi`` (ISO strings, inclusive) to ``weeks``."""
    if b is not None:
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
    for day, plover, n in conn.execute(sql, params):
        week = week_of(day or "")
        if week:
            counts = weeks.setdefault(week, {})
            counts[plover] = counts.get(plover, 0) + n


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
