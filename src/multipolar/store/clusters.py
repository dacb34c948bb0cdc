"""Event clusters: one real-world event however many documents report it (GDELT's duplicate problem).

Events with the same source country, target country, CAMEO root and negation join the stored
cluster whose opening day (anchor) lies within ``window`` days of the event's day (the nearest;
ties to the older cluster), else open a new cluster. Undated events each get their own.
Assignment is greedy in ingest order, so the same records ingested in the same order always
give the same clusters.

The anchors of the stored clusters are kept in memory by :class:`ClusterIndex`, loaded one key
at a time on first use and kept from batch to batch, so a batch asks SQLite nothing per event.
The writer drops the index whenever it could be stale: another connection committed (``PRAGMA
data_version`` moved), the same connection wrote outside the writer (``total_changes`` moved),
a batch rolled back, or a batch deleted rows (a re-coded document).
"""

from __future__ import annotations

import sqlite3
from bisect import bisect_left, insort
from datetime import date
from functools import lru_cache


@lru_cache(maxsize=65536)
def ordinal(day: str) -> int:
    return date.fromisoformat(day).toordinal()


# An anchor is kept as one int, ordinal << 32 | cluster id: sorted order is by day then by id
# (the older cluster first), and an int costs a third of the memory of a tuple.
SHIFT = 32
ID_MASK = (1 << SHIFT) - 1


class ClusterIndex:
    """(source, target, root, negated) -> sorted anchors (see ``SHIFT``) of the stored dated clusters."""

    # past this many anchors the index starts again from empty (about 40 bytes each in memory)
    MAX_ANCHORS = 4_000_000

    def __init__(self) -> None:
        self.by_key: dict[tuple, list[int]] = {}
        self.size = 0
        self.complete = False     # every stored cluster is in by_key (a missing key has none)
        self.next_id = 0          # the id the next new cluster gets
        self.data_version = None  # PRAGMA data_version when the index was last known current
        self.changes = -1         # this connection's total_changes then (writes not made by the writer)

    def clear(self) -> None:
        self.by_key.clear()
        self.size = 0
        self.complete = False
        self.next_id = 0

    def validate(self, conn: sqlite3.Connection) -> None:
        """Start a batch: keep the index only if nothing but this connection wrote since."""
        version = conn.execute("PRAGMA data_version").fetchone()[0]
        next_id = conn.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM event_clusters").fetchone()[0]
        if (version != self.data_version or conn.total_changes != self.changes or next_id != self.next_id
                or self.size > self.MAX_ANCHORS):
            self.clear()
            if next_id == 1:
                self.complete = True  # no cluster stored yet
        self.data_version = version
        self.next_id = next_id

    def committed(self, conn: sqlite3.Connection) -> None:
        """The writer committed its batch: the index is current as of now."""
        self.changes = conn.total_changes

    def load_all(self, conn: sqlite3.Connection) -> None:
        """Read every dated cluster in one scan (cheaper than one query per key for a big batch)."""
        by_key: dict[tuple, list[int]] = {}
        n = 0
        for source, target, root, negated, anchor, cid in conn.execute(
                "SELECT source, target, root, negated, anchor_day, id FROM event_clusters "
                "WHERE anchor_day IS NOT NULL"):
            by_key.setdefault((source, target, root, negated), []).append(ordinal(anchor) << SHIFT | cid)
            n += 1
        for anchors in by_key.values():
            anchors.sort()
        self.by_key, self.size, self.complete = by_key, n, True

    def anchors(self, conn: sqlite3.Connection, key: tuple) -> list[int]:
        got = self.by_key.get(key)
        if got is None:
            if self.complete:
                got = []
            else:
                got = sorted(ordinal(anchor) << SHIFT | cid for cid, anchor in conn.execute(
                    "SELECT id, anchor_day FROM event_clusters WHERE source = ? AND target = ? AND root = ? "
                    "AND negated = ? AND anchor_day IS NOT NULL", key))
                self.size += len(got)
            self.by_key[key] = got
        return got


