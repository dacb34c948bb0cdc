"""The JSON API over a store built from fixtures: every endpoint, pagination, 401/413/415/422."""

from __future__ import annotations

import pytest

from multipolar.web import WebConfig, create_app
from web_fixtures import AppClient, build_store, fixture_dicts

TOKEN = "test-token-123"
MAX_UPLOAD = 64 * 1024


@pytest.fixture(scope="module")
def client(tmp_path_factory) -> AppClient:
    db = build_store(tmp_path_factory.mktemp("webapi") / "store.db")
    return AppClient(create_app(WebConfig(db=db, token=TOKEN, max_upload_bytes=MAX_UPLOAD)))


@pytest.fixture(scope="module")
def treaty_doc() -> str:
    return fixture_dicts()[0]["document"]["id"]


def ok(response) -> dict:
    assert response.status_code == 200, response.text
    return response.json()


def assert_error(response, status: int, code: str | None = None) -> dict:
    assert response.status_code == status, response.text
    err = response.json()["error"]
    assert err["status"] == status and err["message"]
    if code:
        assert err["code"] == code
    return err


def test_openapi_schema_lists_every_endpoint(client):
    paths = ok(client.get("/api/openapi.json"))["paths"]
    for path in ("/api/documents", "/api/documents/{doc_id}", "/api/actors", "/api/actors/{actor}", "/api/events",
                 "/api/timeline", "/api/agreements", "/api/agreements/{agreement_id}", "/api/compare",
                 "/api/obligations", "/api/claims", "/api/search", "/api/network", "/api/blocs", "/api/polarity",
                 "/api/overview", "/api/alerts"):
        assert path in paths, path
    assert "post" in paths["/api/documents"]
    assert not any(p.startswith("/actors") for p in paths)  # pages stay out of the API schema


def test_documents_are_paginated(client, treaty_doc):
    first = ok(client.get("/api/documents?limit=3"))
    assert len(first["items"]) == 3 and first["next_offset"] == 3
    rest = ok(client.get("/api/documents?limit=3&offset=3"))
    assert len(rest["items"]) == 1 and rest["next_offset"] is None
    ids = {d["id"] for d in first["items"] + rest["items"]}
    assert treaty_doc in ids and len(ids) == 4
    assert {d["id"]: d["n_events"] for d in first["items"] + rest["items"]}[treaty_doc] == 2


def test_one_document_keeps_evidence_offsets(client, treaty_doc):
    record = ok(client.get(f"/api/documents/{treaty_doc}"))
    text = record["document"]["text"]
    for e in record["events"]:
        assert text[e["evidence"]["start"]:e["evidence"]["end"]] == e["evidence"]["text"]
    assert [p["key"] for p in record["agreements"][0]["provisions"]][:2] == ["intelligence_sharing", "joint_exercises"]
    assert_error(client.get("/api/documents/ffffffffffffffff"), 404, "not_found")


def test_document_answer_is_the_analysis_answer(client, tmp_path):
    """The API answers with analysis.document (which reads events and evidence by the store's id
    ranges); that answer must give back every fact of the ingested record exactly, offsets and
    order included, with only the store's merged ids (cluster, agreement, claim) added."""
    from multipolar import analysis
    from multipolar.store import Store

    def facts(record):
        return {kind: [{k: v for k, v in item.items() if k not in ("cluster", "agreement", "claim")}
                       for item in record.get(kind) or []]
                for kind in ("events", "agreements", "claims", "quotes", "flags")}

    db = build_store(tmp_path / "same.db")
    with Store.open(db, readonly=True) as store:
        for d in fixture_dicts():
            doc_id = d["document"]["id"]
            expected = analysis.document(store, doc_id)
            assert expected is not None
            assert facts(expected) == facts(d)
            assert expected["document"] == {"url": None, **d["document"]}  # the store keeps url as a column
            assert all(e["cluster"] for e in expected["events"])
            assert ok(client.get(f"/api/documents/{doc_id}")) == expected


def test_actors_list_and_lookup(client):
    codes = [a["code"] for a in ok(client.get("/api/actors?prefix=RUS"))["items"]]
    assert codes == ["RUSGOV", "RUSMIL"]
    assert ok(client.get("/api/actors/IRNGOV"))["country"] == "IRN"
    assert_error(client.get("/api/actors/Atlantis"), 404, "unknown_actor")


