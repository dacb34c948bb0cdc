"""Big batches leave their WAL checkpoint to a thread of its own (store/checkpoint.py): the batch is
committed when ``ingest`` returns, and in the database file itself once the checkpoint is done."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from multipolar.store import Store
from multipolar.store import ingest as ingest_module
from multipolar.store.checkpoint import BackgroundCheckpoint
from store_fixtures import generated_record


def documents_in_file_alone(path, copy) -> int:
    """Documents in the database file without its write-ahead log (what a checkpoint copied)."""
    shutil.copyfile(path, copy)
    conn = sqlite3.connect(copy)
    try:
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'documents'").fetchone():
            return 0  # not even the schema was copied yet
        return conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    finally:
        conn.close()


@pytest.fixture
def small_threshold(monkeypatch):
    monkeypatch.setattr(ingest_module, "BACKGROUND_CHECKPOINT_DOCUMENTS", 20)


def test_a_big_batch_reaches_the_database_file_through_the_background_checkpoint(tmp_path, small_threshold):
    path = tmp_path / "s.db"
    with Store.open(path) as store:
        store.ingest([generated_record(i, 3) for i in range(30)])
        store.wait_for_checkpoint()
        assert documents_in_file_alone(path, tmp_path / "copy.db") == 30
        # the writer's automatic checkpoint is back on for whatever it writes next
        assert store.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000


def test_until_the_checkpoint_runs_the_batch_is_only_in_the_log(tmp_path, small_threshold, monkeypatch):
    started = []
    monkeypatch.setattr(BackgroundCheckpoint, "start", lambda self: started.append(self.path))
    path = tmp_path / "s.db"
    with Store.open(path) as store:
        store.ingest([generated_record(i, 3) for i in range(30)])
        assert started == [str(path)]
        assert documents_in_file_alone(path, tmp_path / "copy.db") == 0
        assert store.counts()["documents"] == 30  # committed: every connection sees it


def test_small_batches_keep_the_automatic_checkpoint(tmp_path, small_threshold, monkeypatch):
    started = []
    monkeypatch.setattr(BackgroundCheckpoint, "start", lambda self: started.append(self.path))
    with Store.open(tmp_path / "s.db") as store:
        store.ingest([generated_record(i, 3) for i in range(30)], batch_size=10)
        assert started == []


def test_a_one_thread_or_in_memory_store_has_no_background_checkpoint(tmp_path):
    with Store.open(":memory:") as store:
        store.ingest([generated_record(0)])
        assert store._writer.checkpoint is None
    with Store.open(tmp_path / "s.db", check_same_thread=True) as store:
        store.ingest([generated_record(0)])
        assert store._writer.checkpoint is None


def test_a_failed_checkpoint_is_logged_and_the_next_batch_goes_in(tmp_path, small_threshold, monkeypatch, caplog):
    def failing(self):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(BackgroundCheckpoint, "_checkpoint", failing)
    with Store.open(tmp_path / "s.db") as store:
        store.ingest([generated_record(i, 3) for i in range(25)])
        store.ingest([generated_record(i, 3) for i in range(25, 50)])
        store.wait_for_checkpoint()
        assert store.counts()["documents"] == 50
    assert "background WAL checkpoint" in caplog.text


def test_a_batch_that_cannot_begin_leaves_the_writer_as_it_was(tmp_path, small_threshold):
    import gc

    path = tmp_path / "s.db"
    with Store.open(path) as store:
        store.conn.execute("PRAGMA busy_timeout = 50")
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # another writer holds the store
        try:
            with pytest.raises(sqlite3.OperationalError):
                store.ingest([generated_record(i, 3) for i in range(30)])
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert store.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000
        assert gc.isenabled()
        store.ingest([generated_record(i, 3) for i in range(30)])  # and it writes once the store is free
        assert store.counts()["documents"] == 30
