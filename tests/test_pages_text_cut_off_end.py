"""A page that stops mid-sentence keeps its last words; chrome ending a page without
punctuation stays out (tests/fixtures/text/cut_off_end.txt, written for these tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from multipolar.pages.text import extract_text_scrape

PAGE = (Path(__file__).resolve().parent / "fixtures" / "text" / "cut_off_end.txt").read_text(encoding="utf-8")
CUT_LINE = "Harbour master Ingrid Sand told the council that both crews would train together next"
LAST_FULL = "The transport office said it would review the arrangement"
# The page without its cut-off line: what a page ending in chrome has above its last line.
COMPLETE = PAGE[:PAGE.index(CUT_LINE)]


def last_paragraph(text: str) -> str:
    return extract_text_scrape(text, "test").text.split("\n\n")[-1]


def test_line_cut_off_mid_sentence_ends_the_body():
    article = extract_text_scrape(PAGE, "test")
    assert article.text.endswith(CUT_LINE)
    assert article.title == "Ferry Operators Agree on Winter Timetable for Island Routes"
    assert "Sign in" not in article.text


def test_cut_off_line_kept_with_a_trailing_newline_or_without_blank_line():
    assert last_paragraph(PAGE + "\n").endswith(CUT_LINE)
    squeezed = COMPLETE.rstrip("\n") + "\n" + CUT_LINE
    assert last_paragraph(squeezed).endswith(CUT_LINE)


@pytest.mark.parametrize("chrome", [
    "Share this story on Facebook",
    "\u00a9 2025 Northern Islands Gazette All rights reserved",
    "Island Council Votes to Rebuild Old Pier After Winter Storms",  # a headline in title case
    "Via Nordic Wire",  # a credit
    "First published on January 8, 2025 at 07:30",  # a timestamp
])
def test_unpunctuated_chrome_ending_the_page_stays_out(chrome: str):
    last = last_paragraph(COMPLETE + chrome)
    assert last.startswith(LAST_FULL)
    assert chrome not in last
