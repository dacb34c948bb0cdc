"""The text-scrape cleaner on page shapes we wrote ourselves (tests/fixtures/text/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from multipolar.pages.text import extract_text_scrape

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "text"


def clean(name: str):
    return extract_text_scrape((FIXTURES / name).read_text(encoding="utf-8"), name)


def paragraphs(article) -> list[str]:
    return article.text.split("\n\n")


def assert_each_once(article) -> None:
    paras = paragraphs(article)
    assert len(paras) == len(set(paras)), "a paragraph came out twice"


def test_menus_before_and_after_are_dropped():
    article = clean("menus_before_after.txt")
    paras = paragraphs(article)
    assert paras[0].startswith("Three coastal towns agreed")
    assert paras[-1].startswith('"We have argued')
    assert len(paras) == 5
    for chrome in ("Home", "Politics", "Subscribe", "Privacy Policy", "Instagram", "Follow us"):
        assert chrome not in paras
    assert article.cleaning["duplicate_blocks_removed"] == 0  # nothing repeats on this page
    assert article.cleaning["boilerplate_lines_removed"] >= 20


def test_numbered_most_popular_list_is_dropped():
    article = clean("most_popular.txt")
    assert "Most Popular" not in article.text
    assert "Minister Resigns" not in article.text
    assert "Copyright" not in article.text
    assert paragraphs(article)[-1].startswith("The union's leader said")
    assert article.title == "Harbour Workers End Strike After Pay Deal"
    assert article.published == "2023-05-12T18:40:00"


def test_comment_section_is_dropped():
    article = clean("comments.txt")
    assert paragraphs(article)[-1].startswith("The researchers now hope")
    for chrome in ("Comments", "Reply", "3 hours ago", "alex_w", "fascinating", "guides always said"):
        assert chrome not in article.text
    assert article.title == "Researchers Map Ancient River Beneath the Desert"


def test_short_all_caps_subheads_inside_the_body_are_kept():
    article = clean("allcaps_subheads.txt")
    paras = paragraphs(article)
    assert "SLOWER PRICES" in paras and "WHAT COMES NEXT" in paras
    assert paras.index("SLOWER PRICES") < paras.index("WHAT COMES NEXT")
    assert paras[0].startswith("The central bank left")
    assert paras[-1].startswith("Economists expect")
    assert "Share this article" not in article.text
    assert article.byline == "Tomas Berg"
    assert article.published == "2023-09-21T14:05:00"


def test_body_that_is_mostly_a_list_keeps_its_items():
    article = clean("list_body.txt")
    paras = paragraphs(article)
    for item in ("2 tablespoons of olive oil", "1 large onion, chopped", "250 grams of red lentils, rinsed",
                 "salt and pepper to taste"):
        assert item in paras
    assert paras[0].startswith("This soup takes")
    assert paras[-1].startswith("Warm the oil")
    assert "Easy Banana Bread" not in article.text


def test_page_whose_article_repeats_gives_each_paragraph_once():
    article = clean("repeated_body.txt")
    assert_each_once(article)
    paras = paragraphs(article)
    assert len(paras) == 4
    assert paras[0].startswith("Forty mountain villages")
    assert "Comments" not in paras and "Ferry Timetable Changes From March" not in paras
    assert article.title == "Mountain Villages Get Fast Internet Through New Cable"
    assert article.published == "2024-02-15T11:30:00"  # the dateline, not the masthead date
    assert article.cleaning["duplicate_blocks_removed"] >= 10


def test_page_where_only_part_repeats():
    article = clean("partial_repeat.txt")
    assert_each_once(article)
    assert len(paragraphs(article)) == 4
    assert "From the archive" not in article.text
    assert article.cleaning["duplicate_blocks_removed"] == 2


def test_page_with_no_headline_line():
    article = clean("no_headline.txt")
    assert article.title is None
    assert len(paragraphs(article)) == 3
    assert paragraphs(article)[0].startswith("The committee will meet")
    assert "Contact" not in article.text


def test_chrome_at_the_bottom_only():
    article = clean("bottom_chrome.txt")
    paras = paragraphs(article)
    assert len(paras) == 3 and paras[-1].startswith("Agronomists cautioned")
    assert "Subscribe" not in article.text and "Grain Prices Rise Again" not in article.text
    assert article.title == "Farmers Turn to Drought-Resistant Wheat"
    assert article.byline == "Ines Moreau"
    assert article.published == "2022-07-30"


@pytest.mark.parametrize(("name", "language", "first"), [
    ("german.txt", "de", "Der Stadtrat hat am Mittwoch"),
    ("japanese.txt", "ja", "市は水曜日"),
])
def test_pages_in_other_languages_are_not_emptied(name, language, first):
    article = clean(name)
    assert article.language == language
    paras = paragraphs(article)
    assert len(paras) == 3 and paras[0].startswith(first)


def test_empty_and_chrome_only_pages_do_not_crash():
    assert extract_text_scrape("", "empty").text == ""
    menu_only = extract_text_scrape("Home\n\nNews\n\nSport\n\nContact\n", "menu")
    assert isinstance(menu_only.text, str)


def test_windows_line_endings_are_read():
    text = (FIXTURES / "bottom_chrome.txt").read_text(encoding="utf-8").replace("\n", "\r\n")
    assert len(paragraphs(extract_text_scrape(text, "crlf"))) == 3


def test_table_laid_out_one_cell_a_line_stays_in_the_body():
    article = clean("table_body.txt")
    paras = paragraphs(article)
    for cell in ("Greens", "412,880", "28.4%", "Liberals", "8.2%"):
        assert cell in paras
    assert paras[0].startswith("Turnout in Sunday's regional election")
    assert paras[-1].startswith("The new assembly meets")
    assert "Storm Closes Coastal Roads" not in article.text


def test_table_with_a_header_row_under_an_introducing_line_is_kept_whole():
    article = clean("standings_table.txt")
    paras = paragraphs(article)
    assert paras[0].startswith("Final standings of the regional rally championship")
    for cell in ("Pos.", "Points", "Marta Kowal", "412", "Iris Lund", "96"):
        assert cell in paras
    # The small numbers of the cells (ranks, wins) stay, however often they repeat.
    assert paras.count("1") >= 3
    assert "Privacy Policy" not in paras and "Calendar" not in paras


def test_reporters_address_and_bio_under_the_body_are_dropped():
    article = clean("tail_bio_contact.txt")
    paras = paragraphs(article)
    assert paras[0].startswith("The last of the harbour's four container cranes")
    assert paras[-1].startswith("Shipping lines that had moved")
    assert len(paras) == 3
    assert article.byline == "Mira Holm"


def test_list_items_written_as_clauses_are_kept_in_the_body():
    article = clean("dense_list.txt")
    paras = paragraphs(article)
    assert paras[0].startswith("Before you leave")
    assert "A warm layer that you can put on when the wind picks up" in paras
    assert paras[-1].startswith("Whatever the weather forecast says")
    assert "Ten Best Trails Of The Year" not in paras


def test_about_paragraph_under_the_tags_is_not_body():
    article = clean("about_tail.txt")
    paras = paragraphs(article)
    assert paras[0].startswith("A survey flown over the northern icefield")
    assert paras[-1].startswith("The researchers published their measurements")
    assert not any("independent daily" in p for p in paras)


def test_table_of_small_numbers_keeps_its_repeated_row_labels():
    article = clean("squad_table.txt")
    paras = paragraphs(article)
    assert paras[0].startswith("Harbour United go into the winter break")
    assert paras[-1].startswith("The club said it would not sign")
    assert paras.count("FW") == 2 and paras.count("MF") == 2
    for cell in ("Pos", "Goals", "Ana Ruiz", "14", "9", "Piet de Vries", "16"):
        assert cell in paras
    assert "Club Shop" not in paras and "Privacy" not in paras


def test_schedule_of_dated_items_under_the_body_is_kept():
    article = clean("schedule_body.txt")
    paras = paragraphs(article)
    assert paras[0].startswith("The folk band Harbour Lights")
    assert "June 9 – Lisbon @ Coliseu" in paras and paras[-1] == "July 5 – Prague @ Lucerna Hall"
    assert "Singer Cancels Autumn Shows" not in paras


def test_most_read_inset_inside_the_article_does_not_cut_it_short():
    article = clean("inset_body.txt")
    paras = paragraphs(article)
    assert paras[0].startswith("Ferries returned to the outer islands")
    assert paras[-1].startswith("A spokesman for the operator")
    assert not any("Lighthouse Keeper" in p or "Most Read" in p for p in paras)


def test_sign_up_form_under_the_body_is_not_taken_for_a_list():
    article = clean("signup_tail.txt")
    paras = paragraphs(article)
    assert paras[0].startswith("The city's water utility")
    assert not any("newsletter" in p or "confirmation link" in p or p == "No, thanks" for p in paras)


def test_about_the_author_box_is_dropped_but_an_about_subhead_is_not():
    article = clean("about_author.txt")
    paras = paragraphs(article)
    assert paras[0].startswith("Children who are read to")
    assert "About the early years" in paras
    assert paras[-1].startswith("Parents who did not read well")
    assert not any("primary school teacher" in p for p in paras)


def test_teaser_cards_each_under_the_same_share_bar_are_not_body():
    article = clean("teaser_cards.txt")
    paras = paragraphs(article)
    assert paras[0].startswith("Patience is not the same as waiting")
    assert not any(p.startswith(("Every morning", "Friends are", "Kindness costs")) for p in paras)


def test_wire_standards_footer_is_chrome():
    page = ("Vietnam protests survey ship\n\nBy Jane Doe\n\nHANOI (Reuters) - Vietnam on Saturday lodged a "
            "protest with China over a survey ship operating in its exclusive economic zone.\n\n"
            "China's foreign ministry did not immediately respond to a request for comment.\n\n"
            "Our Standards: The Thomson Reuters Trust Principles.\n")
    article = extract_text_scrape(page, "wire.txt")
    assert "Standards" not in article.text
    assert article.text.endswith("request for comment.")


def test_list_body_that_counts_quantities_is_kept_whole():
    # A meal plan: a short introduction, then mostly short title-case headings ("Breakfast",
    # repeated every day) between lines that count quantities. By shape alone it is a menu; the
    # counted quantities ("1 cup oats", "4 oz. grilled chicken") say it is the article's list.
    article = clean("measured_list.txt")
    paras = paragraphs(article)
    assert paras[0].startswith("Long runs burn through")
    assert "1 cup oats, 1 cup milk, ½ cup blueberries" in paras
    assert paras[-1] == "1 bowl lentil soup, 2 rye crackers, 1 apple"
    assert "Breakfast" in paras and "Wednesday" in paras
    assert not any("educational purposes" in p or "Carb Loading" in p or p == "Training Plans" for p in paras)


def test_comment_thread_with_numbers_in_it_is_not_a_counted_list():
    # Comments under an article, each short and counting something, with a relative time and
    # a reply button: neither the times ("2 days ago at 07:52 am") nor the short comments make
    # a list of the article's.
    remarks = ["paid 20 dollars for a return last week", "waited 40 minutes at the pier on sunday",
               "my 2 kids travel free until june", "the 7 am boat was late again today",
               "fares went up 3 times since the pier opened", "only 1 crossing runs after dark"]
    comments = "".join(f"user{i}\n\n{i + 1} days ago at 07:5{i} am\n\n{remark}\n\nReply\n\n"
                       for i, remark in enumerate(remarks))
    page = ("Harbour ferry fares rise\n\nMarch 3, 2024\n\n"
            "The island's ferry operator will raise fares by a tenth from April, the council said on "
            "Monday, citing the cost of fuel and of the new pier that opened last year.\n\n"
            "Commuters who travel daily will keep their discount, and children under five will "
            "still travel free on every crossing of the route.\n\nComments\n\n" + comments)
    article = extract_text_scrape(page, "comments")
    paras = paragraphs(article)
    assert paras[-1].startswith("Commuters who travel daily")
    assert not any("days ago" in p or p.startswith("user") or "dollars" in p for p in paras)


def test_short_table_of_three_rows_does_not_cut_the_article():
    # Three rows of four cells, one measure a row ("5:41.2", "2.7 s"): too few measures to pass
    # for a table by count, but they fall a row's length apart.
    article = clean("short_table.txt")
    paras = paragraphs(article)
    assert paras[0].startswith("The three university eights")
    for cell in ("Crew", "Northgate", "5:41.2", "Westmere", "3.8 s"):
        assert cell in paras
    assert paras[-1].startswith("The final is on Sunday afternoon")
    # A name and a price, two by two, is a shop's box, not a table of the article's.
    assert not any(p.startswith("£") or "Tourer" in p or p == "Bikes for sale" for p in paras)


def test_teaser_card_set_into_the_body_is_dropped():
    # A related-story card between two paragraphs: its headline twice (picture and link) with a
    # section label between, then its one-line summary.
    article = clean("inline_card.txt")
    paras = paragraphs(article)
    assert paras[0].startswith("The two companies that run")
    assert paras[-1].startswith("The board is expected to rule")
    assert any(p.startswith("Dock workers' unions") for p in paras)
    assert not any("Ferry operator" in p or "freight arm" in p for p in paras)


def test_short_line_ending_with_a_colon_introduces_a_list_under_the_opening_paragraphs():
    # "This post covers the following:" is too short to pass for prose, but it is a clause
    # introducing the list under it: the opening paragraphs above stay with the article.
    article = clean("short_intro_list.txt")
    paras = paragraphs(article)
    assert paras[0].startswith("In March we made a grant")
    assert "This post covers the following:" in paras
    assert "Risks We See With This Pilot Grant (More)" in paras
    assert paras[-1].startswith("We will publish the results")


def test_picture_captions_with_their_credit_are_not_body():
    page = ("Floods close the valley road\n\nMay 2, 2024\n\n"
            "The only road into the upper valley was closed on Thursday after the river burst its banks "
            "in two places overnight, cutting off four villages and a school.\n\n"
            "Rescue teams waded through the flooded square to reach the school caretakerCredit: Valley Post\n\n"
            "Engineers said the road would stay shut until the water fell, which could take a week if the "
            "rain that is forecast for the weekend arrives.\n\n"
            "The river at the old mill on Friday morning (Credit: Ana Ruiz)\n\n"
            "The council has opened the sports hall in the lower town for families who cannot reach their "
            "homes, and asked residents not to drive through standing water.\n\nPrivacy\n\nTerms")
    paras = paragraphs(extract_text_scrape(page, "captions"))
    assert paras[0].startswith("The only road") and paras[-1].startswith("The council has opened")
    assert len(paras) == 3


def test_wire_dateline_starts_the_article_under_a_gallery_and_a_survey_box():
    captions = "".join(f"{i}of3A worker stacks sandbags outside a shop on the harbour front, Tuesday, in Port Ellen.\n\n"
                       for i in range(1, 4))
    page = ("Storm Warning Issued For The Coast\n\nMay 2, 2024\n\n" + captions
            + "Survey\n\nTell us what you think about our new article page by taking this short survey today.\n\n"
            "PORT ELLEN, Scotland (AP) — Forecasters issued a storm warning for the west coast on Tuesday, "
            "saying winds could reach 80 miles an hour on exposed headlands by the evening.\n\n"
            "Ferries to the outer islands were cancelled for the rest of the day, and the council opened "
            "two rest centres for people whose homes lose power overnight.\n\nPrivacy\n\nTerms")
    paras = paragraphs(extract_text_scrape(page, "wire"))
    assert paras[0].startswith("PORT ELLEN, Scotland (AP)") and len(paras) == 2


def test_gallery_between_the_first_paragraphs_and_the_rest_does_not_cut_off_the_start():
    article = clean("gallery_inside.txt")
    paras = paragraphs(article)
    assert paras[0].startswith("The space agency has picked four companies")
    assert paras[-1].startswith("The first of the new missions")
    assert not any(p.startswith(("Image 1 of 3", "(Image credit")) or "Moon Rush" in p for p in paras)


def test_picture_labels_captions_and_credits_inside_the_body_are_left_out():
    article = clean("captions_inside.txt")
    paras = paragraphs(article)
    assert paras[0].startswith("Crews at the northern port")
    assert paras[-1].startswith("The council said it would look")
    assert len(paras) == 6
    assert not any("Image" in p or "Passengers queued" in p or "@islandcommuters" in p
                   or "contributed to this report" in p for p in paras)


def test_links_in_capitals_and_a_one_name_bio_are_not_body():
    page = ("Singer wins back the rights to her early songs\n\nMay 2, 2024\n\n"
            "The singer will be allowed to perform her first four albums on television after her former "
            "label dropped its objection on Monday, ending a dispute that had run for a year.\n\n"
            "A SHORT HISTORY OF THE SINGER'S LONG FIGHT WITH HER FORMER LABEL\n\n"
            "The label said in a statement that it had never meant to stop the performances, and that the "
            "two sides would meet again to settle the use of the recordings in a film.\n\n"
            "SALES\n\n"
            "Her last album sold more copies in its first week than any other this year, the label said.\n\n"
            "A spokesman for the singer did not respond to a request for comment.\n\n"
            "Marta is an entertainment reporter for the Evening Star.\n\n"
            "On Our Radar\n\nPrivacy\n\nTerms")
    paras = paragraphs(extract_text_scrape(page, "caps"))
    assert paras[0].startswith("The singer will be allowed")
    assert "SALES" in paras  # a short subhead in capitals stays
    assert paras[-1].startswith("A spokesman for the singer")
    assert not any("SHORT HISTORY" in p or p.startswith("Marta is") for p in paras)


def test_a_name_written_in_camel_case_is_not_a_glued_teaser():
    # "McConnell" has a capital inside it, as a headline run into its teaser has; the paragraph
    # is still prose.
    page = ("Senate passes the aid bill\n\nMay 2, 2024\n\n"
            "Senate Majority Leader Mitch McConnell said on Tuesday that the bill would pass before the recess.\n\n"
            "The package holds money for ports, bridges and the coast guard, and its backers said it had "
            "the votes to clear the House of Representatives next week as well.\n\n"
            "Committee chairs from both parties spent the weekend settling the last differences over "
            "how the money for the ports would be shared between the states.\n\nPrivacy\n\nTerms")
    paras = paragraphs(extract_text_scrape(page, "camel"))
    assert paras[0].startswith("Senate Majority Leader Mitch McConnell said")


def test_photo_viewer_captions_shown_twice_running_are_not_body():
    caption = ("Harbour workers lift the last crane section into place during the night shift at the "
               "northern terminal, in Port Ellen, Tuesday.")
    page = ("Crane work finishes early\n\nMay 2, 2024\n\n"
            "PORT ELLEN (AP) — The last of the new cranes at the northern terminal was lifted into place "
            "on Tuesday, a month ahead of the schedule the port authority set last year.\n\n"
            f"{caption}\n\n{caption}\n\nPhoto: Port Ellen Authority\n\nImage\n\n1\n\nof\n\n2\n\n"
            "The crane will let the terminal take the largest container ships that call at the port, "
            "which until now have had to unload part of their cargo at sea.\n\n"
            "Shipping lines had complained for years that the terminal was too slow, and two of them "
            "moved their weekly calls to a rival port across the firth after a crane broke down in 2021.\n\n"
            "The authority borrowed most of the money for the cranes from the regional development bank, "
            "and it will pay the loan back from the fees the larger ships pay to berth at the terminal.\n\n"
            "The port authority said it expected traffic at the terminal to double within three years, "
            "and that it would hire forty more crane drivers by the spring.\n\nPrivacy\n\nTerms")
    paras = paragraphs(extract_text_scrape(page, "viewer"))
    assert paras[0].startswith("PORT ELLEN (AP)") and paras[-1].startswith("The port authority said")
    assert not any(p.startswith("Harbour workers lift") for p in paras)


def test_furniture_phrases_of_other_languages_are_chrome():
    page = ("Il porto riapre dopo la tempesta\n\n2 maggio 2024\n\n"
            "Il porto della città ha riaperto martedì mattina dopo tre giorni di chiusura, quando il vento "
            "ha finalmente smesso di soffiare sulla costa e le navi hanno potuto entrare di nuovo.\n\n"
            "Le autorità hanno detto che i danni alle banchine sono stati minori del previsto e che i "
            "traghetti per le isole partiranno di nuovo secondo l'orario normale da domani.\n\n"
            "Lascia un commento\n\nDevi essere connesso per inviare un commento e per votare.\n\n"
            "Tutti i diritti riservati. Testata registrata presso il tribunale della città.")
    paras = paragraphs(extract_text_scrape(page, "it"))
    assert paras[0].startswith("Il porto della città")
    assert not any(p == "Lascia un commento" or "diritti riservati" in p for p in paras)


def test_a_promotion_of_a_long_sentence_with_a_furniture_phrase_is_chrome():
    promo = ("There is plenty more where that came from, so sign up for our free morning briefing today and "
             "get the day's biggest stories delivered to your inbox before your first coffee.")
    page = ("Markets open higher\n\nMay 2, 2024\n\n"
            "Shares rose in early trading on Tuesday after the central bank left its main rate unchanged and "
            "said it expected inflation to fall back to its target by the end of next year.\n\n"
            "Bank shares led the gains, while the currency slipped against the dollar for a third day as "
            "traders bet that the first cut in rates would come before the summer.\n\n" + promo + "\n\nPrivacy")
    paras = paragraphs(extract_text_scrape(page, "promo"))
    assert paras[-1].startswith("Bank shares led the gains")
