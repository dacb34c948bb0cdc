"""Alerts raised by the watch module, shown by the API (GET /api/alerts) and the Alerts page."""

from __future__ import annotations

import re

import pytest

from multipolar.web import WebConfig, create_app
from web_fixtures import AppClient, add_alerts, build_store, fixture_dicts


@pytest.fixture(scope="module")
def watched(tmp_path_factory) -> AppClient:
    db = build_store(tmp_path_factory.mktemp("webalerts") / "store.db")
    assert add_alerts(db) == [1, 2, 3]
    return AppClient(create_app(WebConfig(db=db)))


@pytest.fixture(scope="module")
def unwatched(tmp_path_factory) -> AppClient:
    return AppClient(create_app(WebConfig(db=build_store(tmp_path_factory.mktemp("webnoalerts") / "store.db"))))


def _doc(title_start: str) -> dict:
    return next(d for d in fixture_dicts() if d["document"]["title"].startswith(title_start))


def test_alerts_newest_first_with_document_and_evidence(watched):
    response = watched.get("/api/alerts")
    assert response.status_code == 200, response.text
    body = response.json()
    assert [a["id"] for a in body["items"]] == [3, 2, 1] and body["next_offset"] is None
    kharkiv = body["items"][0]
    energy = _doc("Beijing and Moscow")
    assert kharkiv["rule"] == "kharkiv" and kharkiv["document"]["id"] == energy["document"]["id"]
    assert kharkiv["document"]["stored"] is True and kharkiv["created_at"].endswith("Z")
    text = energy["document"]["text"]
    assert kharkiv["evidence"] and all(text[e["start"]:e["end"]] == e["text"] == "Kharkiv"
                                       for e in kharkiv["evidence"])
    pact = body["items"][1]
    assert pact["match_key"] == "agreement:IRN-RUS:2025-01-17" and pact["corroboration"] == 2


def test_alerts_are_paginated_and_filtered_by_rule(watched):
    first = watched.get("/api/alerts?limit=2").json()
    assert [a["id"] for a in first["items"]] == [3, 2] and first["next_offset"] == 2
    rest = watched.get("/api/alerts?limit=2&offset=2").json()
    assert [a["id"] for a in rest["items"]] == [1] and rest["next_offset"] is None
    pact = watched.get("/api/alerts?rule=iran-russia-pact").json()["items"]
    assert {a["rule"] for a in pact} == {"iran-russia-pact"} and len(pact) == 2
    assert watched.get("/api/alerts?rule=no-such-rule").json()["items"] == []


def test_bad_alert_parameters_get_the_one_error_shape(watched):
    for url in ("/api/alerts?limit=0", "/api/alerts?limit=500", "/api/alerts?offset=-1", "/api/alerts?rule=" + "x" * 101):
        response = watched.get(url)
        assert response.status_code == 422, url
        assert response.json()["error"]["code"] == "invalid_parameters"


def test_a_store_never_watched_has_no_alerts(unwatched):
    response = unwatched.get("/api/alerts")
    assert response.status_code == 200, response.text
    assert response.json() == {"items": [], "limit": 50, "offset": 0, "next_offset": None}
    page = unwatched.get("/alerts")
    assert page.status_code == 200 and "No alerts" in page.text


def test_alerts_page_links_to_the_highlighted_evidence(watched):
    page = watched.get("/alerts")
    assert page.status_code == 200
    assert '<a href="/alerts">Alerts</a>' in page.text  # in the navigation
    energy = _doc("Beijing and Moscow")["document"]
    start = energy["text"].index("Kharkiv")
    assert f'href="/documents/{energy["id"]}?alert=3#text-{start}"' in page.text
    article = watched.get(f"/documents/{energy['id']}?alert=3")
    assert article.status_code == 200
    marked = re.findall(r'<mark class="hl[^"]*hl-alert[^"]*" id="text-(\d+)"[^>]*>([^<]*)</mark>', article.text)
    assert (str(start), "Kharkiv") in marked
    assert 'id="alert-banner"' in article.text
    # an alert about another document marks nothing here
    other = _doc("Russia and Iran")["document"]["id"]
    assert "hl-alert" not in watched.get(f"/documents/{other}?alert=3").text
    assert watched.get(f"/documents/{other}?alert=0").status_code == 422
