"""The end of an article body: what sites put under the last paragraph.

Under the story many pages print a line to reach the reporter ("Write to ... at name@site"),
and the writer's bio ("Jane Doe is a staff writer at ...", or a paragraph under an "About the
author" heading). They follow the body inside the same run of prose, so the region finder keeps
them; their shape gives them away: a short paragraph with an e-mail address in it, a paragraph
that starts by naming a person and saying what they are, a box under an about heading.

A page can also end inside the article: a scrape cut off at a length limit stops mid-sentence
("... Grossi visited Iran last"). That last line ends like no sentence, so it is classed as
chrome and the region finder, whose runs end on prose, leaves it out; :func:`cut_off_line` says
when it is the article's own.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .text_blocks import Block
from .text_dates import parse_dateline
from .text_lang import data_lines

CONTACT_MAX_WORDS = 40  # a contact or follow-us line is short; a paragraph quoting an address is not
BIO_MAX_WORDS = 80
SHORT_WORDS = 7  # a shorter line after the bio (a "Follow" label, a share link) is its company
TAIL_REACH = 4  # how many of the last paragraphs may be such lines
# An e-mail address. (Not a web address or a handle: a quoted post ends "— Name (@name) date"
# and a link list is part of the body.)
_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+\.[A-Za-z]{2,}")
# A bio opens by naming the writer (two to four capitalised words, perhaps after a short
# title such as "Contributor") and says what they are: "... is a/an/the ...", "... was ...".
_CAP = r"[A-Z\u00c0-\u00de][\w'\u2019.-]+"
_BIO = re.compile(rf"^(?:[A-Za-z]+\s+){{0,2}}?{_CAP}(?:\s+{_CAP}){{1,3}}\s+(?:is|was)\s+(?:a|an|the)\s")


# A bio naming the writer by one name says what they write: "Julius is an LA entertainment
# reporter for ...". (One capitalised word and "is a" alone is as often a country or a company in
# the story's last paragraph.)
_ONE_NAME_BIO = re.compile(rf"^{_CAP}\s+(?:is|was)\s+(?:a|an|the)\s+(?:[\w'\u2019-]+\s+){{0,4}}?"
                           r"(?i:reporter|writer|editor|correspondent|columnist|contributor|journalist|"
                           r"producer|intern|fellow)s?\b")
ABOUT_MAX_WORDS = 5
CUT_MIN_WORDS = 5  # a cut-off line is a clause; a credit ("Via Example.info", "BSS/AFP") is shorter
CUT_MAX_TITLE_CASE = 0.7  # above this share of capitalised words a line is a headline, as in text_blocks


_NAME = r"[A-Z\u00c0-\u00de][\w'\u2019.-]+(?:\s+[A-Z\u00c0-\u00de][\w'\u2019.-]+){0,3}"


@lru_cache(maxsize=1)
def about_heading_pattern() -> re.Pattern[str]:
    headings = [line.strip() for line in data_lines("about_headings.txt")]
    # (Only the heading's own words ignore case: the name after them must be capitalised.)
    alternatives = [rf"(?i:{re.escape(h[:-len('NAME')].strip())})\s+{_NAME}" if h.endswith("NAME")
                    else rf"(?i:{re.escape(h)})" for h in headings]
    return re.compile(rf"^(?:{'|'.join(alternatives)})\s*:?$")


def _about_heading(block: Block) -> bool:
    """Whether the line heads an about box: "About the author", "Sobre Carlos Nadalim"
    (data/text/about_headings.txt)."""
    return block.words <= ABOUT_MAX_WORDS and bool(about_heading_pattern().match(block.text))


def _contact_line(block: Block) -> bool:
    return block.words <= CONTACT_MAX_WORDS and bool(_ADDRESS.search(block.text))


def _bio(block: Block) -> bool:
    return block.words <= BIO_MAX_WORDS and bool(_BIO.match(block.text) or _ONE_NAME_BIO.match(block.text))


def trim_tail(body: list[Block]) -> list[Block]:
    """``body`` without the contact lines and the writer's bio among its last paragraphs
    (and whatever short lines stand after them)."""
    cut = len(body)
    own_below = False  # whether a paragraph of the article's own stands below block k
    for k in range(len(body) - 1, max(-1, len(body) - 1 - TAIL_REACH), -1):
        if k == 0:
            break  # never the whole body
        if _about_heading(body[k]) and k + 1 < len(body) and not _more_than_a_box(body, k):
            cut = k  # the box under its heading: at most a paragraph and short lines
        elif _contact_line(body[k]):
            # (What follows the reporter's address is the page's, not the article's.)
            cut, own_below = k, False
        elif _bio(body[k]) and not own_below:
            cut = k
        elif body[k].words >= SHORT_WORDS:
            own_below = True
    return body[:cut]


def _more_than_a_box(body: list[Block], k: int) -> bool:
    """Whether more than the about box's one paragraph stands under the heading at ``k``."""
    return sum(1 for b in body[k + 1:] if b.words >= SHORT_WORDS) > 1


def cut_off_line(blocks: list[Block], end: int) -> bool:
    """Whether the page's last line, just under a body ending at ``end`` (exclusive), is the
    article's last paragraph cut off mid-sentence: it comes straight after a paragraph of prose,
    nothing of the page follows it, and it is written as running text, not as the chrome that
    also ends without punctuation (a label, a headline in title case, a credit, a timestamp or
    a line with a furniture or caption phrase such as "Share this" or a copyright notice)."""
    if not blocks or end != len(blocks) - 1 or end == 0:
        return False
    line, above = blocks[-1], blocks[end - 1]
    if above.kind not in ("good", "near") or line.sentence:
        return False
    if line.furniture or line.caption or line.templated or line.glued or line.repeated or line.ranked:
        return False
    return (line.words >= CUT_MIN_WORDS and line.title_case < CUT_MAX_TITLE_CASE
            and parse_dateline(line.text) is None)
