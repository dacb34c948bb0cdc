"""One input file's outputs, written while its records stream by and renamed into place at the end."""

from __future__ import annotations

import json
import os
import shutil
from typing import Any

import pyarrow.parquet as pq

from .layout import BatchLayout
from .tables import SCHEMAS, record_rows, to_table

ROW_GROUP = 1024  # rows held per (table, month) before they go to the Parquet writer


class FileOutputs:
    """The JSONL shard and the Parquet files of one input file, under a private work folder."""

    def __init__(self, layout: BatchLayout, digest: str) -> None:
        self.layout = layout
        self.digest = digest
        self.work = layout.work_dir(digest)
        self.shard = open(os.path.join(self.work, "records.jsonl"), "w", encoding="utf-8")
        self.pending: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self.writers: dict[tuple[str, str], pq.ParquetWriter] = {}
        self.documents_by_month: dict[str, int] = {}

    def add(self, record: dict[str, Any]) -> None:
        # The same line `multipolar extract --format jsonl` prints.
        self.shard.write(json.dumps(record, ensure_ascii=False) + "\n")
        month, rows = record_rows(record, self.digest)
        self.documents_by_month[month] = self.documents_by_month.get(month, 0) + 1
        for table, table_rows in rows.items():
            if table_rows:
                bucket = self.pending.setdefault((table, month), [])
                bucket.extend(table_rows)
                if len(bucket) >= ROW_GROUP:
                    self._flush((table, month))

    def _flush(self, key: tuple[str, str]) -> None:
        rows = self.pending.get(key)
        if not rows:
            return
        table, month = key
        writer = self.writers.get(key)
        if writer is None:
            path = os.path.join(self.work, f"{table}.{month}.parquet")
            writer = self.writers[key] = pq.ParquetWriter(path, SCHEMAS[table], compression="zstd")
        writer.write_table(to_table(table, rows))
        self.pending[key] = []

    def commit(self) -> dict[str, int]:
        """Close everything and move it into the output folder; returns documents per month."""
        for key in list(self.pending):
            self._flush(key)
        for writer in self.writers.values():
            writer.close()
        self.shard.close()
        for (table, month) in self.writers:
            final = self.layout.table_file(table, month, self.digest)
            os.makedirs(os.path.dirname(final), exist_ok=True)
            os.replace(os.path.join(self.work, f"{table}.{month}.parquet"), final)
        os.replace(os.path.join(self.work, "records.jsonl"), self.layout.shard(self.digest))
        return dict(sorted(self.documents_by_month.items()))

    def discard(self) -> None:
        """Drop the work folder (after a commit it holds nothing; after a failure, partial files)."""
        if not self.shard.closed:
            self.shard.close()
        for writer in self.writers.values():
            try:
                writer.close()
            except Exception:  # already closed, or the failure we are cleaning up after
                pass
        shutil.rmtree(self.work, ignore_errors=True)
