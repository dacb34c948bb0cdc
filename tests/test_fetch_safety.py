"""fetch refuses loopback, private, link-local and metadata addresses, before connecting,
also when a redirect leads there; --allow-private lets local addresses through."""

import json
from pathlib import Path

import pytest

from http_fixture_server import FixtureSite, redirect, static
from multipolar.cli import main
from multipolar.pages.fetch import Fetcher, FetchOptions, blocked_reason

WATCH = Path(__file__).parent / "fixtures" / "watch"


@pytest.fixture
def site():
    with FixtureSite() as s:
        s.routes["/robots.txt"] = static(b"User-agent: *\nAllow: /\n", "text/plain")
        s.routes["/news/2025/02/10/accord.html"] = static((WATCH / "maritime_accord.html").read_bytes())
        s.routes["/to-metadata"] = redirect("http://169.254.169.254/latest/meta-data/")
        s.routes["/to-localhost"] = redirect(f"http://localhost:{s.server.server_address[1]}/news/2025/02/10/accord.html")
        s.routes["/to-private"] = redirect("http://10.20.30.40/admin")
        s.routes["/to-same-host"] = redirect("/news/2025/02/10/accord.html", 301)
        yield s


def no_connections(monkeypatch):
    """Make any real request fail the test: the address check must come first."""
    def refuse(self, url, *args, **kwargs):
        raise AssertionError(f"a connection to {url} was attempted")
    monkeypatch.setattr(Fetcher, "_get", refuse)


@pytest.mark.parametrize("url, words", [
    ("http://127.0.0.1:9/page", "loopback"),
    ("http://169.254.169.254/latest/meta-data/", "link-local"),
    ("http://[::1]:8080/", "loopback"),
    ("http://[::ffff:127.0.0.1]/", "loopback"),
    ("http://10.1.2.3/", "private"),
    ("http://192.168.0.10/", "private"),
    ("http://0.0.0.0/", "unspecified"),
    ("http://100.64.1.1/", "non-public"),
])
def test_private_addresses_refused_before_connecting(monkeypatch, url, words):
    no_connections(monkeypatch)
    with Fetcher(FetchOptions(min_interval=0)) as fetcher:
        result = fetcher.fetch(url)
    assert result.error is not None and result.error.code == "blocked"
    assert words in result.error.message and "--allow-private" in result.error.message


def test_host_names_are_resolved_and_checked(monkeypatch):
    no_connections(monkeypatch)
    answers = {"intranet.example": ["10.0.0.5"], "metadata.example": ["169.254.169.254"],
               "mixed.example": ["93.184.216.34", "127.0.0.1"]}
    with Fetcher(FetchOptions(min_interval=0), resolve=lambda host, port: answers[host]) as fetcher:
        for host in answers:
            result = fetcher.fetch(f"http://{host}/page")
            assert result.error.code == "blocked", host
            assert host in result.error.message


def test_public_address_passes_the_check():
    with Fetcher(resolve=lambda host, port: ["93.184.216.34"]) as fetcher:
        fetcher.check_url("https://public.example/news")  # no exception, no connection


def test_redirect_to_metadata_or_loopback_is_refused(site):
    # The fixture site itself is let through by name; where it redirects to is checked again.
    options = FetchOptions(allow_hosts=frozenset({site.hostport}), min_interval=0)
    with Fetcher(options) as fetcher:
        for path, target in (("/to-metadata", "169.254.169.254"), ("/to-localhost", "localhost"),
                             ("/to-private", "10.20.30.40")):
            result = fetcher.fetch(site.url(path))
            assert result.error is not None and result.error.code == "blocked", path
            assert target in result.error.message
        same = fetcher.fetch(site.url("/to-same-host"))
    assert same.error is None and same.final_url.endswith("/news/2025/02/10/accord.html")
    assert site.hits("/news/2025/02/10/accord.html") == 1  # only through the allowed redirect


def test_cli_fetch_refuses_loopback_and_metadata(site, capsys):
    rc = main(["fetch", site.url("/news/2025/02/10/accord.html"), "http://169.254.169.254/latest/meta-data/"])
    out, err = capsys.readouterr()
    records = [json.loads(line) for line in out.splitlines()]
    assert rc == 1
    assert [r["error"]["code"] for r in records] == ["blocked", "blocked"]
    assert "refusing to fetch" in err and "--allow-private" in err
    assert site.log == []  # the server never saw a request


def test_cli_fetch_redirect_to_metadata_refused(site, capsys):
    rc = main(["fetch", site.url("/to-metadata"), "--allow-host", site.hostport, "--rate", "0"])
    record = json.loads(capsys.readouterr().out)
    assert rc == 1 and record["error"]["code"] == "blocked"
    assert "169.254.169.254" in record["error"]["message"]


def test_cli_fetch_allow_private_downloads_extracts_and_stores(site, capsys, tmp_path):
    import sqlite3

    url = site.url("/news/2025/02/10/accord.html")
    db = tmp_path / "fetched.db"
    rc = main(["fetch", url, "--allow-private", "--rate", "0", "--db", str(db)])
    record = json.loads(capsys.readouterr().out)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT url FROM documents").fetchall() == [(url,)]
    assert rc == 0 and "error" not in record
    doc = record["document"]
    assert doc["source"] == url and doc["url"] == url
    assert doc["title"] == "Greece and Egypt Sign Maritime Boundary Accord"
    assert doc["published"] == "2025-02-10T10:30:00+02:00"
    assert "maritime boundary agreement in Cairo" in doc["text"]


def test_blocked_reason_table():
    assert blocked_reason("8.8.8.8") is None
    assert blocked_reason("2606:4700:4700::1111") is None
    assert "link-local" in blocked_reason("fe80::1")
    assert "private" in blocked_reason("fd00:ec2::254")  # an IPv6 metadata address
    assert "multicast" in blocked_reason("224.0.0.1")


def test_dns_answer_changing_after_the_check_is_refused_before_connecting(site):
    # First lookup (the URL check) says public; the lookup at connect time says loopback.
    answers = iter([["93.184.216.34"]])

    def rebinding(host, port):
        return next(answers, ["127.0.0.1"])

    port = site.server.server_address[1]
    with Fetcher(FetchOptions(min_interval=0, robots=False), resolve=rebinding) as fetcher:
        result = fetcher.fetch(f"http://rebind.example:{port}/news/2025/02/10/accord.html")
    assert result.error is not None and result.error.code == "blocked"
    assert "127.0.0.1" in result.error.message
    assert site.log == []


@pytest.mark.parametrize("url", ["http://example.org:99999/x", "http://[::1/", "http://", "not a url",
                                 "file:///etc/passwd", "gopher://example.org/"])
def test_malformed_or_unsupported_urls_are_error_results(monkeypatch, url):
    no_connections(monkeypatch)
    with Fetcher(FetchOptions(min_interval=0)) as fetcher:
        result = fetcher.fetch(url)
    assert result.error is not None and result.error.code == "fetch"
