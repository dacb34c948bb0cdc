"""The watch loop: poll feeds, queue new entries, fetch + extract + ingest them, raise alerts.

Restart safety comes from the order of steps, each committed before the next:

1. A feed poll queues its new entries (``watch_entries``, state ``queued``) and
   only then stores the feed's ETag/Last-Modified, in one transaction. A crash
   before it commits leaves the old validators, so the next poll downloads the
   feed again; a crash after leaves the entries queued.
2. A queued entry is fetched, extracted and ingested into the store (the store's
   ingest is idempotent), and then, in one transaction, its alerts are stored and
   the entry is marked ``done``. A crash in between leaves it queued: the next
   round ingests it again (a no-op) and the alerts' dedupe keys keep them single.
3. Webhooks are delivered from the stored ``pending`` alerts.

Errors never stop a round: a failing feed backs off exponentially (from one
interval up to :data:`MAX_BACKOFF`), a failing entry is retried a few times,
a disallowed, blocked or oversized entry is skipped for good.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import asdict, dataclass

from ..pages.fetch import Fetcher
from ..pages.published import FEED_PUBLISHED
from ..settings import Settings
from .alerts import deliver_webhooks, raise_alerts
from .feeds import FeedError, newest_first, parse_feed_document
from .rules import RuleSet
from .state import WatchState

log = logging.getLogger(__name__)

MAX_BACKOFF = 6 * 3600.0
ENTRY_ATTEMPTS = 3
PERMANENT_CODES = ("robots", "blocked", "too_large", "not_text")
FEED_MAX_BYTES = 10 * 1024 * 1024


@dataclass
class RoundStats:
    feeds_polled: int = 0
    feeds_unchanged: int = 0
    feeds_failed: int = 0
    feeds_backing_off: int = 0
    entries_new: int = 0
    ingested: int = 0
    duplicates: int = 0
    skipped: int = 0
    failed: int = 0
    retry_later: int = 0
    alerts: int = 0
    webhooks_sent: int = 0
    webhooks_failed: int = 0

    def to_dict(self) -> dict[str, int]:
        return asdict(self)


class Watcher:
    """One watch over a list of feed URLs, writing into an open :class:`multipolar.store.Store`."""

    def __init__(self, store, fetcher: Fetcher, feeds: list[str], *, rules: RuleSet | None = None,
                 webhook: str | None = None, settings: Settings | None = None, every: float = 900.0,
                 max_entries: int = 50, clock=time.time) -> None:
        self.store = store
        self.state = WatchState(store.conn)
        self.fetcher = fetcher
        self.feeds = feeds
        self.rules = rules
        self.webhook = webhook
        self.settings = settings or Settings()
        self.every = every
        self.max_entries = max_entries
        self.clock = clock

    # -- rounds -----------------------------------------------------------------------------
    def run_round(self) -> RoundStats:
        stats = RoundStats()
        pending = list(self.feeds)
        polled: set[str] = set()
        while pending:  # sitemap indexes add their child sitemaps to this round
            url = pending.pop(0)
            if url in polled:
                continue
            polled.add(url)
            pending += self._poll_feed(url, stats)
        self._process_queue(stats)
        if self.rules is not None or self.webhook:
            sent = deliver_webhooks(self.state)
            stats.webhooks_sent, stats.webhooks_failed = sent["sent"], sent["failed"]
        log.info("watch round: %s", stats.to_dict())
        return stats

    def run_forever(self, stop: threading.Event | None = None, rounds: int | None = None) -> None:
        """Run a round every ``every`` seconds until ``stop`` is set (or ``rounds`` have run)."""
        stop = stop or threading.Event()
        done = 0
        while not stop.is_set():
            started = time.monotonic()
            try:
                self.run_round()
            except Exception:  # a bug in one round must not end a long-running watch
                log.exception("watch round failed; trying again next interval")
            done += 1
            if rounds is not None and done >= rounds:
                return
            stop.wait(max(0.0, self.every - (time.monotonic() - started)))

    # -- feeds ------------------------------------------------------------------------------
    def _poll_feed(self, url: str, stats: RoundStats) -> list[str]:
        feed = self.state.feed(url)
        now = self.clock()
        if feed.next_attempt > now:
            stats.feeds_backing_off += 1
            log.info("feed %s: backing off for %.0fs more", url, feed.next_attempt - now)
            return []
        result = self.fetcher.fetch(url, etag=feed.etag, last_modified=feed.last_modified,
                                    max_bytes=FEED_MAX_BYTES)
        if result.error is not None:
            self._feed_failed(url, feed.failures, result.error.message, stats)
            return []
        if result.not_modified:
            stats.feeds_unchanged += 1
            self.state.feed_polled(url, 304, None, None)
            return []
        try:
            document = parse_feed_document(result.content, result.final_url or url)
        except FeedError as e:
            self._feed_failed(url, feed.failures, str(e), stats)
            return []
        stats.feeds_polled += 1
        # The newest entries, queued (and so processed) in publication order: an original
        # comes before its later copies, which then count as duplicates.
        entries = sorted(newest_first(document.entries, self.max_entries),
                         key=lambda e: (e.when is None, e.when or ""))
        with self.state.transaction():
            stats.entries_new += self.state.queue_entries(url, [(e.url, e.title, e.published) for e in entries])
            self.state.feed_polled(url, result.status or 200, result.headers.get("etag"),
                                   result.headers.get("last-modified"))
        return document.child_sitemaps

    def _feed_failed(self, url: str, failures: int, message: str, stats: RoundStats) -> None:
        delay = min(self.every * (2 ** failures), MAX_BACKOFF)
        self.state.feed_failed(url, message, self.clock() + delay)
        stats.feeds_failed += 1
        log.warning("feed %s failed (%s); next try in %.0fs", url, message, delay)

    # -- entries ----------------------------------------------------------------------------
    def _process_queue(self, stats: RoundStats) -> None:
        from ..pipeline import extract_pages

        for url, feed_published in self.state.due_entries(self.clock(), limit=10_000):
            result = self.fetcher.fetch(url)
            page = result.to_page()
            if page.error is not None:
                self._entry_failed(url, result.status, page.error.code, page.error.message, stats)
                continue
            if feed_published:  # used only when the page itself gives no date
                page.headers[FEED_PUBLISHED] = feed_published
            record = next(extract_pages([page], self.settings))
            if record.error is not None:
                self.state.finish_entry(url, "failed", f"{record.error.code}: {record.error.message}")
                stats.failed += 1
                continue
            content_hash = record.document.id
            twin = self.state.entry_with_hash(content_hash, url)
            if twin is not None:
                self.state.finish_entry(url, "duplicate", f"same content as {twin}", content_hash,
                                        record.document.id)
                stats.duplicates += 1
                continue
            self.store.ingest([record])
            with self.state.transaction():
                if self.rules is not None:
                    stats.alerts += len(raise_alerts(self.state, self.rules, record, self.webhook))
                self.state.finish_entry(url, "done", None, content_hash, record.document.id)
            stats.ingested += 1

    def _entry_failed(self, url: str, status: int | None, code: str, message: str, stats: RoundStats) -> None:
        permanent = code in PERMANENT_CODES or (status is not None and 400 <= status < 500 and status != 429)
        if permanent:
            self.state.finish_entry(url, "skipped", f"{code}: {message}")
            stats.skipped += 1
            log.info("entry %s skipped: %s", url, message)
            return
        attempts = self.state.retry_entry(url, f"{code}: {message}",
                                          self.clock() + min(self.every * 2 ** self._attempts(url), MAX_BACKOFF))
        if attempts >= ENTRY_ATTEMPTS:
            self.state.finish_entry(url, "failed", f"{code}: {message} (after {attempts} attempts)")
            stats.failed += 1
        else:
            stats.retry_later += 1
        log.warning("entry %s failed (%s), attempt %d of %d", url, message, attempts, ENTRY_ATTEMPTS)

    def _attempts(self, url: str) -> int:
        row = self.state.conn.execute("SELECT attempts FROM watch_entries WHERE url = ?", (url,)).fetchone()
        return row[0] if row else 0
