"""Agreement terms stated as clauses, provisions under an opening "Under the pact," frame, pair
subjects, permission "may", a separate memorandum beside a trade pact, renewal dates.

Sentences written for these tests; actors are resolved by hand (fixtures/agree/handmade.py).
Published date of the contexts: Saturday 8 March 2025.
"""

from __future__ import annotations

import pytest

from fixtures.agree.handmade import context
from multipolar.coding.agreement_lexicon import find_cues
from multipolar.coding.agreement_validity import term_years
from multipolar.coding.agreements import code_agreements

NAMES = {"Ruritania": "RUR", "Ruritanian": "RUR", "Borduria": "BOR", "Bordurian": "BOR",
         "the two countries": ("BOR", "RUR"), "the two sides": ("BOR", "RUR")}


def _one(agreements, parties, kind=None):
    found = [a for a in agreements if sorted(a.parties) == sorted(parties) and kind in (None, a.kind)]
    assert len(found) == 1, [(a.parties, a.kind) for a in agreements]
    return found[0]


@pytest.mark.parametrize("text, years", [
    ("The accord is valid for twelve years and may be extended.", 12),
    ("They renewed the pact, extending it for another decade.", 10),
    ("The accord is valid for 12 years and may be extended.", 12),
    ("The pact, which will remain in force until 2040, covers fisheries.", 15),
    ("They extended the arrangement for a further five years.", 5),
    ("The deal runs through 2030.", 5),
    ("Officials said the term of the lease is 30 years.", None),  # no "for": not read
    ("The two navies have trained together for ten years.", None),  # history, no validity word
    ("The treaty expires in 2031.", 6),
])
def test_term_clauses_give_years(text, years):
    found = term_years(text, 2025)
    assert (found[0] if found else None) == years


@pytest.mark.model
def test_term_clause_on_the_agreement_sentence_sets_duration(nlp):
    text = ("Ruritania and Borduria signed a border security agreement on Friday.\n\n"
            "The agreement, signed in the capital, is valid for 15 years and can be renewed.")
    a = _one(code_agreements(context(nlp, text, NAMES)), ["BOR", "RUR"])
    assert a.duration_years == 15 and a.signed == "2025-03-07"


@pytest.mark.model
def test_until_year_counts_from_the_signing_year(nlp):
    text = ("Ruritania and Borduria signed an electricity supply agreement on Monday.\n\n"
            "Under the agreement, which runs until 2033, Borduria will export power to Ruritania.")
    a = _one(code_agreements(context(nlp, text, NAMES)), ["BOR", "RUR"])
    assert a.duration_years == 8
    assert {p.key: p.value for p in a.provisions}.get("energy") == "present"


@pytest.mark.model
def test_opening_frame_covers_every_conjunct(nlp):
    text = ("Ruritania and Borduria signed a defence cooperation agreement on Tuesday.\n\n"
            "Under the agreement, the two navies will hold joint drills every year, Borduria will train "
            "Ruritanian pilots, and warships of both navies will be allowed to make port calls.")
    a = _one(code_agreements(context(nlp, text, NAMES)), ["BOR", "RUR"])
    values = {p.key: p.value for p in a.provisions}
    assert values.get("joint_exercises") == "present"
    assert values.get("military_training") == "present"
    assert values.get("port_visits") == "present"


@pytest.mark.model
def test_may_under_the_pact_is_permission_but_elsewhere_speculation(nlp):
    granted = ("Ruritania and Borduria signed an access agreement on Monday.\n\n"
               "Under the deal, Bordurian troops may use two air bases in the north.")
    a = _one(code_agreements(context(nlp, granted, NAMES)), ["BOR", "RUR"])
    assert {p.key: p.value for p in a.provisions}.get("basing") == "present"
    guessed = ("Ruritania and Borduria signed an access agreement on Monday.\n\n"
               "Analysts said the agreement may lead to arms sales later.")
    b = _one(code_agreements(context(nlp, guessed, NAMES)), ["BOR", "RUR"])
    assert "arms_transfers" not in {p.key for p in b.provisions}


