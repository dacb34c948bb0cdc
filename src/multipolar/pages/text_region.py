"""Where the body is: the main run of prose among a page's blocks.

Each block weighs for or against being body (prose by its length, chrome by a penalty that
grows inside runs of chrome). Runs of chrome heavy enough split the page into segments. The
anchor segment is the heaviest, counting extra when a dateline sits just above it (an article
starts under its headline and dateline; comment threads and teaser lists do not). From the
anchor the body grows into a neighbouring segment only while that segment outweighs the
chrome between them several times over, so a comment thread under a ruled-off gap stays out.
"""

from __future__ import annotations

import re

from .text_blocks import TEMPLATE_MAX_WORDS, Block
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
COLON_LISTS = True
INTRO_MIN_WORDS = 4  # a short line introducing a list is a clause of this many words at least ...
INTRO_MIN_DENSITY = 0.3  # ... this dense in function words
INTRO_REACH = 2  # ... with prose at most this many lines above it
SANDWICH = ("good",)  # what must stand on both sides of a list for it to join the body
TABLES = True
TABLE_MIN_CELLS = 4
REGULAR_MIN_ROWS = 3  # fewer measures make a table when they fall this many times at one stride
REGULAR_MIN_STRIDE = 3  # ... of rows this long at least (name and price, two by two, is a shop's list)
SMALL_MIN_VALUES = 4  # bare small numbers count as measures when they take this many values
_SMALL_NUMBER = re.compile(r"^\d{1,2}$")
TABLE_MIN_SHARE = 0.15
TABLE_MAX_STRIDE = 8  # cells per row, at most, between two numeric cells
_NUMERIC_CELL = re.compile(r"^[-+\u2212]?[\d.,:/%$\u20ac\u00a3 ()-]*\d[\d.,:/%$\u20ac\u00a3 ()-]*$")
MAX_LIST = 60
SCHEDULE_MIN_ITEMS = 4  # dated items in a row that make a schedule
SCHEDULE_HEADING = 2  # lines of heading a schedule may have above its first item
_MONTH_NAME = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
               r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DATED_ITEM = re.compile(rf"^(?:{_MONTH_NAME}\s+\d{{1,2}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH_NAME})\b(?!,? \d{{4}})\S*\s+\S",
                         re.I)
GAP = 6.0  # chrome heavier than this between two segments splits them
HEADER_BOOST = 2.0  # a segment right under a dateline counts this many times
SHORT_DATELINE_WORDS = 10
DATELINE_MAX_WORDS = 20  # a dateline with its byline and "updated" time fits in this
BYLINES = True
BYLINE_MAX_WORDS = 12
_BYLINE = re.compile(r"^(?:by|von|por|par|door|przez)(?:\s|:|$)", re.I)
HEADER_REACH = 6  # how many blocks above a segment its dateline may be
HEADER_MAX_PROSE = 50  # a header caught at the body's top holds at most this many words of prose
DATED_SHARE = 0.3  # a dated segment above the anchor this heavy starts the body
DATED_REACH = 60  # ... if it starts at most this many blocks above the anchor
TAIL_GAP = 3  # a run of this many chrome blocks near the end of the body ...
TAIL_SHARE = 0.15  # ... cuts off a tail holding at most this share of the body's prose
TAIL_MAX_PARAGRAPHS = 2  # ... in at most this many paragraphs
EXTEND_RATIO = 2.0
MEASURED_MIN_ITEMS = 4  # a measured list holds at least this many lines with a counted quantity ...
MEASURED_MAX_GAP = 8  # ... at most this many lines apart
# A counted quantity: a number (or a vulgar fraction, or a range) and the lowercase unit or noun
# it counts, "1 cup", "½ cup", "4 oz.", "60–90 minutes", "2 soft-boiled eggs".
# Relative and clock times count nothing: a comment's "2 days ago at 07:52 am", "5 min read".
_WHEN = re.compile(r"\b(?:ago|\d{1,2}:\d{2})\b|\bmin(?:ute)?s? read\b", re.I)
_QUANTITY = re.compile(r"(?<![\w.,])(?:\d+(?:[.,]\d+)?|[\u00bc-\u00be\u2150-\u215e])(?:\s?[-\u2013]\s?\d+)?\s+[a-z]")
INSETS = True
INSET_MAX_BLOCKS = 16  # an inset box inside an article holds at most this many lines ...
INSET_SHARE = 0.2  # ... and the article goes on below it with at least this share of its prose  # a neighbour joins the body if it outweighs the gap this many times


