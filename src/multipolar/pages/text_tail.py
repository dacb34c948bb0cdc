"""The end of an article body: what sites put under the last paragraph.

Under the story many pages print a line to reach the reporter ("Write to ... at name@site"),
and the writer's bio
("Jane Doe is a staff writer at ..."). Both follow the body inside the same run of prose, so
the region finder keeps them; their shape gives them away: a short paragraph with an e-mail
address in it, or a paragraph that starts by naming a person and saying what they are.
"""

from __future__ import annotations

import re

from .text_blocks import Block

CONTACT_MAX_WORDS = 40  # a contact or follow-us line is short; a paragraph quoting an address is not
BIO_MAX_WORDS = 80
SHORT_WORDS = 7  # a shorter line after the bio (a "Follow" label, a share link) is its company
TAIL_REACH = 3  # how many of the last paragraphs may be such lines
# An e-mail address. (Not a web address or a handle: a quoted post ends "— Name (@name) date"
# and a link list is part of the body.)
_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+\.[A-Za-z]{2,}")
# A bio opens by naming the writer (two to four capitalised words, perhaps after a short
# title such as "Contributor") and says what they are: "... is a/an/the ...", "... was ...".
_CAP = r"[A-Z\u00c0-\u00de][\w'\u2019.-]+"
_BIO = re.compile(rf"^(?:[A-Za-z]+\s+){{0,2}}?{_CAP}(?:\s+{_CAP}){{1,3}}\s+(?:is|was)\s+(?:a|an|the)\s")


def _contact_line(block: Block) -> bool:
    return block.words <= CONTACT_MAX_WORDS and bool(_ADDRESS.search(block.text))


def _bio(block: Block) -> bool:
    return block.words <= BIO_MAX_WORDS and bool(_BIO.match(block.text))


def trim_tail(body: list[Block]) -> list[Block]:
    """``body`` without the contact lines and the writer's bio among its last paragraphs
    (and whatever short lines stand after them)."""
    cut = len(body)
    own_below = False  # whether a paragraph of the article's own stands below block k
    for k in range(len(body) - 1, max(-1, len(body) - 1 - TAIL_REACH), -1):
        if k == 0:
            break  # never the whole body
        if _contact_line(body[k]):
            # (What follows the reporter's address is the page's, not the article's.)
            cut, own_below = k, False
        elif _bio(body[k]) and not own_below:
            cut = k
        elif body[k].words >= SHORT_WORDS:
            own_below = True
    return body[:cut]
