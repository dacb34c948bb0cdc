"""Feed lists, RSS/Atom/sitemap parsing, URL normalisation, intervals."""

import pytest

from multipolar.watch import parse_interval
from multipolar.watch.feeds import (
    Entry,
    FeedError,
    newest_first,
    normalise_url,
    parse_feed_document,
    read_feed_list,
)


def test_read_feed_list_comments_and_duplicates(tmp_path):
    path = tmp_path / "feeds.txt"
    path.write_text("# world news\nhttps://a.example/rss.xml\n\nhttps://b.example/sitemap.xml  # sitemap\n"
                    "https://a.example/rss.xml\n", encoding="utf-8")
    assert read_feed_list(path) == ["https://a.example/rss.xml", "https://b.example/sitemap.xml"]
    path.write_text("ftp://nope.example/feed\n", encoding="utf-8")
    with pytest.raises(FeedError, match="feeds.txt:1"):
        read_feed_list(path)


def test_normalise_url():
    assert normalise_url("HTTPS://News.Example:443/a/b?utm_source=x&id=7#top") == "https://news.example/a/b?id=7"
    assert normalise_url("http://news.example") == "http://news.example/"


def test_parse_rss_and_atom():
    rss = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
           b"<item><title>One</title><link>/news/one.html?utm_medium=rss</link>"
           b"<pubDate>Mon, 10 Feb 2025 08:00:00 GMT</pubDate></item>"
           b"<item><title>No link</title></item></channel></rss>")
    doc = parse_feed_document(rss, "https://n.example/feed.xml")
    assert doc.kind == "feed"
    assert [(e.url, e.title, e.published) for e in doc.entries] == [
        ("https://n.example/news/one.html", "One", "2025-02-10T08:00:00Z")]
    atom = (b'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>'
            b'<entry><title>Two</title><link href="https://n.example/two"/><updated>2025-02-11T09:30:00Z</updated>'
            b"<id>x</id></entry></feed>")
    [entry] = parse_feed_document(atom, "https://n.example/atom").entries
    # Atom's <updated> orders entries but is no publication date
    assert entry == Entry("https://n.example/two", "Two", None, "2025-02-11T09:30:00Z")


def test_parse_sitemap_and_index():
    urlset = (b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
              b"<url><loc>https://n.example/a</loc><lastmod>2025-02-01</lastmod></url>"
              b"<url><loc>https://n.example/b</loc></url></urlset>")
    doc = parse_feed_document(urlset, "https://n.example/sitemap.xml")
    assert doc.kind == "sitemap" and [e.url for e in doc.entries] == ["https://n.example/a", "https://n.example/b"]
    assert doc.entries[0].published is None and doc.entries[0].modified == "2025-02-01"
    news = (b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            b'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>https://n.example/c</loc>'
            b"<news:news><news:publication_date>2025-02-03T10:00:00+01:00</news:publication_date>"
            b"<news:title>Talks resume</news:title></news:news></url></urlset>")
    [entry] = parse_feed_document(news, "https://n.example/news-sitemap.xml").entries
    assert (entry.title, entry.published) == ("Talks resume", "2025-02-03T10:00:00+01:00")
    index = (b'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
             b"<sitemap><loc>/sitemap-news.xml</loc></sitemap></sitemapindex>")
    doc = parse_feed_document(index, "https://n.example/sitemap.xml")
    assert doc.entries == [] and doc.child_sitemaps == ["https://n.example/sitemap-news.xml"]


def test_not_a_feed():
    with pytest.raises(FeedError):
        parse_feed_document(b"\x00\x01 definitely not xml", "https://n.example/x")


def test_newest_first_limits_and_dedupes():
    entries = [Entry("u1", None, "2025-01-01"), Entry("u2"), Entry("u3", None, None, "2025-03-01"),
               Entry("u1", None, "2025-01-01")]
    assert [e.url for e in newest_first(entries, 10)] == ["u3", "u1", "u2"]
    assert [e.url for e in newest_first(entries, 2)] == ["u3", "u1"]


def test_parse_interval():
    assert parse_interval("15m") == 900
    assert parse_interval("90s") == 90
    assert parse_interval("1h30m") == 5400
    assert parse_interval("600") == 600
    for bad in ("", "soon", "0", "5x"):
        with pytest.raises(ValueError):
            parse_interval(bad)
