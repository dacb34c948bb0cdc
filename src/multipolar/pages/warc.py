"""WARC archives to pages: one page per HTML response record, streamed (first cut)."""

from __future__ import annotations

from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..errors import ExtractionError
from ..settings import Settings
from . import Page


def iter_warc_pages(path: str, settings: Settings) -> Iterator[Page]:
    try:
        stream = open(path, "rb")
    except OSError as e:
        yield Page(path, error=ExtractionError("read", "not_found", f"{path}: {e.strerror or e}"))
        return
    with stream:
        index = 0
        try:
            for record in ArchiveIterator(stream):
                if record.rec_type != "response":
                    continue
                ctype = record.http_headers.get_header("Content-Type") if record.http_headers else ""
                if ctype and "html" not in ctype.lower():
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI")
                source = f"{path}#{index}"
                index += 1
                data = record.content_stream().read(settings.max_bytes + 1)
                if len(data) > settings.max_bytes:
                    yield Page(source, url=uri, error=ExtractionError(
                        "read", "too_large", f"{source}: record over {settings.max_bytes} bytes"))
                    continue
                yield Page(source, data, "html", url=uri,
                           headers={"content-type": ctype or ""})
        except (ArchiveLoadFailed, OSError, EOFError, ValueError) as e:
            yield Page(f"{path}#{index}", error=ExtractionError(
                "read", "warc", f"{path}: archive damaged or truncated after {index} records ({e})"))
