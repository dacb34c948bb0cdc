"""Paths, folders and stdin to :class:`Page` objects, in input order, never raising.

A file's kind comes from its name (``.html``, ``.txt``, ``.warc[.gz]``, each
optionally ``.gz``), else from its first bytes; stdin is sniffed the same way,
so ``cat crawl.warc.gz | multipolar extract -`` works. Size is checked before
reading, so a huge file costs nothing but an error record.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator

from ..errors import ExtractionError
from ..settings import Settings
from . import Page
from .decode import gunzip_capped, is_gzip

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
TEXT_SUFFIXES = (".txt", ".text")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc.gz")
SUPPORTED = HTML_SUFFIXES + TEXT_SUFFIXES + WARC_SUFFIXES + tuple(
    s + ".gz" for s in HTML_SUFFIXES + TEXT_SUFFIXES)


def sniff_kind(data: bytes) -> str:
    """ "html" for markup, else "text", judged from the first 2 KiB."""
    head = data[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")):
        return "html"
    return "html" if b"<body" in head or (b"<head" in head and b"</" in head) else "text"


def iter_pages(paths: Iterable[str], settings: Settings | None = None) -> Iterator[Page]:
    """Yield one page per document found under ``paths`` (``-`` is stdin)."""
    settings = settings or Settings()
    for path in paths:
        if path == "-":
            yield from _stdin_pages(settings)
        elif os.path.isdir(path):
            for found in _walk(path):
                yield from _pages_of_file(found, settings)
        else:
            yield from _pages_of_file(path, settings)


def _walk(folder: str) -> list[str]:
    found = []
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            if name.lower().endswith(SUPPORTED):
                found.append(os.path.join(root, name))
    return found


def _stdin_pages(settings: Settings) -> Iterator[Page]:
    stream = sys.stdin.buffer
    head = stream.read(64)  # blocks until 64 bytes or the end: enough to tell a WARC
    if _is_warc(head):
        from .warc import iter_warc_stream

        yield from iter_warc_stream(_Prefixed(head, stream), "-", settings)
        return
    yield _page_from_bytes("-", head + stream.read(max(settings.max_bytes + 1 - len(head), 0)), None, settings)


class _Prefixed:
    """A read-only stream: ``head`` (already read to sniff the kind), then the rest of ``stream``."""

    def __init__(self, head: bytes, stream) -> None:
        self.head = head
        self.stream = stream

    def read(self, size: int = -1) -> bytes:
        if self.head:
            if size is None or size < 0:
                data, self.head = self.head + self.stream.read(), b""
                return data
            data, self.head = self.head[:size], self.head[size:]
            return data
        return self.stream.read(size)


def _is_warc(head: bytes) -> bool:
    if is_gzip(head):
        try:
            head = gunzip_capped(head, 16)
        except ExtractionError:
            return False
    return head.startswith((b"WARC/", b"filedesc://"))


def _pages_of_file(path: str, settings: Settings) -> Iterator[Page]:
    lower = path.lower()
    if lower.endswith(WARC_SUFFIXES):
        from .warc import iter_warc_pages

        yield from iter_warc_pages(path, settings)
        return
    try:
        size = os.path.getsize(path)
        with open(path, "rb") as f:
            head = f.read(64)
    except OSError as e:
        yield Page(path, error=ExtractionError("read", "not_found", f"{path}: {e.strerror or e}"))
        return
    if _is_warc(head):  # a crawl saved under another name
        from .warc import iter_warc_pages

        yield from iter_warc_pages(path, settings)
        return
    if size > settings.max_bytes:
        yield Page(path, error=ExtractionError(
            "read", "too_large", f"{path}: {size} bytes is over the limit of {settings.max_bytes}"))
        return
    try:
        with open(path, "rb") as f:
            data = f.read(settings.max_bytes + 1)
    except OSError as e:
        yield Page(path, error=ExtractionError("read", "not_found", f"{path}: {e}"))
        return
    name = lower.removesuffix(".gz")
    kind = "html" if name.endswith(HTML_SUFFIXES) else "text" if name.endswith(TEXT_SUFFIXES) else None
    yield _page_from_bytes(path, data, kind, settings)


def _page_from_bytes(source: str, data: bytes, kind: str | None, settings: Settings) -> Page:
    if is_gzip(data):
        try:
            data = gunzip_capped(data, settings.max_bytes + 1)
        except ExtractionError as err:
            return Page(source, error=ExtractionError(err.stage, err.code, f"{source}: {err.message}"))
    if len(data) > settings.max_bytes:
        return Page(source, error=ExtractionError(
            "read", "too_large", f"{source}: over the limit of {settings.max_bytes} bytes"))
    if kind == "text" and sniff_kind(data) == "html":
        kind = "html"  # an HTML page saved as .txt is still HTML
    return Page(source, data, kind or sniff_kind(data))
