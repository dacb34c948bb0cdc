"""The web UI in real Chromium (Debian's /usr/bin/chromium via Playwright) over a fixture store.

One browser for the module, one uvicorn server on a free loopback port. Screenshots go to
the test's temp dir. Skipped when Chromium or Playwright is missing.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from multipolar.web import WebConfig, create_app
from web_fixtures import build_store, fixture_dicts

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
TOKEN = "browser-token"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    db = build_store(tmp_path_factory.mktemp("webui") / "store.db")
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(WebConfig(db=db, token=TOKEN)), host="127.0.0.1",
                                        port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(10_000)
    yield pg
    context.close()


def test_click_through_article_actor_agreement_compare_network(server, page, tmp_path):
    treaty = fixture_dicts()[0]
    page.goto(server + "/")
    assert page.locator("#recent-events li.cluster").count() >= 5
    assert page.locator(".network-thumb circle.node").count() == 5
    page.screenshot(path=str(tmp_path / "home.png"), full_page=True)

    # Article: every evidence span highlighted by record type; a record click marks its sentence.
    page.click(f"text={treaty['document']['title']}")
    page.wait_for_url(f"**/documents/{treaty['document']['id']}")
    absent = "Officials stressed that the treaty does not contain a mutual defence clause."
    marked = page.locator("#article-text mark.hl-provision", has_text=absent)
    assert marked.count() == 1
    assert "hl-flag" in marked.get_attribute("class")  # the contradiction flag points here too
    assert page.locator("#article-text mark.hl-quote").count() == 1
    assert page.locator("#article-text mark.hl-response", has_text="denied the accusation").count() == 1
    assert page.locator(".doc-subtitle mark.hl-flag").count() == 1
    page.click("a.record:has-text('defense: absent')")
    page.wait_for_function("document.querySelector('mark.hl.active') !== null")
    active = page.locator("mark.hl.active")
    assert absent in active.first.inner_text()
    assert active.first.is_visible()
    page.screenshot(path=str(tmp_path / "article.png"), full_page=True)

    # Actor: the timeline chart has bars on both sides; the event list shows corroboration.
    page.click("#records a.actor:text-is('RUSGOV')")
    page.wait_for_url("**/actors/RUSGOV")
    bars = page.locator("#timeline-chart rect.bar")
    assert bars.count() >= 4
    sides = set(page.eval_on_selector_all("#timeline-chart rect.bar", "els => els.map(e => e.classList[1])"))
    assert sides == {"cooperative", "conflictual"}
    counts = page.eval_on_selector_all("#timeline-chart rect.bar", "els => els.map(e => +e.dataset.count)")
    assert sum(counts) >= 5 and all(n > 0 for n in counts)
    assert page.locator("#event-list .corroboration", has_text="2 sources").count() == 1
    page.screenshot(path=str(tmp_path / "actor.png"), full_page=True)

    # Agreement: the provision matrix, merged and per source, with the conflict.
    page.click("#agreement-list a.agreement-link:has-text('comprehensive strategic partnership')")
    page.wait_for_url("**/agreements/*")
    row = page.locator("#provision-matrix tr[data-key='defense'] td.cell")
    assert [row.nth(i).get_attribute("data-value") for i in range(row.count())] == ["conflict", "absent", "present"]
    intel = page.locator("#provision-matrix tr[data-key='intelligence_sharing'] td.cell")
    assert [intel.nth(i).get_attribute("data-value") for i in range(intel.count())] == ["present", "present", "unknown"]
    assert page.locator("#provision-matrix tr[data-key='offense'] td.cell.unknown").count() == 3
    page.screenshot(path=str(tmp_path / "agreement.png"), full_page=True)

    # Compare with the US-Ukraine deal.
    page.select_option("#compare-with", label="agreement on critical minerals (UKR–USA, 2025-03-01)")
    page.click("#compare-button")
    page.wait_for_url("**/compare?*")
    cells = page.locator("#compare-matrix tr[data-key='defense'] td.cell")
    assert [cells.nth(i).get_attribute("data-value") for i in range(2)] == ["conflict", "absent"]
    assert page.locator("#compare-matrix tr[data-key='economic'].same").count() == 1
    page.screenshot(path=str(tmp_path / "compare.png"), full_page=True)

    # Network: nodes coloured by bloc; the date slider redraws it as of an earlier month.
    page.click("#network-link")
    page.wait_for_url("**/network")
    fills = page.eval_on_selector_all("#network-graph circle.node", "els => els.map(e => e.getAttribute('fill'))")
    assert len(fills) == 5 and len(set(fills)) >= 2
    assert page.locator("#bloc-list li .swatch").count() == len(set(fills))
    assert page.locator("svg.polarity circle.point").count() >= 1
    assert page.locator("#network-graph line.edge").count() == 3
    page.screenshot(path=str(tmp_path / "network.png"), full_page=True)
    months = page.eval_on_selector("#as-of-slider", "el => JSON.parse(el.dataset.dates)")
    page.eval_on_selector("#as-of-slider", "(el, i) => { el.value = i; el.dispatchEvent(new Event('change')); }",
                          months.index("2025-01"))
    page.wait_for_url("**/network?at=2025-01")
    assert page.locator("#network-graph line.edge").count() == 1
    assert page.locator("#as-of-label").inner_text() == "2025-01"


def test_dyad_search_and_obligations_pages(server, page, tmp_path):
    page.goto(server + "/dyads/RUS/UKR")
    counts = page.eval_on_selector_all("#timeline-chart rect.bar", "els => els.map(e => +e.dataset.count)")
    assert sum(counts) == 2
    page.goto(server + "/search?q=ballistic+missiles")
    hit = page.locator("#results .search-hit").first
    assert "ballistic missiles" in hit.inner_text()
    hit.locator("a").first.click()
    page.wait_for_url("**/documents/*#text-*")
    page.goto(server + "/obligations?attacker=USA&attacked=IRN")
    assert page.locator("#obligations td", has_text="defend").count() >= 1
    page.screenshot(path=str(tmp_path / "obligations.png"), full_page=True)


def test_submit_page_needs_the_token(server, page, tmp_path):
    page.goto(server + "/submit")
    page.fill("textarea[name=text]", "Iran and Iraq signed a trade deal on Monday.")
    page.fill("input[name=token]", "wrong")
    page.click("button[type=submit]")
    assert "valid bearer token" in page.locator("#submit-error").inner_text()
    assert page.locator("textarea[name=text]").input_value().startswith("Iran and Iraq")
    page.screenshot(path=str(tmp_path / "submit.png"), full_page=True)


@pytest.mark.model
def test_submit_page_stores_a_pasted_article(server, page):
    page.goto(server + "/submit")
    page.fill("textarea[name=text]", "Iran and Iraq sign water sharing accord\n\nIran and Iraq signed an "
              "agreement on sharing the waters of the Tigris in Baghdad on Monday.")
    page.fill("input[name=token]", TOKEN)
    page.click("button[type=submit]")
    page.wait_for_url("**/documents/*")
    assert "Tigris" in page.locator("#article-text").inner_text()
