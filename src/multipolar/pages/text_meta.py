"""Title, standfirst, byline and dateline: the short lines just above a text scrape's body.

Above the body a news page stacks, in some order, a headline, a standfirst, a byline, a
dateline and perhaps a picture caption and credit. Walking up from the body's first line we
find the dateline (the date closest to the body, so a masthead date further up loses), the
byline beside it, and the headline above them; a second, less title-like line between the
headline and the byline is the standfirst.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .text_blocks import Block
from .text_dates import parse_dateline
from .text_lang import data_lines
from .text_tail import about_heading_pattern

WINDOW = 14  # how many lines above the body may belong to its header
FAR_WINDOW = 60  # how far above the body a timestamp may stand when none is nearer
KICKER_MAX_WORDS = 3
TITLE_MATCH_MIN_WORDS = 4
PAGE_TITLE_REACH = 200  # how far above the body a line the page title names may stand
TITLE_MATCH_SHARE = 0.8
# "By" and its equivalents in a few languages whose pages we meet (German, Spanish and
# Portuguese, French, Italian, Dutch, Scandinavian, Polish).
_BY = re.compile(r"^(?:by|written by|words by|story by|von|por|par|di|door|av|af|przez)\s+(.+)$", re.I)
_NAME_WORD = re.compile(r"^(?:[A-Z\u00c0-\u024f][\w'\u2019.-]*|[a-z]{1,3}|&)$")
_DIGIT = re.compile(r"\d")
# Punctuation at a field's edges (bullets, separators), but not quotation marks, brackets or a
# question mark that belong to the headline's own words.
_EDGE = re.compile("^[^\\w\"'\u2018\u201c\u00ab(\\[\u00bf\u00a1]+|[^\\w\"'\u2019\u201d\u00bb)\\]?!]+$")


@dataclass
class Header:
    title: str | None = None
    subtitle: str | None = None
    byline: str | None = None
    published: str | None = None
    used: tuple[int, ...] = ()  # indices of the blocks that became these fields
    title_at: int | None = None  # index of the title's block


def _clean(text: str) -> str:
    return _EDGE.sub("", text).strip() if _EDGE.sub("", text).strip() else text.strip()


def _name_like(text: str) -> bool:
    """A short run of capitalised words with no digits: a person's or a desk's name."""
    words = text.replace(",", " ").split()
    if not 1 <= len(words) <= 6 or _DIGIT.search(text) or text.rstrip()[-1:] in ".!?:":
        return False
    capitals = sum(1 for w in words if w[0].isupper())
    return capitals >= max(1, len(words) - 1) and all(_NAME_WORD.match(w) for w in words)


# Several reporters, each perhaps with where they filed from: "Jane Doe in Lima and Tom Roe in
# Quito", "Jane Doe, Tom Roe and Ann Poe". Each name is two or three capitalised words.
_CAP = r"[A-Z\u00c0-\u024f][\w'\u2019.-]+"
_REPORTER = rf"{_CAP}(?:\s+{_CAP}){{1,2}}(?:\s+in\s+{_CAP}(?:\s+{_CAP})?)?"
_REPORTERS = re.compile(rf"^{_REPORTER}(?:(?:\s*,\s*|\s+and\s+|\s*&\s*){_REPORTER})*$")


def _reporters_like(text: str) -> bool:
    return len(text.split()) <= 16 and not _DIGIT.search(text) and bool(_REPORTERS.match(text))


# Header labels that stand beside a byline or a date but name nobody.
_LABEL_ONLY = re.compile(r"^(?:(?:published|updated|posted|last|by|on|at)\b\W*)+$", re.I)


def _byline_of(text: str) -> str | None:
    if _LABEL_ONLY.match(text):
        return None
    m = _BY.match(text)
    if m and len(m[1].split()) <= 10:
        return _clean(m[1])
    return _clean(text) if _name_like(text) else None


def _desk_like(text: str) -> bool:
    """A short label such as "Express Desk" or "Rural affairs desk": a byline without a person."""
    words = text.split()
    return (1 <= len(words) <= 5 and not _DIGIT.search(text) and text[:1].isupper()
            and text.rstrip()[-1:] not in ".!?:|")


def _byline_next_to_date(blocks: list[Block], j: int, below: bool) -> str | None:
    """The byline on line ``j``, beside the dateline: "By ..." always; a name or desk label
    when it cannot be the headline (a headline stands above it, or it follows the date)."""
    text = blocks[j].text
    if blocks[j].furniture or _LABEL_ONLY.match(text):
        return None  # a share button, "Posted by", "Updated": not a name
    if _BY.match(text):
        return _byline_of(text)
    if not (_name_like(text) or _desk_like(text) or _reporters_like(text)):
        return None
    if below:
        # (One word under the date is more often a share button, "Tweet", than a byline.)
        return _clean(text) if len(text.split()) >= 2 else None
    if len(text.split()) <= 3 and j > 0 and _headline_like(blocks[j - 1]):
        return _clean(text)
    if j > 0 and _headline_like(blocks[j - 1]) and blocks[j - 1].words >= 4:
        return _clean(text)
    return None


def _date_line(block: Block) -> str | None:
    return parse_dateline(block.text) if block.words <= 20 else None


def _headline_like(block: Block) -> bool:
    """Three to thirty words, not ending like a sentence or an introduction (a colon), and not
    page furniture (a skip link, a picture credit)."""
    return 3 <= block.words <= 30 and not block.text.endswith((".", ":")) and not block.furniture


_COUNTER = re.compile(r"\b\d+\s*(?:of|/)\s*\d+\b", re.I)
# Menu items run together ("HomeNewsBusinessMarkets"): a breadcrumb, not a headline.
_GLUED_MENU = re.compile(r"[a-z]{2,}[A-Z][a-z]+[A-Z][a-z]+[A-Z]")
# A time of day: "Today 12:01 AM", "Updated Nov 19, 9:41 AM" are timestamps, however written.
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\b\.?|h\b|uhr\b)", re.I)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[A-Za-z]{2,}")
_BRACKETED = re.compile(r"^[(\[].*[)\]]$")
_TITLE_SEPARATOR = re.compile(r"\s+[|\u2013\u2014-]\s+|\s+::\s+")


def _not_a_title(text: str) -> bool:
    """Header lines shaped like anything but a headline: a byline ("By ...", "Jane Doe and Tom
    Roe", "Jane Doe | Staff Writer"), an about-the-author heading, an e-mail address, a credit
    in brackets, a gallery counter ("Image 3 of 5"), a timestamp, a glued breadcrumb."""
    parts = _TITLE_SEPARATOR.split(text)
    return bool(_BY.match(text) or (_reporters_like(text) and re.search(r",|\band\b|&", text))
                or (len(parts) > 1 and _name_like(parts[0]) and 2 <= len(parts[0].split()) <= 3)
                or about_heading_pattern().match(text)
                or _EMAIL.search(text) or _BRACKETED.match(text)
                or (len(text.split()) <= 5 and _COUNTER.search(text)) or _GLUED_MENU.search(text)
                or (len(text.split()) <= 12 and _CLOCK.search(text)))


def _title_words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", text.lower()) if len(w) > 2}


def _repeats_page_title(blocks: list[Block], i: int) -> bool:
    """Whether line ``i`` is the headline the page's first line names ("Headline | Site")."""
    if i == 0 or not blocks or blocks[i].words < TITLE_MATCH_MIN_WORDS:
        return False
    page_title = max(_TITLE_SEPARATOR.split(blocks[0].text), key=len)
    ours, theirs = _title_words(blocks[i].text), _title_words(page_title)
    return bool(ours and theirs) and len(ours & theirs) >= TITLE_MATCH_SHARE * max(len(ours), len(theirs))


def find_header(blocks: list[Block], body_start: int) -> Header:
    """Header fields from the blocks above ``body_start`` (an index into ``blocks``)."""
    header = Header()
    used: list[int] = []
    first = max(0, body_start - WINDOW)
    above = list(range(body_start - 1, first - 1, -1))  # nearest the body first
    date_at = None
    for i in above:
        iso = _date_line(blocks[i])
        if iso:
            header.published, date_at = iso, i
            used.append(i)
            break
    if date_at is not None:
        # A byline on the dateline itself ("Reuters November 18, 2019") or just beside it.
        text = blocks[date_at].text
        before_date = re.split(r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b",
                               text, maxsplit=1, flags=re.I)[0]
        # (Whatever stands before "Updated" qualifies it, "Last updated": the name comes after.)
        before_date = re.split(r"\b(?:published|updated|posted)\b", before_date, flags=re.I)[-1]
        before_date = re.sub(r"^\s*[:,]|\b(?:on|at|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*)\b\s*[:,]?",
                             " ", before_date, flags=re.I)
        header.byline = _byline_of(" ".join(before_date.split())) if before_date.strip() else None
        for j in (date_at - 1, date_at + 1):
            if header.byline or not first <= j < body_start:
                continue
            byline = _byline_next_to_date(blocks, j, below=j > date_at)
            if byline:
                header.byline = byline
                used.append(j)
    # The headline sits above the byline/dateline when there is one, else right above the body.
    anchor = min(used) if used else body_start
    if not used:
        for i in above:
            byline = _byline_of(blocks[i].text)
            if byline and _BY.match(blocks[i].text):
                header.byline = byline
                used.append(i)
                anchor = i
                break
    # (A date line above the headline is the masthead's date, not a headline.)
    candidates = [i for i in range(anchor - 1, first - 1, -1)
                  if _headline_like(blocks[i]) and not _date_line(blocks[i]) and not _not_a_title(blocks[i].text)]
    if not header.byline:
        for i in range(anchor - 1, first - 1, -1):
            if _BY.match(blocks[i].text) and _byline_of(blocks[i].text):
                header.byline = _byline_of(blocks[i].text)
                used.append(i)
                break
    # A headline says something: when the window holds lines of four words or more, the
    # shorter ones ("Back to Gallery", a kicker, a name) are not the title.
    longer = [i for i in candidates if blocks[i].words > KICKER_MAX_WORDS]
    if longer and blocks[candidates[0]].words <= KICKER_MAX_WORDS:
        candidates = longer
    # A headline may stand under its dateline, right above the body, when nothing above the
    # dateline looks like one.
    between = [i for i in range(body_start - 1, anchor, -1)
               if i not in used and _top_headline(blocks[i]) and not _not_a_title(blocks[i].text)]
    if between and not any(blocks[i].words > KICKER_MAX_WORDS for i in candidates):
        candidates = between[:1]
    # The page's own title (its first line, "Headline | Site") names the headline among them.
    titled = [i for i in candidates if _repeats_page_title(blocks, i)]
    if not titled and PAGE_TITLE_REACH:
        # (Menus may stand between the headline and the body's first line: look further up.)
        titled = [i for i in range(first - 1, max(0, anchor - PAGE_TITLE_REACH) - 1, -1)
                  if _headline_like(blocks[i]) and _repeats_page_title(blocks, i)]
    if titled and [titled[0]] != candidates[:1]:
        candidates = [titled[0]]
    if not candidates and anchor < body_start and _short_headline(blocks, anchor - 1):
        candidates = [anchor - 1]  # "Ceasefire collapses" over the byline or dateline
    if candidates:
        nearest = candidates[0]
        upper = candidates[1] if len(candidates) > 1 else None
        # Two headline-shaped lines in a row: the headline and its standfirst, which is the
        # longer or the less title-cased of the two.
        # (A line of three words or fewer above the headline is its kicker, "BLACK DEATH FEARS".)
        if (upper is not None and upper == nearest - 1 and blocks[nearest].words >= 6
                and blocks[upper].words > KICKER_MAX_WORDS
                and (blocks[upper].title_case > blocks[nearest].title_case
                     or blocks[upper].words < blocks[nearest].words)):
            header.title, header.subtitle = _clean(blocks[upper].text), _clean(blocks[nearest].text)
            header.title_at = upper
            used += [upper, nearest]
        else:
            header.title, header.title_at = _clean(blocks[nearest].text), nearest
            used.append(nearest)
    if header.published is None:
        # Further up, a date with its time is the article's timestamp (a masthead shows a day).
        for i in range(first - 1, max(0, body_start - FAR_WINDOW) - 1, -1):
            iso = _date_line(blocks[i])
            if iso and "T" in iso:
                header.published = iso
                break
    header.used = tuple(sorted(used))
    return header


SHORT_TITLE_WORDS = 2


@lru_cache(maxsize=1)
def _section_words() -> frozenset[str]:
    return frozenset(w.strip() for w in data_lines("section_words_en.txt"))


def _short_headline(blocks: list[Block], i: int) -> bool:
    """A two-word headline ("Ceasefire collapses") as the page's first line, right above its
    byline or dateline: written in sentence case (a site name or menu item is title-cased:
    "Al Jazeera", "World News") and not made only of section-label words ("World news", "Top
    stories", "Sign in": data/text/section_words_en.txt)."""
    if i != 0 or blocks[i].furniture or _date_line(blocks[i]) or _not_a_title(blocks[i].text):
        return False
    words = blocks[i].text.split()
    if len(words) != SHORT_TITLE_WORDS or not words[0][:1].isupper() or not all(
            w[:1].islower() for w in words[1:]):
        return False
    if _STATEMENT_END.search(blocks[i].text):
        return False
    labels = _section_words()
    return not all(re.sub(r"[^\w'&]", "", w.lower()) in labels for w in words)


TOP_TITLE_MIN_WORDS = 6  # a headline says something; a shorter line at the top is a kicker or a label
TOP_REACH = 2  # the headline may stand below one block of other matter (a teaser, a caption)
_LABELLED = re.compile(r"^\w+(?: \w+)?:\s")


_STATEMENT_END = re.compile(r"[.:;\u3002][\"'\u201d\u2019\u00bb)\]]*$")


def _top_headline(block: Block) -> bool:
    # (A headline may ask or exclaim; it does not end with a full stop, colon or semicolon.)
    return (_headline_like(block) and not _STATEMENT_END.search(block.text)
            and block.words >= TOP_TITLE_MIN_WORDS and block.kind != "good")


def _prose(block: Block) -> bool:
    return block.kind in ("good", "near")


def title_at_body_top(body: list[Block]) -> Header:
    """When nothing above the body was a headline, the page may start with it: a headline-shaped
    line among the body's first blocks, followed by prose (perhaps after a standfirst), is the
    title. A page that opens with prose has no title: none is made from its first sentence."""
    header = Header()
    for k in range(min(TOP_REACH, len(body))):
        if not _top_headline(body[k]) or k > 0 and _LABELLED.match(body[k].text):
            # (Below other matter, "Source: ..." or "Note: ..." is a labelled line of the body.)
            continue
        below = body[k + 1:k + 3]
        if below and _prose(below[0]) and not _top_headline(below[0]):
            header.title, header.used = _clean(body[k].text), (body[k].index,)
        elif len(below) == 2 and _top_headline(below[0]) and _prose(below[1]):
            header.title, header.subtitle = _clean(body[k].text), _clean(below[0].text)
            header.used = (body[k].index, below[0].index)
        header.title_at = body[k].index if header.title else None
        break
    return header


def standfirst_at_body_top(body: list[Block], title_at: int) -> Block | None:
    """The standfirst left at the top of the body: a headline-shaped line right under the
    title, with prose under it."""
    # (Not a question: under a title, that is the article's opening line.)
    if (len(body) >= 2 and body[0].index == title_at + 1 and _top_headline(body[0])
            and not body[0].sentence and _prose(body[1])):
        return body[0]
    return None
