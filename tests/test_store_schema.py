"""Schema: migrations by PRAGMA user_version, WAL readers beside a writer, read-only opening."""

from __future__ import annotations

import pytest

from multipolar.store import Store
from multipolar.store.schema import SCHEMA_VERSION
from store_fixtures import fixture_records, generated_record


def test_opening_applies_migrations_once_and_refuses_a_newer_schema(tmp_path):
    path = tmp_path / "s.db"
    with Store.open(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        store.ingest(list(fixture_records().values()))
    with Store.open(path) as store:  # reopening migrates nothing and keeps the rows
        assert store.counts()["documents"] == 6
        store.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(RuntimeError, match="newer"):
        Store.open(path)


def test_a_reader_sees_committed_batches_while_a_writer_holds_its_transaction(tmp_path):
    path = tmp_path / "s.db"
    writer = Store.open(path)
    writer.ingest([generated_record(i) for i in range(5)])
    reader = Store.open(path, readonly=True)
    writer.conn.execute("BEGIN IMMEDIATE")
    writer.conn.execute("DELETE FROM events")           # uncommitted
    assert reader.counts()["events"] == 50                # not blocked, sees the committed state
    writer.conn.execute("ROLLBACK")
    with pytest.raises(PermissionError):
        reader.ingest([generated_record(9)])
    reader.close()
    writer.close()
    with pytest.raises(FileNotFoundError):
        Store.open(tmp_path / "missing.db", readonly=True)


def _answers(store):
    from multipolar.analysis import browse

    return (browse.weekly_counts(store, "RUS"), browse.weekly_counts(store, "RUSGOV"),
            browse.weekly_counts(store, "RUS", "USA"),
            browse.event_clusters(store, actor="RUS", other="USA", plover="ASSAULT"))


def test_a_version_1_store_gains_the_browsing_indexes_and_keeps_its_answers(tmp_path, monkeypatch):
    """Migration 2 (the dyad index, the widened country indexes), applied when a store written
    under version 1 is opened, gives the same answers as version 1, read through the new indexes."""
    from multipolar.store import schema

    records = [generated_record(i) for i in range(40)]
    path = tmp_path / "s.db"
    with monkeypatch.context() as m:  # a multipolar that knows migration 1 only
        m.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:1])
        with Store.open(path) as store:
            store.ingest(records)
            assert store.schema_version() == 1
            old = _answers(store)
    assert old[0] and old[2]
    with Store.open(path) as store:  # opening migrates 1 -> 2
        assert store.schema_version() == SCHEMA_VERSION >= 2
        assert _answers(store) == old
        plan = " ".join(r[-1] for r in store.conn.execute(
            "EXPLAIN QUERY PLAN SELECT day, plover FROM events WHERE source_country = 'RUS' "
            "AND target_country = 'USA' AND day >= '2020'"))
        assert "COVERING INDEX events_dyad" in plan
