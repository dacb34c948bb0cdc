"""Text scrapes to articles (first cut: the whole text, blank-line paragraphs)."""

from __future__ import annotations

import re

from ..article import Article


def extract_text_scrape(text: str, source: str) -> Article:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = [re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n\s*\n", text)]
    return Article(source=source, text="\n\n".join(p for p in paragraphs if p))
