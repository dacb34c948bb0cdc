"""A two-word headline at the top of a text scrape ("Ceasefire collapses") is the title when it
stands right above the byline or dateline; section labels, menu items and site names in the same
place are not. Pages written for these tests."""

from __future__ import annotations

import pytest

from multipolar.pages.text import extract_text_scrape

BODY = ("\nFighting resumed along the river on Monday after a week-long truce broke down, officials "
        "on both sides said, each blaming the other for the first shots fired at dawn.\n\n"
        "The truce had been arranged by a regional mediator and was meant to open talks on a lasting "
        "settlement, but neither side pulled its forces back from the line.\n")


@pytest.mark.parametrize("header", [
    "Ceasefire collapses\nBy Jane Doe\nMarch 3, 2025\n",
    "Ceasefire collapses\nMarch 3, 2025\n",
    "Talks stall\nBy Tom Roe\n",
])
def test_short_sentence_case_headline_above_byline_or_date_is_the_title(header):
    article = extract_text_scrape(header + BODY, "short.txt")
    assert article.title == header.split("\n")[0]
    assert article.text.startswith("Fighting resumed")


@pytest.mark.parametrize("header", [
    "World news\nBy Jane Doe\nMarch 3, 2025\n",
    "Top stories\nMarch 3, 2025\n",
    "Sign in\nBy Jane Doe\n",
    "River Times\nBy Jane Doe\nMarch 3, 2025\n",
    "Home\nWorld news\nBy Jane Doe\n",
])
def test_labels_and_site_names_in_that_place_are_not_titles(header):
    article = extract_text_scrape(header + BODY, "label.txt")
    assert article.title is None
    assert article.text.startswith("Fighting resumed")


def test_longer_headline_still_wins_over_a_short_line():
    page = "Border war\nFighting resumes on the river as both sides trade blame\nBy Jane Doe\n" + BODY
    assert extract_text_scrape(page, "kicker.txt").title == "Fighting resumes on the river as both sides trade blame"