@pytest.mark.model
def test_pair_subject_commitment_goes_to_the_pact_but_opinions_do_not(nlp):
    text = ("Ruritania and Borduria signed a security agreement on Monday.\n\n"
            "The two countries will hold joint exercises twice a year.")
    a = _one(code_agreements(context(nlp, text, NAMES)), ["BOR", "RUR"])
    assert {p.key: p.value for p in a.provisions}.get("joint_exercises") == "present"
    opinion = ("Ruritania and Borduria signed a trade agreement on Monday.\n\n"
               "The two countries see eye to eye on military cooperation.")
    b = _one(code_agreements(context(nlp, opinion, NAMES)), ["BOR", "RUR"])
    assert "military_cooperation" not in {p.key for p in b.provisions}


@pytest.mark.model
def test_separate_memorandum_is_a_second_agreement_with_its_own_term(nlp):
    text = ("Ruritania and Borduria signed a free trade agreement on Monday.\n\n"
            "In a separate memorandum of understanding signed the same day, the two countries agreed "
            "to cooperate on renewable energy.\n\n"
            "The memorandum is valid for five years.")
    agreements = code_agreements(context(nlp, text, NAMES))
    trade = _one(agreements, ["BOR", "RUR"], kind="agreement")
    memo = _one(agreements, ["BOR", "RUR"], kind="memorandum")
    assert memo.signed == trade.signed == "2025-03-03"
    assert memo.duration_years == 5 and trade.duration_years is None
    assert {p.key for p in memo.provisions} == {"energy"}
    assert memo.name == "memorandum"


@pytest.mark.model
def test_renewal_date_is_the_signing_date_of_the_renewed_term(nlp):
    text = ("Ruritania and Borduria renewed their defence cooperation agreement on Tuesday, extending "
            "it for another ten years.")
    a = _one(code_agreements(context(nlp, text, NAMES)), ["BOR", "RUR"])
    assert a.signed == "2025-03-04" and a.duration_years == 10


@pytest.mark.parametrize("text, key", [
    ("instructors will train Bordurian soldiers in border surveillance", "military_training"),
    ("the agreement would also expand joint training", "military_training"),
    ("commits them to consult each other on regional threats", "consultation"),
    ("agreed to co-produce patrol vessels and spare parts", "military_technical"),
    ("grants foreign forces access to four military sites", "basing"),
    ("may preposition equipment there", "basing"),
    ("businesses may settle payments in ringgit and dirhams", "payments_national_currencies"),
    ("a long-term natural gas supply agreement", "energy"),
    ("will deliver up to 1.5 billion cubic metres of gas a year", "energy"),
])
def test_new_provision_cues(text, key):
    assert key in {k for k, _s, _e in find_cues(text)}


def test_training_exercises_and_foreign_currency_are_not_these_cues():
    assert "military_training" not in {k for k, _s, _e in find_cues("joint training exercises")}
    assert not find_cues("settle payments in US dollars and euros")


@pytest.mark.parametrize("text, key", [
    ("It does not include any military assistance clause", "defense"),
    ("Wellington will share satellite tracking data on illegal fishing", "intelligence_sharing"),
    ("The deal does not allow Borduria to base ships in Ruritania", "basing"),
    ("It has no provision on hydropower exports", "energy"),
])
def test_more_provision_cues(text, key):
    assert key in {k for k, _s, _e in find_cues(text)}


def test_for_the_next_years_is_a_term_by_itself():
    found = term_years("committing both countries to share vessels for the next five years.", 2025)
    assert found is not None and found[0] == 5


