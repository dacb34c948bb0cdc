"""Importing a PETRARCH-layout verb dictionary (fixture written for this test) into a Lexicon."""

from pathlib import Path

from multipolar.coding.petrarch_verbs import load_petrarch_verbs

FIXTURE = Path(__file__).parent / "fixtures" / "events" / "mini_verbs.txt"


def test_families_synonyms_and_defaults():
    lex, report = load_petrarch_verbs(FIXTURE)
    assert report.families == 4
    assert {r.code for r in lex.verbs["supply"]} == {"070", "071", "072"}
    assert {r.code for r in lex.verbs["furnish"]} == {"070", "071", "072"}
    assert "ponder" not in lex.verbs  # a family without a code adds no default rule


def test_pattern_with_synset_object_and_prepositional_target():
    lex, _ = load_petrarch_verbs(FIXTURE)
    rule = next(r for r in lex.verbs["supply"] if r.code == "072")
    assert rule.after == ((("tanks",), ("howitzers",), ("fighter", "jets")), (("to",),))
    assert rule.target == ("prep:to",)
    assert lex.verbs["supply"][-1].code == "070"  # the family default is tried last


def test_particle_compound_and_context_patterns():
    lex, _ = load_petrarch_verbs(FIXTURE)
    assert [(r.lemma, r.particle, r.code) for r in lex.verbs["pull"]] == [("pull", "out", "160")]
    assert any(r.needs_compound for r in lex.verbs["meet"])  # "% *": a joint subject
    assert ("prep:with",) in {r.target for r in lex.verbs["meet"]}
    said = next(r for r in lex.verbs["supply"] if r.code == "071")  # "SAID * AID"
    assert said.before == ((("said",),),) and said.after == ((("aid",),),)


def test_words_before_the_verb_must_be_there(nlp):
    from events_gazetteer import code_with

    lex, _ = load_petrarch_verbs(FIXTURE)
    said = code_with(nlp, "France said it supplied aid to Armenia.", lex)
    plain = code_with(nlp, "France supplied aid to Armenia.", lex)
    assert [e.cameo for e in said] == ["071"]
    assert [e.cameo for e in plain] == ["070"]


def test_imported_lexicon_codes_a_sentence(nlp):
    from events_gazetteer import code_with

    lex, _ = load_petrarch_verbs(FIXTURE)
    events = code_with(nlp, "France supplied howitzers to Armenia.", lex)
    assert [(e.source, e.cameo, e.target) for e in events] == [("FRA", "072", "ARM")]


def test_same_code_both_ways_is_mutual():
    lex, _ = load_petrarch_verbs(FIXTURE)
    rule = next(r for r in lex.verbs["meet"] if r.code == "041")
    assert rule.reciprocal and rule.after == ((("privately",),),)
