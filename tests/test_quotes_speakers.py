"""Quote coder on sentences written for these tests."""

from __future__ import annotations

import pytest

from fixtures.agree.handmade import context
from multipolar.coding.quotes import code_quotes, quote_spans

pytestmark = pytest.mark.model

NAMES = {"Ruritania": "RUR", "Anna Vok": "RURGOV", "Vok": "RURGOV"}
PERSONS = {"Anna Vok": "Anna Vok", "Vok": "Anna Vok"}


def test_spans_pair_curly_and_straight_marks_and_keep_cut_quotes():
    text = 'He said "one two" and “three four”.\nShe added: “five six seven eight'
    got = [text[s:e] for s, e in quote_spans(text)]
    assert got == ["one two", "three four", "five six seven eight"]


def test_speaker_after_and_before_split_quote_and_brackets(nlp):
    text = ("“This [accord] is a good start,” said Anna Vok on Monday. “We will keep talking.”\n\n"
            "Anna Vok told reporters that “nothing is settled yet.”")
    quotes = code_quotes(context(nlp, text, NAMES, persons=PERSONS))
    assert [(q.speaker, q.text) for q in quotes] == [
        ("Anna Vok", "This [accord] is a good start,"),
        ("Anna Vok", "We will keep talking."),
        ("Anna Vok", "nothing is settled yet."),
    ]
    for q in quotes:
        assert text[q.evidence.start:q.evidence.end] == q.evidence.text


def test_pronoun_speaker_and_named_institution(nlp):
    text = ("Anna Vok arrived in the capital on Sunday. “The talks went well,” she said.\n\n"
            "The Ruritanian Foreign Ministry said the visit was “useful and frank.”")
    quotes = code_quotes(context(nlp, text, NAMES, persons=PERSONS))
    assert ("Anna Vok", "The talks went well,") in [(q.speaker, q.text) for q in quotes]
    assert any(q.speaker.endswith("Foreign Ministry") and q.text == "useful and frank." for q in quotes)


def test_country_speakers_and_labels_are_not_quotes(nlp):
    text = ("Ruritania called the report “a provocation.” Officials attended the so-called "
            "“3+3” meeting, and the “iron pact” partnership was praised.")
    assert code_quotes(context(nlp, text, NAMES, persons=PERSONS)) == []


def test_full_name_continuation_paragraph_and_colon_introduction(nlp):
    text = ("Trade minister Jan Olek Brandt met the delegation. “We made progress,” Brandt said.\n\n"
            "“The next round starts in May.”\n\n"
            "Asked about tariffs, Brandt stated:\n\n"
            "“Nothing changes for now.”")
    quotes = code_quotes(context(nlp, text, NAMES, persons=PERSONS))
    assert [(q.speaker, q.text) for q in quotes] == [
        ("Jan Olek Brandt", "We made progress,"),
        ("Jan Olek Brandt", "The next round starts in May."),
        ("Jan Olek Brandt", "Nothing changes for now."),
    ]


def test_statement_read_from_an_institution_and_spokesperson_for_it(nlp):
    text = ("“Inspections will resume next week,” read a statement from the Ruritanian Energy Ministry.\n\n"
            "A spokesperson for the Ruritanian Energy Ministry said the inspectors were “welcome.”")
    quotes = code_quotes(context(nlp, text, NAMES, persons=PERSONS))
    assert len(quotes) == 2
    assert all(q.speaker.endswith("Energy Ministry") for q in quotes)


def test_unnamed_institution_is_not_a_speaker_but_refers_back(nlp):
    text = ("An agency said the plan was “premature.”\n\n"
            "The Ruritanian Space Agency called the launch “a success.” The agency added that it was “only the start.”")
    quotes = code_quotes(context(nlp, text, NAMES, persons=PERSONS))
    assert [q.text for q in quotes] == ["a success.", "only the start."]
    assert all(q.speaker.endswith("Space Agency") for q in quotes)
