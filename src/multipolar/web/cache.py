"""Answers of the expensive whole-store aggregates, kept until the store changes.

The network, its blocs, the polarity series, the overview, the weekly timeline counts and
the obligations scan read much of the store, and their answer is the same for every visitor
until something is ingested. They are cached here, keyed by the query and its arguments,
and dropped as soon as the store's files change (a commit rewrites the WAL; a checkpoint
the main file), whoever wrote them: this server, another worker, or `multipolar ingest`.
Paged lists and single records are not cached: they are cheap and indexed.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any

DEFAULT_SIZE = 256


class AnswerCache:
    def __init__(self, db: Path, size: int = DEFAULT_SIZE) -> None:
        self.files = [Path(db), Path(f"{db}-wal")]
        self.size = size
        self._answers: OrderedDict[Hashable, Any] = OrderedDict()
        self._signature: tuple | None = None
        self._lock = threading.Lock()
        self._computing: dict[Hashable, threading.Lock] = {}
        self.hits = self.misses = 0

    def signature(self) -> tuple:
        """What changes when anything is committed to the store (mtime and size of its files)."""
        sig = []
        for f in self.files:
            try:
                st = os.stat(f)
                sig.append((st.st_mtime_ns, st.st_size))
            except FileNotFoundError:
                sig.append(None)
        return tuple(sig)

    def clear(self) -> None:
        with self._lock:
            self._answers.clear()
            self._signature = None

    def get(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """The cached answer for ``key``, computing it (once, however many ask at the same time)."""
        sig = self.signature()
        with self._lock:
            if sig != self._signature:
                self._answers.clear()
                self._signature = sig
            if key in self._answers:
                self._answers.move_to_end(key)
                self.hits += 1
                return self._answers[key]
            gate = self._computing.setdefault(key, threading.Lock())
        with gate:  # concurrent askers of one key wait for the first instead of repeating its work
            with self._lock:
                if key in self._answers and self._signature == sig:
                    self.hits += 1
                    return self._answers[key]
            answer = compute()
            with self._lock:
                self.misses += 1
                if self._signature == sig:
                    self._answers[key] = answer
                    while len(self._answers) > self.size:
                        self._answers.popitem(last=False)
                self._computing.pop(key, None)
        return answer
