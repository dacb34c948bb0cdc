"""store/bulk.insert_rows writes what executemany would, several rows to a statement call."""

from __future__ import annotations

import sqlite3

import pytest

from multipolar.store import bulk


def _table(conn: sqlite3.Connection, name: str) -> None:
    conn.execute(f"CREATE TABLE {name} (k TEXT PRIMARY KEY, n INTEGER NOT NULL, note TEXT) WITHOUT ROWID")


@pytest.mark.parametrize("n_rows", [0, 1, 49, 50, 51, 173])
def test_the_same_rows_as_executemany_whatever_the_count(n_rows):
    conn = sqlite3.connect(":memory:")
    _table(conn, "grouped")
    _table(conn, "single")
    rows = [(f"k{i:04d}", i, None if i % 3 else f"note {i}") for i in range(n_rows)]
    bulk.insert_rows(conn, "INSERT INTO grouped", rows, 3)
    conn.executemany("INSERT INTO single VALUES (?, ?, ?)", rows)
    assert conn.execute("SELECT * FROM grouped ORDER BY k").fetchall() == \
        conn.execute("SELECT * FROM single ORDER BY k").fetchall()
    assert conn.execute("SELECT COUNT(*) FROM grouped").fetchone()[0] == n_rows


def test_an_upsert_sees_the_rows_before_it_in_the_same_statement():
    conn = sqlite3.connect(":memory:")
    _table(conn, "t")
    # the same key three times within one 50-row statement, and once in the leftover single rows
    rows = [("a", 1, None)] + [(f"k{i}", i, None) for i in range(47)] + [("a", 10, None), ("a", 100, None)]
    rows += [("a", 1000, None)]
    bulk.insert_rows(conn, "INSERT INTO t", rows, 3, conflict="ON CONFLICT(k) DO UPDATE SET n = n + excluded.n")
    assert conn.execute("SELECT n FROM t WHERE k = 'a'").fetchone()[0] == 1111
    assert conn.execute("SELECT COUNT(*) FROM t").fetchone()[0] == 48


def test_a_failing_row_raises():
    conn = sqlite3.connect(":memory:")
    _table(conn, "t")
    rows = [(f"k{i}", i, None) for i in range(60)] + [("k1", 0, None)]
    with pytest.raises(sqlite3.IntegrityError):
        bulk.insert_rows(conn, "INSERT INTO t", rows, 3)
