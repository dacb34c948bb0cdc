"""Parsing and checking of query parameters shared by the API and the pages.

FastAPI's own validation answers 422 for wrong types and ranges; these helpers add
the checks it cannot express (ISO dates, actor codes, dyads) with the same 422 shape.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from .errors import ApiError

ACTOR_CODE = re.compile(r"^[A-Z]{3}[A-Z0-9]{0,12}$")
PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def actor_code(value: str | None, param: str = "actor") -> str | None:
    """An actor or country code (``RUS``, ``IRNGOV``, ``IGONAT``); upper-cased."""
    if value is None or value == "":
        return None
    code = value.strip().upper()
    if not ACTOR_CODE.match(code):
        raise ApiError(422, f"{param} must be a CAMEO actor code such as RUS or IRNGOV, got {value!r}",
                       detail=[{"param": param, "message": "not an actor code"}])
    return code


def dyad(value: str | None) -> tuple[str, str] | None:
    """``RUS,IRN`` (or ``RUS-IRN``) -> ("RUS", "IRN")."""
    if not value:
        return None
    parts = [p for p in re.split(r"[,\-\s]+", value.strip()) if p]
    if len(parts) != 2:
        raise ApiError(422, f"dyad must be two actor codes such as RUS,IRN, got {value!r}",
                       detail=[{"param": "dyad", "message": "need exactly two codes"}])
    a, b = (actor_code(p, "dyad") for p in parts)
    return a, b  # type: ignore[return-value]


def iso_date(value: str | None, param: str) -> str | None:
    """A year, month or day (``2025``, ``2025-01``, ``2025-01-17``); checked, returned as given."""
    if value is None or value == "":
        return None
    value = value.strip()
    ok = bool(PARTIAL_DATE.match(value))
    if ok and len(value) == 10:
        try:
            date.fromisoformat(value)
        except ValueError:
            ok = False
    if ok and len(value) == 7:
        ok = 1 <= int(value[5:7]) <= 12
    if not ok:
        raise ApiError(422, f"{param} must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), got {value!r}",
                       detail=[{"param": param, "message": "not an ISO date"}])
    return value


def choice(value: str | None, allowed: tuple[str, ...], param: str) -> str | None:
    if value is None or value == "":
        return None
    v = value.strip().upper() if allowed and allowed[0].isupper() else value.strip()
    if v not in allowed:
        raise ApiError(422, f"{param} must be one of {', '.join(allowed)}, got {value!r}",
                       detail=[{"param": param, "message": "not an allowed value"}])
    return v


@dataclass
class PageOf:
    """One page of a list: ``items`` plus where the next page starts (None on the last)."""

    items: list[Any]
    limit: int
    offset: int
    next_offset: int | None

    def to_dict(self) -> dict[str, Any]:
        return {"items": self.items, "limit": self.limit, "offset": self.offset, "next_offset": self.next_offset}


def page_of(rows: list[Any], limit: int, offset: int) -> PageOf:
    """Rows fetched with ``limit + 1`` -> a page; the extra row only says that more exist."""
    more = len(rows) > limit
    return PageOf(list(rows[:limit]), limit, offset, offset + limit if more else None)
