"""A submitted page (pasted text, HTML, an upload or a URL) -> the one pipeline -> the store.

Routes parse the request into a :class:`Submission`; :func:`run_submission` is what
both the API (``POST /api/documents``) and the Submit page call.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from ..model import Record
from .errors import ApiError

# spaCy inference is CPU-bound; one submission at a time keeps the readers responsive
# on a small machine and avoids sharing one Language object across threads.
_PIPELINE_LOCK = threading.Lock()


@dataclass
class Submission:
    content: bytes | None = None
    kind: str | None = None  # "html", "text" or None to sniff
    url: str | None = None
    source: str | None = None

    def check(self, max_bytes: int) -> None:
        if self.content is None and not self.url:
            raise ApiError(422, "submit one of: text, html, an uploaded file, or url", code="empty_submission")
        if self.content is not None and self.url and not self.source:
            # Both given: the URL is where the pasted page came from, not something to fetch.
            self.source = self.url
        if self.content is not None:
            if not self.content.strip():
                raise ApiError(422, "the submitted page is empty", code="empty_submission")
            if len(self.content) > max_bytes:
                raise ApiError(413, f"the page is over the limit of {max_bytes} bytes")
        if self.url and not self.url.startswith(("http://", "https://")):
            raise ApiError(422, "url must start with http:// or https://", code="bad_url")
        if self.kind not in (None, "html", "text"):
            raise ApiError(422, "kind must be html or text", code="bad_kind")


# Fetch failures by the pages layer's error code -> HTTP status for the submitter.
_FETCH_STATUS = {"blocked": 422, "robots": 422, "too_large": 413, "not_text": 415}


def _fetch_page(url: str, max_bytes: int, allow_private: bool):
    """Download a page through the pages layer (robots.txt, timeouts, private-address guard)."""
    try:
        from ..pages.fetch import Fetcher, FetchOptions
    except ImportError as e:
        raise ApiError(503, "fetching URLs is not available in this build; paste the page instead",
                       code="fetch_unavailable") from e
    with Fetcher(FetchOptions(allow_private=allow_private, max_bytes=max_bytes, min_interval=0.0)) as fetcher:
        page = fetcher.fetch(url).to_page()
    if page.error is not None:
        status = _FETCH_STATUS.get(page.error.code, 502)
        raise ApiError(status, f"could not fetch {url}: {page.error.message}", code=f"fetch_{page.error.code}")
    return page


def run_submission(sub: Submission, store, config) -> Record:
    """Extract the record of one submitted page and store it; returns the record (maybe an error record)."""
    from ..pipeline import extract_pages, extract_text

    sub.check(config.max_upload_bytes)
    if sub.content is None:
        page = _fetch_page(sub.url, config.max_upload_bytes, config.allow_private_urls)
        with _PIPELINE_LOCK:
            record = next(extract_pages([page], config.settings))
    else:
        source = sub.source or sub.url or "submitted"
        with _PIPELINE_LOCK:
            record = extract_text(sub.content, source=source, kind=sub.kind, url=sub.url, settings=config.settings)
    if record.error is None:
        store.ingest([record])
    return record