def test_events_filter_by_actor_dyad_type_and_dates(client):
    by_actor = ok(client.get("/api/events?actor=RUS&limit=50"))["items"]
    assert all("RUS" in (c["source"], c["target"]) for c in by_actor)
    assert len(by_actor) == 7 and sum(c["n_events"] for c in by_actor) == 8  # two reports, one cluster
    dyad = ok(client.get("/api/events?dyad=IRN,RUS"))["items"]
    assert len(dyad) == 1 and dyad[0]["n_documents"] == 2  # two outlets, one event
    assert len(dyad[0]["events"]) == 2 and all(e["evidence"]["document"]["id"] for e in dyad[0]["events"])
    assaults = ok(client.get("/api/events?type=assault"))["items"]
    assert {(c["source"], c["target"]) for c in assaults} == {("RUS", "UKR"), ("UKR", "RUS")}
    feb = ok(client.get("/api/events?since=2025-02-01&until=2025-02"))["items"]
    assert feb and all(c["first_day"].startswith("2025-02") for c in feb)
    page = ok(client.get("/api/events?limit=2&offset=2"))
    assert len(page["items"]) == 2 and page["next_offset"] == 4


def test_timeline_has_weekly_plover_counts(client):
    tl = ok(client.get("/api/timeline?actor=RUS"))
    assert tl["total_events"] == 8
    weeks = {w["week"]: w["counts"] for w in tl["weeks"]}
    assert weeks["2025-01-13"] == {"SUPPORT": 2}
    assert weeks["2025-02-10"]["ASSAULT"] == 1 and weeks["2025-02-10"]["SANCTION"] == 1
    dyad = ok(client.get("/api/timeline?actor=RUS&other=UKR"))
    assert sum(sum(w["counts"].values()) for w in dyad["weeks"]) == 2


def test_agreements_list_detail_and_conflict(client):
    allg = ok(client.get("/api/agreements"))["items"]
    assert len(allg) == 3
    iran = ok(client.get("/api/agreements?actor=IRN"))["items"]
    assert len(iran) == 1 and iran[0]["n_documents"] == 2
    detail = ok(client.get(f"/api/agreements/{iran[0]['id']}"))
    assert detail["provisions"]["defense"]["value"] == "conflict"
    assert detail["conflicts"] == ["defense"]
    assert_error(client.get("/api/agreements/9999"), 404)
    assert_error(client.get("/api/agreements/abc"), 422, "invalid_parameters")


def test_compare_and_obligations(client):
    cmp = ok(client.get("/api/compare?a=IRN-RUS&b=UKR-USA"))
    rows = {r["key"]: (r["a"], r["b"]) for r in cmp["provisions"]}
    assert rows["defense"] == ("conflict", "absent")
    assert rows["economic"] == ("present", "present")
    assert rows["intelligence_sharing"] == ("present", "unknown")
    assert_error(client.get("/api/compare?a=IRN-RUS&b=FRA-DEU"), 404, "unknown_agreement")
    obl = ok(client.get("/api/obligations?attacker=USA&attacked=IRN"))
    defend = [o for o in obl["obligations"] if o["duty"] == "defend"]
    assert defend and defend[0]["party"] == "RUS" and defend[0]["disputed"] is True
    assert any(o["duty"] == "deny_territory" for o in obl["obligations"])


def test_claims_with_responses(client):
    claims = ok(client.get("/api/claims?actor=IRN"))
    assert claims["total"] == 1
    claim = claims["items"][0]
    assert (claim["claimant"], claim["topic"]) == ("USA", "arms_transfer")
    assert claim["stances"] == {"IRN": ["deny"]}
    assert ok(client.get("/api/claims?actor=IRN&role=claimant"))["total"] == 0


def test_search_over_evidence(client):
    hits = ok(client.get("/api/search?q=mutual+defence"))["items"]
    assert hits and "mutual defence" in hits[0]["text"]
    assert ok(client.get("/api/search?q=zzzunknownword"))["items"] == []


def test_network_blocs_polarity_overview(client):
    net = ok(client.get("/api/network"))
    assert {(e["a"], e["b"]) for e in net["edges"]} == {("IRN", "RUS"), ("CHN", "RUS"), ("UKR", "USA")}
    bloc = {n["id"]: n["bloc"] for n in net["nodes"]}
    assert bloc["IRN"] == bloc["RUS"] != bloc["USA"]
    before = ok(client.get("/api/network?on=2025-01-31"))
    assert {(e["a"], e["b"]) for e in before["edges"]} == {("IRN", "RUS")}
    assert ok(client.get("/api/blocs"))["polarity"]["effective_poles"] > 1
    assert [y["year"] for y in ok(client.get("/api/polarity"))["years"]] == [2025]
    assert ok(client.get("/api/overview"))["counts"]["documents"] == 4


