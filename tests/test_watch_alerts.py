"""Alert records: one per fact and document, corroboration across sources, webhook retries."""

import sqlite3

import pytest

from http_fixture_server import FixtureSite
from multipolar.model import Actor, Document, Evidence, Record
from multipolar.watch.alerts import alert_payload, deliver_webhooks, raise_alerts, source_host
from multipolar.watch.rules import parse_rules
from multipolar.watch.state import WatchState

TEXT = "Fishing boats were seen near Svalbard on Monday, coast guard officials said."


def record(doc_id: str, url: str) -> Record:
    return Record(document=Document(id=doc_id, source=url, text=TEXT, title="Boats near Svalbard", url=url),
                  coder_version="0.1.0", extracted_at="2026-01-01T00:00:00Z")


@pytest.fixture
def state():
    conn = sqlite3.connect(":memory:", isolation_level=None)
    return WatchState(conn)


def test_one_alert_per_fact_and_document(state):
    rules = parse_rules({"rules": [{"name": "svalbard", "mentions": ["Svalbard"]}]})
    with state.transaction():
        first = raise_alerts(state, rules, record("d1", "https://a.example/1"))
        again = raise_alerts(state, rules, record("d1", "https://a.example/1"))  # same document again
        other = raise_alerts(state, rules, record("d2", "https://b.example/2"))
    assert len(first) == 1 and again == [] and len(other) == 1
    [alert] = state.alerts(where="id = ?", args=(first[0],))
    assert alert["evidence"][:2] == [{"text": "Svalbard", "start": 11, "end": 19, "field": "title"},
                                     {"text": "Svalbard", "start": 29, "end": 37}]
    assert alert["webhook_state"] == "none"


def test_corroboration_waits_for_distinct_sources(state):
    # (mention keys are per document; corroboration needs a fact that documents share: an actor)

    def with_actor(doc_id, url):
        rec = record(doc_id, url)
        rec.actors = [Actor("NOR", "Norway", "NOR", "state", [Evidence.of(TEXT, 29, 37)])]
        return rec

    rules = parse_rules({"rules": [{"name": "norway", "actor": "NOR", "min_corroboration": 2}]})
    with state.transaction():
        assert raise_alerts(state, rules, with_actor("d1", "https://a.example/1")) == []
        assert raise_alerts(state, rules, with_actor("d2", "https://a.example/2")) == []  # same host
        fired = raise_alerts(state, rules, with_actor("d3", "https://b.example/3"))
        later = raise_alerts(state, rules, with_actor("d4", "https://c.example/4"))
    assert len(fired) == 1 and later == []
    [alert] = state.alerts()
    assert alert["match_key"] == "actor:NOR" and alert["corroboration"] == 3


def test_source_host_of_urls_and_files():
    assert source_host(record("d", "https://News.Example/a")) == "news.example"
    rec = record("d", "https://x/y")
    rec.document.url = None
    rec.document.source = "/data/page.html"
    assert source_host(rec) == "/data/page.html"


def test_webhook_retried_until_it_succeeds(state):
    with FixtureSite() as receiver:
        answers = iter([500, 204])
        receiver.post_status = lambda: next(answers, 204)
        rules = parse_rules({"webhook": receiver.url("/hook"),
                             "rules": [{"name": "svalbard", "mentions": ["Svalbard"]}]})
        with state.transaction():
            [alert_id] = raise_alerts(state, rules, record("d1", "https://a.example/1"))
        assert deliver_webhooks(state) == {"sent": 0, "failed": 1}
        assert state.alerts()[0]["webhook_state"] == "pending"
        assert deliver_webhooks(state) == {"sent": 1, "failed": 0}
        assert deliver_webhooks(state) == {"sent": 0, "failed": 0}  # nothing pending
    [alert] = state.alerts()
    assert alert["webhook_state"] == "sent" and alert["webhook_attempts"] == 2
    payload = alert_payload(alert)
    assert payload["alert"]["id"] == alert_id and payload["document"]["title"] == "Boats near Svalbard"


def test_unreachable_webhook_gives_up_after_max_attempts(state):
    from multipolar.watch.alerts import MAX_ATTEMPTS

    rules = parse_rules({"webhook": "http://127.0.0.1:9/hook",  # nothing listens on the discard port
                         "rules": [{"name": "svalbard", "mentions": ["Svalbard"]}]})
    with state.transaction():
        raise_alerts(state, rules, record("d1", "https://a.example/1"))
    for _ in range(MAX_ATTEMPTS + 2):
        deliver_webhooks(state, timeout=1.0)
    [alert] = state.alerts()
    assert alert["webhook_state"] == "failed" and alert["webhook_attempts"] == MAX_ATTEMPTS
