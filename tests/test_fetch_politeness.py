"""fetch is polite and bounded: robots.txt, per-host rate limit, timeouts, deadline, size caps,
conditional GET, and publication-date hints from the URL and HTTP headers."""

from pathlib import Path

import pytest

from http_fixture_server import FixtureSite, body, never_finishes, oversized, redirect, static, trickles
from multipolar.pages import page_to_article
from multipolar.pages.fetch import Fetcher, FetchOptions

WATCH = Path(__file__).parent / "fixtures" / "watch"
COUNCIL = (WATCH / "council_budget.html").read_bytes()  # a page that gives no date itself


@pytest.fixture
def site():
    with FixtureSite() as s:
        s.routes["/robots.txt"] = static(b"User-agent: *\nDisallow: /private/\n", "text/plain")
        s.routes["/news/a.html"] = static((WATCH / "storm_ports.html").read_bytes(), etag='"a1"')
        s.routes["/private/b.html"] = static(COUNCIL)
        s.routes["/to-private"] = redirect("/private/b.html")
        s.routes["/big.html"] = oversized(3_000_000)
        s.routes["/declared-big.html"] = static(b"x" * 2_000_000)
        s.routes["/slow.html"] = never_finishes(s)
        s.routes["/trickle.html"] = trickles(s)
        s.routes["/2025/03/04/council.html"] = static(COUNCIL)
        s.routes["/council-modified.html"] = static(
            COUNCIL, headers={"Last-Modified": "Wed, 05 Mar 2025 16:20:00 GMT"})
        s.routes["/image.png"] = static(b"\x89PNG\r\n\x1a\n" + bytes(100), "image/png")
        yield s


def fetcher(**overrides) -> Fetcher:
    options = dict(allow_private=True, min_interval=0, read_timeout=1.0, connect_timeout=1.0, deadline=3.0)
    options.update(overrides)
    return Fetcher(FetchOptions(**options))


def test_robots_disallow_honoured_and_cached(site):
    with fetcher() as f:
        ok = f.fetch(site.url("/news/a.html"))
        denied = f.fetch(site.url("/private/b.html"))
        via_redirect = f.fetch(site.url("/to-private"))
    assert ok.error is None and ok.status == 200
    assert denied.error.code == "robots" and "robots.txt" in denied.error.message
    assert via_redirect.error.code == "robots"
    assert site.hits("/private/b.html") == 0
    assert site.hits("/robots.txt") == 1


def test_user_agent_names_multipolar(site):
    seen = []
    original = site.routes["/news/a.html"]

    def spy(handler):
        seen.append(handler.headers.get("User-Agent"))
        original(handler)

    site.routes["/news/a.html"] = spy
    with fetcher() as f:
        f.fetch(site.url("/news/a.html"))
    assert seen and seen[0].startswith("multipolar/")


@pytest.mark.parametrize("status, allowed", [(404, True), (500, False)])
def test_robots_missing_allows_and_server_error_disallows(site, status, allowed):
    site.routes["/robots.txt"] = lambda handler: body(handler, status, b"no robots here", "text/plain")
    with fetcher() as f:
        result = f.fetch(site.url("/news/a.html"))
    assert (result.error is None) == allowed
    if not allowed:
        assert result.error.code == "robots"


def test_size_caps_streamed_and_declared(site):
    with fetcher(max_bytes=1_000_000) as f:
        streamed = f.fetch(site.url("/big.html"))
        declared = f.fetch(site.url("/declared-big.html"))
    assert streamed.error.code == "too_large"
    assert declared.error.code == "too_large" and "2000000" in declared.error.message


def test_page_that_never_finishes_times_out(site):
    with fetcher(read_timeout=0.5) as f:
        result = f.fetch(site.url("/slow.html"))
    assert result.error.code == "fetch" and "timed out" in result.error.message


def test_page_that_trickles_forever_hits_the_deadline(site):
    with fetcher(read_timeout=1.0, deadline=1.5) as f:
        result = f.fetch(site.url("/trickle.html"))
    assert result.error.code == "fetch" and "longer than" in result.error.message


def test_per_host_rate_limit(site, monkeypatch):
    waits = []
    monkeypatch.setattr("multipolar.pages.fetch.time.sleep", lambda s: waits.append(s))
    with fetcher(min_interval=5.0) as f:
        for _ in range(3):
            assert f.fetch(site.url("/news/a.html")).error is None
    # robots.txt, then three pages: each request after the first waits its turn, 5 s apart
    # (sleep is recorded, not slept, so each turn is booked after the one before)
    assert len(waits) == 3
    assert 4.0 < waits[0] <= 5.0
    assert all(4.0 < later - earlier <= 5.0 for earlier, later in zip(waits, waits[1:], strict=False))


def test_conditional_get_gives_304(site):
    with fetcher() as f:
        first = f.fetch(site.url("/news/a.html"))
        again = f.fetch(site.url("/news/a.html"), etag=first.headers["etag"])
    assert first.status == 200 and again.not_modified and again.content == b""


def test_non_html_content_is_an_error_page(site):
    with fetcher() as f:
        page = f.fetch(site.url("/image.png")).to_page()
    assert page.error.code == "not_text"


def test_publication_hints_from_url_and_last_modified(site):
    with fetcher() as f:
        from_url = page_to_article(f.fetch(site.url("/2025/03/04/council.html")).to_page())
        from_header = page_to_article(f.fetch(site.url("/council-modified.html")).to_page())
        from_page = page_to_article(f.fetch(site.url("/news/a.html")).to_page())
    assert from_url.published == "2025-03-04"
    assert from_header.published == "2025-03-05T16:20:00+00:00"
    assert from_page.published == "2025-02-11T07:15:00+01:00"  # the page's own metadata wins


def test_robots_rules_expire(site):
    with fetcher(robots_ttl=0.0) as f:
        f.fetch(site.url("/news/a.html"))
        f.fetch(site.url("/news/a.html"))
    assert site.hits("/robots.txt") == 2
