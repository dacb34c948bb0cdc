"""Build examples/archive/pages.warc.gz from the HTML pages in tools/example_warc/.

    python tools/build_example_warc.py

Each page becomes one HTTP response record (gzip-encoded body, as a crawler
receives it from a server that compresses) preceded by its request record, so
the archive has the shape of a real crawl. Dates are fixed so the file is
reproducible apart from warcio's record ids.
"""

from __future__ import annotations

import gzip
import io
import sys
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parent.parent
PAGES = {
    "mercosur_energy.html": "https://south-atlantic-review.example/energy/2025/03/21/gas-pipeline-accord",
    "korea_warning.html": "https://east-asia-monitor.example/2025/05/08/seoul-warns-pyongyang",
}
CAPTURED = "2025-06-20T12:00:00Z"


def build(out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for name, url in PAGES.items():
            body = (ROOT / "tools" / "example_warc" / name).read_bytes()
            request = writer.create_warc_record(
                url, "request", payload=io.BytesIO(b""),
                http_headers=StatusAndHeaders("GET / HTTP/1.1", [("User-Agent", "multipolar-example")],
                                              is_http_request=True),
                warc_headers_dict={"WARC-Date": CAPTURED})
            writer.write_record(request)
            compressed = gzip.compress(body, mtime=0)
            headers = StatusAndHeaders("200 OK", [
                ("Content-Type", "text/html; charset=utf-8"),
                ("Content-Encoding", "gzip"),
                ("Content-Length", str(len(compressed))),
            ], protocol="HTTP/1.1")
            response = writer.create_warc_record(
                url, "response", payload=io.BytesIO(compressed), http_headers=headers,
                warc_headers_dict={"WARC-Date": CAPTURED})
            writer.write_record(response)


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "examples" / "archive" / "pages.warc.gz"
    build(target)
    print(f"wrote {target}")
