"""Datelines in a text scrape: a date, with its time when the page gives one, as ISO 8601.

English month names, the month names of a few other languages (data/text/month_names.tsv),
and numeric forms (ISO, day.month.year, day/month/year, day-month-year, year/month/day)
are understood; the result is as precise as the line: ``2025-01-18T00:42:00`` or
``2025-01-18``.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache
from importlib import resources

from ..dates import MONTHS

_MONTH = (r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?")
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+(\d{{4}})\b", re.I)
# (The year may run into the time when the page's inline elements lose their space: "Nov 19 20197:05 AM".)
_MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?:\b|(?=\d{{1,2}}:\d\d))", re.I)
_NUMERIC_DMY = re.compile(r"\b(\d{1,2})([./-])(\d{1,2})\2(\d{4})\b")
_CJK_YMD = re.compile(r"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]")
_NUMERIC_YMD = re.compile(r"\b(\d{4})([./])(\d{1,2})\2(\d{1,2})\b")
_TIME = re.compile(r"\b(\d{1,2})[:h.](\d{2})(?::(\d{2}))?\s*([ap])?\.?\s?(m\b\.?)?", re.I)


@lru_cache(maxsize=1)
def _foreign_months() -> dict[str, int]:
    """Month names of other languages (data/text/month_names.tsv), lowercase -> number."""
    text = resources.files("multipolar").joinpath("data", "text", "month_names.tsv").read_text(encoding="utf-8")
    months: dict[str, int] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            _, name, number = line.split("\t")
            months[name] = int(number)
    return months


@lru_cache(maxsize=1)
def _foreign_pattern() -> re.Pattern[str]:
    names = "|".join(sorted((re.escape(n) for n in _foreign_months()), key=len, reverse=True))
    # "19. November 2019", "12 de noviembre de 2019", "19 novembre 2019", "19 ноября 2019 г."
    return re.compile(rf"(?<!\d)(\d{{1,2}})\.?\s+(?:de\s+)?({names})\.?,?\s+(?:de\s+)?(\d{{4}})(?!\d)", re.I)


def _month(word: str) -> int:
    word = word.lower().rstrip(".")
    return MONTHS.get(word[:4] if word.startswith("sept") else word[:3], 0)


def _day_of(text: str) -> tuple[date, tuple[int, int]] | None:
    """The first calendar date in ``text`` and the span it covers."""
    found: list[tuple[int, date, tuple[int, int]]] = []
    for pattern, order in ((_ISO, "ymd"), (_DAY_MONTH_YEAR, "dMy"), (_MONTH_DAY_YEAR, "Mdy"),
                           (_NUMERIC_YMD, "y_md"), (_NUMERIC_DMY, "d_my"), (_CJK_YMD, "ymd")):
        m = pattern.search(text)
        if not m:
            continue
        g = m.groups()
        try:
            if order == "ymd":
                day = date(int(g[0]), int(g[1]), int(g[2]))
            elif order == "dMy":
                day = date(int(g[2]), _month(g[1]), int(g[0]))
            elif order == "Mdy":
                day = date(int(g[2]), _month(g[0]), int(g[1]))
            elif order == "y_md":
                day = date(int(g[0]), int(g[2]), int(g[3]))
            else:
                first, second = int(g[0]), int(g[2])
                # Day first, as most of the world writes it, unless that cannot be a month/day.
                day = date(int(g[3]), first, second) if second > 12 else date(int(g[3]), second, first)
        except ValueError:
            continue
        if 1990 <= day.year <= 2100:
            found.append((m.start(), day, m.span()))
    m = _foreign_pattern().search(text)
    if m:
        try:
            day = date(int(m[3]), _foreign_months()[m[2].lower()], int(m[1]))
            found.append((m.start(), day, m.span()))
        except ValueError:
            pass
    if not found:
        return None
    _, day, span = min(found, key=lambda x: x[0])
    return day, span


def parse_dateline(text: str) -> str | None:
    """ISO 8601 of the date (and time, if given) in ``text``; None when it holds no date."""
    found = _day_of(text)
    if found is None:
        return None
    day, (start, end) = found
    rest = text[:start] + " " + text[end:]
    m = _ISO.match(text, start)
    if m and m.group(4):
        return datetime(day.year, day.month, day.day, int(m[4]), int(m[5]), int(m[6] or 0)).isoformat()
    for m in _TIME.finditer(rest):
        hour, minute, second = int(m[1]), int(m[2]), int(m[3] or 0)
        meridiem = (m[4] or "").lower()
        if meridiem == "p" and hour < 12:
            hour += 12
        elif meridiem == "a" and hour == 12:
            hour = 0
        if hour < 24 and minute < 60 and second < 60:
            return datetime(day.year, day.month, day.day, hour, minute, second).isoformat()
    return day.isoformat()


# A page copy may start with the date it was stored under, before the page's own text:
# " date 2024-12-05 The minister said...". A label word at most, then an ISO date, at the very
# start of the text.
_LEADING_MARKER = re.compile(r"^[ \t]*(?:[A-Za-z]{1,10}:?[ \t]+)?(\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?Z?)?)(?=\s|$)[ \t]*")


def leading_date_marker(text: str) -> tuple[str | None, str]:
    """The ISO date a text opens with (a stored copy's date marker) and the text without it;
    (None, text) when the text does not open with one."""
    m = _LEADING_MARKER.match(text)
    if not m:
        return None, text
    iso = parse_dateline(m[1])
    if iso is None:
        return None, text
    return iso, text[m.end():]


# A wire story's opening: the place in capitals, perhaps its state or country, the agency in
# brackets and a dash, "SAN FRANCISCO (AP) —", "KYIV, Ukraine (Reuters) -".
_WIRE_OPENING = re.compile(r"^[A-Z][A-Z.'\u2019 -]{2,}(?:, [A-Z][\w.' -]+)? \([A-Za-z .]{2,20}\) ?[\u2014\u2013-]")


def wire_opening(text: str) -> bool:
    """Whether the paragraph opens with a wire dateline: the article's first paragraph."""
    return bool(_WIRE_OPENING.match(text))
