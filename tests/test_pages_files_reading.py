"""Paths, folders and stdin to pages: kinds, gzip, recursion, order."""

import gzip
import io
import sys
from pathlib import Path

from multipolar.pages.files import iter_pages, sniff_kind
from multipolar.settings import Settings

PAGES = Path(__file__).parent / "fixtures" / "pages"


def test_folder_walked_recursively_in_sorted_order(tmp_path):
    (tmp_path / "b" / "deep").mkdir(parents=True)
    (tmp_path / "a.txt").write_text("Alpha text.")
    (tmp_path / "b" / "deep" / "c.html").write_bytes((PAGES / "library_reopens.html").read_bytes())
    (tmp_path / "b" / "notes.md").write_text("ignored: not a supported suffix")
    (tmp_path / "b" / "z.htm").write_text("<html><body><p>Zed.</p></body></html>")
    pages = list(iter_pages([str(tmp_path)]))
    assert [Path(p.source).relative_to(tmp_path).as_posix() for p in pages] == [
        "a.txt", "b/z.htm", "b/deep/c.html"]
    assert [p.kind for p in pages] == ["text", "html", "html"]


def test_gzipped_html_and_html_saved_as_txt(tmp_path):
    html = (PAGES / "harbour_strike.html").read_bytes()
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(html))
    (tmp_path / "saved.txt").write_bytes(html)
    gz, txt = list(iter_pages([str(tmp_path / "page.html.gz"), str(tmp_path / "saved.txt")]))
    assert gz.content == html and gz.kind == "html"
    assert txt.kind == "html"


def test_corrupt_gzip_is_an_error_page(tmp_path):
    (tmp_path / "bad.html.gz").write_bytes(b"\x1f\x8b\x08\x00" + b"not deflate at all" * 5)
    [page] = list(iter_pages([str(tmp_path / "bad.html.gz")]))
    assert page.error is not None and page.error.code == "decode"


def test_gzip_bomb_is_capped(tmp_path):
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"a" * 3_000_000))
    [page] = list(iter_pages([str(tmp_path / "bomb.txt.gz")], Settings(max_bytes=1_000_000)))
    assert page.error.code == "too_large"


def test_stdin_text_and_html(monkeypatch):
    for data, kind in ((b"Plain words from a pipe.\n", "text"),
                       ((PAGES / "library_reopens.html").read_bytes(), "html")):
        class FakeStdin:
            buffer = io.BufferedReader(io.BytesIO(data))

        monkeypatch.setattr(sys, "stdin", FakeStdin())
        [page] = list(iter_pages(["-"]))
        assert (page.source, page.kind, page.content) == ("-", kind, data)


def test_sniff_kind():
    assert sniff_kind(b"  <!DOCTYPE html><html>") == "html"
    assert sniff_kind(b"<div>x</div><body>") == "html"
    assert sniff_kind(b"Headline\n\nBody text with a < sign.") == "text"
