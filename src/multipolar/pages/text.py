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
from .text_dates import leading_date_marker, wire_opening
from .text_dedup import find_cards, find_duplicates, inline_cards, prose_blocks
from .text_lang import detect_language
from .text_meta import Header, find_header, standfirst_at_body_top, title_at_body_top
from .text_region import after_header, find_body
from .text_tail import cut_off_line, trim_tail

CHROME_KINDS = ("bad",)
LABEL_MAX_WORDS = 3
WEAK_TITLE_WORDS = 3
DROP_LABELS = False
SHOUTED_LINK_WORDS = 8  # a chrome-shaped line in capitals this long inside the body is a link
WIRE_REACH = 16  # a wire dateline this near the body's top starts the article


def _keep_inside(run: list[Block]) -> list[Block]:
    """The run's blocks minus chrome inside it: furniture and caption lines, and runs of two or more
    chrome-shaped blocks (a list of links). Short lines stay: a lone one between paragraphs is
    a subhead, and on the benchmark dropping runs of them lost more body than chrome."""
    def chrome(block: Block) -> bool:
        return block.kind in CHROME_KINDS

    kept = []
    for i, block in enumerate(run):
        if block.furniture or block.caption:
            continue
        if i and run[i - 1].caption and run[i - 1].words <= LABEL_MAX_WORDS and block.kind != "good":
            continue  # the caption under its label ("Image caption")
        if chrome(block) and _shouted(block):
            continue  # a link to another story set in capitals: subheads in capitals are short
        if chrome(block):
            neighbours = run[max(0, i - 1):i] + run[i + 1:i + 2]
            if any(chrome(n) for n in neighbours):
                continue
        kept.append(block)
    return kept


def _shouted(block: Block) -> bool:
    """Whether the line is long and all in capitals (not a script without case)."""
    return (block.words >= SHOUTED_LINK_WORDS and not any(c.islower() for c in block.text)
            and sum(c.isupper() for c in block.text) >= 2 * SHOUTED_LINK_WORDS)


def extract_text_scrape(text: str, source: str) -> Article:
    """The article in a page saved as plain text."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # A stored copy's date marker in front of the page: a dateline, not body text; the page's
    # own dateline, when it has one, is the better date.
    marker_date, text = leading_date_marker(text)
    blocks = split_blocks(text)
    language = detect_language(text)
    describe(blocks, language)
    duplicates = find_duplicates(blocks)
    for index in find_cards(blocks):
        blocks[index].kind = "bad"  # a teaser card, however well written
    unique = [b for b in blocks if b.index not in duplicates]
    # Which repeats are paragraphs of prose (a page showing its article twice), as opposed to
    # menus and share lines repeated top and bottom: only those say the body was duplicated.
    prose_repeats = prose_blocks(blocks, duplicates)
    # A repeated block stays where it stands as a separator (a share bar under every teaser
    # splits the teasers), weighing a little against the body, and is dropped from what is kept.
    for b in blocks:
        if b.index in duplicates:
            b.kind, b.repeated = "short", True
    start, end = find_body(blocks)
    if cut_off_line(blocks, end):
        # The page stops mid-sentence (a scrape cut at a length limit): the article's last words.
        blocks[end].kind = "near"
        end += 1
    start = after_header(blocks, start, end)
    body = _keep_inside([b for b in blocks[start:end] if b.index not in duplicates])
    if body:
        # Repetition inside the body is the article's own (a refrain, a table's repeated row
        # labels); only blocks repeating something outside it are dropped.
        first, last = body[0].index, body[-1].index
        inside = {b.text for b in body}
        # A table's cells repeat too ("Pos", "Player", a position code on every row): those the
        # region finder took in as a table or list stay.
        restored = [b for b in blocks[first:last + 1]
                    if b.index in duplicates and (b.text in inside and b.words >= LABEL_MAX_WORDS + 1
                                                  or b.kind == "list")]
        if restored:
            keep = {b.index for b in body} | {b.index for b in restored}
            body = [b for b in blocks[first:last + 1] if b.index in keep]
            duplicates = duplicates - {b.index for b in restored}
        # A short line said more than once inside the body is a label ("Related", "Advert",
        # "Image caption", a photo agency), not a subhead: subheads do not repeat.
        labels = {b.text for b in blocks[first:last + 1] if b.index in duplicates and b.words <= LABEL_MAX_WORDS}
        if labels:
            body = [b for b in body if b.text not in labels]
        cards = inline_cards(body)
        if cards and len(cards) < len(body):
            body = [b for b in body if b.index not in cards]
    body = trim_tail(body)
    # A wire dateline ("SAN FRANCISCO (AP) —") opens the story: what the body holds above it
    # (a gallery's captions, a survey box) is the page's.
    opening = next((k for k, b in enumerate(body[:WIRE_REACH]) if k and wire_opening(b.text)), None)
    if opening is not None:
        body = body[opening:]
    header = find_header(blocks, body[0].index if body else len(blocks))
    top = title_at_body_top(body) if body else Header()
    # A title this short found above the body ("Back to News", a kicker) gives way to a
    # headline opening the body.
    weak = (header.title is not None and len(header.title.split()) <= WEAK_TITLE_WORDS
            and top.title_at == (body[0].index if body else None))
    if top.title and (header.title is None or weak):
        if weak:
            header.used = tuple(i for i in header.used if i != header.title_at)
        header.title, header.used = top.title, header.used + top.used
        header.subtitle, header.title_at = header.subtitle or top.subtitle, top.title_at
        if top.title_at != body[0].index:
            # What stands above the headline (a teaser for another story, a caption) is the
            # page's, not the article's.
            body = [b for b in body if b.index > top.title_at]
    if header.title_at is not None and header.subtitle is None:
        standfirst = standfirst_at_body_top([b for b in body if b.index not in header.used], header.title_at)
        if standfirst is not None:
            header.subtitle = standfirst.text
            header.used += (standfirst.index,)
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
        published=header.published or marker_date,
        language=language,
        cleaning={"duplicate_blocks_removed": len(duplicates), "boilerplate_lines_removed": max(0, removed),
                  "duplicate_body_blocks": len(prose_repeats & duplicates)},
    )
