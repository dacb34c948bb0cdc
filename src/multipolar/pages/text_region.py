"""Where the body is: the main run of prose among a page's blocks.

Each block weighs for or against being body (prose by its length, chrome by a penalty that
grows inside runs of chrome). Runs of chrome heavy enough split the page into segments. The
anchor segment is the heaviest, counting extra when a dateline sits just above it (an article
starts under its headline and dateline; comment threads and teaser lists do not). From the
anchor the body grows into a neighbouring segment only while that segment outweighs the
chrome between them several times over, so a comment thread under a ruled-off gap stays out.
"""

from __future__ import annotations

from .text_blocks import Block
from .text_dates import parse_dateline

SHORT_PENALTY = 1.5
BAD_PENALTY = 2.0
BAD_PER_WORD = 0.3
NEAR_SHARE = 0.5
CHROME_RUN = 3  # this many chrome blocks in a row make a run
RUN_FACTOR = 5.0  # at most this much more chrome weighs inside a long run
RUN_SLOPE = 0.5  # how fast the factor grows with the run's length
LIST_MAX_TITLE_CASE = 0.5
LIST_WEIGHT = 0.5
GAP = 6.0  # chrome heavier than this between two segments splits them
HEADER_BOOST = 2.0  # a segment right under a dateline counts this many times
HEADER_REACH = 6  # how many blocks above a segment its dateline may be
EXTEND_RATIO = 2.0  # a neighbour joins the body if it outweighs the gap this many times


def block_weight(block: Block) -> float:
    if block.kind == "good":
        return float(block.words)
    if block.kind == "near":
        return NEAR_SHARE * block.words
    if block.kind == "short":
        return -SHORT_PENALTY
    if block.kind == "list":
        return LIST_WEIGHT
    return -(BAD_PENALTY + BAD_PER_WORD * block.words)


def weights(blocks: list[Block]) -> list[float]:
    """Each block's weight; chrome in a run of several (a menu, a list of links) weighs more,
    since a body may hold a lone short line (a subhead) but seldom a run of them."""
    result = [block_weight(b) for b in blocks]
    i = 0
    while i < len(blocks):
        j = i
        while j < len(blocks) and result[j] < 0:
            j += 1
        if j - i >= CHROME_RUN:
            factor = min(RUN_FACTOR, 1.0 + RUN_SLOPE * (j - i - CHROME_RUN + 1))
            for k in range(i, j):
                result[k] *= factor
        i = max(j, i + 1)
    return result


def _bridge_lists(blocks: list[Block], w: list[float]) -> None:
    """A run of list items or table rows between two prose paragraphs is part of the body
    (ingredients, results, a schedule) unless it reads like a menu or headline list: mostly
    title case, or lines whose shape recurs page-wide."""
    n = len(blocks)
    i = 0
    while i < n:
        if w[i] > 0:
            i += 1
            continue
        j = i
        while j < n and w[j] <= 0:
            j += 1
        run = blocks[i:j]
        if (0 < i and j < n and blocks[i - 1].kind == "good" and blocks[j].kind == "good"
                and len(run) >= 2
                and sum(b.title_case for b in run) / len(run) < LIST_MAX_TITLE_CASE
                and not any(b.templated or b.glued for b in run)):
            for k in range(i, j):
                w[k] = LIST_WEIGHT
                blocks[k].kind = "list"
        i = j


def _segments(w: list[float]) -> list[tuple[int, int, float]]:
    """(start, end, weight) of the stretches between heavy chrome gaps, each starting and ending
    on a positive block."""
    segments: list[tuple[int, int, float]] = []
    i, n = 0, len(w)
    while i < n:
        while i < n and w[i] <= 0:
            i += 1
        if i >= n:
            break
        start, total, end = i, 0.0, i
        j = i
        while j < n:
            if w[j] > 0:
                total += w[j]
                end = j + 1
                j += 1
                continue
            gap_end, gap = j, 0.0
            while gap_end < n and w[gap_end] <= 0:
                gap += w[gap_end]
                gap_end += 1
            if gap < -GAP or gap_end >= n:
                break
            total += gap
            j = gap_end
        segments.append((start, end, total))
        i = max(end, j)
    return segments


def _under_dateline(blocks: list[Block], start: int) -> bool:
    for k in range(max(0, start - HEADER_REACH), start):
        if blocks[k].words <= 16 and parse_dateline(blocks[k].text):
            return True
    return False


def find_body(blocks: list[Block]) -> tuple[int, int]:
    """[start, end) positions in ``blocks`` of the body."""
    w = weights(blocks)
    _bridge_lists(blocks, w)
    segments = _segments(w)
    if not segments:
        return 0, 0
    scores = [total * (HEADER_BOOST if _under_dateline(blocks, s) else 1.0) for s, _, total in segments]
    anchor = max(range(len(segments)), key=lambda k: scores[k])
    start, end, _ = segments[anchor]
    for k in range(anchor + 1, len(segments)):  # grow downwards
        s, e, total = segments[k]
        gap = -sum(w[end:s])
        if total < EXTEND_RATIO * gap:
            break
        end = e
    for k in range(anchor - 1, -1, -1):  # and upwards
        s, e, total = segments[k]
        gap = -sum(w[e:start])
        if total < EXTEND_RATIO * gap:
            break
        start = s
    return start, end
