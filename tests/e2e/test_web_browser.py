"""The web application in real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright).

uvicorn serves a private copy of the curated KB from a background thread on a free
port. The parts other modules provide are exercised through the stand-ins of
tests/integration/test_web_api.py, installed in this process (the server thread
shares its sys.modules), so the whole click path runs before those modules land.
"""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

from tests.integration.test_web_api import TOKEN, XSS, StandIns

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
def server(kb_path):
    """(base URL, app) of a live uvicorn server over a private KB copy."""
    import uvicorn

    from councilwatch.web.app import create_app

    app = create_app(str(kb_path), TOKEN, cache_seconds=0)  # tests change the store under the server
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
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" and "status of 503" not in m.text else None)
    yield pg
    context.close()


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_home_to_organisation_to_state(server, page):
    base, _ = server
    page.goto(base + "/?month=2024-07")
    assert page.locator("h1").inner_text() == "The Security Council in 2024-07"
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


def test_click_path_to_a_brief_and_back_to_a_search(server, page, monkeypatch):
    StandIns().install(monkeypatch)
    base, _ = server
    page.goto(base + "/?month=2024-07")
    assert "87%" in page.locator("ol.forecast").inner_text()
    page.click("a[href='/organisations/CSTO']") if page.locator("a[href='/organisations/CSTO']").count() else page.goto(base + "/organisations/CSTO")
    page.click("a[href='/states/KAZ']")
    assert page.locator("h1").inner_text().startswith("Kazakhstan")
    assert "2018-01" in page.locator("section", has_text="Presidencies held").inner_text()
    page.click("header nav >> text=Briefs")
    page.click("text=July 2024: UN and regional organisations")
    assert page.locator("h1").inner_text() == "July 2024 brief"
    page.click("text=S/2022/606")  # the brief links to a search
    page.wait_for_url("**/documents?q=*")
    first = page.locator("ol.hits li").first
    assert "S/2022/606" in first.inner_text()
    first.locator("a").first.click()
    assert page.locator("mark#span-1").inner_text().startswith("Armenia froze its participation")
    assert page.locator("main").inner_text().count("<script>") >= 1  # shown as text, not run
    _shot(page, "document")
    assert not page.dialogs and not page.errors


def test_click_path_with_the_real_modules(server, page):
    import importlib

    for name in ("councilwatch.publish", "councilwatch.store.search"):
        try:
            importlib.import_module(name)
        except ModuleNotFoundError:
            pytest.skip(f"{name} has not landed yet (the stand-in click path above covers the web side)")
    base, _ = server
    page.goto(base + "/briefs")
    assert page.locator("h1").inner_text() == "Briefs"
    page.fill("#site-q", "S/2022/606")
    page.press("#site-q", "Enter")
    assert page.locator("h1").inner_text() == "Documents"


def test_review_queue_refuses_a_write_without_the_token(server, page, monkeypatch):
    standins = StandIns()
    standins.install(monkeypatch)
    base, _ = server
    page.goto(base + "/review")
    assert page.locator(".claim-card").count() == 2
    assert page.locator("button.accept").count() == 0  # no buttons before logging in
    r = page.request.post(base + "/review/1", form={"decision": "accept"})
    assert r.status == 401
    r = page.request.post(base + "/api/claims/1/accept", headers={"Authorization": "Bearer not-the-token"})
    assert r.status == 403
    assert standins.claims[1]["state"] == "pending"
    page.click("text=Log in")
    page.fill("#token", "wrong")
    page.click("form.login button")
    assert "not right" in page.locator("p.error").inner_text()
    page.fill("#token", TOKEN)
    page.click("form.login button")
    page.wait_for_url("**/review")
    page.locator(".claim-card", has_text="Armenia froze").locator("button.accept").click()
    page.wait_for_url("**/review")
    assert standins.claims[1]["state"] == "accepted"
    assert page.locator(".claim-card").count() == 1
    assert not page.dialogs, page.dialogs


def test_source_text_never_executes(server, page, monkeypatch):
    from sqlalchemy import update

    from councilwatch.store.schema import memberships, organisations

    StandIns().install(monkeypatch)
    base, app = server
    with app.state.kb.store.write() as conn:
        conn.execute(update(organisations).where(organisations.c.id == "SCO").values(
            description=XSS + '" onmouseover="alert(4)', source="javascript:alert(5) ; https://example.org/\"onclick=alert(6)"))
        conn.execute(update(memberships).where(memberships.c.organisation == "SCO").values(note=XSS))
    for path in ["/organisations/SCO", "/organisations/compare?org=SCO&org=CSTO", "/states/KAZ", "/review",
                 "/documents/S/2022/606", "/documents?q=froze", "/agenda/cooperation-un-regional", "/?month=2024-07"]:
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
    for path in ["/?month=2024-07", "/organisations", "/organisations/OIC", "/states/ARM", "/organisations/compare?org=CSTO&org=SCO&org=CIS"]:
        page.goto(base + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1, f"{path} scrolls sideways by {overflow}px on a 390px screen"
        _shot(page, "narrow" + path.replace("/", "_").replace("?", "_").replace("&", "_"))
    context.close()
