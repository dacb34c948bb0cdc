"""The knowledge base: SQLite (WAL, FTS5), versioned schema, idempotent batch ingest.

    from multipolar.store import Store
    with Store.open("multipolar.db") as store:
        store.ingest(records)

Queries over a store live in :mod:`multipolar.analysis`.
"""

from __future__ import annotations

from .core import DEFAULT_DB, TABLES, Store, default_db_path, read_jsonl_records
from .ingest import IngestStats

__all__ = ["DEFAULT_DB", "TABLES", "IngestStats", "Store", "default_db_path", "read_jsonl_records"]
