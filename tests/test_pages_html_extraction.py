"""HTML pages: main content, metadata, paragraph breaks, no comments, no cross-page dedup."""

from pathlib import Path

import pytest

from multipolar.errors import ExtractionError
from multipolar.pages.html import block_paragraphs, choose_body, extract_html

PAGES = Path(__file__).parent / "fixtures" / "pages"


def read(name: str) -> str:
    return (PAGES / name).read_text(encoding="utf-8")


def test_html_article_fields_and_paragraphs():
    article = extract_html(read("harbour_strike.html"), source="harbour_strike.html")
    assert article.title == "Dock Workers End Strike at Port of Valdoria"
    assert article.subtitle == "The union accepted a pay rise of six per cent after nine days of stoppage."
    assert article.byline == "Tomas Varga"
    # The published time, not the modified time, with the page's own offset.
    assert article.published == "2024-10-07T18:45:00+02:00"
    assert article.language == "en"
    paragraphs = article.text.split("\n\n")
    assert len(paragraphs) == 4
    assert paragraphs[0].startswith("Dock workers at the port of Valdoria voted on Monday")
    assert paragraphs[-1] == "Shipping companies said it would take at least a week to clear the backlog of cargo."


def test_html_comments_and_chrome_excluded():
    text = extract_html(read("harbour_strike.html"), source="x").text
    for chrome in ("harbourwatcher", "Six per cent is far too much", "Reader comments",
                   "Ferry timetable", "cookies", "About us", "Coastal Times ©"):
        assert chrome not in text
    # the headline and the standfirst live in title/subtitle, not in the body
    assert "Dock Workers End Strike" not in text
    assert "accepted a pay rise" not in text


def test_html_json_ld_date_and_author():
    article = extract_html(read("library_reopens.html"), source="library_reopens.html")
    assert article.published == "2023-05-12"
    assert article.byline == "Ana Ruiz"
    assert article.title == "City Library Reopens After Two-Year Renovation"
    assert "Weather: sunny" not in article.text
    assert article.text.count("\n\n") == 3


def test_html_same_page_twice_keeps_its_body():
    # trafilatura's deduplicate cache would empty the second copy; ours must not.
    html = read("library_reopens.html")
    first = extract_html(html, source="a")
    second = extract_html(html, source="b")
    assert second.text == first.text and len(second.text) > 300


def test_html_date_from_url_when_page_has_none():
    html = read("library_reopens.html").replace('"datePublished":"2023-05-12",', "")
    article = extract_html(html, source="x", url="https://herald.example/news/2023/05/13/library")
    assert article.published == "2023-05-13"


def test_html_without_body_is_an_error():
    with pytest.raises(ExtractionError) as e:
        extract_html("<html><head><title>Only a title</title></head></html>", source="x")
    assert e.value.code == "no_body"


def test_choose_body_prefers_trafilatura_unless_much_shorter():
    traf = ["one two three four five six"]
    read_same = ["one two three four five six seven"]
    assert choose_body(traf, read_same) == (traf, "trafilatura")
    read_long = ["one two three four five six", "seven eight nine ten eleven twelve thirteen"]
    assert choose_body(traf, read_long) == (read_long, "readability")
    assert choose_body([], ["some words here"]) == (["some words here"], "readability")
    assert choose_body(traf, []) == (traf, "trafilatura")


def test_block_paragraphs_splits_at_blocks_and_folds_space():
    import lxml.html

    root = lxml.html.fromstring(
        "<div><p>First   <b>bold</b>\n line.</p><div>Second<br>Third</div>"
        "<script>var x = 1;</script><ul><li>Item one</li><li>Item two</li></ul>tail text</div>")
    assert block_paragraphs(root) == ["First bold line.", "Second", "Third", "Item one", "Item two",
                                      "tail text"]


def test_description_copying_the_lead_stays_in_the_body():
    # Sites often fill their description with the lead paragraph: that is body, not a standfirst.
    lead = "The central library on Market Square reopened to the public on Friday after a renovation"
    html = read("library_reopens.html").replace(
        "<head>", f'<head><meta name="description" content="{lead} that took two years and cost the city '
                  f'eleven million euros.">')
    article = extract_html(html, source="x")
    assert article.subtitle is None
    assert article.text.startswith(lead)


def test_description_marked_as_standfirst_leaves_the_body():
    html = read("harbour_strike.html")
    article = extract_html(html, source="x")
    assert article.subtitle.startswith("The union accepted") and "accepted a pay rise" not in article.text
    unmarked = extract_html(html.replace('<p class="lede">', "<p>"), source="y")
    assert unmarked.subtitle is None and unmarked.text.startswith("The union accepted a pay rise")


def test_xhtml_with_an_xml_declaration():
    xhtml = ('<?xml version="1.0" encoding="utf-8"?>\n'
             '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
             '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
             + read("library_reopens.html").replace("<html>", '<html xmlns="http://www.w3.org/1999/xhtml">'))
    article = extract_html(xhtml, source="x")
    assert article.title == "City Library Reopens After Two-Year Renovation"
    assert article.published == "2023-05-12" and article.text.count("\n\n") == 3


def test_a_parser_crash_becomes_a_parse_error(monkeypatch):
    import multipolar.pages.html as html_module

    def explode(*args, **kwargs):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(html_module, "_trafilatura", explode)
    with pytest.raises(ExtractionError) as e:
        extract_html(read("library_reopens.html"), source="x")
    assert e.value.code == "parse" and "RecursionError" in e.value.message
