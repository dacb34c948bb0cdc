"""WARC archives: one page per HTML response, streamed; damage yields pages so far + an error."""

import gzip
import io
import sys
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from multipolar.pages import page_to_article
from multipolar.pages.files import iter_pages
from multipolar.pages.warc import iter_warc_pages
from multipolar.settings import Settings

PAGES = Path(__file__).parent / "fixtures" / "pages"


def html_page(headline: str, sentence: str) -> bytes:
    paragraphs = "".join(f"<p>{sentence} Paragraph {i} adds detail about the {headline.lower()}.</p>"
                         for i in range(4))
    return (f"<html><head><title>{headline}</title></head><body><nav>Home | News</nav>"
            f"<article><h1>{headline}</h1>{paragraphs}</article></body></html>").encode()


def build_warc(records: list[tuple[str, str, bytes, list[tuple[str, str]]]], compress: bool) -> bytes:
    """A WARC with a request record before each (url, status, body, headers) response."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=compress)
    for url, status, body, headers in records:
        writer.write_record(writer.create_warc_record(
            url, "request", payload=io.BytesIO(b""),
            http_headers=StatusAndHeaders("GET / HTTP/1.1", [("Host", "x")], is_http_request=True)))
        writer.write_record(writer.create_warc_record(
            url, "response", payload=io.BytesIO(body),
            http_headers=StatusAndHeaders(status, headers, protocol="HTTP/1.1")))
    return out.getvalue()


HTML = [("Content-Type", "text/html; charset=utf-8")]


def crawl() -> list:
    ferry = html_page("Ferry Service Resumes", "The island ferry sailed again on Tuesday after repairs.")
    bridge = html_page("Bridge Vote Delayed", "The council postponed its vote on the new bridge.")
    return [
        ("https://a.example/ferry", "200 OK", ferry, HTML),
        ("https://a.example/logo.png", "200 OK", b"\x89PNG\r\n\x1a\n" + bytes(200), [("Content-Type", "image/png")]),
        ("https://a.example/missing", "404 Not Found", b"<html><body>Not found</body></html>", HTML),
        ("https://a.example/bridge", "200 OK", gzip.compress(bridge),
         [*HTML, ("Content-Encoding", "gzip")]),
        # a gzip file served as-is (no Content-Encoding): still decompressed
        ("https://a.example/ferry.html.gz", "200 OK", gzip.compress(ferry), []),
    ]


@pytest.mark.parametrize("compress", [True, False])
def test_warc_one_page_per_html_response(tmp_path, compress):
    path = tmp_path / ("crawl.warc.gz" if compress else "crawl.warc")
    path.write_bytes(build_warc(crawl(), compress))
    pages = list(iter_warc_pages(str(path), Settings()))
    assert [p.error for p in pages] == [None, None, None]
    assert [p.url for p in pages] == ["https://a.example/ferry", "https://a.example/bridge",
                                      "https://a.example/ferry.html.gz"]
    assert [p.source for p in pages] == [f"{path}#0", f"{path}#1", f"{path}#2"]
    articles = [page_to_article(p) for p in pages]
    assert articles[0].title == "Ferry Service Resumes"
    assert "council postponed its vote" in articles[1].text
    assert articles[2].text == articles[0].text
    assert articles[0].url == "https://a.example/ferry"


def record_spans(data: bytes) -> list[tuple[int, int]]:
    """(start, end) of each record in the archive bytes."""
    it = ArchiveIterator(io.BytesIO(data))
    spans = []
    for _ in it:
        spans.append((it.get_record_offset(), it.get_record_offset() + it.get_record_length()))
    return spans


@pytest.mark.parametrize("compress", [True, False])
def test_warc_truncated_anywhere_gives_pages_so_far_then_an_error(tmp_path, compress):
    data = build_warc(crawl(), compress)
    spans = record_spans(data)
    # Cutting between two records leaves a shorter but valid archive; any other cut is damage.
    # A gzip member cut in its last few bytes (deflate's end marker, the 8-byte trailer) may
    # still decompress to the whole record; there either outcome is right.
    slack = 12 if compress else 0
    between, fuzzy = set(), set()
    for (_, end), (next_start, _) in zip(spans, spans[1:] + [(len(data), 0)], strict=True):
        between.update(range(end, next_start + 1))
        fuzzy.update(range(end - slack, end))
    path = tmp_path / "cut.warc"
    full = 3
    for cut in range(1, len(data), max(1, len(data) // 301)):
        path.write_bytes(data[:cut])
        pages = list(iter_warc_pages(str(path), Settings()))
        good = [p for p in pages if p.error is None]
        errors = [p for p in pages if p.error is not None]
        assert len(good) <= full
        assert pages[: len(good)] == good, "the error comes last"
        if cut in fuzzy:
            assert len(errors) <= 1
        elif cut in between:
            assert not errors, f"cut {cut} lies between records"
        else:
            assert len(errors) == 1 and errors[0].error.code == "warc", f"cut {cut}: {pages}"
        for page in good:
            assert page_to_article(page).text


def test_warc_that_is_not_an_archive(tmp_path):
    path = tmp_path / "junk.warc.gz"
    path.write_bytes(bytes(range(256)) * 10)
    [page] = list(iter_warc_pages(str(path), Settings()))
    assert page.error.code == "warc"
    assert "\\x" in page.error.message or "archive" in page.error.message
    assert len(page.error.message) < 400


def test_warc_oversized_record_is_too_large_and_the_rest_goes_on(tmp_path):
    big = html_page("Big Page", "Long text. " * 400)
    small = html_page("Small Page", "Short text about the harbour.")
    path = tmp_path / "mixed.warc.gz"
    path.write_bytes(build_warc([("https://b.example/big", "200 OK", big, HTML),
                                 ("https://b.example/small", "200 OK", small, HTML)], True))
    pages = list(iter_warc_pages(str(path), Settings(max_bytes=len(small) + 100)))
    assert [p.error.code if p.error else None for p in pages] == ["too_large", None]


def test_warc_from_stdin(monkeypatch):
    data = build_warc(crawl(), True)

    class FakeStdin:
        buffer = io.BufferedReader(io.BytesIO(data))

    monkeypatch.setattr(sys, "stdin", FakeStdin())
    pages = list(iter_pages(["-"]))
    assert [p.url for p in pages] == ["https://a.example/ferry", "https://a.example/bridge",
                                      "https://a.example/ferry.html.gz"]
    assert pages[0].source == "-#0"