class ClusterAssigner:
    """Gives the events of one transaction their clusters, chunk after chunk: the clusters each
    chunk opens are taken with it (:meth:`take_new`), the growth of earlier ones is written once
    at the transaction's end (:meth:`write_growth`).

    ``index`` must be current (:meth:`ClusterIndex.validate` in this transaction); without one,
    a fresh index is used for this transaction only. ``n_events`` (the transaction's events)
    decides whether reading every stored anchor in one scan is cheaper than key by key.
    """

    def __init__(self, conn: sqlite3.Connection, window: int, index: ClusterIndex | None = None,
                 n_events: int = 0) -> None:
        if index is None:
            index = ClusterIndex()
            index.validate(conn)
        if not index.complete and not index.by_key and n_events * 4 >= index.next_id:
            index.load_all(conn)
        self.conn, self.window, self.index = conn, window, index
        # Documents come one after another, so a cluster counts a new document whenever the
        # event's document differs from the last one it saw (no per-cluster sets needed).
        self.new: dict[int, list] = {}    # cid -> [key..., anchor, first, last, cameo, plover, n, n_docs, last_doc]
        self.grown: dict[int, list] = {}  # cid -> [n, n_docs, first, last, last_doc]

    def assign(self, events: list[tuple], keys: list[tuple], day_ords: list[int]) -> list[int]:
        """The cluster of each event (event tuples as ``events`` rows: doc at 1, cameo at 7,
        plover at 9, day at 11), in order; reads the store only for anchors not yet in memory."""
        index, window, conn = self.index, self.window, self.conn
        new, grown = self.new, self.grown
        next_id = index.next_id
        clusters = []
        append = clusters.append
        by_key = index.by_key
        for ev, key, day_ord in zip(events, keys, day_ords, strict=True):
            cid = None
            if day_ord:
                cands = by_key.get(key)
                if cands is None:
                    cands = index.anchors(conn, key)
                if cands:
                    # anchors within the window in (day, id) order: the first at the least distance
                    # is the nearest, ties going to the older cluster
                    i = bisect_left(cands, (day_ord - window) << SHIFT)
                    best = window + 1
                    n = len(cands)
                    stop = (day_ord + window + 1) << SHIFT
                    while i < n:
                        v = cands[i]
                        if v >= stop:
                            break
                        anchor = v >> SHIFT
                        dist = anchor - day_ord if anchor > day_ord else day_ord - anchor
                        if dist < best or (dist == best and (v & ID_MASK) < cid):
                            best, cid = dist, v & ID_MASK
                        i += 1
            if cid is None:
                cid = next_id
                next_id += 1
                day = ev[11]
                new[cid] = [*key, day, day, day, ev[7], ev[9], 1, 1, ev[1]]
                if day_ord:
                    insort(cands, day_ord << SHIFT | cid)
                    index.size += 1
            else:
                day, doc = ev[11], ev[1]
                entry = new.get(cid)
                if entry is not None:
                    entry[9] += 1
                    if entry[11] != doc:
                        entry[10] += 1
                        entry[11] = doc
                    if day < entry[5]:
                        entry[5] = day
                    elif day > entry[6]:
                        entry[6] = day
                else:
                    g = grown.get(cid)
                    if g is None:
                        grown[cid] = [1, 1, day, day, doc]
                    else:
                        g[0] += 1
                        if g[4] != doc:
                            g[1] += 1
                            g[4] = doc
                        if day < g[2]:
                            g[2] = day
                        elif day > g[3]:
                            g[3] = day
            append(cid)
        index.next_id = next_id
        return clusters

    def take_new(self) -> list[tuple]:
        """The clusters opened since the last call, as ``event_clusters`` rows (id first), to be
        written now; events that join them later count as growth (:meth:`write_growth`). A document's
        events are assigned in one call, so no document is counted twice."""
        rows = [(cid, *e[:11]) for cid, e in self.new.items()]
        self.new.clear()
        return rows

    def write_growth(self) -> None:
        """Add the transaction's events to the clusters they joined that were written before
        (stored ones, and ones opened in an earlier chunk); new ones go by :meth:`take_new`."""
        self.conn.executemany(
            "UPDATE event_clusters SET n_events = n_events + ?, n_documents = n_documents + ?,"
            " first_day = min(first_day, ?), last_day = max(last_day, ?) WHERE id = ?",
            [(*g[:4], cid) for cid, g in sorted(self.grown.items())])
