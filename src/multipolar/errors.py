"""One catalogue of the error codes a record can carry, and the exceptions behind them.

Library code raises :class:`ExtractionError` with a code from :data:`CODES`; the
pipeline turns it into an error record (SPEC section 1). Only programmer or
set-up mistakes (a missing spaCy model) raise anything else.
"""

from __future__ import annotations

CODES: dict[str, str] = {
    "empty": "the input holds no text",
    "not_text": "the input is binary or not a web page",
    "decode": "the bytes are not valid text in any encoding tried",
    "too_large": "the input is over the size limit (settings.max_bytes) and was not parsed",
    "not_found": "the path does not exist or cannot be opened",
    "parse": "the page could not be parsed",
    "no_body": "no article body could be found on the page",
    "warc": "the WARC archive is damaged or truncated",
    "fetch": "the page could not be downloaded",
    "blocked": "the URL points at a loopback, private, link-local or metadata address (fetch refused)",
    "robots": "the site's robots.txt disallows fetching the URL",
    "nlp": "the language model failed on the text",
    "coding": "a coder failed on the document",
}


class MultipolarError(Exception):
    """Base class of the library's own exceptions."""


class ExtractionError(MultipolarError):
    """A document could not go through a stage; becomes an error record."""

    def __init__(self, stage: str, code: str, message: str) -> None:
        if code not in CODES:
            raise ValueError(f"unknown error code {code!r}; add it to multipolar.errors.CODES")
        super().__init__(message)
        self.stage = stage
        self.code = code
        self.message = message


class ModelNotFound(MultipolarError):
    """The configured spaCy model is not installed."""
