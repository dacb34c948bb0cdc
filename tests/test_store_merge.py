"""Merging across documents: event clusters, agreement identities with conflicts, claim identities."""

from __future__ import annotations

import copy

from multipolar.store import Store
from multipolar.store.merge import agreement_match_score, dates_compatible, similar
from store_fixtures import build_record, fixture_records, make_store


def test_three_wordings_of_one_signing_make_one_cluster_with_three_sources(tmp_path):
    store = make_store(tmp_path / "s.db")
    rows = store.conn.execute("SELECT source, root, target, n_events, n_documents, first_day, last_day "
                              "FROM event_clusters WHERE root = '05' AND target = 'IRN'").fetchall()
    assert [tuple(r) for r in rows] == [("RUS", "05", "IRN", 3, 3, "2025-01-17", "2025-01-19")]


def _signing(key: str, date: str | None, published: str, negated: bool = False) -> dict:
    spec = {"key": key, "source": f"t/{key}", "url": None, "title": key, "published": published,
            "paragraphs": [f"Report {key}: Russia and Iran signed an accord."],
            "events": [{"source": "RUS", "target": "IRN", "cameo": "057", "plover": "SUPPORT", "date": date,
                        "negated": negated, "sentence": f"Report {key}: Russia and Iran signed an accord."}]}
    return build_record(spec)


def test_cluster_window_and_negation_keep_distinct_events_apart(tmp_path):
    store = Store.open(tmp_path / "s.db")
    store.ingest([_signing("x", "2025-03-01", "2025-03-02T00:00:00"),
                  _signing("y", "2025-03-03", "2025-03-03T00:00:00"),      # 2 days later: same event
                  _signing("z", "2025-03-20", "2025-03-20T00:00:00"),      # weeks later: another one
                  _signing("n", "2025-03-01", "2025-03-02T00:00:00", negated=True),
                  _signing("u", None, None)])                               # no date at all: alone
    rows = store.conn.execute("SELECT anchor_day, negated, n_documents FROM event_clusters ORDER BY id").fetchall()
    assert [tuple(r) for r in rows] == [("2025-03-01", 0, 2), ("2025-03-20", 0, 1), ("2025-03-01", 1, 1),
                                        (None, 0, 1)]


def test_agreement_reports_merge_and_record_conflicts(tmp_path):
    store = make_store(tmp_path / "s.db")
    conn = store.conn
    rus_irn = conn.execute("SELECT * FROM agreements WHERE parties = 'IRN,RUS'").fetchall()
    assert len(rus_irn) == 1
    a = rus_irn[0]
    assert (a["n_reports"], a["n_documents"], a["signed"], a["duration_years"], a["kind"]) == \
        (4, 4, "2025-01-17", 20, "treaty")
    provs = {r["key"]: (r["value"], r["n_present"], r["n_absent"]) for r in
             conn.execute("SELECT * FROM agreement_provisions WHERE agreement = ?", (a["id"],))}
    assert provs == {"defense": ("conflict", 1, 2), "intelligence_sharing": ("present", 2, 0),
                     "joint_exercises": ("present", 1, 0), "consultation": ("present", 1, 0),
                     "neutrality": ("present", 1, 0)}
    # the undated "treaty with Pyongyang" joins the dated RUS-PRK treaty (same kind, no name)
    prk = conn.execute("SELECT n_reports, signed FROM agreements WHERE parties = 'PRK,RUS'").fetchall()
    assert [tuple(r) for r in prk] == [(2, "2024-06-19")]


def test_a_second_instrument_signed_the_same_day_stays_separate(tmp_path):
    records = fixture_records()
    store = make_store(tmp_path / "s.db")
    energy = copy.deepcopy(records["b"])
    energy["document"]["id"] = "energy0000000001"
    energy["agreements"][0].update(name="memorandum on energy cooperation", kind="memorandum", provisions=[])
    store.ingest([energy])
    assert store.conn.execute("SELECT COUNT(*) FROM agreements WHERE parties = 'IRN,RUS'").fetchone()[0] == 2


def test_claim_reports_merge_and_collect_responses(tmp_path):
    store = make_store(tmp_path / "s.db")
    rows = store.conn.execute("SELECT claimant, subject, topic, n_reports, n_documents, n_responses, first_date "
                              "FROM claims").fetchall()
    assert [tuple(r) for r in rows] == [("USA", "IRN", "arms_transfer", 2, 2, 1 + 1, "2025-01")]


def test_identity_helpers():
    assert dates_compatible("2025-01", "2025-01-17") is True
    assert dates_compatible("2025-01-16", "2025-01-17") is True
    assert dates_compatible("2025-01-10", "2025-01-17") is False
    assert dates_compatible(None, "2025-01-17") is None
    assert similar("strategic partnership", "long-term partnership pact") >= 0.5
    assert similar("memorandum on energy cooperation", "strategic partnership treaty") < 0.5
    stored = {"kind": "treaty", "name": "security treaty", "signed": "1960-01-19"}
    assert agreement_match_score(stored, "treaty", "security treaty", "1960-01-19") > 3
    assert agreement_match_score(stored, "treaty", "security treaty", "1970-05-01") == 0
    assert agreement_match_score(stored, "memorandum", "fisheries memorandum", None) == 0
