"""Collectives met in the fifth held-out round (actors/coref.py rule b), on sentences made up for
these tests: a lead naming a host beside the pair, "both armies", and an owner of the act on the
collective kept out of it."""

from __future__ import annotations

import pytest

from actor_spans import bases_at

pytestmark = pytest.mark.model


def test_lead_with_a_host_is_about_the_pair_named_as_a_group(resolver, nlp):
    text = ("Peru and Bolivia agreed on Sunday to reopen their border after talks hosted by Chile. "
            "Observers from Canada and Japan attended. Chile said it would send monitors. "
            "Officials from both sides will meet again in May.")
    assert bases_at(resolver, nlp, text, "both sides") == {"PER", "BOL"}


def test_both_armies_are_the_pair_just_named(resolver, nlp):
    text = "Armenia and Azerbaijan clashed on their border on Monday. Both armies reported losses."
    assert bases_at(resolver, nlp, text, "Both armies") == {"ARM", "AZE"}


def test_owner_of_an_act_on_both_countries_is_not_one_of_them(resolver, nlp):
    text = ("Cuba and Venezuela signed an oil deal on Friday, a step likely to irritate Western governments. "
            "Havana's energy minister spoke of Western sanctions on both countries.")
    assert bases_at(resolver, nlp, text, "both countries") == {"CUB", "VEN"}


def test_a_pronoun_takes_up_the_person_a_pronoun_just_resolved_to(resolver, nlp):
    text = ('Chilean President Gabriel Boric met Peruvian officials in Lima on Monday. '
            '"The border is open," he said. "It will stay open," he repeated. "Trade will grow," he added.')
    last = text.rindex("he added")
    res = resolver.resolve(nlp(text), "2025-04-02")
    m = res.covering(last, last + 2)
    assert m is not None and {c[:3] for c in m.codes} == {"CHL"}
