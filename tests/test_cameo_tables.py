"""The CAMEO codebook and the CAMEO -> PLOVER root mapping (plover_facts.md section 4)."""

from multipolar.coding import cameo
from multipolar.coding.verbs import default_lexicon


def test_codebook_has_every_root_and_known_leaves():
    book = cameo.codebook()
    roots = {c[:2] for c in book}
    assert roots == {f"{i:02d}" for i in range(1, 21)}
    for code in ("057", "0334", "112", "120", "1222", "163", "195", "0874", "2042"):
        assert code in book, code


def test_plover_follows_the_root():
    assert cameo.plover_of("057") == "SUPPORT"
    assert cameo.plover_of("0334") == "AGREE"
    assert cameo.plover_of("042") == "CONSULT"
    assert cameo.plover_of("112") == "ACCUSE"
    assert cameo.plover_of("094") == "ACCUSE"
    assert cameo.plover_of("120") == "REJECT"
    assert cameo.plover_of("163") == "SANCTION"
    assert cameo.plover_of("191") == "ASSAULT"
    assert cameo.plover_of("204") == "ASSAULT"


def test_statements_and_appeals_have_no_plover_type():
    assert cameo.plover_of("010") is None
    assert cameo.plover_of("0234") is None


def test_yield_splits_into_concede_and_retreat():
    assert cameo.plover_of("0832") == "CONCEDE"
    assert cameo.plover_of("083") == "CONCEDE"
    assert cameo.plover_of("085") == "RETREAT"
    assert cameo.plover_of("0871") == "RETREAT"


def test_lexicon_covers_every_root_with_known_codes():
    codes = default_lexicon().codes()
    assert all(cameo.is_known(c) for c in codes), sorted(c for c in codes if not cameo.is_known(c))
    assert {c[:2] for c in codes} == {f"{i:02d}" for i in range(1, 21)}
