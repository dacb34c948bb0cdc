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
from .text_region import after_header, find_body

CHROME_KINDS = ("bad",)
LABEL_MAX_WORDS = 3
DROP_LABELS = False


def _keep_inside(run: list[Block]) -> list[Block]:
    """The run's blocks minus chrome inside it: furniture lines, and runs of two or more
    chrome-shaped blocks (a list of links). Short lines stay: a lone one between paragraphs is
    a subhead, and on the benchmark dropping runs of them lost more body than chrome."""
    def chrome(block: Block) -> bool:
        return block.kind in CHROME_KINDS

    kept = []
    for i, block in enumerate(run):
        if block.furniture:
            continue
        if chrome(block):
            neighbours = run[max(0, i - 1):i] + run[i + 1:i + 2]
            if any(chrome(n) for n in neighbours):
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
    # A repeated block stays where it stands as a separator (a share bar under every teaser
    # splits the teasers), weighing a little against the body, and is dropped from what is kept.
    for b in blocks:
        if b.index in duplicates:
            b.kind, b.repeated = "short", True
    start, end = find_body(blocks)
    start = after_header(blocks, start, end)
    body = _keep_inside([b for b in blocks[start:end] if b.index not in duplicates])
    if body:
        # Repetition inside the body is the article's own (a refrain, a table's repeated row
        # labels); only blocks repeating something outside it are dropped.
        first, last = body[0].index, body[-1].index
        inside = {b.text for b in body}
        restored = [b for b in blocks[first:last + 1]
                    if b.index in duplicates and b.text in inside and b.words >= LABEL_MAX_WORDS + 1]
        if restored:
            keep = {b.index for b in body} | {b.index for b in restored}
            body = [b for b in blocks[first:last + 1] if b.index in keep]
            duplicates = duplicates - {b.index for b in restored}
        # A short line said more than once inside the body is a label ("Related", "Advert",
        # "Image caption", a photo agency), not a subhead: subheads do not repeat.
        labels = {b.text for b in blocks[first:last + 1] if b.index in duplicates and b.words <= LABEL_MAX_WORDS}
        if labels:
            body = [b for b in body if b.text not in labels]
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
