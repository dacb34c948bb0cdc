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


def test_leading_date_marker_is_a_dateline_not_body():
    page = " date 2023-03-06 " + BODY
    article = extract_text_scrape(page, "p")
    assert article.published == "2023-03-06"
    assert article.text.startswith("The minister said")
    assert "2023-03-06" not in article.text
    assert article.title is None  # no headline line: none is made up from the first sentence


def test_the_pages_own_dateline_beats_the_leading_marker():
    page = " date 2023-03-07 Border Talks Make Progress, Minister Says\n\nMarch 6, 2023 5:05 pm\n\n" + BODY
    article = extract_text_scrape(page, "p")
    assert article.published == "2023-03-06T17:05:00"
    assert article.title == "Border Talks Make Progress, Minister Says"


def test_day_first_dashed_dateline_with_time():
    assert parse_dateline("Mon, 06-03-2023 05:05 PM, Lagos") == "2023-03-06T17:05:00"


def test_a_date_in_a_caption_under_the_first_paragraphs_is_not_the_dateline():
    caption = "THE MINISTER AT THE BORDER CROSSING, SOUTH GATE (MARCH 5, 2023) (Picture: MINISTRY HANDOUT)\n\n"
    page = " date 2023-03-06 " + BODY + "\n" + caption + (
        "A third round of talks is planned for the summer in the capital, the ministry said in "
        "its statement, without giving a date for the meeting.\n")
    article = extract_text_scrape(page, "p")
    assert article.published == "2023-03-06"
    assert article.text.startswith("The minister said")


def test_headline_first_line_then_standfirst_then_body():
    page = ("Border talks resume after a year as both sides trade concessions\n\n"
            "Negotiators from the two capitals meet in a neutral city with a month to find a deal\n\n" + BODY)
    article = extract_text_scrape(page, "p")
    assert article.title == "Border talks resume after a year as both sides trade concessions"
    assert article.subtitle.startswith("Negotiators from the two capitals")
    assert article.text.startswith("The minister said")


def test_reporters_with_places_are_the_byline_not_the_title():
    page = ("Watch: the ministers arrive for the talks – video\n\n"
            "Border talks resume after a year of ‘frozen’ contacts\n\n"
            "Both capitals send new negotiators amid anger at the collapse of the last round of talks\n\n"
            "Ana Lopez in Lima and Tomas Berg in Quito\nTue 7 Mar 2023 09.15 GMT\n\n" + BODY)
    article = extract_text_scrape(page, "p")
    assert article.title == "Border talks resume after a year of ‘frozen’ contacts"
    assert article.byline == "Ana Lopez in Lima and Tomas Berg in Quito"
    assert article.published == "2023-03-07T09:15:00"


def test_skip_link_and_picture_credit_are_not_the_title():
    page = ("Skip to main content\nBorder talks resume after a year of frozen contacts\n\n"
            "The negotiators arrive at the ministry on Monday. | Jan Novak/Agency via Getty Images\n"
            "March 6, 2023 5:05 pm CET\nBy Jana Novak and Piet Smit\n\n" + BODY)
    article = extract_text_scrape(page, "p")
    assert article.title == "Border talks resume after a year of frozen contacts"
    assert article.byline == "Jana Novak and Piet Smit"


def test_headline_after_a_caption_and_before_a_day_first_dateline():
    page = ("Negotiators at the ministry, March 5, 2023 (handout)\n\n"
            "Border Talks Resume After A Year Of Silence\n\n"
            "Mon, 06-03-2023 05:05 PM, Lagos\n\n" + BODY)
    article = extract_text_scrape(page, "p")
    assert article.title == "Border Talks Resume After A Year Of Silence"
    assert article.published == "2023-03-06T17:05:00"


def test_headline_below_a_teaser_paragraph_at_the_top():
    teaser = ("Floods in the north have cut off three towns and forced thousands from their homes, "
              "while the government has promised emergency funds for the repairs.\n\n")
    page = ("Skip to content\n" + teaser + "Border talks resume after a year of frozen contacts\n\n" + BODY)
    article = extract_text_scrape(page, "p")
    assert article.title == "Border talks resume after a year of frozen contacts"
    assert "Border talks resume" not in article.text
    assert article.text.startswith("The minister said")  # the teaser above the headline is not body


