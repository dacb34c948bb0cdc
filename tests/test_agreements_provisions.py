"""Agreement coder on sentences written for these tests (hand-made actor resolution)."""

from __future__ import annotations

import pytest

from fixtures.agree.handmade import context
from multipolar.coding.agreements import code_agreements

pytestmark = pytest.mark.model

NAMES = {"Ruritania": "RUR", "Ruritanian": "RUR", "Borduria": "BOR", "Bordurian": "BOR",
         "Syldavia": "SYL", "Carpathia": "CAR", "the two countries": ("BOR", "RUR"),
         "Anna Vok": "RURGOV", "Piet Lund": "BORGOV"}
PERSONS = {"Anna Vok": "Anna Vok", "Piet Lund": "Piet Lund"}


def _one(agreements, parties):
    found = [a for a in agreements if sorted(a.parties) == sorted(parties)]
    assert len(found) == 1, [a.parties for a in agreements]
    return found[0]


def test_signing_leaders_give_parties_date_duration_and_listed_provisions(nlp):
    text = ("Ruritanian leader Anna Vok and Bordurian leader Piet Lund on Tuesday signed a 15-year "
            "security treaty in the capital.\n\n"
            "The treaty provides for joint naval drills, the sharing of intelligence and training of "
            "officers between the two countries.")
    ctx = context(nlp, text, NAMES, persons=PERSONS)
    a = _one(code_agreements(ctx), ["BOR", "RUR"])
    assert a.signed == "2025-03-04" and a.duration_years == 15 and a.kind == "treaty"
    values = {p.key: p.value for p in a.provisions}
    assert values == {"joint_exercises": "present", "intelligence_sharing": "present",
                      "military_training": "present"}
    for p in a.provisions:
        assert p.evidence.text.startswith("The treaty provides for")
        assert ctx.doc.text[p.evidence.start:p.evidence.end] == p.evidence.text


def test_negated_inclusion_is_absent_and_other_pact_gets_its_own_record(nlp):
    text = ("Ruritania and Borduria signed a friendship treaty on Monday. "
            "It does not contain a mutual defence clause like the one included in a pact between "
            "Ruritania and Syldavia.")
    agreements = code_agreements(context(nlp, text, NAMES))
    main = _one(agreements, ["BOR", "RUR"])
    other = _one(agreements, ["RUR", "SYL"])
    assert {p.key: p.value for p in main.provisions} == {"defense": "absent"}
    assert {p.key: p.value for p in other.provisions} == {"defense": "present"}


def test_no_mention_after_the_pact_reports_an_absence(nlp):
    text = ("Ruritania and Borduria concluded an agreement last week. "
            "There was no mention of weapons deliveries in the text.")
    a = _one(code_agreements(context(nlp, text, NAMES)), ["BOR", "RUR"])
    assert {p.key: p.value for p in a.provisions} == {"arms_transfers": "absent"}


def test_silence_and_speculation_record_nothing(nlp):
    text = ("Ruritania and Borduria signed a trade pact on Friday. Analysts expect joint exercises "
            "next year. The pact could expand arms sales to Borduria.")
    a = _one(code_agreements(context(nlp, text, NAMES)), ["BOR", "RUR"])
    keys = {p.key for p in a.provisions}
    assert "joint_exercises" not in keys and "arms_transfers" not in keys


def test_under_the_pact_frames_the_obligations(nlp):
    text = ("Ruritania and Borduria sealed a defence pact in 2019. Under the pact, neither side will "
            "allow its territory to be used against the other.")
    a = _one(code_agreements(context(nlp, text, NAMES)), ["BOR", "RUR"])
    assert a.signed == "2019"
    assert {p.key: p.value for p in a.provisions}.get("territory_non_use") == "present"


def test_passing_mentions_of_pacts_with_several_partners_are_separate_records(nlp):
    text = "Ruritania has deepened ties with its neighbours, including security pacts with Syldavia and Carpathia."
    agreements = code_agreements(context(nlp, text, NAMES))
    assert sorted(tuple(a.parties) for a in agreements) == [("CAR", "RUR"), ("RUR", "SYL")]
    assert all(not a.provisions for a in agreements)


