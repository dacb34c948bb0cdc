from multipolar.dates import resolve_date

PUB = "2025-01-18T00:42:00"  # a Saturday


def test_dates_weekday_resolves_to_the_past_week():
    assert resolve_date("signed the pact on Friday", PUB) == "2025-01-17"


def test_dates_last_month_name_is_the_previous_occurrence():
    assert resolve_date("since winning the presidency last July", PUB) == "2024-07"


def test_dates_bare_month_after_the_article_month_is_last_year():
    assert resolve_date("The U.S. accused Tehran in September", PUB) == "2024-09"


def test_dates_absolute_forms():
    assert resolve_date("on 17 January 2025", None) == "2025-01-17"
    assert resolve_date("on January 17, 2025", None) == "2025-01-17"
    assert resolve_date("in March 2022", None) == "2022-03"
    assert resolve_date("in 2019", None) == "2019"


def test_dates_yesterday_and_none():
    assert resolve_date("yesterday", "2024-03-01") == "2024-02-29"
    assert resolve_date("no date here", PUB) is None


def test_since_after_a_superlative_is_a_comparison_not_a_date():
    assert resolve_date("the clash was the worst fighting between the two countries since 2000", PUB) is None
    assert resolve_date("his first visit to the region since March", PUB) is None
    assert resolve_date("the deadliest attack since 2019 took place on 3 May 2024", PUB) == "2024-05-03"
    assert resolve_date("troops have been stationed there since 2014", PUB) == "2014"
