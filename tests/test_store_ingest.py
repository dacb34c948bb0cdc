"""Ingest: idempotent, re-coding replaces a document's rows, summaries stay equal to a recount."""

from __future__ import annotations

import copy

from multipolar.analysis import document, search
from multipolar.store import Store
from multipolar.store.ingest import quad_class
from store_fixtures import fixture_records, generated_record, make_store


def recount_summaries(store: Store) -> tuple[dict, dict]:
    """actor_months / dyad_months recomputed from the events table (what ingest must maintain)."""
    conn = store.conn
    actor: dict = {}
    for source, sc, target, tc, root, day in conn.execute(
            "SELECT source, source_country, target, target_country, root, day FROM events"):
        month = day[:7] if day else ""
        root = quad_class(root)
        for code, c, role in ((source, sc, "source"), (target, tc, "target")):
            if c:
                actor[(c, month, root, role)] = actor.get((c, month, root, role), 0) + 1
                if code != c:
                    actor[(code, month, root, role)] = actor.get((code, month, root, role), 0) + 1
    dyad: dict = {}
    for sc, tc, root, day in conn.execute("SELECT source_country, target_country, root, day FROM events "
                                          "WHERE source_country IS NOT NULL AND target_country IS NOT NULL"):
        key = (sc, tc, day[:7] if day else "", quad_class(root))
        dyad[key] = dyad.get(key, 0) + 1
    stored_actor = {tuple(r[:4]): r[4] for r in conn.execute("SELECT actor, month, quad, role, n FROM actor_months")}
    stored_dyad = {tuple(r[:4]): r[4] for r in conn.execute("SELECT source, target, month, quad, n FROM dyad_months")}
    assert stored_actor == actor
    assert stored_dyad == dyad
    totals: dict = {}
    for (a, _m, _q, role), n in actor.items():
        totals.setdefault(a, [0, 0])[role == "target"] += n
    assert {r[0]: [r[1], r[2]] for r in conn.execute("SELECT * FROM actor_totals")} == totals
    pairs: dict = {}
    for (s, t, _m, _q), n in dyad.items():
        pairs[(s, t)] = pairs.get((s, t), 0) + n
    assert {(r[0], r[1]): r[2] for r in conn.execute("SELECT * FROM dyad_totals")} == pairs
    return actor, dyad


def check_clusters(store: Store) -> None:
    """Each cluster's counts and date span equal a recount from its events; no empty cluster."""
    stored = {r[0]: tuple(r[1:]) for r in store.conn.execute(
        "SELECT id, n_events, n_documents, first_day, last_day FROM event_clusters")}
    recount = {r[0]: tuple(r[1:]) for r in store.conn.execute(
        "SELECT cluster, COUNT(*), COUNT(DISTINCT doc), MIN(day), MAX(day) FROM events GROUP BY cluster")}
    assert stored == recount


def test_ingest_twice_changes_nothing(tmp_path):
    store = make_store(tmp_path / "s.db")
    first = store.counts()
    stats = store.ingest(list(fixture_records().values()))
    assert stats.unchanged == 6 and stats.documents == 0 and stats.events == 0
    assert store.counts() == first
    assert first["documents"] == 6 and first["events"] == 7 and first["agreements"] == 5
    recount_summaries(store)
    check_clusters(store)


def test_new_coder_version_replaces_that_documents_rows(tmp_path):
    store = make_store(tmp_path / "s.db")
    before = store.counts()
    recoded = fixture_records(coder_version="0.2.0")["a"]
    recoded["events"] = recoded["events"][:1]          # the new coder drops the accusation event
    recoded["claims"] = []
    stats = store.ingest([recoded])
    assert stats.replaced == 1 and stats.events == 1
    after = store.counts()
    assert after["documents"] == before["documents"]
    assert after["events"] == before["events"] - 1
    assert after["claim_reports"] == before["claim_reports"] - 1
    rows = store.conn.execute("SELECT e.coder_version FROM events e JOIN documents d ON d.doc = e.doc "
                              "WHERE d.id = ?", (recoded["document"]["id"],)).fetchall()
    assert [tuple(r) for r in rows] == [("0.2.0",)]
    recount_summaries(store)
    # the claim survives through document c's report, now its only one
    claim = store.conn.execute("SELECT claimant, n_reports, n_documents FROM claims").fetchone()
    assert tuple(claim) == (None, 1, 1)
    # evidence of the dropped sentence is gone from the full-text index too
    assert search(store, "shipping drones")["hits"] == []


def test_older_coder_version_is_skipped_unless_forced(tmp_path):
    store = make_store(tmp_path / "s.db")
    old = fixture_records(coder_version="0.0.9")["a"]
    old["events"] = []
    assert store.ingest([old]).stale == 1
    assert store.counts()["events"] == 7
    assert store.ingest([old], force=True).replaced == 1
    assert store.counts()["events"] == 5


def test_error_records_are_kept_once(tmp_path):
    store = Store.open(tmp_path / "s.db")
    err = {"schema": "multipolar/1", "coder_version": "0.1.0", "extracted_at": "x",
           "document": {"source": "broken.html"}, "error": {"stage": "read", "code": "empty", "message": "no text"}}
    assert store.ingest([err, err]).errors == 2
    store.ingest([err])
    assert store.counts()["ingest_errors"] == 1
    assert store.counts()["documents"] == 0


