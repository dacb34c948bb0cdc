"""Quote speakers when the nearest verb of saying names nobody, "it" after a country, and the
actor of a person the resolver placed only at the first, titled mention.

Sentences written for these tests; actors are resolved by hand (fixtures/agree/handmade.py).
"""

from __future__ import annotations

import pytest

from fixtures.agree.handmade import context
from multipolar.coding.quotes import code_quotes

pytestmark = pytest.mark.model


def test_next_verb_of_saying_when_the_nearest_has_no_subject(nlp):
    text = ('Anna Vok said Ruritania was committed to the talks and called the accord '
            '"a clear message to our neighbours".')
    names = {"Ruritania": "RUR", "Anna Vok": "RURGOV"}
    quotes = code_quotes(context(nlp, text, names, persons={"Anna Vok": "Anna Vok"}))
    assert [(q.speaker, q.actor) for q in quotes] == [("Anna Vok", "RURGOV")]


def test_country_subject_of_it_keeps_the_quote_dropped(nlp):
    text = ('Government spokeswoman Mira Holt said the troops were defending the border.\n\n'
            'Borduria said it could not confirm the reported deployment but was "deeply concerned".')
    names = {"Borduria": "BOR", "Mira Holt": "---"}
    quotes = code_quotes(context(nlp, text, names, persons={"Mira Holt": "Mira Holt"}))
    assert all(q.text != "deeply concerned" for q in quotes)


def test_short_name_takes_the_code_of_the_titled_mention(nlp):
    text = ('Ruritanian Prime Minister Anna Vok attended the signing.\n\n'
            '"This is a new chapter for our exporters," Anna said.')
    names = {"Ruritanian": "RUR", "Anna Vok": "RURGOV", "Anna": "---"}
    quotes = code_quotes(context(nlp, text, names, persons={"Anna Vok": "Anna Vok", "Anna": "Anna"}))
    assert len(quotes) == 1 and quotes[0].actor == "RURGOV"


def test_surname_after_a_shorter_tagged_name_completes_it(nlp):
    text = ('"The sea does not care about borders," Norwegian Foreign Minister Espen Barth Eide told '
            'reporters after the signing.')
    names = {"Norwegian Foreign Minister Espen Barth": "NORGOV"}
    quotes = code_quotes(context(nlp, text, names,
                                 persons={"Norwegian Foreign Minister Espen Barth": "Espen Barth"}))
    assert len(quotes) == 1 and quotes[0].speaker.endswith("Eide")


def test_government_title_right_before_an_unplaced_name_gives_the_code(nlp):
    text = ('Ruritanian Minister of State for Trade Olav Brek signed for his government.\n\n'
            'Brek said the accord was "a gateway to a large market".')
    names = {"Ruritanian Minister": "RURGOV", "State for Trade Olav Brek": "---", "Brek": "---"}
    # the title is resolved as a titled person mention with no name, as the resolver gives it
    quotes = code_quotes(context(nlp, text, names, persons={"Brek": "Brek", "Ruritanian Minister": None}))
    assert [q.actor for q in quotes] == ["RURGOV"]


def test_hyphenated_name_is_not_extended_by_its_own_first_part(nlp):
    text = ('Bordurian Deputy Defence Minister Yunus-Bek Yevkurov, who signed for his country, called '
            'Ruritania "a reliable friend".')
    names = {"Bordurian Deputy Defence Minister Yunus-Bek Yevkurov": "BORGOV", "Ruritania": "RUR"}
    persons = {"Bordurian Deputy Defence Minister Yunus-Bek Yevkurov": "Yunus-Bek Yevkurov"}
    quotes = code_quotes(context(nlp, text, names, persons=persons))
    assert [q.speaker.split()[-1] for q in quotes] == ["Yevkurov"]


def test_according_to_names_the_source(nlp):
    text = '"The situation remains tense," according to a statement from the Bordurian foreign ministry.'
    names = {"Bordurian foreign ministry": "BORGOV"}
    quotes = code_quotes(context(nlp, text, names))
    assert [(q.text, q.actor) for q in quotes] == [("The situation remains tense,", "BORGOV")]


def test_quotation_open_at_paragraph_end_takes_the_continuations_speaker(nlp):
    text = ('In a statement, the Ruritanian foreign ministry said: "We support the agreement."\n\n'
            '"Our region has suffered enough from war.\n\n'
            '"Now is the time for reconstruction," Anna Vok said in a televised address.')
    names = {"Ruritanian foreign ministry": "RURGOV", "Anna Vok": "BORGOV"}
    quotes = code_quotes(context(nlp, text, names, persons={"Anna Vok": "Anna Vok"}))
    assert [(q.speaker, q.text[:9]) for q in quotes][1:] == [("Anna Vok", "Our regio"), ("Anna Vok", "Now is th")]


def test_a_country_right_before_a_name_is_no_title(nlp):
    text = ("Borduria's ambassador to Ruritania Olav Brek met reporters.\n\n"
            'Brek said the talks were "a gateway to peace".')
    names = {"Borduria": "BOR", "Ruritania": "RUR", "Olav Brek": "---", "Brek": "---"}
    quotes = code_quotes(context(nlp, text, names, persons={"Olav Brek": "Olav Brek", "Brek": "Brek"}))
    assert all(q.actor != "RUR" for q in quotes)


def test_a_title_after_called_is_a_label_but_a_description_by_a_speaker_is_a_quote(nlp):
    text = ('He performed an improvised live show called "Ask Dr. Mike" at conventions, where he replied '
            'to questions.\n\nAnna Vok said the accord, which she called "a truly breakthrough document", '
            'would last.')
    names = {"Anna Vok": "RURGOV"}
    quotes = code_quotes(context(nlp, text, names, persons={"Anna Vok": "Anna Vok"}))
    assert [q.text for q in quotes] == ["a truly breakthrough document"]


def test_an_open_quotation_with_its_own_speaker_keeps_it(nlp):
    text = ('Anna Vok said: "We acted on credible evidence.\n\n'
            '"Our assessment is that the case is closed," the Bordurian foreign ministry said.')
    names = {"Anna Vok": "RURGOV", "Bordurian foreign ministry": "BORGOV"}
    quotes = code_quotes(context(nlp, text, names, persons={"Anna Vok": "Anna Vok"}))
    assert quotes[0].speaker == "Anna Vok"


def test_government_title_with_a_rank_before_an_unplaced_name(nlp):
    text = ("Borduria's government spokesman, Colonel Olav Brek, rejected the allegation. "
            '"There are no foreign soldiers here," he said.')
    names = {"Borduria's government spokesman": "BORGOV", "Olav Brek": "---"}
    persons = {"Olav Brek": "Olav Brek", "Borduria's government spokesman": None}
    quotes = code_quotes(context(nlp, text, names, persons=persons))
    assert [q.actor for q in quotes] == ["BORGOV"]
