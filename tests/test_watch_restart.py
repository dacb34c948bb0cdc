"""Stopping and restarting a watch loses and duplicates nothing; failing feeds back off."""

import sqlite3
from pathlib import Path

import pytest

from http_fixture_server import FixtureSite, body, rss, static
from multipolar.pages.fetch import Fetcher, FetchOptions
from multipolar.settings import Settings
from multipolar.store import Store
from multipolar.watch import Watcher, WatchState
from multipolar.watch.rules import parse_rules

WATCH = Path(__file__).parent / "fixtures" / "watch"
PAGES = {"/news/accord.html": "maritime_accord.html", "/news/storm.html": "storm_ports.html",
         "/news/council.html": "council_budget.html"}


class Crash(BaseException):
    """Stands in for a killed process (not an Exception, so nothing catches it)."""


@pytest.fixture
def site():
    with FixtureSite() as s:
        s.routes["/robots.txt"] = static(b"User-agent: *\nAllow: /\n", "text/plain")
        s.routes["/feed.xml"] = static(rss(s.base, [(p, p, "Mon, 10 Feb 2025 09:00:00 GMT") for p in PAGES]),
                                       "application/rss+xml", etag='"v1"')
        for path, name in PAGES.items():
            s.routes[path] = static((WATCH / name).read_bytes())
        yield s


@pytest.fixture
def receiver():
    with FixtureSite() as r:
        yield r


def make_watcher(store, site, receiver, clock=None) -> Watcher:
    rules = parse_rules({"webhook": receiver.url("/hook"),
                         "rules": [{"name": "maritime", "mentions": ["maritime boundary"]}]})
    fetcher = Fetcher(FetchOptions(allow_private=True, min_interval=0, read_timeout=2, deadline=5))
    kwargs = {"clock": clock} if clock else {}
    return Watcher(store, fetcher, [site.url("/feed.xml")], rules=rules,
                   settings=Settings(extracted_at="2026-01-01T00:00:00Z"), every=60, **kwargs)


def counts(db):
    with sqlite3.connect(db) as conn:
        docs = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        alerts = conn.execute("SELECT COUNT(*) FROM watch_alerts").fetchone()[0]
        states = dict(conn.execute("SELECT state, COUNT(*) FROM watch_entries GROUP BY state").fetchall())
    return docs, alerts, states


def test_crash_after_ingest_before_marking_done(tmp_path, site, receiver, monkeypatch):
    db = tmp_path / "w.db"
    import multipolar.watch.runner as runner

    real = runner.raise_alerts
    calls = {"n": 0}

    def crash_on_first(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 1:
            raise Crash()
        return real(*args, **kwargs)

    monkeypatch.setattr(runner, "raise_alerts", crash_on_first)
    with Store.open(db) as store, pytest.raises(Crash):
        make_watcher(store, site, receiver).run_round()
    docs, alerts, states = counts(db)
    assert docs == 1 and alerts == 0 and states == {"queued": 3}  # ingested, but not marked done

    with Store.open(db) as store:  # "restart"
        stats = make_watcher(store, site, receiver).run_round()
    docs, alerts, states = counts(db)
    assert docs == 3 and states == {"done": 3}
    assert alerts == 1 and len(receiver.posts) == 1
    assert stats.feeds_unchanged == 1  # the validators were stored with the queued entries

    with Store.open(db) as store:
        stats = make_watcher(store, site, receiver).run_round()
    assert counts(db) == (3, 1, {"done": 3}) and stats.ingested == 0 and len(receiver.posts) == 1


def test_crash_while_queueing_keeps_the_feed_unread(tmp_path, site, receiver, monkeypatch):
    db = tmp_path / "w.db"

    def crash(*args, **kwargs):
        raise Crash()

    monkeypatch.setattr(WatchState, "feed_polled", crash)
    with Store.open(db) as store, pytest.raises(Crash):
        make_watcher(store, site, receiver).run_round()
    monkeypatch.undo()
    assert counts(db)[2] == {}  # the queueing transaction rolled back: no entries, no ETag
    with Store.open(db) as store:
        stats = make_watcher(store, site, receiver).run_round()
    assert stats.feeds_polled == 1 and stats.ingested == 3
    assert site.hits("/feed.xml", 200) == 2  # downloaded again, as it must be


def test_failing_feed_backs_off_and_recovers(tmp_path, site, receiver):
    db = tmp_path / "w.db"
    now = [1_000_000.0]
    site.routes["/feed.xml"] = lambda handler: body(handler, 503, b"busy", "text/plain")
    with Store.open(db) as store:
        watcher = make_watcher(store, site, receiver, clock=lambda: now[0])
        assert watcher.run_round().feeds_failed == 1
        assert watcher.run_round().feeds_backing_off == 1     # within the backoff: no request
        assert site.hits("/feed.xml") == 1
        now[0] += 61
        assert watcher.run_round().feeds_failed == 1          # second failure: twice the wait
        now[0] += 61
        assert watcher.run_round().feeds_backing_off == 1
        assert WatchState(store.conn).feed(site.url("/feed.xml")).failures == 2
        site.routes["/feed.xml"] = static(rss(site.base, [("/news/storm.html", "Storm", "Tue, 11 Feb 2025 07:00:00 GMT")]),
                                          "application/rss+xml")
        now[0] += 60
        stats = watcher.run_round()
        assert stats.feeds_polled == 1 and stats.ingested == 1
        assert WatchState(store.conn).feed(site.url("/feed.xml")).failures == 0


def test_run_forever_runs_rounds_until_stopped(tmp_path, site, receiver):
    import threading

    db = tmp_path / "w.db"
    with Store.open(db) as store:
        watcher = make_watcher(store, site, receiver)
        watcher.every = 0.05
        watcher.run_forever(threading.Event(), rounds=3)
    assert site.hits("/feed.xml", 200) == 1 and site.hits("/feed.xml", 304) == 2
    assert counts(db)[:2] == (3, 1)


def test_sitemap_index_leads_to_its_sitemaps(tmp_path, site, receiver):
    from http_fixture_server import sitemap

    site.routes["/sitemap-index.xml"] = static(
        ('<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
         f"<sitemap><loc>{site.base}/sitemap-2025.xml</loc></sitemap></sitemapindex>").encode(),
        "application/xml")
    site.routes["/sitemap-2025.xml"] = static(sitemap(site.base, [("/news/storm.html", "2025-02-11")]),
                                              "application/xml")
    with Store.open(tmp_path / "w.db") as store:
        watcher = make_watcher(store, site, receiver)
        watcher.feeds = [site.url("/sitemap-index.xml")]
        stats = watcher.run_round()
    assert stats.feeds_polled == 2 and stats.ingested == 1
