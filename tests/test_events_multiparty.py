"""Meetings of three or more parties, and third-party reports that are charges (sentences written
for these tests; actors from tests/events_gazetteer.py)."""

import pytest

from events_gazetteer import code, triples

pytestmark = pytest.mark.model


def _plover_pairs(events, plover):
    return {(e.source, e.target) for e in events if e.plover == plover}


def test_trilateral_summit_pairs_every_party(nlp):
    events = code(nlp, "Norway and Finland held a trilateral summit with Germany in Oslo.")
    pairs = _plover_pairs(events, "CONSULT")
    for a in ("NOR", "FIN", "DEU"):
        for b in ("NOR", "FIN", "DEU"):
            if a != b:
                assert (a, b) in pairs


def test_meeting_with_two_guests_for_a_three_way_meeting(nlp):
    events = code(nlp, "The Turkish president met his counterparts from Armenia and Azerbaijan "
                       "for a three-way meeting on Monday.")
    assert {("ARM", "AZE"), ("AZE", "ARM")} <= _plover_pairs(events, "CONSULT")


def test_host_welcoming_two_leaders_to_a_trilateral_meeting(nlp):
    events = code(nlp, "Putin welcomed Iranian and Turkish leaders to the Kremlin for a trilateral meeting.")
    pairs = _plover_pairs(events, "CONSULT")
    assert {("IRN", "TUR"), ("TUR", "IRN")} <= pairs
    assert ("RUSGOV", "043", "IRN") in triples(events) or ("RUS", "043", "IRN") in triples(events)


def test_bilateral_meeting_stays_between_its_two_parties(nlp):
    events = code(nlp, "Norway's prime minister met his counterpart from Finland at a summit in Oslo.")
    assert _plover_pairs(events, "CONSULT") <= {("NOR", "FIN"), ("FIN", "NOR")}


def test_reported_troop_dispatch_is_a_charge_by_the_reporter(nlp):
    events = code(nlp, "Japanese intelligence reported on Friday that North Korea had sent "
                       "about 2,000 troops to Syria.")
    found = {(e.source, e.cameo, e.target): e for e in events}
    assert ("PRK", "072", "SYR") in found and found[("PRK", "072", "SYR")].status == "alleged"
    assert ("JPN", "112", "PRK") in found
    assert found[("JPN", "112", "PRK")].status == "asserted"


def test_claimed_strike_is_a_charge(nlp):
    events = code(nlp, "Armenia claimed that Azerbaijan had shelled Armenian villages overnight.")
    assert ("ARM", "112", "AZE") in triples(events)


def test_reported_signing_is_not_a_charge(nlp):
    events = code(nlp, "Japanese media reported that Norway had signed a fisheries treaty with Finland.")
    assert not [e for e in events if e.cameo == "112"]


def test_plain_statement_of_an_attack_is_not_a_charge(nlp):
    events = code(nlp, "Germany said Russia had attacked Ukraine.")
    assert not [e for e in events if e.cameo == "112"]


def test_purpose_clause_on_the_object_names_the_beneficiary(nlp):
    events = code(nlp, "Pyongyang sent 3,000 soldiers to fight in Russia's war against Ukraine.")
    assert ("PRK", "072", "RUS") in triples(events)


def test_possessive_owner_of_a_modified_event_noun(nlp):
    # "Norway's renewed clashes": the parser may attach the possessive to the participle
    events = code(nlp, "After Norway's renewed clashes with Sweden in 2019, both governments talked.")
    assert {("NOR", "190", "SWE"), ("SWE", "190", "NOR")} <= triples(events)
    assert ("TUR", "195", "SYR") in triples(code(nlp, "Turkey's continued strikes on Syria drew criticism."))


def test_warning_not_to_tolerate_acts_threatens_their_owner(nlp):
    events = code(nlp, "Ankara warned that it would not tolerate Iranian incursions across the border.",)
    assert ("TUR", "130", "IRN") in triples(events)
    assert not [e for e in code(nlp, "Ankara warned that it would tolerate Iranian trade.") if e.cameo == "130"]


def test_conjoined_accusation_after_a_reported_clause_is_the_reporters(nlp):
    # The parser often joins "accused" to the reported clause "Sweden has ..."; Sweden does not
    # accuse itself, Norway does.
    events = code(nlp, "Norway said Sweden has large reserves of gas and accused Stockholm of hoarding fuel.")
    assert ("NOR", "112", "SWE") in triples(events)
    assert not [e for e in events if e.source == e.target]


