"""`multipolar watch` against a real HTTP server on 127.0.0.1: ingests exactly the allowed new
entries, honours robots.txt and the size cap, survives a page that never finishes, does not
download an unchanged feed twice, and fires an alert into a webhook receiver on loopback."""

import json
import sqlite3
from pathlib import Path

import pytest

from http_fixture_server import FixtureSite, never_finishes, oversized, redirect, rss, sitemap, static
from multipolar.cli import main

WATCH = Path(__file__).parent / "fixtures" / "watch"
ACCORD = (WATCH / "maritime_accord.html").read_bytes()
DATES = ["Mon, 10 Feb 2025 09:00:00 GMT", "Tue, 11 Feb 2025 07:00:00 GMT", "Wed, 12 Feb 2025 07:00:00 GMT"]


@pytest.fixture
def site():
    with FixtureSite() as s:
        s.routes["/robots.txt"] = static(b"User-agent: *\nDisallow: /private/\n", "text/plain")
        items = [
            ("/news/2025/02/10/maritime-accord.html", "Maritime accord", DATES[0]),
            ("/news/storm.html", "Storm", DATES[1]),
            ("/private/leak.html", "Leak", DATES[1]),
            ("/slow.html", "Slow", DATES[1]),
            ("/big.html", "Big", DATES[1]),
            ("/old/museum", "Museum", DATES[2]),
            ("/news/accord-copy.html", "Accord again", DATES[2]),
        ]
        s.routes["/feed.xml"] = static(rss(s.base, items), "application/rss+xml", etag='"feed-v1"')
        s.routes["/sitemap.xml"] = static(sitemap(s.base, [("/news/ferry-terminal.html", "2025-02-12")]),
                                          "application/xml", etag='"map-v1"')
        s.routes["/news/2025/02/10/maritime-accord.html"] = static(ACCORD)
        s.routes["/news/accord-copy.html"] = static(ACCORD)  # same article under another URL
        s.routes["/news/storm.html"] = static((WATCH / "storm_ports.html").read_bytes())
        s.routes["/private/leak.html"] = static((WATCH / "council_budget.html").read_bytes())
        s.routes["/slow.html"] = never_finishes(s)
        s.routes["/big.html"] = oversized(3_000_000)
        s.routes["/old/museum"] = redirect("/news/museum.html", 301)
        s.routes["/news/museum.html"] = static((WATCH / "moved_story.html").read_bytes())
        s.routes["/news/ferry-terminal.html"] = static((WATCH / "sitemap_story.html").read_bytes())
        s.routes["/private/leak.html"] = static(b"<html><body><p>secret</p></body></html>")
        yield s


@pytest.fixture
def receiver():
    with FixtureSite() as r:
        yield r


def setup_files(tmp_path, site, receiver):
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"# fixture site\n{site.url('/feed.xml')}\n{site.url('/sitemap.xml')}\n", encoding="utf-8")
    rules = tmp_path / "rules.yaml"
    rules.write_text(
        f"webhook: {receiver.url('/hook')}\n"
        "rules:\n"
        "  - name: maritime-boundaries\n"
        "    mentions: [maritime boundary]\n"
        "  - name: greece\n"
        "    actor: GRC\n", encoding="utf-8")
    return feeds, rules


def watch_once(tmp_path, feeds, rules, db) -> int:
    return main(["watch", str(feeds), "--db", str(db), "--once", "--rules", str(rules), "--allow-private",
                 "--rate", "0", "--timeout", "1", "--deadline", "3", "--max-bytes", "1000000"])


def stored_urls(db) -> list[str]:
    with sqlite3.connect(db) as conn:
        return sorted(r[0] for r in conn.execute("SELECT url FROM documents"))


def entry_states(db) -> dict[str, tuple[str, str | None]]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT url, state, detail FROM watch_entries").fetchall()
    return {url.split("/", 3)[3]: (state, detail) for url, state, detail in rows}


