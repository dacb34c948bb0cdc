"""WAL checkpoints of big batches, off the writer's path.

In WAL mode a COMMIT appends the transaction's pages to the write-ahead log; a checkpoint later
copies them into the database file and syncs it. SQLite runs that checkpoint inside the COMMIT
that takes the log past ``wal_autocheckpoint`` pages: after a batch of 10,000 documents (~70 MB
of pages) it is about half the COMMIT's time. For big batches the writer turns the automatic
checkpoint off, and this class runs ``PRAGMA wal_checkpoint(PASSIVE)`` on a connection and thread
of its own once the batch is committed, while the caller reads its next records.

The writer waits for a running checkpoint before it begins its next transaction: the log
restarts from its beginning only when it was wholly copied before a transaction starts, and a
log that kept growing would make every later read slower (measured, docs/store.md). A
committed batch is safe against a killed process either way; the checkpoint's sync is what
makes it safe against a power cut (``synchronous = NORMAL``).
"""

from __future__ import annotations

import logging
import sqlite3
from concurrent.futures import Future, ThreadPoolExecutor

log = logging.getLogger(__name__)

# A batch of at least this many documents is checkpointed in the background; smaller ones (a page
# submitted on the web, a watch run) leave it to SQLite's automatic checkpoint, as before.
BACKGROUND_CHECKPOINT_DOCUMENTS = 1000


class BackgroundCheckpoint:
    """Checkpoints the WAL of the database file at ``path`` on a thread and connection of its own."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="multipolar-checkpoint")
        self._conn: sqlite3.Connection | None = None
        self._pending: Future | None = None

    @classmethod
    def for_connection(cls, conn: sqlite3.Connection) -> BackgroundCheckpoint | None:
        """One for the file behind ``conn``, or None where there is nothing to checkpoint apart (an
        in-memory or temporary database, or one not in WAL mode)."""
        if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            return None
        path = next((file for _, name, file in conn.execute("PRAGMA database_list") if name == "main"), "")
        return cls(path) if path else None

    def start(self) -> None:
        """Checkpoint what is committed now, in the background."""
        self.wait()
        self._pending = self._pool.submit(self._checkpoint)

    def _checkpoint(self) -> None:
        if self._conn is None:
            self._conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self._conn.execute("PRAGMA busy_timeout = 30000")
        self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()

    def wait(self) -> None:
        """Block until the running checkpoint, if any, is done. A failed one is only logged: the
        next checkpoint, background or automatic, copies what it left."""
        pending, self._pending = self._pending, None
        if pending is not None:
            try:
                pending.result()
            except sqlite3.Error as e:
                log.warning("background WAL checkpoint of %s failed: %s", self.path, e)

    def close(self) -> None:
        self.wait()
        self._pool.shutdown()
        if self._conn is not None:
            self._conn.close()
            self._conn = None
