"""Causes of missed events found with the fifth held-out round, on sentences written for these tests."""

import pytest

from events_gazetteer import code, triples

pytestmark = pytest.mark.model


def test_filing_a_case_against_a_state_is_a_lawsuit(nlp):
    events = code(nlp, "Norway filed a case against Finland at the international tribunal on Monday.")
    assert ("NOR", "115", "FIN") in triples(events)


def test_bringing_proceedings_against_a_state_is_a_lawsuit(nlp):
    assert ("ARM", "115", "AZE") in triples(code(nlp, "Armenia brought proceedings against Azerbaijan."))


def test_rescue_teams_sent_to_a_state_are_humanitarian_aid(nlp):
    events = code(nlp, "Turkey sent two search-and-rescue teams to Syria on Tuesday.")
    assert ("TUR", "073", "SYR") in triples(events)


def test_ordinary_teams_sent_abroad_are_not_aid(nlp):
    events = code(nlp, "Germany sent its football team to France for the tournament.")
    assert not any(e.cameo.startswith("07") for e in events)


def test_donating_money_named_by_its_currency_sign_is_economic_aid(nlp):
    assert ("DEU", "071", "EGY") in triples(code(nlp, "Germany donated $40 million to Egypt."))


def test_donating_relief_supplies_is_humanitarian_aid(nlp):
    assert ("JPN", "073", "PHL") in triples(code(nlp, "Japan donated food and medicine to the Philippines."))


def test_object_with_its_own_partner_phrase_wins_over_a_side_phrase(nlp):
    events = code(nlp, "Sweden froze its relations with Turkey in solidarity with Armenia.")
    got = triples(events)
    assert any(s == "SWE" and c.startswith("16") and t == "TUR" for s, c, t in got)
    assert not any(t == "ARM" for _, _, t in got)


def test_sanctions_being_prepared_are_planned(nlp):
    events = code(nlp, "Britain is preparing new sanctions against Iran.")
    hits = [e for e in events if e.cameo == "163"]
    assert [(e.source, e.target, e.status) for e in hits] == [("GBR", "IRN", "planned")]


def test_sanctions_imposed_stay_asserted(nlp):
    events = code(nlp, "Britain imposed new sanctions on Iran.")
    assert [(e.source, e.target, e.status) for e in events if e.cameo == "163"] == [("GBR", "IRN", "asserted")]


def test_forcing_ones_way_into_an_embassy_is_storming_it_and_the_raid_is_condemned(nlp):
    events = code(nlp, "Iranian police forced their way into the British embassy. "
                       "France condemned the raid.")
    got = triples(events)
    assert any(s.startswith("IRN") and c.startswith("19") and t.startswith("GBR") for s, c, t in got)
    assert any(s == "FRA" and c == "111" and t.startswith("IRN") for s, c, t in got)


def test_joint_subject_firing_artillery_with_no_recipient_fire_on_each_other(nlp):
    events = code(nlp, "Armenia and Azerbaijan fired artillery across the border on Monday.")
    assert {("ARM", "194", "AZE"), ("AZE", "194", "ARM")} <= triples(events)


def test_one_state_firing_artillery_with_no_recipient_is_not_coded(nlp):
    assert not code(nlp, "Armenia fired artillery across the border on Monday.")


def test_officers_from_two_states_are_those_states(nlp):
    events = code(nlp, "Commanders from Armenia and Azerbaijan will meet on Wednesday.")
    assert {("ARM", "040", "AZE"), ("AZE", "040", "ARM")} <= triples(events)


def test_purpose_of_a_planned_meeting_is_planned_and_dated_ahead(nlp):
    events = code(nlp, "Envoys from Norway and Finland will meet on Wednesday to agree how the border is patrolled.")
    agreed = [e for e in events if e.cameo.startswith("03")]
    assert agreed and all(e.status == "planned" and e.date == "2025-03-19" for e in agreed)


def test_jets_entering_a_states_airspace_is_an_incursion(nlp):
    events = code(nlp, "Three Russian fighter jets entered Ukrainian airspace on Friday.", )
    assert any(s.startswith("RUS") and c == "190" and t == "UKR" for s, c, t in triples(events))


def test_crossing_into_airspace_is_not_needed_for_other_objects(nlp):
    assert not code(nlp, "Three Russian tourists entered the Ukrainian market on Friday.")


