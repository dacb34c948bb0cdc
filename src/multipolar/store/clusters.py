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
    """Gives the events of one transaction their clusters, chunk after chunk.

    The clusters a chunk opens are not kept here: their rows are aggregated from the chunk's
    staged events by SQL (:data:`NEW_CLUSTERS_SQL`), on the writer's worker thread. Events that
    join a cluster opened before the chunk (stored, or opened by an earlier chunk of the
    transaction) count as its growth, written once at the transaction's end (:meth:`write_growth`).

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
        self.grown: dict[int, list] = {}  # cid -> [n, n_docs, first, last, last_doc]
        # the clusters opened by the last chunk that later events of that chunk joined (the others
        # have one event each, and their rows are copied from it)
        self.joined_new: set[int] = set()

    def assign(self, events: list[tuple], keys: list[tuple], day_ords: list[int]) -> list[int]:
        """The cluster of each event of one chunk (event tuples as ``events`` rows: doc at 1, day at
        11), in order; reads the store only for anchors not yet in memory. The chunk's new clusters
        are numbered from ``index.next_id`` as it was before the call."""
        index, window, conn = self.index, self.window, self.conn
        grown = self.grown
        joined_new = self.joined_new = set()
        first_new = next_id = index.next_id
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
                if day_ord:
                    insort(cands, day_ord << SHIFT | cid)
                    index.size += 1
            elif cid >= first_new:
                joined_new.add(cid)
            else:
                day, doc = ev[11], ev[1]
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

    def write_growth(self) -> None:
        """Add the transaction's events to the clusters they joined that were opened before their
        chunk (stored ones, and ones opened by an earlier chunk)."""
        self.conn.executemany(
            "UPDATE event_clusters SET n_events = n_events + ?, n_documents = n_documents + ?,"
            " first_day = min(first_day, ?), last_day = max(last_day, ?) WHERE id = ?",
            [(*g[:4], cid) for cid, g in sorted(self.grown.items())])


# The rows of the clusters opened by one chunk, from its staged events (``temp.ingest_events``;
# ``?1``: the chunk's first new cluster id, ``?2``: a JSON array of those of its new clusters that
# more than one event joined). A cluster's key, anchor, CAMEO code and PLOVER type are those of its
# opening event, its first by id; a one-event cluster is a copy of its event, the others' counts and
# days are aggregated. Clusters are numbered in the order of their opening events, so rows come in
# id order. A document's events are staged together, so its documents are its distinct doc ids.
NEW_CLUSTERS_SQL = """
WITH joined AS (
    SELECT cluster, MIN(id) AS opening, MIN(day) AS first_day, MAX(day) AS last_day, COUNT(*) AS n,
           COUNT(DISTINCT doc) AS n_docs
    FROM temp.ingest_events WHERE cluster IN (SELECT value FROM json_each(?2)) GROUP BY cluster)
INSERT INTO event_clusters (id, source, target, root, negated, anchor_day, first_day, last_day, cameo, plover,
                            n_events, n_documents)
SELECT e.cluster, COALESCE(e.source_country, ''), COALESCE(e.target_country, ''), e.root, e.negated, e.day,
       COALESCE(j.first_day, e.day), COALESCE(j.last_day, e.day), e.cameo, e.plover, COALESCE(j.n, 1),
       COALESCE(j.n_docs, 1)
FROM temp.ingest_events AS e LEFT JOIN joined AS j ON j.cluster = e.cluster
WHERE e.cluster >= ?1 AND (j.cluster IS NULL OR j.opening = e.id)
"""
