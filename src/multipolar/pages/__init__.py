"""Pages: raw bytes and where they came from, and the step from a page to an :class:`Article`.

Readers: :mod:`.files` (paths, folders, stdin), :mod:`.warc` (archives),
:mod:`.html` (trafilatura + readability), :mod:`.text` (our text-scrape cleaner).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..article import Article
from ..errors import ExtractionError


@dataclass
class Page:
    """One document's bytes before extraction, or the error met while reading it."""

    source: str
    content: bytes = b""
    kind: str = "text"  # "html" or "text"
    url: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    error: ExtractionError | None = None


def page_to_article(page: Page) -> Article:
    """Decode a page and extract its article; raises :class:`ExtractionError`."""
    from .decode import decode_bytes

    if page.error is not None:
        raise page.error
    text = decode_bytes(page.content, page.headers.get("content-type"))
    if page.kind == "html":
        from .html import extract_html

        article = extract_html(text, source=page.source, url=page.url)
    else:
        from .text import extract_text_scrape

        article = extract_text_scrape(text, source=page.source)
        article.url = page.url
    if not article.text.strip():
        raise ExtractionError("article", "no_body", f"{page.source}: no article body found")
    if not article.published:
        from .published import best_published

        # The page said nothing: fall back to a day in its URL, then HTTP Last-Modified.
        article.published = best_published(None, page.url, page.headers)
    return article
