"""Progress of a batch job on stderr: documents/s, files done, errors.

Workers add to a tally actor every few records (fire and forget); the driver
reads it once a second from a background thread, so the rate moves while a
large archive is still being read, not only when a file finishes.
"""

from __future__ import annotations

import sys
import threading
import time
from typing import Any, TextIO


class Tally:
    """Counts reported by workers; wrapped with ``ray.remote`` when the job starts."""

    def __init__(self) -> None:
        self.documents = 0
        self.errors = 0

    def add(self, documents: int, errors: int) -> None:
        self.documents += documents
        self.errors += errors

    def read(self) -> tuple[int, int]:
        return self.documents, self.errors


class ProgressDisplay:
    """Prints one status line; rewrites it in place on a terminal, else every ``every`` seconds."""

    def __init__(self, files_total: int, tally: Any = None, stream: TextIO | None = None,
                 every: float = 5.0, enabled: bool = True) -> None:
        self.stream = stream or sys.stderr
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.every = 1.0 if self.tty else every
        self.enabled = enabled
        self.tally = tally
        self.files_total = files_total
        self.files_done = self.files_failed = 0
        self.documents = self.errors = 0  # live, from the tally: includes files still running
        self.files_documents = self.files_errors = 0  # exact, from finished files
        self.started = time.monotonic()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def __enter__(self) -> ProgressDisplay:
        if self.enabled and self.tally is not None:
            self._thread = threading.Thread(target=self._poll, name="batch-progress", daemon=True)
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        # The last line counts finished files only (the tally also saw attempts that were retried).
        self.documents, self.errors = self.files_documents, self.files_errors
        self.show(final=True)

    def file_finished(self, row: dict[str, Any]) -> None:
        if row["status"] == "failed":
            self.files_failed += 1
        else:
            self.files_done += 1
        self.files_documents += row["documents"]
        self.files_errors += row["errors"]

    def _read_tally(self) -> None:
        if self.tally is None:
            return
        import ray

        try:
            self.documents, self.errors = ray.get(self.tally.read.remote(), timeout=5)
        except Exception:  # progress is advisory; a slow read keeps the last figures
            pass

    def _poll(self) -> None:
        while not self._stop.wait(self.every):
            self._read_tally()
            self.show()

    def line(self) -> str:
        elapsed = max(time.monotonic() - self.started, 1e-9)
        return (f"batch: {self.documents} documents ({self.documents / elapsed:.1f}/s), "
                f"files {self.files_done + self.files_failed}/{self.files_total} "
                f"({self.files_failed} failed), {self.errors} error records, {elapsed:.0f}s")

    def show(self, final: bool = False) -> None:
        if not self.enabled:
            return
        if self.tty:
            self.stream.write("\r\033[K" + self.line() + ("\n" if final else ""))
        else:
            self.stream.write(self.line() + "\n")
        self.stream.flush()
