"""Text scrapes to articles: find the body of a page saved as plain text, and its header.

The page's non-empty lines become blocks (:mod:`.text_blocks`), each classed by its shape in
the page's language (:mod:`.text_lang`). Blocks that repeat an earlier block are set aside
(:mod:`.text_dedup`). The body is the run of blocks with the highest total weight, where prose
weighs its length and chrome (menus, headline lists, ranked lists, credits) weighs against it,
so that a run of short lines separates the article from comment sections and teaser lists.
The header fields come from the lines just above the body (:mod:`.text_meta`).
"""

from __future__ import annotations

from ..article import Article
from .text_blocks import Block, describe, split_blocks
from .text_dedup import find_duplicates
from .text_lang import detect_language
from .text_meta import find_header

# Weights of the region finder, per block class (see _weight).
SHORT_PENALTY = 1.5
BAD_PENALTY = 2.0
BAD_PER_WORD = 0.3
NEAR_SHARE = 0.5


def _weight(block: Block) -> float:
    if block.kind == "good":
        return float(block.words)
    if block.kind == "near":
        return NEAR_SHARE * block.words
    if block.kind == "short":
        return -SHORT_PENALTY
    return -(BAD_PENALTY + BAD_PER_WORD * block.words)


def best_run(blocks: list[Block]) -> tuple[int, int]:
    """[start, end) positions in ``blocks`` of the run with the highest total weight."""
    best, best_span = float("-inf"), (0, 0)
    total, start = 0.0, 0
    for i, block in enumerate(blocks):
        if total <= 0:
            total, start = 0.0, i
        total += _weight(block)
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span


def _keep_inside(run: list[Block]) -> list[Block]:
    """The run's blocks minus chrome inside it: runs of two or more bad blocks (lists)."""
    kept = []
    for i, block in enumerate(run):
        if block.kind == "bad":
            neighbours = run[max(0, i - 1):i] + run[i + 1:i + 2]
            if any(n.kind == "bad" for n in neighbours):
                continue
        kept.append(block)
    return kept


def extract_text_scrape(text: str, source: str) -> Article:
    """The article in a page saved as plain text."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks = split_blocks(text)
    language = detect_language(text)
    describe(blocks, language)
    duplicates = find_duplicates(blocks)
    unique = [b for b in blocks if b.index not in duplicates]
    start, end = best_run(unique)
    body = _keep_inside(unique[start:end])
    header = find_header(blocks, body[0].index if body else len(blocks))
    used = set(header.used)
    body = [b for b in body if b.index not in used]
    if not body:
        # Never empty a page we could not read the shape of: keep its prose-like lines.
        body = [b for b in unique if b.kind in ("good", "near")] or [b for b in unique if b.index not in used]
    removed = len(blocks) - len(body) - len(duplicates) - len(used - duplicates)
    return Article(
        source=source,
        text="\n\n".join(b.text for b in body),
        title=header.title,
        subtitle=header.subtitle,
        byline=header.byline,
        published=header.published,
        language=language,
        cleaning={"duplicate_blocks_removed": len(duplicates), "boilerplate_lines_removed": max(0, removed)},
    )
