"""Lines of a text scrape as blocks, each described by its shape and given a class.

A text scrape has one line per block element of the page. Prose lines are long, end like a
sentence and are dense in function words; menus are runs of short lines; headline and teaser
lists are medium lines in title case that do not end like a sentence and hold few function
words; numbered "most popular" lists start with their rank. Each block is classed
``good`` (prose), ``near`` (prose-like but short), ``short`` (too short to tell) or ``bad``
(shaped like chrome), which the region finder in :mod:`.text` weighs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .text_lang import data_lines, stoplist, uses_spaces

_WORD = re.compile(r"\w+")
# Zero-width characters that some pages leave on otherwise empty lines.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_WIDE_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
# A sentence ends in one of these, possibly followed by closing quotes or brackets.
_SENTENCE_END = re.compile(r"[.!?\u3002\uff01\uff1f\u2026:;][\"'\u201d\u2019\u00bb)\]]*$")
_FULL_STOP = re.compile(r"[.:\u3002][\"'\u201d\u2019\u00bb)\]]*$")
_RANK = re.compile(r"^\s*(?:#\s*)?\d{1,2}\s*[.):]?\s+\S")
# A headline run into its teaser without a space ("...Student-AthleteA 24-year-old woman"):
# innerText of a card whose headline and summary are inline elements. (Not after ")": that is a
# wire dateline run into its story, "Hong Kong (CNN Business)A muddled view...".)
_GLUE_POINT = re.compile(r"(?<=[a-z?!\u2019\u201d'\"])(?=[A-Z][a-z]* )")
# The letters of the word the glue point is in, before it: a headline's last word glued to the
# teaser is a whole word; "Mc" in McConnell, "Mac" in MacArthur, "You" in YouTube are not.
_LETTERS_BEFORE = re.compile(r"[^\W\d_]*$")
GLUE_MIN_LETTERS = 4


CUE_MAX_WORDS = 35  # a furniture line is short; promotions run to a long sentence or two
DENSE_ITEM = 0.45
GLUED_MAX_WORDS = 50  # a teaser card is short; a long paragraph with a glued link is body
TEMPLATE_MAX_WORDS = 12
TEMPLATE_MIN_COUNT = 3
_DIGITS = re.compile(r"\d+")


@dataclass
class Block:
    """One non-empty line of the page and its shape."""

    index: int  # position among the page's non-empty lines
    group: int  # which run of lines not broken by a blank line it belongs to
    text: str
    words: int = 0  # word count; for scripts without spaces, characters / 2
    density: float = 0.0  # share of words that are function words
    sentence: bool = False  # ends like a sentence
    title_case: float = 0.0  # share of longer words that are capitalised
    ranked: bool = False  # starts with a rank number, as list items do
    glued: bool = False  # a title-case headline run into the text after it
    repeated: bool = False  # repeats an earlier block of the page
    furniture: bool = False  # short and holds a page-furniture phrase (data/text/chrome_cues_en.txt)
    caption: bool = False  # short and holds a caption or credit phrase (data/text/caption_cues_en.txt)
    templated: bool = False  # its shape, digits aside, recurs on the page ("2 days ago", "Reply")
    kind: str = "short"


def split_blocks(text: str) -> list[Block]:
    """Non-empty lines, whitespace folded, with their blank-line group."""
    blocks: list[Block] = []
    group = 0
    previous_blank = False
    for raw in text.split("\n"):
        line = " ".join(_INVISIBLE.sub("", raw).split())
        if not line:
            previous_blank = True
            continue
        if previous_blank and blocks:
            group += 1
        previous_blank = False
        blocks.append(Block(index=len(blocks), group=group, text=line))
    return blocks


def describe(blocks: list[Block], language: str | None) -> None:
    """Fill in each block's shape and class, for the page's language."""
    stops = stoplist(language)
    spaced = uses_spaces(language)
    for block in blocks:
        lower = block.text.lower()
        tokens = _WORD.findall(lower)
        if spaced:
            block.words = len(tokens)
        else:
            wide = len(_WIDE_CHAR.findall(block.text))
            block.words = wide // 2 + sum(1 for t in tokens if not _WIDE_CHAR.search(t))
        if stops and tokens:
            block.density = sum(1 for t in tokens if t in stops) / len(tokens)
        block.sentence = bool(_SENTENCE_END.search(block.text))
        long_words = [w for w in _WORD.findall(block.text) if len(w) > 3 and not w.isdigit()]
        if long_words:
            block.title_case = sum(1 for w in long_words if w[0].isupper()) / len(long_words)
        block.ranked = bool(_RANK.match(block.text))
        block.glued = _glued_headline(block.text)
        if block.words <= CUE_MAX_WORDS:
            block.furniture = _has_cue(block.text, lower)
            block.caption = bool(_cue_pattern("caption_cues_en.txt").search(lower))
    _mark_templated(blocks)
    for block in blocks:
        block.kind = _classify(block, has_stoplist=bool(stops))


def _classify(block: Block, has_stoplist: bool) -> str:
    words, density = block.words, block.density
    if not has_stoplist:
        # No function words to go by: length and sentence punctuation only.
        density = 0.3 if block.sentence else 0.15
    headline_like = block.title_case > 0.7 and not block.sentence and words >= 4
    if (block.glued and words <= GLUED_MAX_WORDS) or block.templated or block.furniture:
        return "bad"
    if words >= 15 and density >= 0.22 and (block.sentence or words >= 30):
        return "good"
    if words >= 7 and density >= 0.18 and block.sentence and not block.ranked:
        return "near"
    if words >= 15 and density >= 0.15 and not headline_like:
        return "near"
    if words < 7 and not (block.ranked or headline_like):
        return "short"
    if words >= 7 and density >= DENSE_ITEM and block.title_case < 0.4 and not block.ranked:
        return "near"  # a list item written as a clause: as dense in function words as prose
    if words >= 7 and density >= 0.1 and _FULL_STOP.search(block.text) and not block.ranked:
        return "near"  # a sentence, if a dense one: results, credits written out, a list in prose
    return "bad"


@lru_cache(maxsize=2)
def _cue_pattern(names: str = "chrome_cues_en.txt chrome_cues_intl.txt") -> re.Pattern[str]:
    phrases = [line.strip() for name in names.split() for line in data_lines(name)]
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    # (Matched against the lowercased line: several times faster than ignoring case.)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


# A picture's caption run into its credit ("...ate a rabbitCredit: Getty"): innerText of a caption
# whose credit is an inline element.
_GLUED_CREDIT = re.compile(r"[a-z.)\u2019\u201d]Credit:")


# A gallery's counter on a line of its own: "Image 2 of 5", "3 of 12", "Photo 4/9".
_GALLERY_COUNTER = re.compile(r"^(?:(?:image|photo|picture|slide|gallery)\s+)?\d{1,3}\s+of\s+\d{1,3}$"
                              r"|^(?:image|photo|picture|slide)\s+\d{1,3}\s*/\s*\d{1,3}$", re.I)


def _has_cue(text: str, lower: str) -> bool:
    return bool(_cue_pattern().search(lower) or _GLUED_CREDIT.search(text) or _GALLERY_COUNTER.match(lower))


def _mark_templated(blocks: list[Block]) -> None:
    """Short lines whose shape (digits folded) recurs three times or more: the per-item chrome of
    comment threads and teaser lists (timestamps, vote counts, "Reply", "Read more")."""
    counts: dict[str, int] = {}
    keys = []
    for block in blocks:
        key = _DIGITS.sub("0", block.text.lower()) if block.words <= TEMPLATE_MAX_WORDS else ""
        keys.append(key)
        if key:
            counts[key] = counts.get(key, 0) + 1
    for block, key in zip(blocks, keys, strict=True):
        block.templated = bool(key) and counts[key] >= TEMPLATE_MIN_COUNT


def _glued_headline(text: str) -> bool:
    """Whether the line starts with a title-case headline glued to a following sentence."""
    for m in _GLUE_POINT.finditer(text, 0, 200):
        stem = _LETTERS_BEFORE.search(text, 0, m.start())
        if stem and 0 < len(stem.group()) < GLUE_MIN_LETTERS:
            continue  # a name or a brand written in camel case: "Mitch McConnell said"
        words = [w for w in _WORD.findall(text[:m.start()]) if len(w) > 3]
        if len(words) >= 2 and sum(1 for w in words if w[0].isupper()) >= 0.7 * len(words):
            return True
    return False