def block_weight(block: Block) -> float:
    if block.caption:
        return 0.0  # a picture's label or credit: neither body nor a gap in it
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
    title case, or lines whose shape recurs page-wide, or with a furniture line among them (a
    sign-up form's lines are as plain as a list's)."""
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
        if (0 < i and j < n and blocks[i - 1].kind in SANDWICH and blocks[j].kind in SANDWICH
                and len(run) >= 2
                and sum(b.title_case for b in run) / len(run) < LIST_MAX_TITLE_CASE
                and not any(b.templated or b.glued or b.furniture for b in run)):
            for k in range(i, j):
                w[k] = LIST_WEIGHT
                blocks[k].kind = "list"
        elif COLON_LISTS and _introduces(blocks, i) and _colon_list_end(blocks, i) > i:
            # Prose that ends with a colon introduces what follows: the list is the body's.
            k = _colon_list_end(blocks, i)
            for m in range(i, k):
                if w[m] <= 0:
                    w[m] = LIST_WEIGHT
                    blocks[m].kind = "list"
            j = k
        elif TABLES and 0 < i and blocks[i - 1].kind in ("good", "near"):
            # (A table's header row of one-word cells may follow the colon: "Pos." "Team" ...)
            last = _table_end(run)
            if last is None:
                last = _schedule_end(run)
            if last is not None:
                for k in range(i, i + last + 1):
                    w[k] = LIST_WEIGHT
                    blocks[k].kind = "list"
        i = j


def _schedule_end(run: list[Block]) -> int | None:
    """If ``run`` starts with a schedule (perhaps under a heading line or two): items that each
    open with a day of a month, "June 9 – City @ Venue", the position of its last item."""
    k = 0
    while k < min(len(run), SCHEDULE_HEADING + 1) and not _DATED_ITEM.match(run[k].text):
        k += 1
    first = k
    while k < len(run) and _DATED_ITEM.match(run[k].text):
        k += 1
    return k - 1 if k - first >= SCHEDULE_MIN_ITEMS else None


def _short_introductions(blocks: list[Block], w: list[float]) -> None:
    """A short clause ending with a colon just under prose ("This post will discuss the
    following:", perhaps under a one-word heading) introduces a list as a longer one does: it
    and its items are the body's. Only a clause: dense in function words, not title case, no
    furniture ("Follow us:", "Read more:")."""
    for k in range(1, len(blocks) - 1):
        block = blocks[k]
        if not (block.kind == "short" and block.words >= INTRO_MIN_WORDS and block.text.endswith(":")
                and block.density >= INTRO_MIN_DENSITY and block.title_case < LIST_MAX_TITLE_CASE
                and not (block.furniture or block.templated or block.repeated)):
            continue
        if not any(b.kind in ("good", "near") for b in blocks[max(0, k - INTRO_REACH):k]):
            continue
        end = _colon_list_end(blocks, k + 1)
        if end > k + 1:
            for m in range(k, end):
                if w[m] <= 0:
                    w[m] = LIST_WEIGHT
                    blocks[m].kind = "list"


def _introduces(blocks: list[Block], i: int) -> bool:
    return 0 < i and blocks[i - 1].kind in ("good", "near") and blocks[i - 1].text.endswith(":")


def _colon_list_end(blocks: list[Block], i: int) -> int:
    """Where the list of items of two words or more under an introducing line ends."""
    k, n = i, len(blocks)
    while (k < n and k - i < MAX_LIST and blocks[k].words >= 2 and blocks[k].kind != "good"
           and not (blocks[k].templated or blocks[k].glued or blocks[k].repeated)):
        k += 1
    return k


def _measure_cell(text: str) -> bool:
    """A cell holding a measure (42%, 3.5, 1,204, 70-44, 2:16), not a bare small number, which
    is more often a gallery counter ("1 / 8") or a rank in a headline list."""
    return bool(_NUMERIC_CELL.match(text)) and not _SMALL_NUMBER.match(text)


def _measures(run: list[Block]) -> list[int]:
    """Positions of the cells holding a measure. A bare small number counts too when the run's
    small numbers vary, unless it counts up from the one before (1, 2, 3: the ranks of a
    headline list) or repeats it."""
    found, previous = [], None
    # (A gallery's counter, "1" "/" "8" under each picture, repeats two values: table columns vary.)
    varied = len({b.text for b in run if _SMALL_NUMBER.match(b.text)}) >= SMALL_MIN_VALUES
    for k, b in enumerate(run):
        if _SMALL_NUMBER.match(b.text):
            number = int(b.text)
            if previous is not None and number in (previous, previous + 1):
                previous = number
                continue
            previous = number
            if varied:
                found.append(k)
        elif _measure_cell(b.text):
            found.append(k)
    return found


def _regular_rows(measures: list[int]) -> bool:
    """Whether the measures are ``REGULAR_MIN_ROWS`` or more cells at one stride of three to
    ``TABLE_MAX_STRIDE`` lines: rows of three cells or more. (A shop's "for sale" box, a name
    and a price two by two, has the rhythm of a two-column table; tables that short are let go.)"""
    strides = {b - a for a, b in zip(measures, measures[1:], strict=False)}
    return (len(measures) >= REGULAR_MIN_ROWS and len(strides) == 1
            and REGULAR_MIN_STRIDE <= next(iter(strides)) <= TABLE_MAX_STRIDE)


def _table_end(run: list[Block]) -> int | None:
    """If ``run`` starts with a table laid out one cell a line (many cells bare numbers: scores,
    percentages, counts), the position of its last numeric cell plus the row's last cell."""
    measures = _measures(run)
    if measures[:1] and measures[0] <= 2 * TABLE_MAX_STRIDE and _regular_rows(measures):
        # A short table (three rows, one measure each, "74" "100%" per player) shows itself by
        # its rhythm: its measures fall at one stride, a row's length apart.
        return min(len(run) - 1, measures[-1] + 1)
    if len(measures) < TABLE_MIN_CELLS or measures[0] > 2 * TABLE_MAX_STRIDE:
        # (The table starts the run: at most a header row and a row label above its first number.)
        return None
    # The table is the stretch where numeric cells stay dense; it ends at the last one. Once
    # measures show it is a table, small numbers count as cells too (a rank, a count of wins).
    numeric = [k for k, b in enumerate(run) if k >= measures[0] and _NUMERIC_CELL.match(b.text)]
    last = numeric[0]
    for k in numeric[1:]:
        if k - last > TABLE_MAX_STRIDE:
            break
        last = k
    span = run[:last + 1]
    cells = sum(1 for k in numeric if k <= last)
    # (Row labels and numbers recur, so templated lines are expected here, unlike in menus.)
    if cells < TABLE_MIN_CELLS or cells < TABLE_MIN_SHARE * len(span):
        return None
    return min(len(run) - 1, last + 1)


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


def _inset(blocks: list[Block], gap_start: int, gap_end: int, other: float, anchor: float) -> bool:
    """Whether the chrome between the body and the prose beside it (``other``: its weight) is an
    inset ("Most read", a related-stories box) inside one article: a short box, no line of it
    repeated or templated (as a comment thread's "Reply" and timestamps are), and a good share
    of prose on the far side."""
    if not INSETS or gap_end - gap_start > INSET_MAX_BLOCKS or other < INSET_SHARE * anchor:
        return False
    return not any(b.repeated or b.templated for b in blocks[gap_start:gap_end])


def _under_dateline(blocks: list[Block], start: int) -> bool:
    for k in range(max(0, start - HEADER_REACH), start):
        if blocks[k].words <= DATELINE_MAX_WORDS and parse_dateline(blocks[k].text):
            return True
    return False


def _timestamp(block: Block) -> bool:
    return block.words <= TEMPLATE_MAX_WORDS and bool(_WHEN.search(block.text))


def _counts(block: Block) -> bool:
    """A list line that counts something ("1 cup strawberries, 8 oz. almond milk"), written in
    lowercase words: not a product or headline line (title case), not a paragraph of prose."""
    return (block.kind != "good" and block.title_case < LIST_MAX_TITLE_CASE
            and not (block.glued or block.furniture) and bool(_QUANTITY.search(block.text)))


def _measured_lists(blocks: list[Block], w: list[float]) -> None:
    """A list under a prose paragraph whose lines keep counting quantities (a meal plan, a
    recipe's ingredients, a kit list) is the body's, however many short headings it has between
    its items (and those repeat, meal after meal): the lines from the paragraph to the last
    counting line, each at most a few lines from the one before, with no time among them.
    Several of them must be lines of their own, not per-item furniture recurring with its digits
    changed; menus and headline lists count nothing in lowercase."""
    n, i = len(blocks), 0
    while i < n:
        if blocks[i].kind not in ("good", "near"):
            i += 1
            continue
        own: set[str] = set()
        last, k = i, i + 1
        # (A time, "2 days ago at 07:52 am", ends it: comments and teasers carry one, list items do not.)
        while k < n and k - last <= MEASURED_MAX_GAP and not _timestamp(blocks[k]):
            if _counts(blocks[k]):
                last = k
                if not blocks[k].templated:
                    own.add(blocks[k].text)
            k += 1
        if len(own) >= MEASURED_MIN_ITEMS:
            for m in range(i + 1, last + 1):
                if w[m] <= 0 and not blocks[m].furniture:
                    w[m] = LIST_WEIGHT
                    blocks[m].kind = "list"
            i = last + 1
        else:
            i += 1


def find_body(blocks: list[Block]) -> tuple[int, int]:
    """[start, end) positions in ``blocks`` of the body."""
    w = weights(blocks)
    _measured_lists(blocks, w)
    _short_introductions(blocks, w)
    _bridge_lists(blocks, w)
    segments = _segments(w)
    if not segments:
        return 0, 0
    scores = [total * (HEADER_BOOST if _under_dateline(blocks, s) else 1.0) for s, _, total in segments]
    anchor = max(range(len(segments)), key=lambda k: scores[k])
    start, end, _ = segments[anchor]
    dated = [s for s, _, total in segments[:anchor]
             if _under_dateline(blocks, s) and total >= DATED_SHARE * segments[anchor][2]
             and start - s <= DATED_REACH]
    if DATED_SHARE < 1 and dated and not _under_dateline(blocks, start):
        # The article starts under its dateline; a gallery or inset between there and the
        # heaviest segment is inside the article, not above it.
        start = dated[0]
    for k in range(anchor + 1, len(segments)):  # grow downwards
        s, e, total = segments[k]
        gap = -sum(w[end:s])
        if total < EXTEND_RATIO * gap and not _inset(blocks, end, s, total, segments[anchor][2]):
            break
        end = e
    for k in range(anchor - 1, -1, -1):  # and upwards
        s, e, total = segments[k]
        if s >= start:
            continue  # (already inside: the body starts at a dated segment further up)
        gap = -sum(w[e:start])
        if total < EXTEND_RATIO * gap and not _inset(blocks, e, start, total, segments[anchor][2]):
            break
        start = s
    return start, _trim_tail(blocks, w, start, end)


def _trim_tail(blocks: list[Block], w: list[float], start: int, end: int) -> int:
    """The body's end without a small tail cut off by a run of chrome: an author's bio, the
    site's "about" paragraph, a promotion, under the share bar or the tags that end the article."""
    total = sum(x for x in w[start:end] if x > 0)
    k, run = end - 1, 0
    tail = 0.0
    while k > start:
        if w[k] > 0:
            if run >= TAIL_GAP:
                break
            tail += w[k]
            run = 0
        elif not blocks[k].repeated:
            # (Repeated lines, a gallery's caption under each picture, do not end an article.)
            run += 1
        k -= 1
    if run >= TAIL_GAP and k > start and 0 < tail <= TAIL_SHARE * total:
        tail_blocks = [b for b in blocks[k + 1:end] if b.kind == "good"]
        if len(tail_blocks) <= TAIL_MAX_PARAGRAPHS:
            return k + 1
    return end


def after_header(blocks: list[Block], start: int, end: int) -> int:
    """Where the body starts once header lines caught at its top are left out: a dateline
    among the first few blocks (a caption or kicker above it let the run start too early)
    marks the end of the header."""
    prose_above = 0  # words of prose between the run's start and block k
    limit_k = min(end, start + HEADER_REACH)
    for k in range(start, limit_k):
        if blocks[k].kind == "good":
            prose_above += blocks[k].words
            if prose_above > HEADER_MAX_PROSE:
                # A date under paragraphs of prose is the body's (a caption's date), not the
                # article's dateline: the header ends above the first paragraphs.
                limit_k = k
                break
    for k in range(limit_k - 1, start - 1, -1):
        block = blocks[k]
        # (A dateline may end in "a.m."; a longer line ending like a sentence is body text.)
        limit = SHORT_DATELINE_WORDS if block.sentence else DATELINE_MAX_WORDS
        if block.words <= limit and parse_dateline(block.text):
            return k + 1
        if BYLINES and block.words <= BYLINE_MAX_WORDS and not block.sentence and _BYLINE.match(block.text):
            # "By Jane Doe", or a lone "By" with the name on the next line.
            return k + 2 if block.words == 1 and k + 1 < end else k + 1
    return start