@pytest.mark.parametrize("url", [
    "/api/documents?limit=0", "/api/documents?limit=100000", "/api/documents?offset=-1",
    "/api/events?since=2025-13-01", "/api/events?until=yesterday", "/api/events?actor=not-a-code",
    "/api/events?dyad=RUS", "/api/events?type=WAR", "/api/events?actor=RUS&dyad=RUS,IRN",
    "/api/timeline", "/api/claims?actor=IRN&role=judge", "/api/claims?actor=IRN&topic=weather",
    "/api/search?q=", "/api/search?q=" + "x" * 201, "/api/search?q=a&order=random",
    "/api/network?on=2025-02-30", "/api/polarity?start_year=2025&end_year=2020",
    "/api/obligations?attacker=USA",
])
def test_bad_parameters_are_422_in_one_shape(client, url):
    err = assert_error(client.get(url), 422, "invalid_parameters")
    assert err.get("detail") is None or all("param" in d for d in err["detail"])


def test_writes_need_the_bearer_token(client):
    body = {"text": "Iran and Iraq signed a trade deal."}
    assert_error(client.post("/api/documents", json=body), 401, "unauthorized")
    r = client.post("/api/documents", json=body, headers={"Authorization": "Bearer wrong"})
    assert_error(r, 401)
    assert r.headers["www-authenticate"].startswith("Bearer")


def test_writes_are_closed_without_a_configured_token(tmp_path):
    app = create_app(WebConfig(db=build_store(tmp_path / "s.db"), token=None))
    r = AppClient(app).post("/api/documents", json={"text": "x"}, headers={"Authorization": "Bearer "})
    assert_error(r, 401, "writes_disabled")


def test_oversized_upload_is_413_before_auth(client):
    big = "word " * (MAX_UPLOAD // 4)
    r = client.post("/api/documents", json={"text": big}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert_error(r, 413, "too_large")
    files = {"file": ("page.html", b"<html>" + b"x" * MAX_UPLOAD + b"</html>", "text/html")}
    assert_error(client.post("/api/documents", files=files), 413, "too_large")
    form = client.post("/submit", files=files, headers={"accept": "text/html"})
    assert form.status_code == 413 and form.headers["content-type"].startswith("text/html")
    assert "too_large" in form.text and "Back to Submit" in form.text


def test_submission_shape_errors(client):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert_error(client.post("/api/documents", json={}, headers=auth), 422, "empty_submission")
    assert_error(client.post("/api/documents", json={"text": "a", "html": "b"}, headers=auth), 422)
    assert_error(client.post("/api/documents", json={"text": 5}, headers=auth), 422)
    assert_error(client.post("/api/documents", json={"bogus": "x"}, headers=auth), 422)
    assert_error(client.post("/api/documents", json={"url": "ftp://example.org/x"}, headers=auth), 422, "bad_url")
    r = client.post("/api/documents", content=b"\x00\x01", headers={**auth, "content-type": "application/pdf"})
    assert_error(r, 415)
    files = {"file": ("report.pdf", b"%PDF-1.4", "application/pdf")}
    assert_error(client.post("/api/documents", files=files, headers=auth), 415)


@pytest.mark.model
def test_post_document_runs_the_pipeline_and_stores_the_record(client):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    text = ("Iran and Iraq sign border security pact\n\n"
            "BAGHDAD, March 3, 2025 - Iran and Iraq signed a border security agreement in Baghdad on Monday.\n\n"
            "The agreement commits both governments to share intelligence about armed groups.")
    r = client.post("/api/documents", json={"text": text, "source": "test-paste"}, headers=auth)
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["stored"] is True and body["record"]["schema"] == "multipolar/1"
    stored = ok(client.get(f"/api/documents/{body['id']}"))
    assert stored["document"]["text"] == body["record"]["document"]["text"]
    assert "border security" in stored["document"]["text"]
    empty = client.post("/api/documents", content=b"   \n ", headers={**auth, "content-type": "text/plain"})
    assert_error(empty, 422, "empty_submission")
    page = (b"<!doctype html><html><head><title>Iran and Iraq open border crossing</title></head><body><article>"
            b"<h1>Iran and Iraq open border crossing</h1><p>Iran and Iraq opened a new border crossing near "
            b"Basra on Tuesday, officials in Baghdad said.</p><p>The crossing will carry trade and pilgrims "
            b"between the two countries, according to the Iraqi interior ministry.</p></article></body></html>")
    up = client.post("/api/documents", files={"file": ("crossing.html", page, "text/html")}, headers=auth)
    assert up.status_code == 201, up.text
    assert up.json()["record"]["document"]["source"] == "crossing.html"
    assert "Basra" in ok(client.get(f"/api/documents/{up.json()['id']}"))["document"]["text"]


def test_pages_render_on_an_empty_store(tmp_path):
    from multipolar.store import Store

    Store.open(tmp_path / "empty.db").close()
    client = AppClient(create_app(WebConfig(db=tmp_path / "empty.db")))
    html = {"accept": "text/html"}
    for url in ("/", "/network", "/compare", "/search?q=treaty", "/actors/RUS", "/dyads/RUS/IRN",
                "/obligations?attacker=USA&attacked=IRN", "/submit", "/api/docs"):
        r = client.get(url, headers=html)
        assert r.status_code == 200, url
        assert "text/html" in r.headers["content-type"]
    assert ok(client.get("/api/documents"))["items"] == []
    missing = client.get("/agreements/1", headers=html)
    assert missing.status_code == 404 and "not_found" in missing.text and "<html" in missing.text


def test_actor_page_accepts_a_stored_name(client):
    r = client.get("/actors/Government%20of%20Iran", headers={"accept": "text/html"})
    assert r.status_code == 303 and r.headers["location"] == "/actors/IRNGOV"


def test_cached_aggregates_follow_an_ingest_by_another_writer(tmp_path):
    from multipolar.store import Store
    from web_fixtures import fixture_records

    records = fixture_records()
    db = tmp_path / "growing.db"
    with Store.open(db) as store:
        store.ingest(records[:2])
    client = AppClient(create_app(WebConfig(db=db)))
    assert len(ok(client.get("/api/network"))["edges"]) == 1
    assert len(ok(client.get("/api/network"))["edges"]) == 1  # answered from the cache
    with Store.open(db) as store:  # e.g. `multipolar ingest` in another process
        store.ingest(records[2:])
    assert len(ok(client.get("/api/network"))["edges"]) == 3
    assert ok(client.get("/api/overview"))["counts"]["documents"] == 4


@pytest.fixture(scope="module")
def page_server():
    """A loopback HTTP server with one news page (robots.txt: 404, so everything is allowed)."""
    import http.server
    import threading

    page = (b"<!doctype html><html><head><title>Turkey and Azerbaijan hold naval drills</title></head><body>"
            b"<article><h1>Turkey and Azerbaijan hold naval drills</h1><p>Turkey and Azerbaijan began joint "
            b"naval exercises in the Caspian Sea on Monday, the Turkish defence ministry said.</p><p>The drills "
            b"will last five days and involve twelve ships from both navies.</p></article></body></html>")

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the stdlib's name)
            if self.path == "/drills.html":
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(page)))
                self.end_headers()
                self.wfile.write(page)
            else:
                self.send_error(404)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_url_submission_refuses_private_addresses_by_default(client, page_server):
    r = client.post("/api/documents", json={"url": page_server + "/drills.html"},
                    headers={"Authorization": f"Bearer {TOKEN}"})
    assert_error(r, 422, "fetch_blocked")


