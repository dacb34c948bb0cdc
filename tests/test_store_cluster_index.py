"""The writer's in-memory index of cluster anchors gives exactly the clusters of the stated rule,
and is dropped whenever the database changed under it (another connection, a re-coded document)."""

from __future__ import annotations

import copy
from datetime import date

from multipolar.store import Store
from store_fixtures import generated_record

WINDOW = 3


def records(lo: int, hi: int, coder_version: str = "0.1.0") -> list[dict]:
    """Generated records with their events' dates squeezed into three weeks, so that many events
    share a key within a few days: clusters grow, and a day can be equally near two anchors."""
    out = []
    for i in range(lo, hi):
        r = generated_record(i, 3, seed=7, coder_version=coder_version)
        for j, e in enumerate(r["events"]):
            e["date"] = f"2020-01-{1 + (i * 7 + j * 3) % 21:02d}"
        out.append(r)
    return out


def reference_clusters(store: Store) -> list[int]:
    """events.cluster recomputed naively from the events in id order: the nearest anchor of the same
    key within the window (ties to the older cluster), else a new cluster anchored at the event's day."""
    anchors: dict[tuple, list[tuple[int, int]]] = {}
    ids: dict[int, int] = {}   # stored cluster id -> index of the cluster in the reference
    out = []
    for sc, tc, root, neg, day, cluster in store.conn.execute(
            "SELECT source_country, target_country, root, negated, day, cluster FROM events ORDER BY id"):
        key = (sc or "", tc or "", root, neg)
        o = date.fromisoformat(day).toordinal()
        near = [(abs(a - o), n) for a, n in anchors.get(key, []) if abs(a - o) <= WINDOW]
        if near:
            out.append(min(near)[1])
        else:
            n = len(ids)
            ids[cluster] = n
            anchors.setdefault(key, []).append((o, n))
            out.append(n)
    return out


def stored_clusters(store: Store) -> list[int]:
    renumber: dict[int, int] = {}
    return [renumber.setdefault(c, len(renumber))
            for (c,) in store.conn.execute("SELECT cluster FROM events ORDER BY id")]


def fingerprint(store: Store) -> tuple:
    return (store.counts(), stored_clusters(store), sorted(tuple(r) for r in store.conn.execute(
        "SELECT source, target, root, negated, anchor_day, first_day, last_day, n_events, n_documents "
        "FROM event_clusters")))


def test_clusters_follow_the_rule_across_many_small_batches(tmp_path):
    with Store.open(tmp_path / "s.db") as store:
        store.ingest(records(0, 400), batch_size=37, window_days=WINDOW)
        assert stored_clusters(store) == reference_clusters(store)
        assert store.counts()["event_clusters"] < store.counts()["events"]  # some did merge


def test_a_write_from_another_connection_is_seen(tmp_path):
    with Store.open(tmp_path / "one.db") as one:
        one.ingest(records(0, 300), batch_size=50, window_days=WINDOW)
        expected = fingerprint(one)
    path = tmp_path / "two.db"
    with Store.open(path) as a, Store.open(path) as b:
        a.ingest(records(0, 100), batch_size=50, window_days=WINDOW)
        b.ingest(records(100, 200), batch_size=50, window_days=WINDOW)   # a's index is now stale
        a.ingest(records(200, 300), batch_size=50, window_days=WINDOW)
        assert fingerprint(a) == expected


def test_recoding_between_batches_matches_a_writer_reopened_every_batch(tmp_path):
    recoded = records(50, 80, coder_version="0.2.0")
    for r in recoded:   # the new coder drops each document's last event
        r["events"] = copy.deepcopy(r["events"][:-1])
    steps = [records(0, 100), recoded, records(100, 200)]
    with Store.open(tmp_path / "kept.db") as kept:
        for step in steps:
            kept.ingest(step, batch_size=40, window_days=WINDOW)
        got = fingerprint(kept)
    for step in steps:
        with Store.open(tmp_path / "reopened.db") as reopened:   # a fresh index each time
            reopened.ingest(step, batch_size=40, window_days=WINDOW)
    with Store.open(tmp_path / "reopened.db") as reopened:
        assert fingerprint(reopened) == got


def test_a_write_outside_the_writer_on_the_same_connection_is_seen(tmp_path):
    move = "UPDATE event_clusters SET anchor_day = date(anchor_day, '+2 days') WHERE id % 2 = 0"
    with Store.open(tmp_path / "kept.db") as kept:
        kept.ingest(records(0, 100), batch_size=50, window_days=WINDOW)
        kept.conn.execute(move)          # same connection: PRAGMA data_version does not move
        kept.ingest(records(100, 200), batch_size=50, window_days=WINDOW)
        got = fingerprint(kept)
    with Store.open(tmp_path / "reopened.db") as reopened:
        reopened.ingest(records(0, 100), batch_size=50, window_days=WINDOW)
        reopened.conn.execute(move)
    with Store.open(tmp_path / "reopened.db") as reopened:
        reopened.ingest(records(100, 200), batch_size=50, window_days=WINDOW)
        assert fingerprint(reopened) == got


def test_cluster_counts_are_exact_when_a_batch_is_written_in_many_chunks(tmp_path, monkeypatch):
    # clusters opened in one chunk are written with it; events joining them from later chunks
    # must add to them, each document counted once
    from multipolar.store import ingest as ingest_module

    with Store.open(tmp_path / "one.db") as store:
        store.ingest(records(0, 60))
        whole = fingerprint(store)
    monkeypatch.setattr(ingest_module, "CHUNK_DOCUMENTS", 4)
    with Store.open(tmp_path / "many.db") as store:
        store.ingest(records(0, 60))
        assert fingerprint(store) == whole
        assert stored_clusters(store) == reference_clusters(store)
        stored = {tuple(r) for r in store.conn.execute(
            "SELECT id, n_events, n_documents, first_day, last_day FROM event_clusters")}
        recounted = {tuple(r) for r in store.conn.execute(
            "SELECT cluster, COUNT(*), COUNT(DISTINCT doc), MIN(day), MAX(day) FROM events GROUP BY cluster")}
        assert stored == recounted
        assert any(n_docs > 1 for _, _, n_docs, _, _ in stored)
