"""Event constructions common in international news beyond alliances and arms deals: summoning an
envoy, lodging a protest, condemning an act reported earlier ("the veto", "the sanctions"), and a
leader hosting talks in his own capital. Sentences written for these tests; actors come from the
hand-made gazetteer (tests/events_gazetteer.py)."""

import pytest

from events_gazetteer import code, triples
from multipolar.coding.events import _Coder

pytestmark = pytest.mark.model


def test_summoning_an_ambassador_is_an_official_complaint(nlp):
    assert triples(code(nlp, "France summoned the Russian ambassador on Monday.")) == {("FRA", "114", "RUS")}
    assert triples(code(nlp, "Germany summoned the Turkish charge d'affaires in Berlin.")) == {
        ("DEU", "114", "TUR")}


def test_lodging_a_protest_with_a_state(nlp):
    assert triples(code(nlp, "Britain lodged a formal protest with Iran.")) == {("GBR", "114", "IRN")}


def test_summoning_a_non_envoy_is_not_a_protest(nlp):
    assert not triples(code(nlp, "France summoned its parliament for an emergency session on Monday."))


def test_condemning_a_veto_criticises_the_vetoing_states(nlp):
    events = code(nlp, "Russia and China vetoed a NATO resolution on Thursday. Britain condemned the veto.")
    assert {("GBR", "111", "RUS"), ("GBR", "111", "CHN")} <= triples(events)


def test_criticising_sanctions_targets_who_imposed_them_not_a_later_expulsion(nlp):
    events = code(nlp, "Germany imposed sanctions on Iran. Iran expelled two German diplomats. "
                       "Russia criticised the sanctions.")
    assert ("RUS", "111", "DEU") in triples(events)
    assert ("RUS", "111", "IRN") not in triples(events)


def test_condemning_an_act_nobody_was_reported_doing_codes_nothing(nlp):
    assert not triples(code(nlp, "Germany condemned the veto."))


def test_hosting_talks_in_ones_own_capital_is_no_visit_to_oneself(nlp):
    assert not triples(code(nlp, "Putin hosted the two delegations in Moscow."))


def test_state_organ_paired_with_its_own_state():
    assert _Coder.organ_of_own_state("KENGOV", "KEN")
    assert _Coder.organ_of_own_state("RUS", "RUSMIL")
    assert not _Coder.organ_of_own_state("AZEREB", "AZE")  # rebels fighting their state are real events
    assert not _Coder.organ_of_own_state("KENGOV", "ETH")


def test_truce_brokered_by_a_third_state_is_its_mediation_between_the_parties(nlp):
    events = code(nlp, "Russia and Ukraine agreed to a ceasefire brokered by Turkey.")
    assert {("TUR", "045", "RUS"), ("TUR", "045", "UKR"), ("RUS", "0871", "UKR")} <= triples(events)
    assert {e.status for e in events if e.cameo == "045"} == {"asserted"}  # the brokering is done
    assert {("TUR", "045", "RUS"), ("TUR", "045", "UKR")} <= triples(
        code(nlp, "Russia and Ukraine signed a truce mediated by Turkey."))


def test_a_ban_on_imports_sanctions_the_country_the_goods_come_from(nlp):
    assert ("IRN", "163", "CHN") in triples(code(nlp, "Iran announced a ban on imports of Chinese food products."))
    assert ("IRN", "163", "CHN") in triples(code(nlp, "Iran imposed a ban on imports from China."))
    assert not any(c == "163" for _, c, _ in triples(code(nlp, "France announced a ban on smoking.")))


def test_the_sanctions_refer_to_the_report_that_named_them_not_a_later_retaliatory_ban(nlp):
    events = code(nlp, "Germany imposed sanctions on Iran. Iran announced a ban on imports of Chinese goods. "
                       "Russia criticised the sanctions.")
    assert ("RUS", "111", "DEU") in triples(events)
    assert ("RUS", "111", "IRN") not in triples(events)