def test_a_foreigner_named_by_nationality_detained_belongs_to_that_state(nlp):
    events = code(nlp, "Iran detained a British aid worker on Monday.")
    assert ("IRN", "173", "GBR") in triples(events)


def test_nominal_detention_of_a_foreigner_is_an_arrest(nlp):
    events = code(nlp, "Iran's detention of a British aid worker drew protests.")
    assert ("IRN", "173", "GBR") in triples(events)


def test_nominal_arrest_of_an_unnamed_local_is_not_coded(nlp):
    events = code(nlp, "Iran's arrest of the opposition leader drew protests.")
    assert not any(e.cameo.startswith("17") for e in events)


def test_threatening_a_coercive_act_is_also_a_threat_made_now(nlp):
    events = code(nlp, "Turkey threatened to impose sanctions on Sweden.")
    assert {(e.source, e.target, e.cameo, e.status) for e in events} == {
        ("TUR", "SWE", "163", "planned"), ("TUR", "SWE", "130", "asserted")}


def test_a_warning_about_someone_elses_act_is_not_the_speakers_threat(nlp):
    events = code(nlp, "Israel warned that Iran would strike Syria.")
    assert not any(e.source == "ISR" and e.cameo == "130" and e.target == "SYR" for e in events)


def test_shooting_down_a_states_drone_is_force_against_it(nlp):
    assert ("RUS", "190", "UKR") in triples(code(nlp, "Russia shot down a Ukrainian drone on Monday."))


def test_cutting_gas_supplies_to_a_state_is_an_embargo(nlp):
    assert ("RUS", "163", "UKR") in triples(code(nlp, "Russia cut gas supplies to Ukraine."))


def test_returning_another_states_children_is_a_release(nlp):
    assert ("RUS", "0841", "UKR") in triples(code(nlp, "Russia returned 30 Ukrainian children."))


def test_strikes_on_targets_in_a_country_are_against_that_country(nlp):
    assert ("TUR", "195", "SYR") in triples(code(nlp, "Turkish jets struck targets in Syria on Monday."))


def test_airstrikes_carried_out_in_a_country_are_against_it(nlp):
    assert ("TUR", "195", "SYR") in triples(code(nlp, "Turkey carried out airstrikes in Syria."))


def test_fighting_in_a_country_names_no_side(nlp):
    assert not code(nlp, "Russian troops fought in Syria for years.")


def test_the_bombing_of_a_capital_is_against_its_state(nlp):
    events = code(nlp, "Russia's bombing of Kyiv drew condemnation.")
    assert ("RUS", "195", "UKR") in triples(events)


def test_aid_with_no_recipient_goes_to_the_recipient_of_the_aid_just_reported(nlp):
    events = code(nlp, "Japan sent rescue teams to Turkey on Monday. Germany pledged $10 million in "
                       "emergency aid, and Britain released 2 million euros in humanitarian funding.")
    got = triples(events)
    assert any(s == "DEU" and t == "TUR" and (c.startswith("07") or c.startswith("033")) for s, c, t in got)
    assert any(s == "GBR" and t == "TUR" and c.startswith("07") for s, c, t in got)


def test_aid_with_no_recipient_and_none_before_is_not_coded(nlp):
    assert not code(nlp, "Germany pledged $10 million in emergency aid.")


def test_relief_flown_in_is_aid(nlp):
    events = code(nlp, "Japan sent rescue teams to Turkey. Egypt flew in tents and blankets on Tuesday.")
    assert ("EGY", "073", "TUR") in triples(events)


def test_a_relative_clause_on_the_subject_does_not_date_the_act(nlp):
    events = code(nlp, "Japan, which hosted the Olympics in 2021, sent rescue teams to Turkey.")
    assert [e.date for e in events if e.cameo == "073"] == ["2025-03-14"]


def test_where_clause_after_a_closing_quote_still_names_the_place(nlp):
    events = code(nlp, 'The ministry cited Paris\'s "hostile stance" and its "dangerous support for the war in '
                       'Ukraine", where Russia is waging an offensive.')
    assert ("RUS", "190", "UKR") in triples(events)


def test_threatening_a_return_to_war_threatens_the_last_attacker(nlp):
    events = code(nlp, "Turkish jets bombed Armenian positions on Monday. Armenia threatened to return to war.")
    assert ("ARM", "130", "TUR") in triples(events)


