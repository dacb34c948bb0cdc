"""Alert rules: YAML validation and matching against hand-built records."""

import pytest

from multipolar.model import (
    Actor,
    Agreement,
    Claim,
    Document,
    Event,
    Evidence,
    Provision,
    Record,
)
from multipolar.watch.rules import RulesError, parse_rules

TEXT = ("Iran and Russia signed a treaty on Friday. It has no mutual defence clause. "
        "Ukraine accused Iran of sending drones. Russian forces struck Kharkiv.")


def ev(fragment: str) -> Evidence:
    start = TEXT.index(fragment)
    return Evidence.of(TEXT, start, start + len(fragment))


def record() -> Record:
    doc = Document(id="abc123", source="https://news.example/a", text=TEXT,
                   title="Iran and Russia sign treaty", url="https://news.example/a")
    return Record(
        document=doc, coder_version="0.1.0", extracted_at="2026-01-01T00:00:00Z",
        actors=[Actor("IRN", "Iran", "IRN", "state", [ev("Iran")]),
                Actor("RUSMIL", "Russian forces", "RUS", "military", [ev("Russian forces")])],
        events=[Event(source="RUSMIL", target="UKR", cameo="190", plover="ASSAULT", date="2025-01-17",
                      evidence=ev("Russian forces struck Kharkiv.")),
                Event(source="IRN", target="RUS", cameo="057", plover="SUPPORT", date="2025-01-17",
                      evidence=ev("Iran and Russia signed a treaty on Friday."))],
        agreements=[Agreement(name="treaty", kind="treaty", parties=["IRN", "RUS"], signed="2025-01-17",
                              duration_years=20,
                              provisions=[Provision("defense", "absent", ev("It has no mutual defence clause."))],
                              evidence=ev("Iran and Russia signed a treaty on Friday."))],
        claims=[Claim(claimant="UKR", kind="accuse", subject="IRN", topic="arms_transfer",
                      content="sending drones", evidence=ev("Ukraine accused Iran of sending drones."))])


def names(rules_yaml: dict) -> list[tuple[str, str]]:
    return [(m.rule, m.key) for m in parse_rules(rules_yaml).matches(record())]


def test_event_rules_by_type_dyad_and_actor():
    assert names({"rules": [{"name": "assaults", "events": {"plover": ["assault"]}}]}) == [
        ("assaults", "event:RUS-ASSAULT-UKR")]
    assert names({"rules": [{"name": "d", "dyad": ["UKR", "RUS"]}]}) == [("d", "event:RUS-ASSAULT-UKR")]
    assert names({"rules": [{"name": "c", "events": {"cameo": ["05"]}, "actor": "RUS"}]}) == [
        ("c", "event:IRN-SUPPORT-RUS")]
    assert names({"rules": [{"name": "none", "dyad": ["USA", "CHN"]}]}) == []


def test_agreement_rules_with_provisions():
    base = {"name": "pact", "agreement": {"parties": ["RUS", "IRN"]}}
    assert names({"rules": [base]}) == [("pact", "agreement:IRN-RUS:2025-01-17")]
    absent = {"name": "no-defence", "agreement": {"parties": ["IRN"], "provisions": {"defense": "absent"}}}
    present = {"name": "defence", "agreement": {"provisions": ["defense"]}}
    assert names({"rules": [absent, present]}) == [("no-defence", "agreement:IRN-RUS:2025-01-17")]
    [match] = parse_rules({"rules": [absent]}).matches(record())
    assert match.evidence[1]["text"] == "It has no mutual defence clause."


def test_claim_actor_and_mention_rules():
    assert names({"rules": [{"name": "about-iran", "claims": {"about": "IRN", "kinds": ["accuse"]}}]}) == [
        ("about-iran", "claim:UKR-IRN-arms_transfer")]
    assert names({"rules": [{"name": "about-usa", "claims": {"about": "USA"}}]}) == []
    assert names({"rules": [{"name": "military", "actor": "RUSMIL"}]}) == [("military", "actor:RUSMIL")]
    assert names({"rules": [{"name": "m", "mentions": ["mutual  defence"]}]}) == [("m", "mention:abc123")]
    # mentions narrow other rules: no "Kharkiv" in a rule about agreements' documents -> still matches
    assert names({"rules": [{"name": "k", "mentions": ["Kharkiv"], "agreement": {}}]}) == [
        ("k", "agreement:IRN-RUS:2025-01-17")]
    assert names({"rules": [{"name": "k", "mentions": ["Odesa"], "agreement": {}}]}) == []


def test_error_records_match_nothing():
    rec = record()
    rec.error = object()  # any error
    assert parse_rules({"rules": [{"name": "a", "actor": "IRN"}]}).matches(rec) == []


@pytest.mark.parametrize("bad, words", [
    ({"rules": [{"actor": "IRN"}]}, "needs a name"),
    ({"rules": [{"name": "x"}]}, "matches nothing"),
    ({"rules": [{"name": "x", "colour": "red", "actor": "IRN"}]}, "unknown field"),
    ({"rules": [{"name": "x", "events": {"plover": ["EXPLODE"]}}]}, "unknown plover"),
    ({"rules": [{"name": "x", "agreement": {"provisions": {"teleport": "present"}}}]}, "unknown provision"),
    ({"rules": [{"name": "x", "dyad": ["IRN"]}]}, "two actor codes"),
    ({"rules": [{"name": "x", "actor": "iran!"}]}, "CAMEO actor codes"),
    ({"rules": [{"name": "x", "actor": "IRN", "min_corroboration": 0}]}, "min_corroboration"),
    ({"rules": [{"name": "x", "actor": "IRN"}, {"name": "x", "actor": "RUS"}]}, "used twice"),
    ({"webhook": "ftp://x", "rules": []}, "webhook"),
    ("just text", "mapping"),
])
def test_invalid_rules_are_refused_with_a_reason(bad, words):
    with pytest.raises(RulesError, match=words):
        parse_rules(bad)
