"""Pack web pages into a WARC archive (for tests, benchmarks and small local corpora).

Record ids and dates are derived from the URL and the given date, so packing
the same pages twice gives byte-identical archives (and the same content hash).
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterable
from dataclasses import dataclass

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


@dataclass(frozen=True)
class WarcPage:
    url: str
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    date: str = "2025-01-01T00:00:00Z"  # WARC-Date: when the crawler fetched it


def write_warc(path: str, pages: Iterable[WarcPage], gzip: bool | None = None) -> int:
    """Write one ``response`` record per page; returns the number written."""
    compress = path.endswith(".gz") if gzip is None else gzip
    count = 0
    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=compress)
        for page in pages:
            record_id = hashlib.sha256(f"{page.url}\n{page.date}".encode()).hexdigest()[:32]
            http = StatusAndHeaders("200 OK", [("Content-Type", page.content_type),
                                               ("Content-Length", str(len(page.body)))],
                                    protocol="HTTP/1.1")
            record = writer.create_warc_record(
                page.url, "response", payload=io.BytesIO(page.body), http_headers=http,
                warc_headers_dict={"WARC-Record-ID": f"<urn:uuid:{record_id[:8]}-{record_id[8:12]}-"
                                                     f"{record_id[12:16]}-{record_id[16:20]}-{record_id[20:]}>",
                                   "WARC-Date": page.date})
            writer.write_record(record)
            count += 1
    return count
