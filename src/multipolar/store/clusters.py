"""Event clusters: one real-world event however many documents report it (GDELT's duplicate problem).

Events with the same source country, target country, CAMEO root and negation join the stored
cluster whose opening day (anchor) lies within ``window`` days of the event's day (the nearest;
ties to the older cluster), else open a new cluster. Undated events each get their own.
Assignment is greedy in ingest order, so the same records ingested in the same order always
give the same clusters.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=65536)
def ordinal(day: str) -> int:
    return date.fromisoformat(day).toordinal()


def assign_clusters(conn: sqlite3.Connection, rows: Any, window: int) -> None:
    """Give every event of the batch its cluster; write new clusters and grow old ones."""
    # one probe per distinct (key, day): only clusters within the window of some event come back
    probes = {(key, day_ord) for key, day_ord in zip(rows.event_keys, rows.event_ords, strict=True) if day_ord}
    index: dict[tuple, list[tuple[int, int]]] = {}
    if probes:
        conn.execute("DELETE FROM temp.batch_keys")
        conn.executemany("INSERT INTO temp.batch_keys VALUES (?, ?, ?, ?, ?, ?)",
                         [(*k, date.fromordinal(o - window).isoformat(), date.fromordinal(o + window).isoformat())
                          for k, o in probes])
        # CROSS JOIN keeps the probes as the outer loop: one index range per probe, never a
        # scan of every cluster (the planner's choice without it)
        found = conn.execute(
            "SELECT DISTINCT c.id, c.source, c.target, c.root, c.negated, c.anchor_day "
            "FROM temp.batch_keys k CROSS JOIN event_clusters c ON c.source = k.source AND "
            "c.target = k.target AND c.root = k.root AND c.negated = k.negated AND "
            "c.anchor_day BETWEEN k.lo AND k.hi").fetchall()
        for cid, src, tgt, root, neg, anchor in sorted(tuple(f) for f in found):
            index.setdefault((src, tgt, root, neg), []).append((ordinal(anchor), cid))
    next_id = conn.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM event_clusters").fetchone()[0]
    # Documents come one after another, so a cluster counts a new document whenever the
    # event's document differs from the last one it saw (no per-cluster sets needed).
    new: dict[int, list] = {}      # cid -> [key..., anchor, first, last, cameo, plover, n, n_docs, last_doc]
    grown: dict[int, list] = {}    # cid -> [n, n_docs, first, last, last_doc]
    clusters = []
    append = clusters.append
    for ev, key, day_ord in zip(rows.events, rows.event_keys, rows.event_ords, strict=True):
        cid = None
        if day_ord:
            cands = index.get(key)
            if cands:
                best = window + 1
                for anchor, c in cands:
                    dist = anchor - day_ord if anchor > day_ord else day_ord - anchor
                    if dist < best:
                        best, cid = dist, c
        if cid is None:
            cid = next_id
            next_id += 1
            day = ev[11]
            new[cid] = [*key, day, day, day, ev[7], ev[9], 1, 1, ev[1]]
            if day_ord:
                index.setdefault(key, []).append((day_ord, cid))
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
    rows.event_clusters = clusters
    conn.executemany("INSERT INTO event_clusters (source, target, root, negated, anchor_day, first_day, "
                     "last_day, cameo, plover, n_events, n_documents, id) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     [(*e[:11], cid) for cid, e in new.items()])
    conn.executemany("UPDATE event_clusters SET n_events = n_events + ?, n_documents = n_documents + ?,"
                     " first_day = min(first_day, ?), last_day = max(last_day, ?) WHERE id = ?",
                     [(*g[:4], cid) for cid, g in sorted(grown.items())])