def test_object_relative_pronoun_is_its_antecedent(nlp):
    assert ("NOR", "112", "SWE") in triples(code(nlp, "The talks stalled over Sweden, which Norway accused of hoarding fuel."))
    assert ("RUS", "111", "ARM") in triples(code(nlp, "Finland praised Armenia, whom Russia has repeatedly criticised."))
    # "it" in such a clause inside a report is the reporter
    assert ("NOR", "112", "SWE") in triples(code(nlp, "Norway said the talks stalled over Sweden, which it accused of hoarding fuel."))


def test_joined_by_and_along_with_add_co_actors(nlp):
    assert {("FRA", "111", "IRN"), ("DEU", "111", "IRN")} <= triples(
        code(nlp, "France, joined by Germany, condemned Iran on Monday."))
    assert {("NOR", "111", "RUS"), ("FIN", "111", "RUS")} <= triples(
        code(nlp, "Norway, along with Finland, criticised Russia."))
    assert {("NOR", "051", "ARM"), ("FIN", "051", "ARM")} <= triples(
        code(nlp, "Norway, together with Finland, praised Armenia."))


def test_denial_answers_every_party_to_a_joint_charge(nlp):
    events = code(nlp, "Britain, France and Germany accused Iran of enriching uranium. "
                       "Iran denies the allegations.")
    rejects = {(e.source, e.target) for e in events if e.cameo.startswith("12")}
    assert rejects == {("IRN", "GBR"), ("IRN", "FRA"), ("IRN", "DEU")}


def test_demand_with_or_face_alternative_is_also_a_threat(nlp):
    assert ("CHN", "130", "JPN") in triples(code(nlp, "Beijing told Japan to withdraw its ships or face serious consequences."))
    assert ("NOR", "130", "SWE") in triples(code(nlp, "Norway urged Sweden to comply with the ruling or risk isolation."))
    assert not [e for e in code(nlp, "Norway urged Sweden to sign the treaty or the deal.") if e.cameo == "130"]


def test_speaker_reporting_a_harmful_act_criticises_its_doer(nlp):
    assert ("CHN", "111", "USA") in triples(code(nlp, "China warned on Tuesday that Washington was endangering regional peace."))
    assert ("NOR", "111", "SWE") in triples(code(nlp, "Norway said Sweden had undermined the talks."))
    assert not code(nlp, "Norway said the storm had undermined the talks.")
    assert not code(nlp, "Norway said it had not undermined the talks.")


def test_holding_out_against_and_holding_up_a_bid_are_rejections(nlp):
    assert ("TUR", "120", "SWE") in triples(code(nlp, "Turkey was the last member of the alliance holding out against Sweden's application."))
    assert ("TUR", "120", "SWE") in triples(code(nlp, "Sweden's membership bid was held up by Turkey for months."))
    assert ("TUR", "120", "SWE") in triples(code(nlp, "Ankara delayed Stockholm's accession."))
    assert not code(nlp, "Norway delayed the vote.")


def test_go_between_named_with_via_or_through_mediates(nlp):
    events = code(nlp, "Iran held talks with Egypt through Syria last month.")
    assert {("SYR", "045", "IRN"), ("SYR", "045", "EGY")} <= triples(events)
    assert not [e for e in code(nlp, "Norway met Sweden through a video link.") if e.cameo == "045"]


def test_place_compounded_with_a_visit_noun_is_the_destination(nlp):
    events = code(nlp, "Putin, on his first Tehran visit since the election, praised the deal.")
    assert {("RUSGOV", "042", "IRN"), ("IRN", "043", "RUSGOV")} <= triples(events)
    assert not [e for e in code(nlp, "The Tehran visit ended early.") if e.cameo.startswith("04")]


def test_speaker_condemning_an_actors_act_criticises_the_actor(nlp):
    assert ("NOR", "111", "SWE") in triples(code(nlp, "Norway said Sweden's decision to close the border was irresponsible."))
    assert ("CHN", "111", "USA") in triples(code(nlp, "Beijing said Washington was reckless."))
    assert not code(nlp, "Norway said Sweden's decision was wise.")
    assert not [e for e in code(nlp, "Norway said Sweden was a reliable partner, unlike dangerous Russia.")
                if e.cameo == "111"]


