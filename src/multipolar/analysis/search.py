"""Full-text search over evidence sentences (SQLite FTS5, porter stemming)."""

from __future__ import annotations

import re
import sqlite3
from typing import Any

from .common import connection

_FTS_SYNTAX = re.compile(r'["*()]|\b(AND|OR|NOT|NEAR)\b')
_WORD = re.compile(r"\w+", re.UNICODE)


def _matches(token: str, words: list[str]) -> bool:
    t = token.lower()
    for w in words:
        if t == w:
            return True
        short, long_ = (t, w) if len(t) < len(w) else (w, t)
        # a stem shared with the query word ("consult" / "consultations"), as porter stemming matched
        if len(short) >= 4 and long_.startswith(short[:max(4, len(short) - 2)]):
            return True
    return False


def highlight(text: str, words: list[str]) -> str:
    """The sentence with the words that match the query marked ``[word]``.

    Done here rather than with FTS5's snippet(), which re-reads the index for every hit.
    """
    return _WORD.sub(lambda m: f"[{m.group(0)}]" if _matches(m.group(0), words) else m.group(0), text)


def fts_query(text: str) -> str:
    """Plain words -> every word required (each quoted, so punctuation cannot break the query).

    Text that already uses FTS5 syntax (quotes, ``*``, AND/OR/NOT/NEAR) is passed through.
    """
    if _FTS_SYNTAX.search(text):
        return text
    return " ".join(f'"{w}"' for w in _WORD.findall(text))


# BM25 ranks at most this many matches: the most recently stored ones. A common word matches a
# large share of a million sentences, and scoring them all would cost far more than 50 ms.
RANK_CANDIDATES = 2000


def search(store: Any, query: str, *, limit: int = 20, offset: int = 0, order: str = "rank") -> dict[str, Any]:
    """Evidence sentences matching ``query``; ``order`` is ``rank`` (BM25 over the
    ``RANK_CANDIDATES`` most recently stored matches) or ``recent`` (newest stored first).

    Returns ``{"query", "fts_query", "hits": [{"evidence_id", "text", "snippet", "start", "end",
    "field", "document": {"id", "title", "source", "url", "published"}}]}``; the snippet is the
    sentence with the matched words marked ``[`` and ``]``.
    """
    conn = connection(store)
    q = fts_query(query)
    if not q:
        return {"query": query, "fts_query": q, "hits": []}
    try:
        ids = _match(conn, q, order, limit, offset)
    except sqlite3.OperationalError:
        q = " ".join(f'"{w}"' for w in _WORD.findall(query))  # malformed FTS syntax: words only
        ids = _match(conn, q, order, limit, offset) if q else []
    words = [w.lower() for w in _WORD.findall(query) if w not in ("AND", "OR", "NOT", "NEAR")]
    # one query for every hit's sentence and document (ids of one page: a few dozen at most)
    rows = {r["id"]: r for r in conn.execute(
        "SELECT ev.id, ev.text, ev.start, ev.\"end\", ev.field, d.id AS doc_id, d.title, d.source, d.url, "
        f"d.published FROM evidence ev JOIN documents d ON d.doc = ev.doc WHERE ev.id IN ({','.join('?' * len(ids))})",
        ids)} if ids else {}
    hits = []
    for rowid in ids:  # in the order the match gave
        r = rows.get(rowid)
        if r is None:
            continue
        hits.append({"evidence_id": rowid, "text": r["text"], "snippet": highlight(r["text"], words),
                     "start": r["start"], "end": r["end"], "field": r["field"],
                     "document": {"id": r["doc_id"], "title": r["title"], "source": r["source"],
                                  "url": r["url"], "published": r["published"]}})
    return {"query": query, "fts_query": q, "hits": hits}


def _match(conn: sqlite3.Connection, q: str, order: str, limit: int, offset: int) -> list[int]:
    if order == "rank":
        sql = ("SELECT rowid FROM (SELECT rowid, rank FROM evidence_fts WHERE evidence_fts MATCH ? "
               "ORDER BY rowid DESC LIMIT ?) ORDER BY rank, rowid DESC LIMIT ? OFFSET ?")
        params: tuple = (q, RANK_CANDIDATES, limit, offset)
    else:
        sql = "SELECT rowid FROM evidence_fts WHERE evidence_fts MATCH ? ORDER BY rowid DESC LIMIT ? OFFSET ?"
        params = (q, limit, offset)
    return [r[0] for r in conn.execute(sql, params)]
