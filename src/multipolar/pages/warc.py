"""WARC archives to pages: one page per HTML response record, streamed.

The archive is read record by record (warcio), so a crawl of any size runs in
bounded memory; each record is capped at ``settings.max_bytes``. warcio
decodes ``Content-Encoding: gzip`` bodies; a body that is still gzip (served as
a ``.gz`` file) is decompressed here.

A damaged or truncated archive yields the pages read so far and then one error
record (code ``warc``). warcio itself does not always notice truncation (it
stops quietly when a record header is cut, and returns a short body when the
payload is cut), so we check that each record's payload is complete and that
the archive ends where its last record ends.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator

from ..errors import ExtractionError
from ..settings import Settings
from . import Page
from .decode import gunzip_capped, is_gzip
from .files import sniff_kind

log = logging.getLogger(__name__)

_TAIL = 4096
_HTML_TYPES = ("text/html", "application/xhtml+xml")


class CountingReader:
    """A read-only stream that counts bytes read and keeps the last few KiB (for the end check)."""

    def __init__(self, raw: BinaryIO) -> None:
        self.raw = raw
        self.count = 0
        self.tail = b""

    def read(self, size: int = -1) -> bytes:
        data = self.raw.read(size)
        self.count += len(data)
        self.tail = (self.tail + data)[-_TAIL:]
        return data

    def tell(self) -> int:
        return self.count


def iter_warc_pages(path: str, settings: Settings) -> Iterator[Page]:
    """Pages of the archive at ``path``; never raises."""
    try:
        stream = open(path, "rb")
    except OSError as e:
        yield Page(path, error=ExtractionError("read", "not_found", f"{path}: {e.strerror or e}"))
        return
    with stream:
        yield from iter_warc_stream(stream, path, settings)


def iter_warc_stream(stream: BinaryIO, name: str, settings: Settings) -> Iterator[Page]:
    """Pages of a WARC read from an open binary stream (a file or stdin); never raises."""
    reader = CountingReader(stream)
    index = 0  # HTML pages yielded so far (the #n in their source)
    records = 0
    end_of_last = 0
    try:
        archive = ArchiveIterator(reader)
        for record in archive:
            records += 1
            if not _header_complete(record):  # a cut header: warcio would read the rest as its body
                yield Page(f"{name}#{index}", error=ExtractionError(
                    "read", "warc", f"{name}: header of record {records} is incomplete (truncated archive?)"))
                return
            page = _page_of_record(record, name, index, settings)
            # Reading to the record's end tells us where it ends and whether it was complete.
            end_of_last = archive.get_record_offset() + archive.get_record_length()
            if getattr(record.raw_stream, "limit", 0) > 0:
                yield Page(f"{name}#{index}", url=_uri(record), error=ExtractionError(
                    "read", "warc", f"{name}: archive truncated inside record {records} "
                                    f"({record.raw_stream.limit} bytes missing)"))
                return
            if page is not None:
                index += 1
                yield page
    except Exception as e:  # warcio raises ArchiveLoadFailed, zlib/EOF errors and bare AttributeErrors
        yield Page(f"{name}#{index}", error=ExtractionError(
            "read", "warc", f"{name}: archive damaged or truncated after {records} records "
                            f"({type(e).__name__}: {_short(e)})"))
        return
    leftover = reader.count - end_of_last
    if records == 0 or (leftover and (leftover > _TAIL or reader.tail[-leftover:].strip())):
        what = "no WARC records found" if records == 0 else (
            f"{leftover} bytes after record {records} could not be read (truncated record header?)")
        yield Page(f"{name}#{index}", error=ExtractionError("read", "warc", f"{name}: {what}"))


def _short(error: Exception, limit: int = 160) -> str:
    """An exception's message made safe for one line: warcio quotes raw archive bytes in it."""
    text = ascii(str(error))[1:-1]
    return text if len(text) <= limit else text[:limit] + "..."


def _header_complete(record) -> bool:
    """A WARC record header is complete when it got as far as a numeric Content-Length."""
    if not str(record.format).startswith("warc"):
        return record.length is not None
    declared = (record.rec_headers.get_header("Content-Length") or "").strip()
    return declared.isdigit() and record.length is not None


def _uri(record) -> str | None:
    return record.rec_headers.get_header("WARC-Target-URI")


def _page_of_record(record, name: str, index: int, settings: Settings) -> Page | None:
    """The page of an HTML response (or resource) record; None for every other record."""
    if record.rec_type not in ("response", "resource"):
        return None
    uri = _uri(record)
    http = record.http_headers
    if record.rec_type == "response" and http is not None:
        status = http.get_statuscode() or ""
        if not status.startswith("2"):
            log.info("%s: skipping %s (HTTP %s)", name, uri, status)
            return None
        ctype = http.get_header("Content-Type") or ""
    else:
        ctype = record.rec_headers.get_header("Content-Type") or ""
    if ctype and not ctype.lower().startswith(_HTML_TYPES):
        return None
    source = f"{name}#{index}"
    data = record.content_stream().read(settings.max_bytes + 1)
    if is_gzip(data):
        try:
            data = gunzip_capped(data, settings.max_bytes + 1)
        except ExtractionError as err:
            return Page(source, url=uri, error=err)
    if len(data) > settings.max_bytes:
        return Page(source, url=uri, error=ExtractionError(
            "read", "too_large", f"{source}: record over the limit of {settings.max_bytes} bytes"))
    if not ctype and sniff_kind(data) != "html":
        return None
    headers = {"content-type": ctype}
    if http is not None:
        for key in ("Last-Modified", "Date"):
            value = http.get_header(key)
            if value:
                headers[key.lower()] = value
    return Page(source, data, "html", url=uri, headers=headers)
