"""Small pure helpers of the store: actor code -> country unit, dates -> days, CAMEO root -> quad class."""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from ..actors import code_country

_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


@lru_cache(maxsize=65536)
def country(code: str | None) -> str | None:
    return code_country(code) if code else None


@lru_cache(maxsize=65536)
def full_day(value: str | None) -> str | None:
    """An ISO date, month or year as a full day (the first day of a month or year)."""
    if not value:
        return None
    m = _DATE.match(value)
    if not m:
        return None
    y, mo, d = m.group(1), m.group(2) or "01", m.group(3) or "01"
    try:
        return date(int(y), int(mo), int(d)).isoformat()
    except ValueError:
        return None


def quad_class(root: str) -> int:
    """GDELT QuadClass of a CAMEO root: 1 verbal / 2 material cooperation, 3 verbal / 4 material conflict."""
    r = int(root) if root.isdigit() else 0
    return 1 if 1 <= r <= 5 else 2 if 6 <= r <= 8 else 3 if 9 <= r <= 14 else 4 if 15 <= r <= 20 else 0


QUAD = {f"{i:02d}": quad_class(f"{i:02d}") for i in range(100)}


@lru_cache(maxsize=65536)
def week_of(day: str) -> str | None:
    """The Monday that starts the week of an ISO day (``2025-01-15`` -> ``2025-01-13``); None if
    ``day`` is not a date. Weeks start on Monday (ISO 8601), as in ``actor_weeks``/``dyad_weeks``."""
    try:
        d = date.fromisoformat(day[:10])
    except ValueError:
        return None
    return (d - timedelta(days=d.weekday())).isoformat()


NO_DAY: tuple[None, str, int, None] = (None, "", 0, None)


@lru_cache(maxsize=65536)
def day_facts(value: str | None) -> tuple[str, str, int, str] | None:
    """What the store keys on a date by, in one lookup (the ingest asks once per event): its full
    day (:func:`full_day`), month, proleptic ordinal and week (:func:`week_of`); None if ``value``
    is not a date. ``NO_DAY`` stands for an undated event."""
    day = full_day(value)
    if day is None:
        return None
    return day, day[:7], date.fromisoformat(day).toordinal(), week_of(day)
