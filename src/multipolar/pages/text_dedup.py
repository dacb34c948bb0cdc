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


PROSE_KINDS = ("good", "near")


def prose_blocks(blocks: list[Block], indices: set[int]) -> set[int]:
    """Those of ``indices`` whose block reads as prose (a paragraph, not a menu or share line).
    Call it before the dedup step re-labels repeated blocks: it reads each block's shape class."""
    return {b.index for b in blocks if b.index in indices and b.kind in PROSE_KINDS}


CARD_MIN_GAPS = 4  # this many cards in a row, each closed by the same line, make a card list
CARD_BAR_WORDS = (2, 8)  # how long that closing line (a share bar) is


def find_cards(blocks: list[Block]) -> set[int]:
    """Indices of teaser cards: blocks that each stand alone between two occurrences of the
    same short line (a share bar under every card, "Whatsapp Facebook Pin Download"), at least
    four in a row, and the block after the last such line. A body's paragraphs are not each
    followed by the same line of several words."""
    positions: dict[str, list[int]] = {}
    for block in blocks:
        key = _key(block.text)
        if key and CARD_BAR_WORDS[0] <= block.words <= CARD_BAR_WORDS[1] and not _NUMBER.match(key):
            positions.setdefault(key, []).append(block.index)
    cards: set[int] = set()
    for found in positions.values():
        chain = [found[0]]
        for position in found[1:] + [None]:
            if position is not None and position - chain[-1] == 2:
                chain.append(position)
                continue
            if len(chain) - 1 >= CARD_MIN_GAPS:
                cards.update(p + 1 for p in chain if p + 1 < len(blocks))
            chain = [position] if position is not None else []
    return cards


CARD_HEADLINE_WORDS = (4, 25)  # how long a teaser's headline is
CARD_ECHO_REACH = 2  # its second showing comes at most this many lines after the first
CARD_SUMMARY_MAX_WORDS = 50  # the teaser's summary under it is short


def inline_cards(body: list[Block]) -> set[int]:
    """Indices of teaser cards and viewer captions set into a body: a line shown twice running
    (as a picture's text and as its link or caption, perhaps with a label between), and, when
    it is a headline, the short summary under it. An article does not say a line twice running;
    a related-story card or a photo viewer does, on many sites."""
    keys = [_key(b.text) for b in body]
    cards: set[int] = set()
    for i, block in enumerate(body):
        if block.words < CARD_HEADLINE_WORDS[0] or block.index in cards:
            continue
        for j in range(i + 1, min(i + 1 + CARD_ECHO_REACH, len(body))):
            if keys[j] == keys[i]:
                cards.update({block.index, body[j].index})
                if (block.words <= CARD_HEADLINE_WORDS[1] and j + 1 < len(body)
                        and body[j + 1].words <= CARD_SUMMARY_MAX_WORDS):
                    cards.add(body[j + 1].index)
                break
    return cards