def test_joint_possessive_owner_of_a_decision_acts(nlp):
    from events_gazetteer import resolve
    from multipolar.article import Article
    from multipolar.coding import CodingContext
    from multipolar.coding.events import code_events

    assert ("GBR", "072", "AUS") in triples(
        code(nlp, "Beijing said Britain's decision to export submarine technology to Australia was reckless."))
    # the parser often makes "the US and UK's" a modifier rather than a possessive
    text = "Beijing said the US and UK's decision to export submarine technology to Australia was reckless."
    doc = nlp(text)
    events = code_events(CodingContext(Article(source="t", text=text, published="2025-03-14"), doc,
                                       resolve(text, {"UK": "GBR"}), nlp))
    assert ("GBR", "072", "AUS") in triples(events)


def test_media_reports_are_not_charges(nlp):
    from events_gazetteer import NAMES

    NAMES.setdefault("Swedish media", "SWEMED")
    try:
        events = code(nlp, "Swedish media reported that Russia had sent troops to Syria.")
    finally:
        NAMES.pop("Swedish media")
    assert not [e for e in events if e.cameo == "112"]


def test_joined_by_participle_is_not_a_joining(nlp):
    events = code(nlp, "NATO, joined by Sweden, condemned Russia on Monday.")
    assert not [e for e in events if e.cameo == "057"]
    assert ("SWE", "111", "RUS") in triples(events)


def test_mediator_of_talks_is_not_mediated_again(nlp):
    events = code(nlp, "Egypt mediated talks between Israel and Syria through Jordan.")
    assert not [e for e in events if e.source == "JOR"]


def test_stock_ticker_does_not_cut_the_sentence(nlp):
    # the tokenizer keeps "NAMb.OL" whole (nlp.py), so the model does not end a sentence inside it
    text = ("Norway said on Friday it had signed a deal to buy four Nammo (NAMb.OL) missile launchers "
            "from Finland, as Oslo raised its budget.")
    events = code(nlp, text)
    assert {("NOR", "057", "FIN"), ("FIN", "057", "NOR")} <= triples(events)
    assert all(e.evidence.text == text for e in events)  # evidence still indexes the original text


def test_whose_government_is_the_antecedents(nlp):
    events = code(nlp, "Putin, whose troops attacked Ukraine last year, met Turkish officials.", )
    assert ("RUS", "190", "UKR") in triples(events)


def test_backed_group_described_after_its_name(nlp):
    events = code(nlp, "Britain struck Houthi positions on Sunday after attacks by the Iran-backed militia group on ships.")
    assert ("IRN", "070", "YEMREB") in triples(events)
    # no armed group named before: nothing to back
    assert not [e for e in code(nlp, "Britain condemned attacks by the Iran-backed group on ships.") if e.cameo == "070"]


def test_citing_grievances_over_an_actor_is_criticism(nlp):
    assert ("NOR", "111", "SWE") in triples(code(nlp, "Norway delayed the vote, citing grievances over Sweden's fishing policy."))
    assert not code(nlp, "Finland cited the weather.")


def test_summit_of_two_countries_leaders(nlp):
    events = code(nlp, "The summit of Russian and Chinese leaders ended on Friday.")
    assert {("RUS", "044", "CHN"), ("CHN", "044", "RUS")} <= triples(events)


def test_praise_for_an_actor_as_a_noun(nlp):
    assert ("CHN", "051", "TUR") in triples(code(nlp, "China's praise for Turkey was noted in Ankara."))


def test_backed_group_is_not_its_backer(nlp):
    # the council is not resolved, and "Iran-backed" must not make it Iran
    events = code(nlp, "The Iran-backed Southern Council seized Syria's ports.")
    assert not [e for e in events if e.source == "IRN" and e.cameo != "070"]


def test_nationality_of_the_targeted_goods_names_the_target(nlp):
    assert ("GBR", "163", "CHN") in triples(code(nlp, "Britain slapped tariffs on Chinese electric vehicles."))
    assert ("CHN", "163", "JPN") in triples(code(nlp, "China suspended imports of Japanese seafood."))
    assert not code(nlp, "Norway banned imports of fish.")
    # a supplied thing's nationality is not the recipient
    assert triples(code(nlp, "Russia supplied Iranian missiles to Syria.")) == {("RUS", "072", "SYR")}


def test_vowing_revenge_is_a_threat(nlp):
    assert ("IRN", "130", "ISR") in triples(code(nlp, "Iran vowed revenge against Israel."))


