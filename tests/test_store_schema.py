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
            browse.weekly_counts(store, "RUS", "USA"), browse.weekly_counts(store, "USA", "RUS"),
            # bounds inside weeks: whole weeks from the summary tables, the cut ones from events
            browse.weekly_counts(store, "USA", since="2019-03-13", until="2023-10"),
            browse.weekly_counts(store, "USA", "CHN", since="2019", until="2022-07-14"),
            browse.weekly_counts(store, "USA", since="2021-06-02", until="2021-06-04"),
            browse.event_clusters(store, actor="RUS", other="USA", plover="ASSAULT"))


def _weekly_rows(store):
    return store.conn.execute("SELECT * FROM actor_weeks ORDER BY 1, 2, 3").fetchall()


# the schema of version 1 where later migrations changed it (to make a version-1 store)
BACK_TO_VERSION_1 = """BEGIN;
DROP TABLE actor_weeks; DROP INDEX events_dyad;
DROP INDEX events_source; DROP INDEX events_target;
CREATE INDEX events_source ON events(source_country, day);
CREATE INDEX events_target ON events(target_country, day);
PRAGMA user_version = 1;
COMMIT;"""


def test_a_version_1_store_is_migrated_and_keeps_its_answers(tmp_path):
    """Migrations 2 (dyad index, widened country indexes) and 3 (weekly summary table, backfilled
    from the events) applied to a version-1 store: the weekly rows are those ingest keeps, and
    every answer equals the version-1 answer (counted from the events)."""
    path = tmp_path / "s.db"
    with Store.open(path) as store:
        store.ingest([generated_record(i) for i in range(60)])
        recoded = [generated_record(i, coder_version="0.2.0") for i in range(0, 60, 3)]
        for r in recoded:  # the new coder finds fewer events: their weekly counts must be taken away
            r["events"] = r["events"][::2]
        assert store.ingest(recoded).events == sum(len(r["events"]) for r in recoded)
        kept, new = _weekly_rows(store), _answers(store)
        store.conn.executescript(BACK_TO_VERSION_1)
        assert store.schema_version() == 1
        old = _answers(store)
    assert kept and old[0] and old[2] and old[4] and old[5]
    assert new == old
    with Store.open(path) as store:  # opening migrates 1 -> the latest
        assert store.schema_version() == SCHEMA_VERSION >= 3
        assert _weekly_rows(store) == kept
        assert _answers(store) == old
        plan = " ".join(r[-1] for r in store.conn.execute(
            "EXPLAIN QUERY PLAN SELECT day, plover FROM events WHERE source_country = 'RUS' "
            "AND target_country = 'USA' AND day >= '2020'"))
        assert "COVERING INDEX events_dyad" in plan


def test_a_new_store_gets_16k_pages_and_an_old_one_keeps_its_own(tmp_path):
    import sqlite3

    from multipolar.store.core import PAGE_SIZE

    with Store.open(tmp_path / "new.db") as store:
        assert store.conn.execute("PRAGMA page_size").fetchone()[0] == PAGE_SIZE == 16384
    old = tmp_path / "old.db"
    conn = sqlite3.connect(old)
    conn.execute("PRAGMA journal_mode = WAL")  # as stores were made before: 4 KB pages, WAL
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    with Store.open(old) as store:
        assert store.conn.execute("PRAGMA page_size").fetchone()[0] == 4096
        store.ingest([generated_record(0)])
        assert store.counts()["documents"] == 1