def test_unconcluded_and_single_party_mentions_make_no_record(nlp):
    text = ("Ruritania failed to reach an agreement with Borduria. "
            "Syldavia is a member of the alliance.")
    assert code_agreements(context(nlp, text, NAMES)) == []


def test_alias_refers_back_and_proper_names_are_not_content(nlp):
    text = ("Ruritania and Borduria signed the Joint Defense Cooperation Agreement (JDCA) in 2021. "
            "The JDCA gives Bordurian forces access to three Ruritanian bases.")
    a = _one(code_agreements(context(nlp, text, NAMES)), ["BOR", "RUR"])
    assert a.signed == "2021" and a.name == "Joint Defense Cooperation Agreement"
    assert {p.key: p.value for p in a.provisions} == {"basing": "present"}


def test_whose_gives_the_holder_and_a_weapon_contract_is_an_arms_transfer(nlp):
    text = "The decision angered Syldavia, whose tank contract with Borduria was cancelled."
    a = _one(code_agreements(context(nlp, text, NAMES)), ["BOR", "SYL"])
    assert {p.key: p.value for p in a.provisions} == {"arms_transfers": "present"}


def test_dateline_place_is_not_a_party_and_plural_treaties_split_per_holder(nlp):
    text = ("CARPATHIA CITY, Carpathia — Ruritania and Borduria have both signed peace treaties with "
            "Syldavia, officials said.")
    agreements = code_agreements(context(nlp, text, NAMES))
    assert sorted(tuple(a.parties) for a in agreements) == [("BOR", "SYL"), ("RUR", "SYL")]


def test_expected_deals_are_not_agreements(nlp):
    text = "Markets rose on expectations of a trade deal between Ruritania and Borduria."
    assert code_agreements(context(nlp, text, NAMES)) == []


def test_purpose_clause_of_the_deal_and_ceremony_date(nlp):
    text = ("Ruritania and Borduria signed an accord at a ceremony held in the capital on 3 March 2024. "
            "Two Bordurian firms agreed a deal with Ruritania last year to supply howitzers and tanks.")
    agreements = code_agreements(context(nlp, text, NAMES))
    dates = sorted(str(a.signed) for a in agreements)
    assert "2024-03-03" in dates
    assert any({p.key for p in a.provisions} == {"arms_transfers"} for a in agreements)


def test_they_and_the_occasion_of_proclaiming_give_parties_and_date(nlp):
    text = ("Anna Vok and Piet Lund praised each other as they renewed their friendship pact. "
            "Critics attacked the friendship pact proclaimed when Anna Vok visited Borduria in May 2019.")
    a = _one(code_agreements(context(nlp, text, NAMES, persons=PERSONS)), ["BOR", "RUR"])
    assert a.signed == "2019-05"


def test_alliance_members_listed_after_a_colon_and_its_article(nlp):
    names = dict(NAMES, **{"Syldavia, Carpathia and Ruritania": ("SYL", "CAR", "RUR")})
    text = ("The Northern Pact Organisation is a defensive alliance, comprising three states: Syldavia, "
            "Carpathia and Ruritania. In 2023 Ruritania invoked Article 5 of the treaty, a mutual "
            "defence clause.")
    a = _one(code_agreements(context(nlp, text, names)), ["CAR", "RUR", "SYL"])
    assert {p.key: p.value for p in a.provisions}.get("defense") == "present"


def test_joint_arms_production_is_military_technical_and_can_be_absent(nlp):
    text = ("Ruritania and Borduria signed a memorandum of understanding on defence cooperation on Monday.\n\n"
            "The memorandum does not include any commitment to joint arms production.")
    a = _one(code_agreements(context(nlp, text, NAMES, persons=PERSONS)), ["BOR", "RUR"])
    assert {p.key: p.value for p in a.provisions}.get("military_technical") == "absent"