def test_owner_of_a_claim_about_a_military_act_charges_its_doer(nlp):
    events = code(nlp, "Seoul rejected Japan's claims that Pyongyang had sent troops to Syria.")
    assert ("JPN", "112", "PRK") in triples(events)
    assert not [e for e in code(nlp, "Norway's report that Sweden signed a treaty with Finland was wrong.")
                if e.cameo == "112"]


def test_hosting_talks_between_two_parties_is_mediation(nlp):
    events = code(nlp, "Norway hosted talks between Armenia and Azerbaijan in Oslo.")
    assert {("NOR", "045", "ARM"), ("NOR", "045", "AZE"), ("ARM", "046", "AZE")} <= triples(events)
    assert {("NOR", "046", "IRN"), ("IRN", "046", "NOR")} <= triples(
        code(nlp, "Norway hosted talks with Iranian officials on Monday."))


def test_passive_accusation_controls_the_gerund(nlp):
    events = code(nlp, "Iran was accused by the United States of supplying drones to Russia.")
    assert ("USA", "112", "IRN") in triples(events)
    assert ("IRN", "072", "RUS") in triples(events) and ("USA", "072", "RUS") not in triples(events)


def test_reportedly_and_according_to_mark_attribution(nlp):
    e = code(nlp, "North Korea reportedly sent troops to Russia.")
    assert [x.status for x in e if x.cameo == "072"] == ["alleged"]
    events = code(nlp, "According to Japan, North Korea has sent 3,000 troops to Russia.")
    found = {(x.source, x.cameo, x.target): x.status for x in events}
    assert found.get(("PRK", "072", "RUS")) == "alleged"
    assert found.get(("JPN", "112", "PRK")) == "asserted"


def test_verb_coordinated_with_a_claim_is_not_its_complement(nlp):
    events = code(nlp, "China claims to be neutral, but it has backed Moscow's view that Russia was "
                       "provoked into attacking Ukraine.")
    assert not [e for e in events if e.cameo == "112"]


def test_meeting_or_signing_in_a_foreign_capital_is_a_visit(nlp):
    events = code(nlp, "Norway and Finland signed a treaty in Oslo.")
    assert {("FIN", "042", "NOR"), ("NOR", "043", "FIN")} <= triples(events)
    assert ("NOR", "042", "NOR") not in triples(events)
    events = code(nlp, "Israel and Egypt signed the accords at a ceremony in Washington.")
    assert {("ISR", "042", "USA"), ("EGY", "042", "USA"), ("USA", "043", "ISR")} <= triples(events)
    assert not [e for e in code(nlp, "NATO ministers met in Berlin on Monday.") if e.cameo == "042"]


def test_gapped_second_partner_joins_the_targets(nlp):
    events = code(nlp, "Japan forged similar agreements with Australia in 2022 and Britain in 2023.")
    assert {("JPN", "057", "AUS"), ("JPN", "057", "GBR")} <= triples(events)


def test_arriving_at_a_place_in_another_country_is_a_visit(nlp):
    events = code(nlp, "Putin arrived at midday for a welcome ceremony at Pyongyang's Kim Il Sung Square.")
    assert ("RUSGOV", "042", "PRK") in triples(events)
    assert not code(nlp, "Putin arrived at a decision on Monday.")


def test_cancelled_or_postponed_event_nouns_are_negated(nlp):
    events = code(nlp, "Japan postponed its summit with South Korea.")
    assert events and all(e.negated for e in events)
    assert not any(e.negated for e in code(nlp, "Japan held its summit with South Korea."))


def test_joint_act_over_a_video_link_is_a_consultation(nlp):
    events = code(nlp, "The new pact was announced by Norway, Finland and Germany via video link on Monday.")
    pairs = {(e.source, e.target) for e in events if e.cameo == "040"}
    assert {("NOR", "FIN"), ("FIN", "DEU"), ("DEU", "NOR")} <= pairs
    assert not [e for e in code(nlp, "Norway and Finland signed a pact via their embassies.") if e.cameo == "040"]


def test_along_with_after_a_coordinated_subject(nlp):
    events = code(nlp, "Norway and Finland, along with Germany, criticised Russia.")
    assert {("NOR", "111", "RUS"), ("FIN", "111", "RUS"), ("DEU", "111", "RUS")} <= triples(events)
