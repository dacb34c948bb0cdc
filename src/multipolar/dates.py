"""Dates in the text, absolute or relative, resolved against the article's publication date.

Results are ISO strings as precise as the text: ``2025-01-17``, ``2024-09`` or ``2024``.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}

_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}\s*,?\s*(\d{{4}})\b", re.I)
_MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*(\d{{4}})\b", re.I)
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*,?\s*\d{{4}})", re.I)
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b(?!\s*,?\s*\d{{4}})", re.I)
_MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+(?:of\s+)?(\d{{4}})\b", re.I)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_REL_MONTH = re.compile(rf"\b(?:(last|this|next|in|since|on|by|until|early|late|mid-?)\s+){_MONTH}\b", re.I)
_WEEKDAY = re.compile(r"\b(?:(last|this|next|on)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
_RELATIVE_DAY = re.compile(r"\b(yesterday|today|tomorrow)\b", re.I)
_YEAR = re.compile(r"\b(?:in|since|by|until|of)\s+((?:19|20)\d{2})\b")
_LAST_YEAR = re.compile(r"\b(last|next|this) (year|month|week)\b", re.I)


def parse_published(value: str | None) -> date | None:
    """The calendar day of an ISO ``published`` value, or None."""
    if not value:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _valid(y: int, mo: int, d: int) -> str | None:
    try:
        return date(y, mo, d).isoformat()
    except ValueError:
        return None


def _month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")[:4] if word.lower().startswith("sept") else word.lower().rstrip(".")[:3]]


# "the worst fighting since 2000", "his first visit since March": the date after a superlative's
# "since" is the baseline of a comparison, not when anything in the sentence happened.
_COMPARED_SINCE = re.compile(
    r"\b(?:first|worst|best|largest|biggest|deadliest|bloodiest|heaviest|fiercest|highest|lowest|"
    r"strongest|weakest|most\s+\w+|least\s+\w+)\b[^.;:]{0,80}?\b(since\s+(?:\S+\s+){0,2}?"
    rf"(?:(?:19|20)\d{{2}}s?|{_MONTH}|monday|tuesday|wednesday|thursday|friday|saturday|sunday|year|month|week)\b)",
    re.I)


def resolve_date(text: str, published: str | date | None, future: bool = False) -> str | None:
    """The first date mentioned in ``text``, resolved against ``published``; None if none.

    ``future``: the text speaks of what is to come ("will travel to Tokyo on Thursday"), so a bare
    weekday or month is the next one rather than the last one."""
    ref = published if isinstance(published, date) else parse_published(published)
    text = _COMPARED_SINCE.sub(lambda m: m[0][:m.start(1) - m.start(0)], text)
    found = _resolve_absolute(text, ref)
    if found:
        return found
    return _resolve_relative(text, ref, future)


def _resolve_absolute(text: str, ref: date | None) -> str | None:
    if m := _ISO.search(text):
        return _valid(int(m[1]), int(m[2]), int(m[3]))
    if m := _DAY_MONTH_YEAR.search(text):
        return _valid(int(m[3]), _month_number(m[2]), int(m[1]))
    if m := _MONTH_DAY_YEAR.search(text):
        return _valid(int(m[3]), _month_number(m[1]), int(m[2]))
    if m := _MONTH_YEAR.search(text):
        return f"{int(m[2]):04d}-{_month_number(m[1]):02d}"
    return None


def _resolve_relative(text: str, ref: date | None, future: bool = False) -> str | None:
    if ref is None:
        if m := _YEAR.search(text):
            return m[1]
        return None
    if m := _RELATIVE_DAY.search(text):
        delta = {"yesterday": -1, "today": 0, "tomorrow": 1}[m[1].lower()]
        return (ref + timedelta(days=delta)).isoformat()
    for pattern, day_first in ((_MONTH_DAY, False), (_DAY_MONTH, True)):
        if m := pattern.search(text):
            month, day = (_month_number(m[2]), int(m[1])) if day_first else (_month_number(m[1]), int(m[2]))
            if future:
                year = ref.year if (month, day) >= (ref.month, ref.day) else ref.year + 1
            else:
                year = ref.year if (month, day) <= (ref.month, ref.day) else ref.year - 1
            return _valid(year, month, day)
    if m := _WEEKDAY.search(text):
        qualifier = (m[1] or "").lower()
        target = WEEKDAYS[m[2].lower()]
        back = (ref.weekday() - target) % 7
        if qualifier == "next":
            return (ref + timedelta(days=(target - ref.weekday()) % 7 or 7)).isoformat()
        if future and qualifier != "last":  # "will travel to Tokyo on Thursday": the coming one
            return (ref + timedelta(days=(target - ref.weekday()) % 7)).isoformat()
        # News uses the bare weekday for the past week; "on Friday" in a Saturday paper is yesterday.
        if back == 0 and qualifier == "last":
            back = 7
        return (ref - timedelta(days=back)).isoformat()
    if m := _REL_MONTH.search(text):
        qualifier, month = m[1].lower(), _month_number(m[2])
        if qualifier == "next":
            year = ref.year + 1 if month <= ref.month else ref.year
        elif qualifier == "this":
            year = ref.year
        elif qualifier == "last":
            year = ref.year - 1 if month >= ref.month else ref.year
        elif future and qualifier != "since":
            year = ref.year if month >= ref.month else ref.year + 1
        else:
            year = ref.year if month <= ref.month else ref.year - 1
        return f"{year:04d}-{month:02d}"
    if m := _LAST_YEAR.search(text):
        which, unit = m[1].lower(), m[2].lower()
        step = {"last": -1, "this": 0, "next": 1}[which]
        if unit == "year":
            return str(ref.year + step)
        if unit == "month":
            month_index = ref.year * 12 + ref.month - 1 + step
            return f"{month_index // 12:04d}-{month_index % 12 + 1:02d}"
    if m := _YEAR.search(text):
        return m[1]
    return None
