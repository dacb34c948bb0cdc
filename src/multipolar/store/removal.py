"""Summary upkeep and the removal of a document's rows before it is re-coded."""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable
from operator import itemgetter
from typing import NamedTuple

from .bulk import insert_rows
from .codes import QUAD, week_of

first = itemgetter(0)


class SummaryRows(NamedTuple):
    """Rows to add to one summary table: ``{insert} VALUES (...) {conflict}`` for each row."""

    insert: str
    width: int
    conflict: str
    rows: list[tuple]


def summary_statements(actor_months: Counter, dyad_months: Counter,
                       actor_weeks: Counter | None = None) -> list[SummaryRows]:
    """The rows that add a batch's counts to the summary tables (or with negative counts take them
    away), with their statements. Built apart from running them (:func:`write_summaries`), so a
    writer can build them while its connection is still busy."""
    # Rows grouped by their first column (an actor, a source country) upsert into nearby B-tree
    # pages; a full key sort costs three times as much in Python and saved less than that in SQLite.
    am_rows = [(*k, n) for k, n in actor_months.items()]
    am_rows.sort(key=first)
    dm_rows = [(*k, n) for k, n in dyad_months.items()]
    dm_rows.sort(key=first)
    actors: dict[str, list[int]] = {}
    for (actor, _month, _quad, role), n in actor_months.items():
        actors.setdefault(actor, [0, 0])[role == "target"] += n
    dyads: Counter = Counter()
    for (source, target, _month, _quad), n in dyad_months.items():
        dyads[(source, target)] += n
    added = "DO UPDATE SET n = n + excluded.n"
    out = [
        SummaryRows("INSERT INTO actor_months", 5, f"ON CONFLICT(actor, month, quad, role) {added}", am_rows),
        SummaryRows("INSERT INTO dyad_months", 5, f"ON CONFLICT(source, target, month, quad) {added}", dm_rows),
        SummaryRows("INSERT INTO actor_totals", 3, "ON CONFLICT(actor) DO UPDATE SET n_source = n_source + "
                    "excluded.n_source, n_target = n_target + excluded.n_target",
                    sorted((a, s, t) for a, (s, t) in actors.items())),
        SummaryRows("INSERT INTO dyad_totals", 3, f"ON CONFLICT(source, target) {added}",
                    sorted((*k, n) for k, n in dyads.items())),
    ]
    if actor_weeks is not None:
        out.append(SummaryRows("INSERT INTO actor_weeks", 4, f"ON CONFLICT(actor, week, plover) {added}",
                               sorted(((*k, n) for k, n in actor_weeks.items()), key=first)))
    return out


def write_summaries(conn: sqlite3.Connection, statements: list[SummaryRows]) -> None:
    """Run what :func:`summary_statements` built."""
    for s in statements:
        insert_rows(conn, s.insert, s.rows, s.width, s.conflict)


def add_summaries(conn: sqlite3.Connection, actor_months: Counter, dyad_months: Counter,
                  actor_weeks: Counter | None = None) -> None:
    """Add (or, with negative counts, take away) a batch's counts to the summary tables."""
    write_summaries(conn, summary_statements(actor_months, dyad_months, actor_weeks))
    if actor_weeks is not None:
        gone = [k for k, n in actor_weeks.items() if n < 0]
        if gone:  # weeks that fall to zero go
            conn.executemany("DELETE FROM actor_weeks WHERE actor = ? AND week = ? AND plover = ? AND n <= 0", gone)


def week_counts(events: Iterable[tuple], sign: int = 1) -> Counter:
    """The ``actor_weeks`` counts of some events, given as ``(source_country, target_country,
    plover, day)``; ``sign`` -1 takes them away. An event counts once for each country on either
    side (an internal event once). Events without a PLOVER type or a day are not counted."""
    keys = []
    append = keys.append
    for sc, tc, plover, day in events:
        if plover and day:
            week = week_of(day)
            if week is None:
                continue
            if sc:
                append((sc, week, plover))
            if tc and tc != sc:
                append((tc, week, plover))
    counts = Counter(keys)  # counted in C
    if sign != 1:
        for k in counts:
            counts[k] *= sign
    return counts


