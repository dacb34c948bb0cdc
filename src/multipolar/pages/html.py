"""HTML pages to articles with trafilatura (first cut; the pages issue deepens it)."""

from __future__ import annotations

import trafilatura

from ..article import Article
from ..errors import ExtractionError


def extract_html(html: str, source: str, url: str | None = None) -> Article:
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, include_comments=False, with_metadata=True, deduplicate=False,
            favor_precision=False, as_dict=False)
    except Exception as e:  # trafilatura raises many lxml types on broken markup
        raise ExtractionError("article", "parse", f"{source}: HTML could not be parsed ({e})") from e
    if doc is None or not (doc.text or "").strip():
        raise ExtractionError("article", "no_body", f"{source}: no article body found in the HTML")
    paragraphs = [p.strip() for p in doc.text.split("\n") if p.strip()]
    return Article(source=source, text="\n\n".join(paragraphs), title=doc.title or None,
                   byline=doc.author or None, published=doc.date or None,
                   language=doc.language or None, url=url or doc.url)