@pytest.mark.model
def test_url_submission_fetches_extracts_and_stores(tmp_path, page_server):
    config = WebConfig(db=build_store(tmp_path / "s.db"), token=TOKEN, allow_private_urls=True)
    client = AppClient(create_app(config))
    r = client.post("/api/documents", json={"url": page_server + "/drills.html"},
                    headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 201, r.text
    doc = ok(client.get(f"/api/documents/{r.json()['id']}"))["document"]
    assert doc["url"] == page_server + "/drills.html" and "Caspian Sea" in doc["text"]
    missing = client.post("/api/documents", json={"url": page_server + "/gone.html"},
                          headers={"Authorization": f"Bearer {TOKEN}"})
    assert missing.status_code == 502 and missing.json()["error"]["code"].startswith("fetch_")


def test_an_unexpected_failure_keeps_the_error_shape(tmp_path, monkeypatch):
    from multipolar.analysis import browse

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(browse, "documents_page", broken)
    app = create_app(WebConfig(db=build_store(tmp_path / "s.db")))
    r = AppClient(app).request("GET", "/api/documents")
    err = assert_error(r, 500, "internal")
    assert "RuntimeError" in err["message"] and "boom" not in err["message"]


def test_pages_escape_markup_from_articles(tmp_path):
    from multipolar.store import Store

    record = fixture_dicts()[2]
    evil = "<script>alert(1)</script>"
    record["document"]["title"] = f"Gas talks {evil}"
    record["document"]["id"] = "0123456789abcdef"
    record["quotes"] = [{"speaker": evil, "actor": None, "text": evil,
                         "evidence": record["events"][0]["evidence"]}]
    with Store.open(tmp_path / "s.db") as store:
        store.ingest([record])
    client = AppClient(create_app(WebConfig(db=tmp_path / "s.db")))
    for url in ("/documents/0123456789abcdef", "/", "/search?q=gas"):
        html = client.get(url, headers={"accept": "text/html"}).text
        assert "<script>alert" not in html and "&lt;script&gt;" in html, url
