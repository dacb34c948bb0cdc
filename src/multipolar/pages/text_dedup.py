"""Repeated blocks: a page that shows its article twice, menus repeated at top and bottom.

The first occurrence of a block is kept and later ones are marked as duplicates. Only lines
with some content are compared (a line of punctuation such as a ``* * *`` separator may
legitimately recur inside one body), and a bare number is not compared either: the cells of a
table repeat their numbers.
"""

from __future__ import annotations

import re

from .text_blocks import Block

_NOT_WORD = re.compile(r"\W+")
_NUMBER = re.compile(r"^[\d ]+$")


def _key(text: str) -> str:
    return _NOT_WORD.sub(" ", text.lower()).strip()


def find_duplicates(blocks: list[Block]) -> set[int]:
    """Indices of blocks that repeat an earlier block of the page."""
    seen: set[str] = set()
    duplicates: set[int] = set()
    for block in blocks:
        key = _key(block.text)
        if not key or _NUMBER.match(key):
            continue
        if key in seen:
            duplicates.add(block.index)
        else:
            seen.add(key)
    return duplicates
