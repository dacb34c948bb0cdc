"""How the app holds the store: one read-only connection per worker thread, one writer.

SQLite in WAL mode lets readers run beside a writer; a connection per thread avoids
sharing one connection between the threads FastAPI runs sync routes on. The file is
created (and migrated) once at start-up through the store's own ``Store.open``.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path

from ..store import Store
from .cache import AnswerCache


class StoreAccess:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        Store.open(self.path).close()  # create + migrate once, so read-only opens find a file
        self._local = threading.local()
        self._write_lock = threading.Lock()
        self._opened: list[Store] = []
        self._opened_lock = threading.Lock()
        self.cache = AnswerCache(self.path)

    def reader(self) -> Store:
        """This thread's read-only store."""
        store = getattr(self._local, "store", None)
        if store is None:
            store = Store.open(self.path, readonly=True, check_same_thread=False)
            self._local.store = store
            with self._opened_lock:
                self._opened.append(store)
        return store

    def ingest(self, records: Iterable) -> object:
        """Write records through a short-lived writer; one writer at a time."""
        with self._write_lock, Store.open(self.path) as store:
            stats = store.ingest(list(records))
        self.cache.clear()
        return stats

    def cached(self, fn, *args, **kwargs):
        """``fn(reader, *args, **kwargs)`` through the answer cache (see :mod:`.cache`)."""
        key = (fn.__module__, fn.__qualname__, args, tuple(sorted(kwargs.items())))
        return self.cache.get(key, lambda: fn(self.reader(), *args, **kwargs))

    def close(self) -> None:
        with self._opened_lock:
            for store in self._opened:
                try:
                    store.close()
                except Exception:  # closing at shutdown: nothing left to save
                    pass
            self._opened.clear()


def open_store(path: Path) -> StoreAccess:
    return StoreAccess(path)
