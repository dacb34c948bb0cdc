"""Header fields and datelines of text scrapes."""

from __future__ import annotations

import pytest

from multipolar.pages.text import extract_text_scrape
from multipolar.pages.text_dates import parse_dateline
from multipolar.pages.text_lang import detect_language

BODY = ("The minister said on Tuesday that the talks had made progress and that both sides "
        "would meet again within a month to settle the remaining questions about the border.\n\n"
        "Officials from the two countries have held six rounds of talks since the spring, "
        "according to a statement issued by the foreign ministry after the meeting.\n")


@pytest.mark.parametrize(("line", "iso"), [
    ("18 Jan 2025, 00:42", "2025-01-18T00:42:00"),
    ("Saturday, 18 January, 2025", "2025-01-18"),
    ("Reuters November 18, 2019 11:03 PM", "2019-11-18T23:03:00"),
    ("Published 2:16 AM EST Nov 20, 2019", "2019-11-20T02:16:00"),
    ("2019-11-18T10:05:00Z", "2019-11-18T10:05:00"),
    ("12.04.2023, 16:20 Uhr", "2023-04-12T16:20:00"),
    ("2023年4月12日", "2023-04-12"),
    ("19. November 2019, 14:30 Uhr", "2019-11-19T14:30:00"),
    ("12 de noviembre de 2019", "2019-11-12"),
    ("19 ноября 2019 г.", "2019-11-19"),
    ("3.5 million people", None),
])
def test_datelines_parse_as_precisely_as_written(line, iso):
    assert parse_dateline(line) == iso


def test_headline_standfirst_byline_and_dateline():
    page = ("Menu\n\nWorld\n\nMonday, 6 March, 2023\n\n"
            "Border Talks Make Progress, Minister Says\n\n"
            "Both sides agree to meet again within a month\nForeign desk\n 6 Mar 2023, 17:05\n\n" + BODY)
    article = extract_text_scrape(page, "p")
    assert article.title == "Border Talks Make Progress, Minister Says"
    assert article.subtitle == "Both sides agree to meet again within a month"
    assert article.byline == "Foreign desk"
    assert article.published == "2023-03-06T17:05:00"
    assert article.text.startswith("The minister said")


def test_by_prefix_is_stripped_and_masthead_date_loses():
    page = ("Tuesday 7 March 2023\n\nHome\n\nBorder Talks Make Progress, Minister Says\n\n"
            "By Jana Novak\n\nMarch 6, 2023\n\n" + BODY)
    article = extract_text_scrape(page, "p")
    assert article.byline == "Jana Novak"
    assert article.published == "2023-03-06"
    assert article.title == "Border Talks Make Progress, Minister Says"


def test_header_lines_are_not_repeated_in_the_body():
    page = "Border Talks Make Progress, Minister Says\n\nBy Jana Novak\n\nMarch 6, 2023\n\n" + BODY
    article = extract_text_scrape(page, "p")
    assert "Jana Novak" not in article.text and "Border Talks" not in article.text


def test_language_is_detected_cheaply():
    assert detect_language(BODY) == "en"
    assert detect_language("Der Rat hat am Mittwoch beschlossen, dass die Arbeiten im Herbst "
                           "beginnen und etwa zwei Jahre dauern sollen, teilte die Stadt mit.") == "de"
    assert detect_language("") is None
