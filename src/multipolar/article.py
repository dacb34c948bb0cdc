"""The article stage's value: what a page says once its chrome is gone."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field


@dataclass
class Article:
    source: str
    text: str
    title: str | None = None
    subtitle: str | None = None
    byline: str | None = None
    published: str | None = None
    language: str | None = None
    url: str | None = None
    cleaning: dict[str, int] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return document_id(self.text)


def document_id(text: str) -> str:
    """First 16 hex characters of the SHA-256 of the whitespace-folded body."""
    normalised = re.sub(r"\s+", " ", text).strip().lower()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:16]