def delete_document_rows(conn: sqlite3.Connection, doc: int) -> tuple[set[int], set[int]]:
    """Remove every coded row of one document (before it is re-coded); keeps the documents row.

    Returns the agreements and claims touched, to be recomputed once the batch is written.
    """
    actor_months: Counter = Counter()
    dyad_months: Counter = Counter()
    per_cluster: Counter = Counter()
    ev_lo, ev_hi, evd_lo, evd_hi = conn.execute(
        "SELECT first_event, last_event, first_evidence, last_evidence FROM documents WHERE doc = ?",
        (doc,)).fetchone()
    week_events = []
    for source, sc, target, tc, root, day, cluster, plover in conn.execute(
            "SELECT source, source_country, target, target_country, root, day, cluster, plover FROM events "
            "WHERE id BETWEEN ? AND ?", (ev_lo, ev_hi)):
        week_events.append((sc, tc, plover, day))
        month = day[:7] if day else ""
        quad = QUAD.get(root, 0)
        if sc:
            actor_months[(sc, month, quad, "source")] -= 1
            if source != sc:
                actor_months[(source, month, quad, "source")] -= 1
        if tc:
            actor_months[(tc, month, quad, "target")] -= 1
            if target != tc:
                actor_months[(target, month, quad, "target")] -= 1
            if sc:
                dyad_months[(sc, tc, month, quad)] -= 1
        per_cluster[cluster] += 1
    add_summaries(conn, actor_months, dyad_months, week_counts(week_events, -1))
    conn.executemany("DELETE FROM actor_months WHERE actor = ? AND month = ? AND quad = ? AND role = ? AND n <= 0",
                     list(actor_months))
    conn.executemany("DELETE FROM dyad_months WHERE source = ? AND target = ? AND month = ? AND quad = ? "
                     "AND n <= 0", list(dyad_months))
    conn.executemany("DELETE FROM actor_totals WHERE actor = ? AND n_source <= 0 AND n_target <= 0",
                     [(a,) for a in {k[0] for k in actor_months}])
    conn.executemany("DELETE FROM dyad_totals WHERE source = ? AND target = ? AND n <= 0",
                     list({k[:2] for k in dyad_months}))
    conn.execute("DELETE FROM events WHERE id BETWEEN ? AND ?", (ev_lo, ev_hi))
    conn.executemany("UPDATE event_clusters SET n_events = n_events - ?, n_documents = n_documents - 1 "
                     "WHERE id = ?", [(n, c) for c, n in per_cluster.items()])
    conn.executemany("DELETE FROM event_clusters WHERE id = ? AND n_events <= 0", [(c,) for c in per_cluster])
    conn.executemany("UPDATE event_clusters SET first_day = (SELECT MIN(day) FROM events WHERE cluster = ?1), "
                     "last_day = (SELECT MAX(day) FROM events WHERE cluster = ?1) WHERE id = ?1",
                     [(c,) for c in per_cluster])

    agreements = {a for (a,) in conn.execute("SELECT agreement FROM agreement_reports WHERE doc = ?", (doc,))}
    conn.execute("DELETE FROM provisions WHERE report IN (SELECT id FROM agreement_reports WHERE doc = ?)",
                 (doc,))
    conn.execute("DELETE FROM agreement_reports WHERE doc = ?", (doc,))
    claims = {c for (c,) in conn.execute("SELECT claim FROM claim_reports WHERE doc = ?", (doc,))}
    conn.execute("DELETE FROM responses WHERE doc = ?", (doc,))
    conn.execute("DELETE FROM claim_reports WHERE doc = ?", (doc,))
    for table in ("quotes", "flags", "doc_actors"):
        conn.execute(f"DELETE FROM {table} WHERE doc = ?", (doc,))
    conn.execute("INSERT INTO evidence_fts (evidence_fts, rowid, text) "
                 "SELECT 'delete', id, text FROM evidence WHERE id BETWEEN ? AND ?", (evd_lo, evd_hi))
    conn.execute("DELETE FROM evidence WHERE id BETWEEN ? AND ?", (evd_lo, evd_hi))
    return agreements, claims
