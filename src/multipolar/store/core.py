"""The one way to open the knowledge base: :meth:`Store.open`."""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from ..model import Record
from .ingest import DEFAULT_WINDOW_DAYS, BatchWriter, IngestStats
from .schema import migrate

DEFAULT_DB = "multipolar.db"

# Tables whose row counts describe the store (FTS5 shadow tables left out).
TABLES = ("documents", "ingest_errors", "actors", "doc_actors", "evidence", "events", "event_clusters",
          "agreements", "agreement_parties", "agreement_provisions", "agreement_reports",
          "provisions", "claims", "claim_reports", "responses", "quotes", "flags", "actor_months",
          "dyad_months", "actor_totals", "dyad_totals", "network_edges", "actor_weeks")


# Big transactions make ingest fast (per batch, the summary upserts and the COMMIT cost about
# the same whatever the batch holds: 10,000 documents ingest ~1.3x as fast as 1,000, see
# docs/store.md); the time bound keeps a slow source (pages extracted on the fly, tens per
# second) committing every few seconds, so a killed ingest loses little work.
DEFAULT_BATCH_SIZE = 10_000
DEFAULT_BATCH_SECONDS = 5.0

# The page size of a new store's file. 16 KB rather than SQLite's 4 KB: a batch's COMMIT writes,
# and its checkpoint copies, a quarter as many pages (A/B at 100k events: +8 % to ingest()'s
# return, +9 % counting the checkpoint; queries within noise, docs/store.md).
PAGE_SIZE = 16384


def batches(records: Iterable[Any], size: int, seconds: float) -> Iterator[list[Any]]:
    """Lists of up to ``size`` records; a list also ends once ``seconds`` have passed since its
    first record arrived (checked as each record arrives)."""
    if size < 1:
        raise ValueError("batch size must be at least 1")
    it = iter(records)
    while True:
        batch = []
        deadline = None
        for record in it:
            if deadline is None:
                deadline = time.monotonic() + seconds
            batch.append(record)
            if len(batch) >= size or time.monotonic() >= deadline:
                break
        if not batch:
            return
        yield batch


def default_db_path() -> str:
    return os.environ.get("MULTIPOLAR_DB", DEFAULT_DB)


class Store:
    """A multipolar SQLite knowledge base: records in, answers out (see :mod:`multipolar.analysis`).

    Open it with :meth:`Store.open`; use it as a context manager or call :meth:`close`.
    One process writes at a time (WAL mode), any number read meanwhile.
    """

    def __init__(self, conn: sqlite3.Connection, path: str, readonly: bool = False,
                 threaded_ingest: bool = True) -> None:
        self.conn = conn
        self.path = path
        self.readonly = readonly
        # a worker thread shares the ingest's SQLite work (needs a connection usable from any thread)
        self.threaded_ingest = threaded_ingest
        self._writer: BatchWriter | None = None

    @classmethod
    def open(cls, path: str | os.PathLike | None = None, *, readonly: bool = False,
             check_same_thread: bool = False) -> Store:
        """Open (creating and migrating when writable) the store at ``path``.

        ``path`` defaults to ``$MULTIPOLAR_DB`` or ``./multipolar.db``; ``":memory:"`` works
        for throwaway stores. ``readonly`` opens an existing file for queries only.
        """
        path = str(path or default_db_path())
        if readonly:
            if not Path(path).is_file():
                raise FileNotFoundError(f"no store at {path}")
            conn = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True,
                                   isolation_level=None, check_same_thread=check_same_thread)
        else:
            if path != ":memory:":
                Path(path).resolve().parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(path, isolation_level=None, check_same_thread=check_same_thread)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA busy_timeout = 30000")
        if not readonly:
            conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")  # a new file's (an existing one keeps its own)
            conn.execute("PRAGMA journal_mode = WAL")
            # NORMAL in WAL mode: a committed batch survives a killed process (not a power cut).
            conn.execute("PRAGMA synchronous = NORMAL")
            migrate(conn)
        conn.execute("PRAGMA cache_size = -262144")  # 256 MB: index pages stay hot at millions of rows
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA mmap_size = 268435456")
        return cls(conn, path, readonly, threaded_ingest=not check_same_thread)

    def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._writer = None
        if not self.readonly:
            try:
                self.conn.execute("PRAGMA optimize")
            except sqlite3.Error:
                pass
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ----------------------------------------------------------------------------
    def ingest(self, records: Iterable[Record | dict[str, Any]], *, batch_size: int = DEFAULT_BATCH_SIZE,
               batch_seconds: float = DEFAULT_BATCH_SECONDS, force: bool = False,
               window_days: int = DEFAULT_WINDOW_DAYS,
               progress: Callable[[int], None] | None = None) -> IngestStats:
        """Write records (``Record`` objects or their JSON dicts) in transactions of ``batch_size``
        records, or fewer when the records come slowly: a batch is committed once ``batch_seconds``
        have passed since its first record arrived.

        Idempotent: a record already stored unchanged writes nothing; a changed one replaces its
        document's rows; one from an older coder version than stored is skipped unless ``force``.
        ``progress`` is called with the number of records of each batch once it is committed.
        """
        if self.readonly:
            raise PermissionError("store opened read-only")
        if self._writer is None or self._writer.window != window_days or self._writer.conn is not self.conn:
            if self._writer is not None:
                self._writer.close()
            self._writer = BatchWriter(self.conn, window_days, threaded=self.threaded_ingest)
        total = IngestStats()
        for batch in batches(records, batch_size, batch_seconds):
            total.add(self._writer.write([r.to_dict() if isinstance(r, Record) else r for r in batch], force))
            if progress:
                progress(len(batch))
        return total

    def wait_for_checkpoint(self) -> None:
        """Block until the last big batch is also copied from the write-ahead log into the database
        file (a checkpoint that runs in the background once the batch is committed; see
        ``store/checkpoint.py``). Closing the store waits too."""
        if self._writer is not None:
            self._writer.wait_for_checkpoint()

    # -- reading ----------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        """Row count of every table (FTS5 index tables aside)."""
        return {t: self.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}

    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]


def read_jsonl_records(path: str | os.PathLike) -> Iterator[dict[str, Any]]:
    """The record dicts of a JSONL file (``multipolar extract`` output); a JSON array works too."""
    with open(path, encoding="utf-8") as fh:
        head = fh.read(1)
        while head and head.isspace():
            head = fh.read(1)
        fh.seek(0)
        if head == "[":
            yield from json.load(fh)
            return
        for line in fh:
            line = line.strip()
            if line:
                yield json.loads(line)