def test_labelled_line_under_the_first_paragraph_is_not_a_title():
    page = (" date 2023-03-06 " + BODY.split("\n\n")[0] + "\n\nSource: the foreign ministry of the host country\n\n"
            + BODY.split("\n\n")[1])
    article = extract_text_scrape(page, "p")
    assert article.title is None
    assert "Source: the foreign ministry" in article.text


def test_kicker_above_the_headline_is_not_the_title():
    page = ("Home\n\nWorld\n\nBORDER TALKS RESUME\n\nBorder talks resume after a year as both sides trade concessions\n\n"
            "By Jana Novak\n\nMarch 6, 2023\n\n" + BODY)
    article = extract_text_scrape(page, "p")
    assert article.title == "Border talks resume after a year as both sides trade concessions"


def test_question_headline_on_the_first_line():
    article = extract_text_scrape("Will the border talks finally bring a settlement this year?\n\n" + BODY, "p")
    assert article.title == "Will the border talks finally bring a settlement this year?"
    assert article.text.startswith("The minister said")


def test_lines_shaped_like_bylines_credits_or_counters_are_not_the_title():
    page = ("Home\n\nWorld\n\nBorder talks resume after a year of silence\n\nBack to Gallery\n\nImage 3 of 5\n\n"
            "(Jan Novak / Agency)\n\njana.novak@example.org\n\nJana Novak - Staff Writer\n\nMarch 6, 2023\n\n" + BODY)
    article = extract_text_scrape(page, "p")
    assert article.title == "Border talks resume after a year of silence"
    assert article.published == "2023-03-06"


def test_the_headline_the_page_title_names_wins_over_a_nearer_teaser():
    page = ("Border Talks Resume After A Year Of Silence | The Daily Example\n\nHome\n\nWorld\n\n"
            "Border talks resume after a year of silence\n\n"
            "Watch the ministers arrive at the old customs house for talks\n\n"
            "March 6, 2023\n\n" + BODY)
    article = extract_text_scrape(page, "p")
    assert article.title == "Border talks resume after a year of silence"


def test_timestamp_far_above_the_body_when_none_is_nearer():
    menu = "".join(f"Section {name}\n" for name in "ABCDEFGHIJKLMNOPQRST")
    page = "Published Mon, Mar 6 20235:05 PM EST\n\n" + menu + "\nBorder Talks Make Progress, Minister Says\n\n" + BODY
    article = extract_text_scrape(page, "p")
    assert article.published == "2023-03-06T17:05:00"


def test_a_masthead_day_far_above_the_body_is_not_the_published_date():
    menu = "".join(f"Section {name}\n" for name in "ABCDEFGHIJKLMNOPQRST")
    page = "Monday, 6 March 2023\n\n" + menu + "\nBorder Talks Make Progress, Minister Says\n\n" + BODY
    assert extract_text_scrape(page, "p").published is None


def test_headline_under_its_dateline_and_a_share_button_that_is_no_byline():
    page = ("Contact Us\n\nTerms of Use\n\nHome\n\nNews\n\nMarch 6, 2023 at 5:05 pm\n\nTweet\n\n"
            "BREAKING: Border talks resume after a year of frozen contacts\n\n" + BODY)
    article = extract_text_scrape(page, "p")
    assert article.title == "BREAKING: Border talks resume after a year of frozen contacts"
    assert article.byline is None
    assert article.published == "2023-03-06T17:05:00"


def test_breadcrumb_and_last_updated_label_are_neither_title_nor_byline():
    page = ("Markets\n\nyou are here: HomeNewsBusinessMarkets\n\n"
            "Last Updated : Mar 6, 2023 05:05 PM IST | Source: Example Wire\n\n"
            "Border talks resume after a year: is a deal finally close?\n\n" + BODY)
    article = extract_text_scrape(page, "p")
    assert article.title == "Border talks resume after a year: is a deal finally close?"
    assert article.byline is None
    assert article.published == "2023-03-06T17:05:00"


def test_a_timestamp_or_a_short_menu_line_gives_way_to_the_headline_opening_the_body():
    page = ("Home\n\nPower Your Trade\n\nToday 12:01 AM\n\n"
            "Border talks resume after a year: is a deal finally close?\n\n" + BODY)
    article = extract_text_scrape(page, "p")
    assert article.title == "Border talks resume after a year: is a deal finally close?"
    assert article.text.startswith("The minister said")