def test_stored_document_round_trips_with_exact_offsets(tmp_path):
    store = make_store(tmp_path / "s.db")
    rec = fixture_records()["c"]
    d = document(store, rec["document"]["id"])
    text = d["document"]["text"]
    assert text == rec["document"]["text"]
    for ev in [e["evidence"] for e in d["events"]] + [p["evidence"] for a in d["agreements"] for p in a["provisions"]]:
        assert text[ev["start"]:ev["end"]] == ev["text"]
    assert [a["parties"] for a in d["agreements"]] == [["IRN", "RUS"], ["PRK", "RUS"]]
    assert d["claims"][0]["responses"][0]["stance"] == "not_confirmed"
    assert document(store, "nope") is None


def test_duplicate_document_in_one_batch_is_written_once(tmp_path):
    store = Store.open(tmp_path / "s.db")
    rec = generated_record(3)
    stats = store.ingest([rec, copy.deepcopy(rec)])
    assert stats.documents == 1
    assert store.counts()["events"] == 10


def test_batches_of_generated_records_keep_summaries_exact(tmp_path):
    store = Store.open(tmp_path / "s.db")
    store.ingest([generated_record(i) for i in range(60)], batch_size=7)
    counts = store.counts()
    assert counts["documents"] == 60 and counts["events"] == 600
    assert counts["agreement_reports"] == 6 and counts["claim_reports"] == 6
    assert store.conn.execute("SELECT SUM(n_events) FROM event_clusters").fetchone()[0] == 600
    check_clusters(store)
    recount_summaries(store)
    # re-code every tenth document under a new version: still exact
    store.ingest([generated_record(i, n_events=4, coder_version="0.2.0") for i in range(0, 60, 10)])
    assert store.counts()["events"] == 600 - 6 * 6
    assert store.conn.execute("SELECT SUM(n_events) FROM event_clusters").fetchone()[0] == 564
    recount_summaries(store)
    check_clusters(store)


def test_a_malformed_record_is_skipped_and_the_batch_goes_in(tmp_path):
    store = Store.open(tmp_path / "s.db")
    bad = generated_record(1)
    del bad["events"][0]["evidence"]
    no_text = generated_record(2)
    del no_text["document"]["text"]
    stats = store.ingest([generated_record(0), bad, no_text, generated_record(3)])
    assert (stats.documents, stats.invalid) == (2, 2)
    counts = store.counts()
    assert (counts["documents"], counts["events"], counts["agreement_reports"]) == (2, 20, 1)


def test_record_objects_and_their_json_store_the_same(tmp_path):
    from multipolar.model import record_from_dict

    recs = fixture_records()
    a = Store.open(tmp_path / "a.db")
    a.ingest([record_from_dict(r) for r in recs.values()])
    b = Store.open(tmp_path / "b.db")
    b.ingest(list(recs.values()))
    assert a.counts() == b.counts()
    assert b.ingest([record_from_dict(r) for r in recs.values()]).unchanged == 6


def test_record_hash_is_the_standard_librarys_json_hashed():
    # stores written before orjson hashed the standard library's bytes: the same record must
    # keep its hash, or every stored document would count as changed on its next ingest
    import hashlib
    import json

    from multipolar.store.ingest import record_hash

    for record in (*fixture_records().values(), generated_record(7)):
        body = {k: v for k, v in record.items() if k != "extracted_at"}
        expected = hashlib.sha256(json.dumps(body, separators=(",", ":"), ensure_ascii=False,
                                             sort_keys=True).encode("utf-8")).hexdigest()[:32]
        assert record_hash(record) == expected
    # a value orjson refuses still hashes (through the standard library)
    odd = {"document": {"text": "x"}, "big": 2 ** 70}
    assert record_hash(odd) == record_hash(dict(reversed(list(odd.items()))))


def test_batches_end_at_their_size_or_once_their_time_is_up(monkeypatch):
    from multipolar.store import core

    assert [len(b) for b in core.batches(range(25), 10, 60.0)] == [10, 10, 5]
    now = [0.0]
    monkeypatch.setattr(core.time, "monotonic", lambda: now[0])

    def slow(n, step):  # a record every `step` seconds, like pages extracted on the fly
        for i in range(n):
            yield i
            now[0] += step

    assert [len(b) for b in core.batches(slow(10, 1.0), 100, 3.0)] == [4, 4, 2]
    assert list(core.batches(slow(3, 1.0), 100, 0.0)) == [[0], [1], [2]]


def test_a_slow_source_is_committed_batch_by_batch(tmp_path, monkeypatch):
    from multipolar.store import core

    now = [0.0]
    monkeypatch.setattr(core.time, "monotonic", lambda: now[0])
    committed = []

    def slow():
        for i in range(6):
            yield generated_record(i)
            now[0] += 2.0

    store = make_store(tmp_path / "store.db", records=[])
    stats = store.ingest(slow(), batch_seconds=5.0, progress=committed.append)
    assert committed == [4, 2] and stats.documents == 6  # the 4th arrives 6 s after the 1st
