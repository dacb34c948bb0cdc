"""The text cleaner counts repeated paragraphs of prose apart from repeated page chrome."""

from __future__ import annotations

from multipolar.pages.text import extract_text_scrape

MENU = "Home\nWorld\nBusiness\nSport\nShare on Facebook Share on X Email"

PARAS = [
    "The harbour authority said on Monday that the new breakwater would be finished before the "
    "autumn storms, two years later than the original plan had promised the fishing fleet.",
    "Engineers had to redesign the foundations after surveys found a layer of soft clay under "
    "the seabed, which the first drawings had not taken into account at all.",
    "Local skippers welcomed the news but said the delay had already cost several families "
    "their winter income, and asked the council for help with mooring fees.",
]


def _page(body: list[str]) -> str:
    return "\n\n".join([MENU, "Breakwater Will Be Finished Before Autumn Storms", *body, MENU])


def test_menus_repeated_top_and_bottom_are_not_body_duplicates():
    article = extract_text_scrape(_page(PARAS), "menus.txt")
    assert article.cleaning["duplicate_blocks_removed"] > 0  # the menu lines repeat
    assert article.cleaning["duplicate_body_blocks"] == 0


def test_article_shown_twice_counts_its_repeated_paragraphs():
    article = extract_text_scrape(_page(PARAS + PARAS), "twice.txt")
    assert article.cleaning["duplicate_body_blocks"] == len(PARAS)
    assert article.text.count("soft clay") == 1