def test_receiving_weapons_from_a_state_is_its_military_aid(nlp):
    events = code(nlp, "Turkey received the first batch of tanks from Germany.")
    assert ("DEU", "072", "TUR") in triples(events)


def test_receiving_a_letter_is_no_aid(nlp):
    assert not code(nlp, "Turkey received a letter from Germany.")


def test_reaching_a_deal_with_a_state_is_an_agreement(nlp):
    events = code(nlp, "Norway reached an agreement with Finland on fishing quotas.")
    assert {("NOR", "057", "FIN"), ("FIN", "057", "NOR")} <= triples(events)


def test_victims_killed_in_an_attack_named_by_its_author_are_attacked_by_it(nlp):
    events = code(nlp, "Two Turkish soldiers were killed in an Armenian attack on Monday.")
    assert any(s == "ARM" and c.startswith("19") and t.startswith("TUR") for s, c, t in triples(events))


def test_victims_of_an_attack_with_no_author_give_no_event(nlp):
    assert not code(nlp, "Two Turkish soldiers were killed in an attack on Monday.")


def test_a_strike_on_a_states_refinery_is_against_that_state(nlp):
    events = code(nlp, "A Ukrainian drone strike on a Russian refinery started a fire.")
    assert ("UKR", "195", "RUS") in triples(events)


def test_hitting_a_state_with_sanctions_is_sanctioning_it(nlp):
    assert ("GBR", "163", "IRN") in triples(code(nlp, "Britain hit Iran with new sanctions."))


def test_diplomats_expelled_from_a_state_are_expelled_by_it(nlp):
    events = code(nlp, "Three Russian diplomats were expelled from Germany on Monday.")
    assert any(s == "DEU" and c == "166" and t.startswith("RUS") for s, c, t in triples(events))


def test_an_active_expulsion_from_a_place_keeps_its_subject(nlp):
    events = code(nlp, "Germany expelled three Russian diplomats from Berlin.")
    assert not any(s.startswith("DEU") and t.startswith("DEU") for s, _, t in triples(events))
    assert not any(s.startswith("RUS") for s, _, _ in triples(events))


def test_protesting_a_states_act_is_a_complaint_to_it(nlp):
    events = code(nlp, "Japan protested China's deployment of a survey ship.")
    assert ("JPN", "114", "CHN") in triples(events)


def test_street_protests_are_no_complaint(nlp):
    assert not code(nlp, "Thousands protested in Tokyo on Sunday.")


def test_observers_sent_to_monitor_a_truce_go_to_its_parties(nlp):
    events = code(nlp, "Armenia and Azerbaijan agreed to a ceasefire on Monday. "
                       "Turkey sent observers to monitor the truce.")
    got = triples(events)
    assert {("TUR", "074", "ARM"), ("TUR", "074", "AZE")} <= got


def test_observers_to_monitor_a_truce_nobody_reported_go_nowhere(nlp):
    assert not code(nlp, "Turkey sent observers to monitor the truce.")


def test_troops_sent_to_the_border_with_a_state_are_a_build_up_not_aid(nlp):
    events = code(nlp, "Russia sent troops to its border with Ukraine.")
    got = triples(events)
    assert ("RUS", "154", "UKR") in got
    assert not any(c.startswith("07") for _, c, _ in got)


def test_troops_sent_to_fight_in_a_country_do_not_aid_it(nlp):
    events = code(nlp, "North Korea sent troops to fight in Ukraine.")
    assert not any(c.startswith("07") and t == "UKR" for _, c, t in triples(events))


def test_troops_sent_to_fight_in_a_states_war_aid_that_state(nlp):
    events = code(nlp, "North Korea sent troops to fight in Russia's war.")
    assert ("PRK", "072", "RUS") in triples(events)


def test_opening_an_investigation_into_a_state_investigates_it(nlp):
    events = code(nlp, "NATO opened an investigation into Turkey on Friday.")
    assert ("IGONAT", "090", "TUR") in triples(events)


def test_handing_over_the_bodies_of_another_states_soldiers_returns_them(nlp):
    events = code(nlp, "Russia handed over the bodies of 50 Ukrainian soldiers.")
    assert any(s == "RUS" and c == "0841" and t.startswith("UKR") for s, c, t in triples(events))


def test_handing_over_documents_returns_nobody(nlp):
    assert not code(nlp, "Russia handed over the documents on Monday.")
