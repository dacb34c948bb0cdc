"""The watcher's own tables, kept in the store's SQLite file beside the store's tables.

They are created with ``CREATE TABLE IF NOT EXISTS`` (prefix ``watch_``) so that
they never collide with the store's migrations. Every change that must survive a
crash is one short transaction; see :mod:`multipolar.watch.runner` for the order
of steps that makes a restart lose and duplicate nothing.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

SCHEMA = """
CREATE TABLE IF NOT EXISTS watch_feeds (
    url            TEXT PRIMARY KEY,
    etag           TEXT,
    last_modified  TEXT,
    last_checked   TEXT,
    last_status    INTEGER,
    failures       INTEGER NOT NULL DEFAULT 0,
    next_attempt   REAL    NOT NULL DEFAULT 0,   -- unix time; backoff after errors
    last_error     TEXT,
    downloads      INTEGER NOT NULL DEFAULT 0,   -- full (200) downloads of the feed
    not_modified   INTEGER NOT NULL DEFAULT 0    -- 304 answers
);
CREATE TABLE IF NOT EXISTS watch_entries (
    url            TEXT PRIMARY KEY,             -- normalised entry URL: seen by URL
    feed           TEXT,
    title          TEXT,
    published      TEXT,
    state          TEXT NOT NULL DEFAULT 'queued', -- queued | done | duplicate | skipped | failed
    attempts       INTEGER NOT NULL DEFAULT 0,
    next_attempt   REAL    NOT NULL DEFAULT 0,
    content_hash   TEXT,                         -- document.id (hash of the normalised body)
    document_id    TEXT,
    detail         TEXT,
    discovered_at  TEXT,
    finished_at    TEXT
);
CREATE INDEX IF NOT EXISTS watch_entries_state ON watch_entries(state, next_attempt);
CREATE INDEX IF NOT EXISTS watch_entries_hash ON watch_entries(content_hash);
CREATE TABLE IF NOT EXISTS watch_matches (
    rule           TEXT NOT NULL,
    match_key      TEXT NOT NULL,
    document_id    TEXT NOT NULL,
    source_host    TEXT,
    matched_at     TEXT,
    PRIMARY KEY (rule, match_key, document_id)
);
CREATE TABLE IF NOT EXISTS watch_alerts (
    id               INTEGER PRIMARY KEY,
    rule             TEXT NOT NULL,
    match_key        TEXT NOT NULL,
    dedupe_key       TEXT NOT NULL UNIQUE,       -- one alert per fact (and per document unless corroborated)
    document_id      TEXT,
    source           TEXT,
    url              TEXT,
    title            TEXT,
    published        TEXT,
    summary          TEXT,
    evidence         TEXT,                       -- JSON list of SPEC evidence objects
    corroboration    INTEGER NOT NULL DEFAULT 1, -- distinct sources that reported the fact
    created_at       TEXT NOT NULL,
    webhook          TEXT,
    webhook_state    TEXT NOT NULL DEFAULT 'none', -- none | pending | sent | failed
    webhook_attempts INTEGER NOT NULL DEFAULT 0,
    webhook_error    TEXT
);
CREATE INDEX IF NOT EXISTS watch_alerts_webhook ON watch_alerts(webhook_state);
"""

ENTRY_STATES = ("queued", "done", "duplicate", "skipped", "failed")


def now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class FeedState:
    url: str
    etag: str | None = None
    last_modified: str | None = None
    failures: int = 0
    next_attempt: float = 0.0
    downloads: int = 0
    not_modified: int = 0


class WatchState:
    """Reads and writes the ``watch_*`` tables over an open SQLite connection (autocommit mode)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        conn.executescript(SCHEMA)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # -- feeds ------------------------------------------------------------------------------
    def feed(self, url: str) -> FeedState:
        row = self.conn.execute(
            "SELECT url, etag, last_modified, failures, next_attempt, downloads, not_modified "
            "FROM watch_feeds WHERE url = ?", (url,)).fetchone()
        return FeedState(*row) if row else FeedState(url)

    def feed_polled(self, url: str, status: int, etag: str | None, last_modified: str | None) -> None:
        """A successful poll (200 or 304): validators stored, failures cleared."""
        downloaded, unchanged = (0, 1) if status == 304 else (1, 0)
        self.conn.execute(
            "INSERT INTO watch_feeds (url, etag, last_modified, last_checked, last_status, failures, "
            "next_attempt, downloads, not_modified) VALUES (?, ?, ?, ?, ?, 0, 0, ?, ?) "
            "ON CONFLICT(url) DO UPDATE SET etag = COALESCE(excluded.etag, etag), "
            "last_modified = COALESCE(excluded.last_modified, last_modified), "
            "last_checked = excluded.last_checked, last_status = excluded.last_status, failures = 0, "
            "next_attempt = 0, last_error = NULL, downloads = downloads + excluded.downloads, "
            "not_modified = not_modified + excluded.not_modified",
            (url, etag, last_modified, now_iso(), status, downloaded, unchanged))

    def feed_failed(self, url: str, error: str, next_attempt: float) -> int:
        """Count a failed poll; returns the number of failures in a row."""
        self.conn.execute(
            "INSERT INTO watch_feeds (url, last_checked, failures, next_attempt, last_error) "
            "VALUES (?, ?, 1, ?, ?) ON CONFLICT(url) DO UPDATE SET last_checked = excluded.last_checked, "
            "failures = failures + 1, next_attempt = excluded.next_attempt, last_error = excluded.last_error",
            (url, now_iso(), next_attempt, error))
        return self.feed(url).failures

    # -- entries ----------------------------------------------------------------------------
    def queue_entries(self, feed: str, entries: list[tuple[str, str | None, str | None]]) -> int:
        """Queue (url, title, published) entries not seen before; returns how many were new."""
        before = self.conn.total_changes
        self.conn.executemany(
            "INSERT OR IGNORE INTO watch_entries (url, feed, title, published, discovered_at) "
            "VALUES (?, ?, ?, ?, ?)", [(u, feed, t, p, now_iso()) for u, t, p in entries])
        return self.conn.total_changes - before

    def due_entries(self, now: float, limit: int) -> list[tuple[str, str | None]]:
        """(url, published-per-feed) of the queued entries due now, in queueing order."""
        rows = self.conn.execute(
            "SELECT url, published FROM watch_entries WHERE state = 'queued' AND next_attempt <= ? "
            "ORDER BY rowid LIMIT ?", (now, limit)).fetchall()
        return [(r[0], r[1]) for r in rows]

    def finish_entry(self, url: str, state: str, detail: str | None = None,
                     content_hash: str | None = None, document_id: str | None = None) -> None:
        assert state in ENTRY_STATES
        self.conn.execute(
            "UPDATE watch_entries SET state = ?, detail = ?, content_hash = COALESCE(?, content_hash), "
            "document_id = COALESCE(?, document_id), finished_at = ? WHERE url = ?",
            (state, detail, content_hash, document_id, now_iso(), url))

    def retry_entry(self, url: str, detail: str, next_attempt: float) -> int:
        """Count a transient failure; returns the attempts so far."""
        self.conn.execute(
            "UPDATE watch_entries SET attempts = attempts + 1, next_attempt = ?, detail = ? WHERE url = ?",
            (next_attempt, detail, url))
        row = self.conn.execute("SELECT attempts FROM watch_entries WHERE url = ?", (url,)).fetchone()
        return row[0] if row else 0

    def entry_with_hash(self, content_hash: str, other_than: str) -> str | None:
        row = self.conn.execute(
            "SELECT url FROM watch_entries WHERE content_hash = ? AND state = 'done' AND url != ? LIMIT 1",
            (content_hash, other_than)).fetchone()
        return row[0] if row else None

    def entries(self) -> list[dict[str, Any]]:
        cur = self.conn.execute("SELECT * FROM watch_entries ORDER BY rowid")
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    # -- matches and alerts -----------------------------------------------------------------
    def add_match(self, rule: str, key: str, document_id: str, source_host: str) -> int:
        """Record that a document reported a fact; returns the distinct sources reporting it."""
        self.conn.execute(
            "INSERT OR IGNORE INTO watch_matches (rule, match_key, document_id, source_host, matched_at) "
            "VALUES (?, ?, ?, ?, ?)", (rule, key, document_id, source_host, now_iso()))
        return self.conn.execute(
            "SELECT COUNT(DISTINCT source_host) FROM watch_matches WHERE rule = ? AND match_key = ?",
            (rule, key)).fetchone()[0]

    def add_alert(self, alert: dict[str, Any]) -> int | None:
        """Insert an alert unless its dedupe key exists (then only its corroboration count is
        brought up to date); returns the new id or None."""
        self.conn.execute("UPDATE watch_alerts SET corroboration = MAX(corroboration, ?) WHERE dedupe_key = ?",
                          (alert.get("corroboration", 1), alert["dedupe_key"]))
        cur = self.conn.execute(
            "INSERT OR IGNORE INTO watch_alerts (rule, match_key, dedupe_key, document_id, source, url, "
            "title, published, summary, evidence, corroboration, created_at, webhook, webhook_state) "
            "VALUES (:rule, :match_key, :dedupe_key, :document_id, :source, :url, :title, :published, "
            ":summary, :evidence, :corroboration, :created_at, :webhook, :webhook_state)",
            {**alert, "evidence": json.dumps(alert.get("evidence") or [], ensure_ascii=False)})
        return cur.lastrowid if cur.rowcount else None

    def pending_webhooks(self, max_attempts: int) -> list[dict[str, Any]]:
        return self.alerts(where="webhook_state = 'pending' AND webhook_attempts < ?", args=(max_attempts,))

    def webhook_result(self, alert_id: int, ok: bool, error: str | None, max_attempts: int) -> None:
        self.conn.execute(
            "UPDATE watch_alerts SET webhook_attempts = webhook_attempts + 1, webhook_error = ?, "
            "webhook_state = CASE WHEN ? THEN 'sent' WHEN webhook_attempts + 1 >= ? THEN 'failed' "
            "ELSE 'pending' END WHERE id = ?", (error, ok, max_attempts, alert_id))

    def alerts(self, where: str = "1", args: tuple = (), limit: int | None = None) -> list[dict[str, Any]]:
        sql = f"SELECT * FROM watch_alerts WHERE {where} ORDER BY id"
        if limit:
            sql += f" LIMIT {int(limit)}"
        cur = self.conn.execute(sql, args)
        names = [d[0] for d in cur.description]
        out = []
        for row in cur.fetchall():
            item = dict(zip(names, row, strict=True))
            item["evidence"] = json.loads(item["evidence"] or "[]")
            out.append(item)
        return out
