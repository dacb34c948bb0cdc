"""Dates said of the future: a bare weekday, day or month in a clause about what is to come is the
next one, not the last one (resolve_date(..., future=True)); reports of the past are unchanged."""

from multipolar.dates import resolve_date

WEDNESDAY = "2025-10-15"


def test_future_weekday_is_the_coming_one():
    assert resolve_date("will fly to Rome on Friday", WEDNESDAY, future=True) == "2025-10-17"
    assert resolve_date("flew to Rome on Friday", WEDNESDAY) == "2025-10-10"


def test_future_weekday_of_the_same_day_is_that_day():
    assert resolve_date("will sign it on Wednesday", WEDNESDAY, future=True) == WEDNESDAY


def test_future_last_weekday_still_looks_back():
    assert resolve_date("last Monday", WEDNESDAY, future=True) == "2025-10-13"


def test_future_month_and_day_roll_into_next_year():
    assert resolve_date("talks in March", WEDNESDAY, future=True) == "2026-03"
    assert resolve_date("talks in March", WEDNESDAY) == "2025-03"
    assert resolve_date("a summit on January 20", WEDNESDAY, future=True) == "2026-01-20"
    assert resolve_date("a summit on January 20", WEDNESDAY) == "2025-01-20"


def test_future_does_not_move_absolute_dates():
    assert resolve_date("on 3 March 2024", WEDNESDAY, future=True) == "2024-03-03"
    assert resolve_date("since March", WEDNESDAY, future=True) == "2025-03"
