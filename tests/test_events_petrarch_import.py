"""Importing a PETRARCH-layout verb dictionary (fixture written for this test) into a Lexicon."""

from pathlib import Path

from multipolar.coding.petrarch_verbs import load_petrarch_verbs

FIXTURE = Path(__file__).parent / "fixtures" / "events" / "mini_verbs.txt"


def test_families_synonyms_and_defaults():
    lex, report = load_petrarch_verbs(FIXTURE)
    assert report.families == 4
    assert {r.code for r in lex.verbs["supply"]} == {"070", "072"}
    assert {r.code for r in lex.verbs["furnish"]} == {"070", "072"}
    assert "ponder" not in lex.verbs  # a family without a code adds no default rule


def test_pattern_with_synset_object_and_prepositional_target():
    lex, _ = load_petrarch_verbs(FIXTURE)
    rule = next(r for r in lex.verbs["supply"] if r.code == "072")
    assert rule.objects == frozenset({"tanks", "howitzers", "jets"})
    assert rule.target == ("prep:to",)
    assert lex.verbs["supply"][0] is rule  # specific patterns are tried before the family default


def test_particle_compound_and_skipped_context_patterns():
    lex, report = load_petrarch_verbs(FIXTURE)
    assert [(r.lemma, r.particle, r.code) for r in lex.verbs["pull"]] == [("pull", "out", "160")]
    assert any(r.reciprocal for r in lex.verbs["meet"])
    assert ("prep:with",) in {r.target for r in lex.verbs["meet"]}
    assert report.skipped.get("words before the verb") == 1  # "SAID * AID"


def test_imported_lexicon_codes_a_sentence(nlp):
    from events_gazetteer import code_with

    lex, _ = load_petrarch_verbs(FIXTURE)
    events = code_with(nlp, "France supplied howitzers to Armenia.", lex)
    assert [(e.source, e.cameo, e.target) for e in events] == [("FRA", "072", "ARM")]
