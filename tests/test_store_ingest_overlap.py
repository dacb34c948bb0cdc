"""The ingest's worker thread (store/ingest.py ``_Overlap``) changes when rows are written, never
which rows: a threaded and an unthreaded writer leave identical stores, chunk by chunk."""

from __future__ import annotations

import pytest

from multipolar.store import Store
from multipolar.store import ingest as ingest_module
from store_fixtures import fixture_records, generated_record

TABLES_SKIPPED = ("evidence_fts",)


def _dump(store: Store) -> dict[str, list[tuple]]:
    names = [n for (n,) in store.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        if not n.startswith(TABLES_SKIPPED)]
    out = {n: sorted((tuple(r) for r in store.conn.execute(f"SELECT * FROM {n}")), key=repr) for n in names}
    out["fts: border"] = [r[0] for r in store.conn.execute(
        "SELECT rowid FROM evidence_fts WHERE evidence_fts MATCH 'border' ORDER BY rowid")]
    return out


def _ingest_everything(store: Store) -> None:
    records = list(fixture_records().values()) + [generated_record(i, 6, seed=11) for i in range(90)]
    store.ingest(records, batch_size=40)
    # re-coded documents (rows replaced), unchanged ones, and new ones in one batch
    recoded = [generated_record(i, 3, seed=11, coder_version="0.2.0") for i in range(0, 90, 4)]
    store.ingest(recoded + records[:10] + [generated_record(i, 6, seed=12) for i in range(30)], batch_size=100)


def test_threaded_and_unthreaded_writers_leave_the_same_rows(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest_module, "CHUNK_DOCUMENTS", 7)  # many chunks per batch
    dumps = []
    for threaded in (True, False):
        with Store.open(tmp_path / f"{threaded}.db") as store:
            store.threaded_ingest = threaded
            _ingest_everything(store)
            dumps.append(_dump(store))
    assert dumps[0]["events"] and dumps[0]["fts: border"]
    assert dumps[0] == dumps[1]


def test_an_error_on_the_worker_rolls_the_whole_batch_back(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest_module, "CHUNK_DOCUMENTS", 5)
    calls = []
    fail_at = [None]
    real_job = ingest_module._index_chunk

    def failing_job(conn, *args):
        calls.append(args)
        if len(calls) == fail_at[0]:
            raise OSError("disk full")
        real_job(conn, *args)

    monkeypatch.setattr(ingest_module, "_index_chunk", failing_job)
    with Store.open(tmp_path / "s.db") as store:
        store.ingest([generated_record(i) for i in range(20)])
        before = store.counts()
        fail_at[0] = len(calls) + 3  # the third chunk of the next batch, with two written before it
        with pytest.raises(OSError, match="disk full"):
            store.ingest([generated_record(i) for i in range(20, 60)])
        assert store.counts() == before  # nothing of the failed batch stays
        stats = store.ingest([generated_record(i) for i in range(20, 60)])
        assert stats.documents == 40
        assert store.counts()["documents"] == 60
        # the full-text index holds exactly the evidence rows (FTS5 checks it against its content table)
        store.conn.execute("INSERT INTO evidence_fts (evidence_fts, rank) VALUES ('integrity-check', 1)")