def test_concern_over_the_incident_criticises_whoever_used_force_in_it(nlp):
    events = code(nlp, "China attacked the Philippines on Monday. Japan expressed concern over the incident.")
    assert ("JPN", "111", "CHN") in triples(events)
    assert not triples(code(nlp, "Japan expressed concern over the incident."))
    talks = code(nlp, "China held talks with Japan. Britain expressed concern over the incident.")
    assert not any(s == "GBR" for s, _, _ in triples(talks))  # talks are no incident


def test_a_reported_intrusion_or_violation_criticises_the_intruder(nlp):
    assert ("TUR", "111", "IRN") in triples(code(nlp, "Turkey said the Iranian vessel had intruded into Turkish waters."))
    assert ("RUS", "111", "UKR") in triples(code(nlp, "Russia said Ukraine violated the ceasefire."))
    assert not any(c == "111" for _, c, _ in triples(code(nlp, "Russia said Ukraine did not violate the ceasefire.")))


def test_prisoner_releases_and_exchanges(nlp):
    assert triples(code(nlp, "Iran released two French citizens.")) == {("IRN", "0841", "FRA")}
    assert triples(code(nlp, "Russia and Ukraine exchanged 200 prisoners on Friday.")) == {
        ("RUS", "0841", "UKR"), ("UKR", "0841", "RUS")}
    assert not triples(code(nlp, "Iran released a statement."))


def test_recalling_an_ambassador_reduces_relations(nlp):
    assert triples(code(nlp, "France recalled its ambassador from Iran.")) == {("FRA", "161", "IRN")}


def test_closing_a_border_or_airspace_restricts_movement(nlp):
    assert triples(code(nlp, "Turkey closed its border with Syria.")) == {("TUR", "191", "SYR")}
    assert triples(code(nlp, "France closed its airspace to Russian aircraft.")) == {("FRA", "191", "RUS")}
    assert not triples(code(nlp, "Turkey closed its embassy."))


def test_traded_accusations_is_mutual_accusation_not_trade(nlp):
    assert triples(code(nlp, "Armenia and Azerbaijan traded accusations of violating the truce.")) == {
        ("ARM", "112", "AZE"), ("AZE", "112", "ARM")}
    assert triples(code(nlp, "Japan traded with China.")) == {("JPN", "061", "CHN"), ("CHN", "061", "JPN")}


def test_a_veto_without_a_named_sponsor_is_still_coded(nlp):
    events = code(nlp, "Russia vetoed the draft resolution. Britain condemned the veto.")
    assert triples(events) == {("RUS", "129", None), ("GBR", "111", "RUS")}


def test_exercising_restraint_is_no_military_exercise(nlp):
    assert triples(code(nlp, "China urged Russia and Ukraine to exercise restraint.")) == {
        ("CHN", "020", "RUS"), ("CHN", "020", "UKR")}
    assert ("RUS", "062", "CHN") in triples(code(nlp, "Russia and China held joint naval exercises."))


def test_pledged_relief_is_intent_and_sent_relief_is_aid(nlp):
    assert triples(code(nlp, "Japan pledged $10 million in emergency aid to Turkey.")) == {("JPN", "0333", "TUR")}
    assert triples(code(nlp, "Japan sent humanitarian aid to Turkey.")) == {("JPN", "073", "TUR")}


def test_phone_calls_are_telephone_consultations(nlp):
    assert triples(code(nlp, "Putin spoke by phone with Turkey on Monday.")) == {
        ("RUSGOV", "041", "TUR"), ("TUR", "041", "RUSGOV")}
    assert ("RUS", "041", "TUR") in triples(code(nlp, "During a phone call with Turkey, Russia said it wanted peace."))
    assert not triples(code(nlp, "Japan spoke with Australia about trade."))


def test_troop_withdrawal_noun(nlp):
    assert ("RUS", "0874", "ARM") in triples(code(nlp, "Russia began the withdrawal of its troops from Armenia."))
    assert not triples(code(nlp, "Russia began the withdrawal of the bill from parliament."))


def test_welcoming_a_ceasefire_between_two_parties(nlp):
    assert triples(code(nlp, "Iran welcomed the ceasefire between Armenia and Azerbaijan.")) == {
        ("IRN", "013", "ARM"), ("IRN", "013", "AZE")}
    assert not triples(code(nlp, "Iran welcomed the ceasefire."))
