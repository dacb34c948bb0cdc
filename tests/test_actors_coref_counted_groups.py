"""'these three European nations': a counted group with an adjective is the group named before it,
not the region the adjective names (sentences written for this test)."""

from __future__ import annotations

import pytest

from multipolar.actors.resolver import ActorResolver

pytestmark = pytest.mark.model

TEXT = ("Spain, Portugal and Italy tabled a motion at the assembly on Monday. "
        "These three European nations, joined by Canada, said the vote was urgent.")


def test_counted_group_with_adjective_takes_the_named_group(nlp):
    res = ActorResolver().resolve(nlp(TEXT), "2024-05-06")
    start = TEXT.index("These three European nations")
    m = res.covering(start + len("These three "), start + len("These three European nations"))
    assert m is not None and {c[:3] for c in m.codes} == {"ESP", "PRT", "ITA"}


def test_adjective_alone_still_names_the_region(nlp):
    text = "European nations met in Brussels on Monday."
    res = ActorResolver().resolve(nlp(text), "2024-05-06")
    m = res.covering(0, len("European nations"))
    assert m is not None and "ESP" not in m.codes


def test_described_country_is_the_country_named_last(nlp):
    text = ("Norway opened a new embassy in Lima on Monday. Officials said the Nordic country "
            "would also send a trade mission to the reclusive Asian state next year.")
    res = ActorResolver().resolve(nlp(text), "2024-05-06")
    start = text.index("the Nordic country")
    m = res.covering(start, start + len("the Nordic country"))
    assert m is not None and m.codes == ("NOR",)


def test_generic_country_nouns_are_not_descriptions(nlp):
    text = "Norway opened a new embassy on Monday. The same country also hosts the whole nation's fleet."
    res = ActorResolver().resolve(nlp(text), "2024-05-06")
    start = text.index("The same country")
    assert res.covering(start, start + len("The same country")) is None


def test_region_word_picks_the_member_country(nlp):
    text = "Sweden signed a fisheries deal with France on Monday. The Nordic country will also buy gas from Qatar."
    res = ActorResolver().resolve(nlp(text), "2024-05-06")
    start = text.index("The Nordic country")
    m = res.covering(start, start + len("The Nordic country"))
    assert m is not None and m.codes == ("SWE",)


def test_the_two_leaders_are_the_people_just_named_not_the_capitals(nlp):
    text = ("Philippine President Ferdinand Marcos thanked Tokyo and Seoul for their support during a call "
            "with Japanese Prime Minister Shigeru Ishiba. The two leaders also agreed to speed up talks.")
    res = ActorResolver().resolve(nlp(text), "2024-05-06")
    start = text.index("The two leaders")
    m = res.covering(start, start + len("The two leaders"))
    assert m is not None and sorted(m.codes) == ["JPNGOV", "PHLGOV"]
