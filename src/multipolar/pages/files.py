"""Paths, folders and stdin to :class:`Page` objects, in input order, never raising."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator

from ..errors import ExtractionError
from ..settings import Settings
from . import Page

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
TEXT_SUFFIXES = (".txt", ".text")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc.gz")
SUPPORTED = HTML_SUFFIXES + TEXT_SUFFIXES + WARC_SUFFIXES + (".html.gz", ".htm.gz", ".txt.gz")


def sniff_kind(data: bytes) -> str:
    head = data[:2048].lstrip().lower()
    return "html" if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head else "text"


def iter_pages(paths: Iterable[str], settings: Settings | None = None) -> Iterator[Page]:
    """Yield one page per document found under ``paths`` (``-`` is stdin)."""
    settings = settings or Settings()
    for path in paths:
        if path == "-":
            data = sys.stdin.buffer.read(settings.max_bytes + 1)
            yield _page_from_bytes("-", data, None, settings)
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


def _pages_of_file(path: str, settings: Settings) -> Iterator[Page]:
    lower = path.lower()
    if lower.endswith(WARC_SUFFIXES):
        from .warc import iter_warc_pages

        yield from iter_warc_pages(path, settings)
        return
    try:
        size = os.path.getsize(path)
    except OSError as e:
        yield Page(path, error=ExtractionError("read", "not_found", f"{path}: {e.strerror or e}"))
        return
    if size > settings.max_bytes:
        yield Page(path, error=ExtractionError(
            "read", "too_large", f"{path}: {size} bytes is over the limit of {settings.max_bytes}"))
        return
    try:
        if lower.endswith(".gz"):
            import gzip

            with gzip.open(path, "rb") as f:
                data = f.read(settings.max_bytes + 1)
        else:
            with open(path, "rb") as f:
                data = f.read()
    except (OSError, EOFError) as e:
        yield Page(path, error=ExtractionError("read", "not_found", f"{path}: {e}"))
        return
    kind = None
    if lower.endswith(HTML_SUFFIXES + (".html.gz", ".htm.gz")):
        kind = "html"
    elif lower.endswith(TEXT_SUFFIXES + (".txt.gz",)):
        kind = "text"
    yield _page_from_bytes(path, data, kind, settings)


def _page_from_bytes(source: str, data: bytes, kind: str | None, settings: Settings) -> Page:
    if len(data) > settings.max_bytes:
        return Page(source, error=ExtractionError(
            "read", "too_large", f"{source}: over the limit of {settings.max_bytes} bytes"))
    return Page(source, data, kind or sniff_kind(data))
