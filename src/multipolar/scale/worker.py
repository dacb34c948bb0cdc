"""The Ray Data actor that runs the one pipeline over whole input files.

Each actor loads the spaCy model once (in ``__init__``), then takes input
files one at a time: it streams the archive's records through
:func:`multipolar.pipeline.extract_pages` and writes that file's JSONL shard
and Parquet rows as it goes (see :mod:`.layout`). A file that raises is tried
once more, then reported as failed; a record that fails is an error record,
like everywhere else in multipolar.
"""

from __future__ import annotations

import logging
import os
import resource
import time
from collections.abc import Iterator
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

import pyarrow as pa

from ..pages import Page
from ..settings import Settings
from .layout import BatchLayout, write_json_atomic
from .outputs import FileOutputs

log = logging.getLogger(__name__)

RESULT_SCHEMA = pa.schema([
    ("location", pa.string()), ("digest", pa.string()), ("status", pa.string()),
    ("documents", pa.int64()), ("errors", pa.int64()), ("attempts", pa.int64()),
    ("error", pa.string()), ("seconds", pa.float64()), ("worker_pid", pa.int64()),
    ("rss_mb", pa.float64()), ("peak_rss_mb", pa.float64()),
])
PROGRESS_EVERY = 16  # records between progress reports to the tally actor


def settings_to_dict(settings: Settings) -> dict[str, Any]:
    return asdict(settings)


class FileExtractor:
    """Callable class for ``Dataset.map_batches``: one instance per Ray actor (worker)."""

    def __init__(self, out: str, settings: dict[str, Any], tally: Any = None) -> None:
        from ..actors import get_resolver
        from ..nlp import load_nlp

        self.layout = BatchLayout(out)
        self.settings = Settings(**settings)
        self.tally = tally
        load_nlp(self.settings.spacy_model)  # once per worker, before the first file
        get_resolver()

    def __call__(self, batch: pa.Table) -> pa.Table:
        rows = [self.process(item["location"], item["digest"]) for item in batch.to_pylist()]
        return pa.Table.from_pylist(rows, schema=RESULT_SCHEMA)

    def process(self, location: str, digest: str | None) -> dict[str, Any]:
        started = time.monotonic()
        error = None
        for attempt in (1, 2):
            try:
                row = self._process_once(location, digest)
                row["attempts"] = attempt
                break
            except Exception as e:  # any failure of one file must not stop the job
                error = f"{type(e).__name__}: {e}"
                log.warning("input %s failed (attempt %d): %s", location, attempt, error)
        else:
            row = {"location": location, "digest": digest, "status": "failed", "documents": 0,
                   "errors": 0, "attempts": 2, "error": error}
            self._mark_failed(row)
        row["seconds"] = time.monotonic() - started
        row.update(_memory())
        return row

    def _process_once(self, location: str, digest: str | None) -> dict[str, Any]:
        from ..pages.warc import iter_warc_pages
        from ..pipeline import extract_pages
        from .inputs import is_url

        spool = None
        try:
            if is_url(location):
                spool, digest = _download(location, self.layout.spool)
                if os.path.exists(self.layout.done_marker(digest)):
                    return {"location": location, "digest": digest, "status": "skipped",
                            "documents": 0, "errors": 0, "error": None}
                pages = _renamed(iter_warc_pages(spool, self.settings), spool, location)
            else:
                pages = iter_warc_pages(location, self.settings)
            if digest is None:
                raise ValueError(f"{location}: no content digest (the driver hashes local files)")
            self.layout.remove_outputs(digest)
            outputs = FileOutputs(self.layout, digest)
            docs = errors = reported_docs = reported_errors = 0
            try:
                for record in extract_pages(pages, self.settings):
                    outputs.add(record.to_dict())
                    docs += 1
                    errors += record.error is not None
                    if docs - reported_docs >= PROGRESS_EVERY:
                        self._report(docs - reported_docs, errors - reported_errors)
                        reported_docs, reported_errors = docs, errors
                months = outputs.commit()
            finally:
                outputs.discard()
            self._report(docs - reported_docs, errors - reported_errors)
        finally:
            if spool and os.path.exists(spool):
                os.remove(spool)
        marker = {"location": location, "digest": digest, "documents": docs, "errors": errors,
                  "months": months, "extracted_at": self.settings.extracted_at,
                  "finished_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")}
        write_json_atomic(self.layout.done_marker(digest), marker, self.layout.tmp)
        for failed in (self.layout.failed_marker(location, digest), self.layout.failed_marker(location, None)):
            if os.path.exists(failed):
                os.remove(failed)
        return {"location": location, "digest": digest, "status": "done", "documents": docs,
                "errors": errors, "error": None}

    def _report(self, docs: int, errors: int) -> None:
        if self.tally is not None and (docs or errors):
            self.tally.add.remote(docs, errors)  # fire and forget: progress is advisory

    def _mark_failed(self, row: dict[str, Any]) -> None:
        entry = {"location": row["location"], "digest": row["digest"], "attempts": row["attempts"],
                 "error": row["error"], "at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")}
        write_json_atomic(self.layout.failed_marker(row["location"], row["digest"]), entry,
                          self.layout.tmp)


def _renamed(pages: Iterator[Page], spool: str, url: str) -> Iterator[Page]:
    """Pages of a downloaded archive, named after its URL rather than the spool file."""
    for page in pages:
        page.source = url + page.source[len(spool):]
        if page.error is not None:
            page.error.message = page.error.message.replace(spool, url)
        yield page


def _download(url: str, spool_dir: str) -> tuple[str, str]:
    """Stream a remote archive to a spool file, hashing it on the way; returns (path, digest)."""
    import hashlib
    import tempfile

    import httpx

    digest = hashlib.sha256()
    suffix = ".warc.gz" if url.lower().split("?")[0].endswith(".gz") else ".warc"
    fd, path = tempfile.mkstemp(suffix=suffix, dir=spool_dir)
    try:
        with os.fdopen(fd, "wb") as f, httpx.stream("GET", url, follow_redirects=True,
                                                    timeout=60.0) as response:
            response.raise_for_status()
            for chunk in response.iter_bytes(1 << 20):
                digest.update(chunk)
                f.write(chunk)
    except BaseException:
        os.remove(path)
        raise
    return path, digest.hexdigest()


def _memory() -> dict[str, float]:
    rss = 0.0
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    rss = int(line.split()[1]) / 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return {"worker_pid": os.getpid(), "rss_mb": round(rss, 1), "peak_rss_mb": round(peak, 1)}
