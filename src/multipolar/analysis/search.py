"""Full-text search over evidence sentences (SQLite FTS5, porter stemming)."""

from __future__ import annotations

import re
import sqlite3
from typing import Any

from .common import connection

_FTS_SYNTAX = re.compile(r'["*()]|\b(AND|OR|NOT|NEAR)\b')
_WORD = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str) -> str:
    """Plain words -> every word required (each quoted, so punctuation cannot break the query).

    Text that already uses FTS5 syntax (quotes, ``*``, AND/OR/NOT/NEAR) is passed through.
    """
    if _FTS_SYNTAX.search(text):
        return text
    return " ".join(f'"{w}"' for w in _WORD.findall(text))


def search(store: Any, query: str, *, limit: int = 20, offset: int = 0, order: str = "rank") -> dict[str, Any]:
    """Evidence sentences matching ``query``; ``order`` is ``rank`` (BM25) or ``recent`` (newest
    stored first).

    Returns ``{"query", "fts_query", "hits": [{"evidence_id", "text", "snippet", "start", "end",
    "field", "document": {"id", "title", "source", "url", "published"}}]}``; the snippet marks
    matched words with ``[`` and ``]``.
    """
    conn = connection(store)
    q = fts_query(query)
    if not q:
        return {"query": query, "fts_query": q, "hits": []}
    order_by = "rank" if order == "rank" else "rowid DESC"
    sql = (f"SELECT f.rowid AS id, snippet(evidence_fts, 0, '[', ']', '…', 24) AS snip FROM evidence_fts f "
           f"WHERE evidence_fts MATCH ? ORDER BY {order_by} LIMIT ? OFFSET ?")
    try:
        matches = conn.execute(sql, (q, limit, offset)).fetchall()
    except sqlite3.OperationalError:
        q = " ".join(f'"{w}"' for w in _WORD.findall(query))  # malformed FTS syntax: words only
        matches = conn.execute(sql, (q, limit, offset)).fetchall() if q else []
    hits = []
    for m in matches:
        r = conn.execute("SELECT ev.text, ev.start, ev.\"end\", ev.field, d.id AS doc_id, d.title, d.source, "
                         "d.url, d.published FROM evidence ev JOIN documents d ON d.doc = ev.doc "
                         "WHERE ev.id = ?", (m["id"],)).fetchone()
        if r is None:
            continue
        hits.append({"evidence_id": m["id"], "text": r["text"], "snippet": m["snip"], "start": r["start"],
                     "end": r["end"], "field": r["field"],
                     "document": {"id": r["doc_id"], "title": r["title"], "source": r["source"],
                                  "url": r["url"], "published": r["published"]}})
    return {"query": query, "fts_query": q, "hits": hits}
