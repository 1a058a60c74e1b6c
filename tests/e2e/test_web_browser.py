"""The web application in real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright).

uvicorn serves, from a background thread on a free port, a private copy of the
knowledge base with the real meeting record, the seed entry ingested and the demo
brief recorded (built once per session by tests/integration/test_web_api.py).
Screenshots land in /tmp/councilwatch-web-shots.
"""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

from tests.integration.test_web_api import TOKEN, XSS, record_db, record_kb  # noqa: F401 - fixtures

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
SHOTS = Path("/tmp/councilwatch-web-shots")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"Debian's chromium is not installed at {CHROMIUM} (.ci/run installs it)"),
]


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(record_kb):
    """(base URL, app) of a live uvicorn server over a private KB copy."""
    import uvicorn

    from councilwatch.web.app import create_app

    app = create_app(str(record_kb), TOKEN, cache_seconds=0)  # tests change the store under the server
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", app
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.dialogs, pg.errors = [], []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    yield pg
    context.close()


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_home_to_organisation_to_state(server, page):
    base, _ = server
    page.goto(base + "/?month=2024-07")
    assert page.locator("h1").inner_text() == "The Security Council in July 2024"
    assert "Russian Federation" in page.locator(".card").first.inner_text()
    page.click("header nav >> text=Organisations")
    page.click("a[href='/organisations/CSTO']")
    page.fill("input[name=on]", "2024-07-01")
    page.click("form.inline button")
    page.wait_for_url("**/organisations/CSTO?on=2024-07-01")
    row = page.locator("tr", has=page.locator("a[href='/states/ARM']")).first
    assert "participation frozen" in row.inner_text()
    assert page.locator("figure.chart svg rect.bar").count() >= 6  # the membership timeline
    _shot(page, "organisation")
    row.locator("a[href='/states/ARM']").click()
    assert page.locator("h1").inner_text().startswith("Armenia")
    assert page.locator("a[href='/organisations/CSTO']").count() >= 1
    page.click("a.brand")
    assert page.url == base + "/"
    assert not page.errors and not page.dialogs


def test_forecast_brief_search_and_document(server, page):
    base, _ = server
    page.goto(base + "/?month=2018-06", timeout=120_000)  # the first forecast of a store fits its model
    forecast = page.locator("ol.forecast > li")
    assert forecast.count() >= 5 and "%" in forecast.first.locator(".prob").inner_text()
    _shot(page, "home-2018-06")
    forecast.first.locator("a").first.click()
    assert page.locator("figure.chart svg rect.column").count() >= 10  # meetings per year
    assert page.locator("tr.vetoed").count() >= 1
    _shot(page, "agenda-item")
    page.goto(base + "/?month=2026-01")
    assert "no meetings known after 2018-12-31" in page.locator("p.notice").first.inner_text()
    page.click("header nav >> text=Briefs")
    page.click("a[href='/briefs/2024-07-un-csto-sco-cis']")
    assert "CSTO" in page.locator("h1").first.inner_text() or "CSTO" in page.title()
    page.go_back()
    page.fill("#site-q", "frozen its participation")
    page.press("#site-q", "Enter")
    page.wait_for_url("**/documents?q=*")
    first = page.locator("ol.hits li").first
    assert "July 2024 Monthly Forecast" in first.inner_text() and first.locator("mark").count() >= 1
    first.locator("a").first.click()
    assert page.locator("h1").inner_text() == "July 2024 Monthly Forecast"
    assert page.locator("mark.claim.cl-linked").count() >= 10 and page.locator("mark.claim.cl-pending").count() >= 1
    page.locator("ol.claims a", has_text="membership").first.click()
    assert page.evaluate("location.hash").startswith("#span-")
    _shot(page, "document")
    assert not page.dialogs and not page.errors, page.errors


def test_review_queue_refuses_a_write_without_the_token(server, page):
    base, _ = server
    page.goto(base + "/review")
    cards = page.locator(".claim-card").count()
    assert cards >= 5
    assert page.locator("button.accept").count() == 0  # no buttons before logging in
    claim_id = page.locator(".claim-card a").first.get_attribute("href").rsplit("#span-", 1)[1]
    assert page.request.post(base + f"/review/{claim_id}", form={"decision": "reject"}).status == 401
    r = page.request.post(base + f"/api/claims/{claim_id}/reject", headers={"Authorization": "Bearer not-the-token"})
    assert r.status == 403
    page.click("main >> text=Log in")
    page.fill("#token", "wrong")
    page.click("form.login button")
    assert "not right" in page.locator("p.error").inner_text()
    page.fill("#token", TOKEN)
    page.click("form.login button")
    page.wait_for_url("**/review")
    page.locator(f"form[action='/review/{claim_id}'] button.reject").click()
    page.wait_for_url("**/review")
    assert page.locator(".claim-card").count() == cards - 1
    assert page.locator(f"form[action='/review/{claim_id}']").count() == 0
    _shot(page, "review")
    assert not page.dialogs, page.dialogs


def test_source_text_never_executes(server, page):
    from sqlalchemy import update

    from councilwatch.store.schema import agenda_items, memberships, organisations

    base, app = server
    with app.state.kb.store.write() as conn:
        conn.execute(update(organisations).where(organisations.c.id == "SCO").values(
            description=XSS + '" onmouseover="alert(4)', source="javascript:alert(5) ; https://example.org/\"onclick=alert(6)"))
        conn.execute(update(memberships).where(memberships.c.organisation == "SCO").values(note=XSS))
        conn.execute(update(agenda_items).where(agenda_items.c.id == "middle-east-palestinian-question").values(title=XSS))
    for path in ["/organisations/SCO", "/organisations/compare?org=SCO&org=CSTO", "/states/KAZ", "/review",
                 "/documents?q=frozen", "/agenda", "/agenda/middle-east-palestinian-question", "/?month=2024-07"]:
        page.goto(base + path)
        page.mouse.move(200, 300)
        for link in page.locator("main a").all()[:40]:
            assert not (link.get_attribute("href") or "").lower().startswith("javascript:")
        assert page.evaluate("document.querySelectorAll('main script, main img[onerror], main [onmouseover]').length") == 0
    page.goto(base + "/organisations/SCO")
    assert '<script>alert("x")</script>' in page.locator("p.lead").inner_text()
    assert not page.dialogs, page.dialogs
    assert not page.errors, page.errors


def test_pages_fit_a_narrow_screen(server, browser):
    base, _ = server
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    page = context.new_page()
    for path in ["/?month=2024-07", "/organisations", "/organisations/OIC", "/states/ARM", "/organisations/compare?org=CSTO&org=SCO&org=CIS",
                 "/agenda", "/agenda/middle-east-palestinian-question", "/documents?q=CSTO", "/review", "/briefs"]:
        page.goto(base + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1, f"{path} scrolls sideways by {overflow}px on a 390px screen"
        _shot(page, "narrow" + path.replace("/", "_").replace("?", "_").replace("&", "_"))
    context.close()