@pytest.mark.model
def test_a_signed_ceasefire_is_an_agreement_but_a_requested_one_is_not(nlp):
    signed = ("Ruritanian and Bordurian troops clashed on Sunday before both governments agreed to a "
              "ceasefire on Monday.\n\nThey signed a ceasefire agreement in the capital.")
    names = dict(NAMES, **{"both governments": ("BOR", "RUR")})
    a = _one(code_agreements(context(nlp, signed, names)), ["BOR", "RUR"])
    assert a.signed == "2025-03-03"
    asked = "Syldavia called for a ceasefire between Ruritania and Borduria on Monday."
    assert code_agreements(context(nlp, asked, dict(NAMES, Syldavia="SYL"))) == []
    urged = "Syldavia urged Ruritania and Borduria to respect the truce."
    assert code_agreements(context(nlp, urged, dict(NAMES, Syldavia="SYL"))) == []


@pytest.mark.model
def test_same_day_skips_a_bare_year_named_in_between(nlp):
    text = ("Ruritania agreed on Wednesday to buy jets from Borduria. The first jets will arrive in 2027.\n\n"
            "On the same day, Ruritania and Syldavia signed a memorandum on defence cooperation.")
    names = dict(NAMES, Syldavia="SYL")
    a = _one(code_agreements(context(nlp, text, names)), ["RUR", "SYL"])
    assert a.signed == "2025-03-05"


@pytest.mark.model
def test_aggression_against_either_is_mutual_defence_and_commentary_is_no_content(nlp):
    text = ("Ruritania and Borduria signed a strategic agreement on Wednesday.\n\n"
            "It states that any aggression against either country shall be considered an aggression "
            "against both.")
    a = _one(code_agreements(context(nlp, text, NAMES)), ["BOR", "RUR"])
    assert {p.key: p.value for p in a.provisions} == {"defense": "present"}
    comment = ("Ruritania and Borduria signed a fisheries agreement on Wednesday.\n\n"
               "Analysts said the agreement signalled doubts about Syldavian security guarantees.")
    b = _one(code_agreements(context(nlp, comment, NAMES)), ["BOR", "RUR"])
    assert "defense" not in {p.key for p in b.provisions}


def test_a_term_of_an_initial_period():
    found = term_years("The memorandum, which will be in force for an initial period of five years, covers", 2026)
    assert found is not None and found[0] == 5


@pytest.mark.model
def test_list_items_the_parser_hung_on_the_reporting_verb_stay_in_the_list(nlp):
    text = ("Ruritania and Borduria signed a memorandum of understanding on military cooperation on Thursday.\n\n"
            "The memorandum, which will be in force for an initial period of five years, provides for the "
            "supply of air defence systems, the training of Ruritanian officers in Bordurian military "
            "academies and regular joint exercises, Ruritania's defence ministry said.")
    names = dict(NAMES, **{"Ruritania's defence ministry": "RURGOV"})
    a = _one(code_agreements(context(nlp, text, names)), ["BOR", "RUR"])
    values = {p.key: p.value for p in a.provisions}
    assert values.get("arms_transfers") == values.get("military_training") == "present"
    assert values.get("joint_exercises") == "present" and a.duration_years == 5


@pytest.mark.model
def test_deal_named_in_an_opening_frame_is_between_the_two_states_of_its_clause(nlp):
    text = "Under the 25-year deal signed in 2021, Borduria will invest $400 billion in Ruritania."
    a = _one(code_agreements(context(nlp, text, NAMES)), ["BOR", "RUR"])
    assert (a.signed, a.duration_years) == ("2021", 25)
    assert {p.key for p in a.provisions} == {"economic"}


@pytest.mark.parametrize("text, key", [
    ("signed a defence and economic cooperation agreement", "military_cooperation"),
    ("commits both sides to refrain from the use of force", "nonaggression"),
    ("an agreement allowing their troops to train in each other's territory", "military_training"),
    ("a memorandum to link their power grids", "energy"),
])
def test_cues_for_paired_cooperation_force_training_and_grids(text, key):
    assert key in {k for k, _s, _e in find_cues(text)}
