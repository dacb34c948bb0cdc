"""Publication-date hints: page metadata (with time), URL days, HTTP Last-Modified."""

import lxml.html

from multipolar.pages.published import (
    best_published,
    header_datetime,
    metadata_datetime,
    normalise_iso,
    url_date,
)


def test_normalise_iso_keeps_precision():
    assert normalise_iso("2025-01-18") == "2025-01-18"
    assert normalise_iso("2025-01-18T00:42") == "2025-01-18T00:42:00"
    assert normalise_iso("2025-01-18T00:42:07.123Z") == "2025-01-18T00:42:07Z"
    assert normalise_iso("2025-01-18 09:05:00+0530") == "2025-01-18T09:05:00+05:30"
    assert normalise_iso("2025-02-30") is None
    assert normalise_iso("yesterday") is None


def tree(head: str, body: str = "<p>x</p>"):
    return lxml.html.fromstring(f"<html><head>{head}</head><body>{body}</body></html>")


def test_metadata_prefers_published_meta_over_time_elements():
    t = tree('<meta property="article:published_time" content="2024-03-02T10:00:00Z">',
             '<time datetime="2024-03-05T08:00:00Z">5 March</time>')
    assert metadata_datetime(t) == "2024-03-02T10:00:00Z"


def test_metadata_adds_time_of_the_same_day_only():
    t = tree('<meta name="date" content="2024-03-02">', '<time datetime="2024-03-02T10:30">x</time>')
    assert metadata_datetime(t) == "2024-03-02T10:30:00"
    t = tree('<meta name="date" content="2024-03-02">', '<time datetime="2024-03-04T10:30">x</time>')
    assert metadata_datetime(t) == "2024-03-02"


def test_metadata_ignores_modified_time_and_bad_json_ld():
    t = tree('<meta property="article:modified_time" content="2024-03-09T10:00:00Z">'
             '<script type="application/ld+json">{not json</script>')
    assert metadata_datetime(t) is None


def test_url_and_header_hints():
    assert url_date("https://x.example/world/2024/11/05/story-title") == "2024-11-05"
    assert url_date("https://x.example/news/20241105/story") == "2024-11-05"
    assert url_date("https://x.example/world/2024/13/05/story") is None
    assert header_datetime({"Last-Modified": "Tue, 05 Nov 2024 14:30:00 GMT"}) == "2024-11-05T14:30:00+00:00"
    assert header_datetime({"last-modified": "garbage"}) is None
    assert best_published("2024-01-01", "https://x.example/2024/11/05/a") == "2024-01-01"
    assert best_published(None, "https://x.example/2024/11/05/a") == "2024-11-05"
    assert best_published(None, None, {"Last-Modified": "Tue, 05 Nov 2024 14:30:00 GMT"}) == "2024-11-05T14:30:00+00:00"


def test_feed_date_hint_order():
    feed = {"x-multipolar-feed-published": "2025-02-12T07:00:00Z",
            "Last-Modified": "Tue, 05 Nov 2024 14:30:00 GMT"}
    assert best_published(None, "https://x.example/a", feed) == "2025-02-12T07:00:00Z"
    assert best_published(None, "https://x.example/2025/02/11/a", feed) == "2025-02-11"
    assert best_published("2025-02-10", "https://x.example/a", feed) == "2025-02-10"
