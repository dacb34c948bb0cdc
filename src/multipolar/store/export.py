"""Export the store per table as Parquet, CSV or JSONL, plus a GDELT-style events table.

Parquet and CSV are written with pyarrow (a base dependency), streamed in chunks so a store of
millions of rows never sits in memory; JSONL with the standard library. The GDELT-style table
(``gdelt_events``) has one row per event under the column names of the GDELT 2.0 event table
(GDELT Event Codebook V2.0, 2015) so existing GDELT tooling can read it:
``GLOBALEVENTID, SQLDATE, MonthYear, Year, Actor1Code, Actor1CountryCode, Actor2Code,
Actor2CountryCode, IsRootEvent, EventCode, EventBaseCode, EventRootCode, QuadClass,
NumMentions, NumSources, NumArticles, DATEADDED, SOURCEURL``, followed by multipolar's own
columns (``PloverType, Negated, Status, ClusterID, DocumentID, EvidenceText``). QuadClass
follows the codebook: roots 01-05 verbal cooperation (1), 06-08 material cooperation (2),
09-14 verbal conflict (3), 15-20 material conflict (4). GDELT's Goldstein scale and tone are
not computed and are left out.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa

from .core import TABLES

FORMATS = ("parquet", "csv", "jsonl")
CHUNK = 50_000

GDELT_SQL = """
SELECT e.id AS GLOBALEVENTID,
       CAST(replace(e.day, '-', '') AS INTEGER) AS SQLDATE,
       CAST(substr(replace(e.day, '-', ''), 1, 6) AS INTEGER) AS MonthYear,
       CAST(substr(e.day, 1, 4) AS INTEGER) AS Year,
       e.source AS Actor1Code, e.source_country AS Actor1CountryCode,
       e.target AS Actor2Code, e.target_country AS Actor2CountryCode,
       1 AS IsRootEvent, e.cameo AS EventCode, substr(e.cameo, 1, 3) AS EventBaseCode,
       e.root AS EventRootCode,
       CASE WHEN e.root BETWEEN '01' AND '05' THEN 1 WHEN e.root BETWEEN '06' AND '08' THEN 2
            WHEN e.root BETWEEN '09' AND '14' THEN 3 WHEN e.root BETWEEN '15' AND '20' THEN 4 END AS QuadClass,
       c.n_events AS NumMentions, c.n_documents AS NumSources, c.n_documents AS NumArticles,
       CAST(replace(replace(replace(replace(d.extracted_at, '-', ''), ':', ''), 'T', ''), 'Z', '') AS INTEGER)
           AS DATEADDED,
       coalesce(d.url, d.source) AS SOURCEURL,
       e.plover AS PloverType, e.negated AS Negated, e.status AS Status, e.cluster AS ClusterID,
       d.id AS DocumentID, ev.text AS EvidenceText
FROM events e JOIN event_clusters c ON c.id = e.cluster JOIN documents d ON d.doc = e.doc
JOIN evidence ev ON ev.id = e.evidence ORDER BY e.id
"""

GDELT_TYPES = {"GLOBALEVENTID": pa.int64(), "SQLDATE": pa.int64(), "MonthYear": pa.int64(), "Year": pa.int64(),
               "IsRootEvent": pa.int64(), "QuadClass": pa.int64(), "NumMentions": pa.int64(),
               "NumSources": pa.int64(), "NumArticles": pa.int64(), "DATEADDED": pa.int64(),
               "Negated": pa.int64(), "ClusterID": pa.int64()}


def _arrow_type(declared: str) -> pa.DataType:
    declared = (declared or "").upper()
    if "INT" in declared:
        return pa.int64()
    if "REAL" in declared or "FLOA" in declared or "DOUB" in declared:
        return pa.float64()
    return pa.string()


def table_schema(conn: sqlite3.Connection, table: str) -> pa.Schema:
    return pa.schema([(r[1], _arrow_type(r[2])) for r in conn.execute(f"PRAGMA table_info({table})")])


def _chunks(conn: sqlite3.Connection, sql: str) -> Iterator[tuple[list[str], list[tuple]]]:
    cur = conn.execute(sql)
    names = [c[0] for c in cur.description]
    while rows := cur.fetchmany(CHUNK):
        yield names, [tuple(r) for r in rows]


def _write(conn: sqlite3.Connection, sql: str, schema: pa.Schema, path: Path, fmt: str) -> int:
    n = 0
    if fmt == "jsonl":
        with open(path, "w", encoding="utf-8") as fh:
            for names, rows in _chunks(conn, sql):
                for row in rows:
                    fh.write(json.dumps(dict(zip(names, row, strict=True)), ensure_ascii=False) + "\n")
                n += len(rows)
        return n
    if fmt == "parquet":
        import pyarrow.parquet as pq

        writer: Any = pq.ParquetWriter(str(path), schema, compression="zstd")
    else:
        import pyarrow.csv as pcsv

        writer = pcsv.CSVWriter(str(path), schema)
    try:
        for _names, rows in _chunks(conn, sql):
            columns = list(zip(*rows, strict=True))
            batch = pa.record_batch([pa.array(col, type=f.type) for col, f in zip(columns, schema, strict=True)],
                                    schema=schema)
            writer.write_batch(batch) if fmt == "csv" else writer.write_table(pa.Table.from_batches([batch]))
            n += len(rows)
        if n == 0 and fmt == "parquet":
            writer.write_table(schema.empty_table())
    finally:
        writer.close()
    return n


def export(store: Any, directory: str | Path, fmt: str = "parquet", tables: list[str] | None = None,
           gdelt: bool = True) -> dict[str, dict[str, Any]]:
    """Write each table (default: all) to ``directory/<table>.<ext>``, plus ``gdelt_events``.

    Returns ``{table: {"path": str, "rows": int}}``.
    """
    if fmt not in FORMATS:
        raise ValueError(f"format is one of {', '.join(FORMATS)}")
    conn = store if isinstance(store, sqlite3.Connection) else store.conn
    out_dir = Path(directory)
    out_dir.mkdir(parents=True, exist_ok=True)
    ext = {"parquet": "parquet", "csv": "csv", "jsonl": "jsonl"}[fmt]
    result: dict[str, dict[str, Any]] = {}
    for table in tables or list(TABLES):
        if table not in TABLES:
            raise ValueError(f"unknown table {table!r}")
        path = out_dir / f"{table}.{ext}"
        rows = _write(conn, f"SELECT * FROM {table}", table_schema(conn, table), path, fmt)
        result[table] = {"path": str(path), "rows": rows}
    if gdelt:
        cur = conn.execute(GDELT_SQL + " LIMIT 0")
        schema = pa.schema([(c[0], GDELT_TYPES.get(c[0], pa.string())) for c in cur.description])
        path = out_dir / f"gdelt_events.{ext}"
        result["gdelt_events"] = {"path": str(path), "rows": _write(conn, GDELT_SQL, schema, path, fmt)}
    return result