def test_watch_round_trip(tmp_path, site, receiver, capsys):
    feeds, rules = setup_files(tmp_path, site, receiver)
    db = tmp_path / "watch.db"

    assert watch_once(tmp_path, feeds, rules, db) == 0
    base = site.base
    assert stored_urls(db) == sorted([
        f"{base}/news/2025/02/10/maritime-accord.html", f"{base}/news/storm.html",
        f"{base}/news/museum.html", f"{base}/news/ferry-terminal.html"])
    states = entry_states(db)
    assert states["news/2025/02/10/maritime-accord.html"][0] == "done"
    assert states["old/museum"][0] == "done"                     # followed the redirect
    assert states["news/ferry-terminal.html"][0] == "done"       # from the sitemap
    assert states["news/accord-copy.html"][0] == "duplicate"     # same content hash
    assert states["private/leak.html"] == ("skipped", states["private/leak.html"][1])
    assert states["private/leak.html"][1].startswith("robots")
    assert states["big.html"][0] == "skipped" and states["big.html"][1].startswith("too_large")
    assert states["slow.html"][0] == "queued" and "timed out" in states["slow.html"][1]
    assert site.hits("/private/leak.html") == 0

    # the alert fired into the webhook receiver on loopback
    posts = [body for path, body in receiver.posts if path == "/hook"]
    maritime = [p for p in posts if p["alert"]["rule"] == "maritime-boundaries"]
    assert len(maritime) == 1
    assert maritime[0]["document"]["title"] == "Greece and Egypt Sign Maritime Boundary Accord"
    assert maritime[0]["evidence"][0]["text"].lower() == "maritime boundary"

    # second round: the feed and sitemap are unchanged (304), nothing is downloaded again
    capsys.readouterr()
    assert watch_once(tmp_path, feeds, rules, db) == 0
    round2 = json.loads(capsys.readouterr().err.strip().splitlines()[-1])
    assert round2["feeds_unchanged"] == 2 and round2["ingested"] == 0 and round2["alerts"] == 0
    assert site.hits("/feed.xml", 200) == 1 and site.hits("/feed.xml", 304) == 1
    assert site.hits("/sitemap.xml", 200) == 1
    assert site.hits("/news/2025/02/10/maritime-accord.html") == 1
    assert site.hits("/slow.html") == 1  # backing off, not hammered
    assert len([p for p in receiver.posts if p[1]["alert"]["rule"] == "maritime-boundaries"]) == 1

    # a new item in the feed is picked up, and only it
    site.routes["/feed.xml"] = static(rss(base, [("/news/2025/02/10/maritime-accord.html", "Maritime accord",
                                                  DATES[0]), ("/news/council.html", "Council", DATES[2])]),
                                      "application/rss+xml", etag='"feed-v2"')
    site.routes["/news/council.html"] = static((WATCH / "council_budget.html").read_bytes())
    assert watch_once(tmp_path, feeds, rules, db) == 0
    assert f"{base}/news/council.html" in stored_urls(db)
    assert len(stored_urls(db)) == 5
    with sqlite3.connect(db) as conn:  # the page has no date of its own: the feed's date is used
        [(published,)] = conn.execute("SELECT published FROM documents WHERE url LIKE '%/council.html'")
    assert published == "2025-02-12T07:00:00Z"
    assert site.hits("/news/2025/02/10/maritime-accord.html") == 1

    # `multipolar alerts` lists what fired
    capsys.readouterr()
    assert main(["alerts", "--db", str(db), "--format", "jsonl"]) == 0
    alerts = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    rules_fired = {a["rule"] for a in alerts}
    assert "maritime-boundaries" in rules_fired
    assert all(a["webhook_state"] == "sent" for a in alerts)
    # The actor rule depends on the actor resolver knowing Greece; when it does, it must fire too.
    with sqlite3.connect(db) as conn:
        knows_greece = conn.execute("SELECT COUNT(*) FROM doc_actors WHERE code LIKE 'GRC%'").fetchone()[0]
    assert ("greece" in rules_fired) == bool(knows_greece)
    assert main(["alerts", "--db", str(db)]) == 0
    assert "[maritime-boundaries]" in capsys.readouterr().out
