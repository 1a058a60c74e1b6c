"""The web application's JSON API and pages, in-process.

Two stores: a private copy of the curated KB (fast; most tests), and a private copy
of a KB with the real meeting record (the DHL tables 1946-2018 and vetoes), the
seed entry ingested (so claims and search have real text) and the demo brief
recorded, built once per session (`record_kb`).
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update

TOKEN = "test-token-5f1c"
XSS = '<script>alert("x")</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">x</a>'


def build_record_kb(path: Path, shared_data: Path, seed: Path) -> Path:
    """Curated facts + the DHL meeting and veto tables + the seed entry ingested + the demo brief recorded."""
    from councilwatch.api import KnowledgeBase, open_store
    from councilwatch.extract.pipeline import Extractor
    from councilwatch.publish.api import record_brief
    from councilwatch.publish.assemble import assemble_brief
    from councilwatch.sources import dhl_meetings, dhl_vetoes
    from councilwatch.sources.ingest import ingest_file

    store = open_store(f"sqlite:///{path}")
    raw = shared_data / "unsc_meetings_dhl" / "raw_html"
    dhl_meetings.import_paths(store, [raw])
    dhl_vetoes.import_file(store, raw / "scact_veto_table_en.html")
    ingest_file(store, Extractor.from_store(store), seed)
    kb = KnowledgeBase(store)
    record_brief(kb, assemble_brief(kb, "un-csto-sco-cis", "2024-07"))
    store.dispose()
    return path


@pytest.fixture(scope="session")
def record_db(tmp_path_factory, shared_data, seed_text) -> Path:
    seed = sorted((shared_data.parent / "seed").glob("*.txt"))[0]
    return build_record_kb(tmp_path_factory.mktemp("record") / "kb.sqlite", shared_data, seed)


@pytest.fixture
def record_kb(record_db, tmp_path) -> Path:
    """A private copy of the real-record KB, free to write to."""
    path = tmp_path / "record.sqlite"
    shutil.copy(record_db, path)
    return path


@pytest.fixture
def rclient(record_kb):
    from councilwatch.web.app import create_app

    with TestClient(create_app(str(record_kb), TOKEN, cache_seconds=0)) as c:
        yield c


def seed_document(client) -> dict:
    hits = client.get("/api/documents", params={"q": "frozen its participation"}).json()
    assert hits, "the ingested seed entry must be found by its words"
    return client.get(f"/api/documents/{hits[0]['symbol']}").json()


@pytest.fixture
def app(kb_path):
    from councilwatch.web.app import create_app

    return create_app(str(kb_path), TOKEN, cache_seconds=0)


@pytest.fixture
def client(app):
    with TestClient(app) as c:
        yield c


# -- the knowledge base as JSON ----------------------------------------------------------
def test_members_match_the_command_line(client, cli):
    api = client.get("/api/members/CSTO", params={"on": "2024-07-01"})
    assert api.status_code == 200
    out = cli("members", "CSTO", "--on", "2024-07-01", "--format", "json")
    assert out.returncode == 0, out.stderr
    from_cli = json.loads(out.stdout)
    assert [{k: r[k] for k in from_cli[0]} for r in api.json()] == from_cli
    armenia = next(r for r in api.json() if r["state"] == "ARM")
    assert armenia["status"] == "participation_frozen" and armenia["since"] == "2024-02-22"
    assert {r["state"] for r in api.json()} >= {"ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"}


def test_members_by_full_name_and_date_change_the_answer(client):
    by_name = client.get("/api/members/Collective Security Treaty Organisation", params={"on": "2024-07-01"}).json()
    assert by_name == client.get("/api/members/CSTO", params={"on": "2024-07-01"}).json()
    before = {r["state"]: r["status"] for r in client.get("/api/members/CSTO", params={"on": "2023-07-01"}).json()}
    assert before["ARM"] == "member"


def test_presidency_composition_overlap_history(client):
    p = client.get("/api/presidency/2024-07").json()
    assert (p["state"], p["name"], p["basis"]) == ("RUS", "Russian Federation", "record")
    members = client.get("/api/composition", params={"on": "2024-07-01"}).json()
    assert len(members) == 15 and sum(m["seat"] == "permanent" for m in members) == 5
    assert {"state", "name", "seat", "from", "to", "source"} <= set(members[0])
    o = client.get("/api/overlap", params=[("org", "CSTO"), ("org", "SCO"), ("org", "CIS"), ("on", "2024-07-01")]).json()
    per_org = {org: {r["state"]: r["status"] for r in client.get(f"/api/members/{org}", params={"on": "2024-07-01"}).json()}
               for org in ("CSTO", "SCO", "CIS")}
    assert {s["state"] for s in o["in_all"]} <= set.intersection(*(set(v) for v in per_org.values()))
    assert {"KAZ", "KGZ", "RUS", "TJK"} <= {s["state"] for s in o["in_all"]}
    arm = next(r for r in o["matrix"] if r["state"] == "ARM")
    assert arm["CSTO"] == "participation_frozen" and arm["SCO"] == per_org["SCO"].get("ARM")
    history = client.get("/api/history/CSTO").json()
    assert any(r["state"] == "UZB" and r["status"] == "withdrawn" for r in history)


def test_state_with_council_terms_and_presidencies(client):
    kaz = client.get("/api/states/Kazakhstan").json()
    assert kaz["iso3"] == "KAZ"
    assert any(t["seat"] == "elected" and t["start"] == "2017-01-01" for t in kaz["council_terms"])
    assert "2018-01" in [p["month"] for p in kaz["presidencies"]]
    assert any(m["organisation"] == "CSTO" for m in kaz["memberships"])


def test_organisations_list_and_detail(client):
    orgs = client.get("/api/organisations").json()
    assert {"CSTO", "SCO", "CIS"} <= {o["id"] for o in orgs}
    csto = client.get("/api/organisations/csto").json()
    assert csto["id"] == "CSTO" and csto["description"] and csto["source"]


# -- bad input ----------------------------------------------------------------------------
@pytest.mark.parametrize("path", ["/api/members/NOPE", "/api/history/Atlantis Pact", "/api/organisations/ZZZZ",
                                  "/api/states/Freedonia", "/api/memberships/Freedonia"])
def test_unknown_names_are_404_with_a_message(client, path):
    r = client.get(path)
    assert r.status_code == 404
    body = r.json()
    assert body["status"] == 404 and "unknown" in body["error"]


def test_unknown_name_suggests_candidates(client):
    body = client.get("/api/members/Shanghai Cooperation Organ").json()
    assert isinstance(body, list) or "SCO" in " ".join(body.get("candidates") or [])


@pytest.mark.parametrize("url", [
    "/api/members/CSTO?on=2024-13-01", "/api/members/CSTO?on=yesterday", "/api/members/CSTO?on=2024",
    "/api/presidency/2024-13", "/api/presidency/July", "/api/presidency/2024-07-01",
    "/api/composition?on=2024-02-30", "/api/composition?year=abc", "/api/overlap?org=CSTO&on=31/12/2024",
    "/api/forecast/2024-7x", "/api/claims?limit=-1",
])
def test_malformed_dates_and_parameters_are_422(client, url):
    r = client.get(url)
    assert r.status_code == 422, r.text
    assert r.json()["error"] and r.json()["status"] == 422


def test_pages_answer_errors_as_pages(client):
    r = client.get("/organisations/NOPE")
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert "unknown organisation" in r.text
    assert client.get("/organisations/CSTO?on=not-a-date").status_code == 422


def test_huge_query_strings_and_bodies_are_refused(client):
    r = client.get("/api/members/CSTO", params={"on": "x" * 10_000})
    assert r.status_code == 414 and "query string" in r.json()["error"]
    assert client.get("/api/documents", params={"q": "a" * 600}).status_code == 422
    r = client.post("/login", content=b"token=" + b"a" * 200_000, headers={"content-type": "application/x-www-form-urlencoded"})
    assert r.status_code == 413


def test_chunked_body_over_the_limit_is_refused(client):
    def chunks():
        for _ in range(100):
            yield b"a" * 4096

    r = client.post("/login", content=chunks(), headers={"content-type": "application/x-www-form-urlencoded"})
    assert r.status_code == 413


@pytest.mark.parametrize("name", ["'; DROP TABLE organisations; --", "CSTO' OR '1'='1", "<script>alert(1)</script>",
                                  '" onmouseover="alert(1)', "%00", "../../etc/passwd", "🙂" * 50])
def test_sql_and_html_ish_names_are_plain_unknown_names(client, name):
    r = client.get(f"/api/members/{name}")
    # Names resolve leniently, so a string may land on a real organisation; it never reaches SQL as SQL.
    assert r.status_code == 404 or r.json() == client.get("/api/members/CSTO").json()
    page = client.get(f"/organisations/{name}", follow_redirects=False)
    assert page.status_code in (404, 307)
    assert "<script>alert(1)</script>" not in page.text and 'onmouseover="alert' not in page.text
    assert len(client.get("/api/organisations").json()) > 3  # nothing was dropped


def test_openapi_documents_the_endpoints(client):
    spec = client.get("/api/openapi.json").json()
    for path in ["/api/members/{org}", "/api/presidency/{month}", "/api/forecast/{month}", "/api/documents",
                 "/api/overlap", "/api/states/{state}", "/api/claims/{claim_id}/{decision}"]:
        assert path in spec["paths"], path
    members = spec["paths"]["/api/members/{org}"]["get"]
    assert "404" in members["responses"] and "422" in members["responses"]
    assert "Member" in spec["components"]["schemas"]
    assert client.get("/api/docs").status_code == 200


def test_security_headers(client):
    r = client.get("/")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"


# -- escaping -----------------------------------------------------------------------------
def test_organisation_text_from_sources_is_escaped(app, client):
    from councilwatch.store.schema import memberships, organisations

    with app.state.kb.store.write() as conn:
        conn.execute(update(organisations).where(organisations.c.id == "CSTO").values(description=XSS, source="javascript:alert(1)"))
        conn.execute(update(memberships).where(memberships.c.organisation == "CSTO").values(note=XSS))
    page = client.get("/organisations/CSTO").text
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page
    assert 'href="javascript:' not in page
    assert "javascript:alert(1)" in page  # shown as text, not as a link


def _pending(client) -> dict:
    claims = client.get("/api/claims").json()
    assert claims, "the seed entry leaves claims waiting for review"
    return claims[0]


def _claim_state(client, claim: dict) -> str:
    doc = client.get(f"/api/documents/{claim['document']}").json()
    return next(c["state"] for c in doc["claims"] if c["id"] == claim["id"])


def test_page_cache_serves_anonymous_pages_and_a_write_clears_it(record_kb):
    from councilwatch.store.schema import organisations
    from councilwatch.web.app import create_app

    app = create_app(str(record_kb), TOKEN, cache_seconds=60)
    with TestClient(app) as c:
        first = c.get("/organisations/CSTO").text
        with app.state.kb.store.write() as conn:
            conn.execute(update(organisations).where(organisations.c.id == "CSTO").values(description="Changed by an import"))
        assert c.get("/organisations/CSTO").text == first and app.state.pages.hits == 1
        assert "Changed by an import" in c.get("/organisations/CSTO", headers={"Authorization": "Bearer x"}).text
        claim = _pending(c)
        assert c.post(f"/api/claims/{claim['id']}/reject", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
        assert "Changed by an import" in c.get("/organisations/CSTO").text


# -- writes need the token ----------------------------------------------------------------
def test_api_writes_need_the_bearer_token(rclient):
    claim = _pending(rclient)
    url = f"/api/claims/{claim['id']}"
    r = rclient.post(url + "/accept")
    assert r.status_code == 401 and r.headers["www-authenticate"].startswith("Bearer")
    assert rclient.post(url + "/accept", headers={"Authorization": "Bearer wrong"}).status_code == 403
    assert _claim_state(rclient, claim) == "pending"
    r = rclient.post(url + "/reject", headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 200 and r.json()["state"] == "rejected", r.text
    assert _claim_state(rclient, claim) == "rejected"
    assert claim["id"] not in [c["id"] for c in rclient.get("/api/claims").json()]
    again = rclient.post(url + "/accept", headers={"Authorization": f"Bearer {TOKEN}"})
    assert again.status_code == 409 and "not pending" in again.json()["error"]
    assert rclient.post("/api/claims/987654/reject", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 404
    assert rclient.post(url + "/approve", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 422


def test_accepting_a_claim_writes_its_fact(rclient):
    claims = rclient.get("/api/claims", params={"limit": 500}).json()
    event = next(c for c in claims if c["kind"] == "event")
    r = rclient.post(f"/api/claims/{event['id']}/accept", headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 200, r.text
    assert r.json()["state"] == "accepted" and r.json()["claim"]["fact"].startswith("events:")


def test_a_server_without_token_refuses_every_write(record_kb):
    from councilwatch.web.app import create_app

    with TestClient(create_app(str(record_kb), None)) as c:
        claim = _pending(c)
        r = c.post(f"/api/claims/{claim['id']}/accept", headers={"Authorization": "Bearer anything"})
        assert r.status_code == 403 and "disabled" in r.json()["error"]
        login = c.get("/login")
        assert c.post("/login", data={"token": "", "csrf": _csrf(login.text)}).status_code in (403, 422)
        assert _claim_state(c, claim) == "pending"


def _csrf(html: str) -> str:
    return html.split('name="csrf" value="')[1].split('"')[0]


def test_review_form_needs_login_and_csrf(rclient):
    claim = _pending(rclient)
    assert rclient.post(f"/review/{claim['id']}", data={"decision": "accept"}).status_code == 401
    assert "Accept" not in rclient.get("/review").text.split("<main", 1)[1]  # no buttons before logging in
    login = rclient.get("/login?next=/review")
    assert rclient.post("/login", data={"token": TOKEN, "csrf": "forged", "next": "/review"}).status_code == 403
    bad = rclient.post("/login", data={"token": "wrong", "csrf": _csrf(login.text), "next": "/review"})
    assert bad.status_code == 403 and "not right" in bad.text
    ok = rclient.post("/login", data={"token": TOKEN, "csrf": _csrf(login.text), "next": "https://evil.example/"},
                      follow_redirects=False)
    assert ok.status_code == 303 and ok.headers["location"] == "/review"  # never an open redirect
    cookie = ok.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie
    queue = rclient.get("/review")
    assert f'action="/review/{claim["id"]}"' in queue.text
    assert rclient.post(f"/review/{claim['id']}", data={"decision": "reject"}).status_code == 403  # no CSRF token
    assert _claim_state(rclient, claim) == "pending"
    r = rclient.post(f"/review/{claim['id']}", data={"decision": "reject", "csrf": _csrf(queue.text)}, follow_redirects=False)
    assert r.status_code == 303 and _claim_state(rclient, claim) == "rejected"
    assert f'action="/review/{claim["id"]}"' not in rclient.get("/review").text


# -- forecasts on the real meeting record ----------------------------------------------------
def test_forecast_without_the_meeting_record_says_what_is_missing(client):
    r = client.get("/api/forecast/2024-07")
    assert r.status_code == 404, r.text
    assert r.json()["missing"] is True and "import the meeting tables" in r.json()["error"]
    page = client.get("/?month=2024-07")
    assert page.status_code == 200 and "import the meeting tables" in page.text and "Russian Federation" in page.text
    assert client.get("/api/presidency/2024-07").status_code == 200  # the rest of the month still answers


def test_forecast_on_the_real_record(rclient):
    r = rclient.get("/api/forecast/2018-06")
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["month"] == "2018-06" and body["presidency"]["state"] == "RUS"
    assert body["items"], "June 2018 had many meetings: the forecast must name some"
    for item in body["items"]:
        assert body["threshold"] <= item["probability"] <= 1 and item["reasons"]
    home = rclient.get("/?month=2018-06")
    assert home.status_code == 200 and "The Security Council in June 2018" in home.text
    top = body["items"][0]
    assert f'href="/agenda/{top["agenda_item"]}"' in home.text and f'{round(top["probability"] * 100)}%' in home.text
    assert top["reasons"][0] in home.text.replace("&#39;", "'")
    # The record ends in 2018: a later month says so, as JSON and on the home page.
    late = rclient.get("/api/forecast/2026-01")
    assert late.status_code == 404 and late.json()["missing"] is True
    assert "no meetings known after 2018-12-31" in late.json()["error"]
    page = rclient.get("/?month=2026-01")
    assert page.status_code == 200 and "no meetings known after 2018-12-31" in page.text
    assert "Forecast" in page.text and "The Council on 2026-01-01" in page.text


# -- documents, search, claims ------------------------------------------------------------------
def test_documents_search_and_claims_highlighted(rclient, record_kb):
    doc = seed_document(rclient)
    assert doc["title"] == "July 2024 Monthly Forecast" and len(doc["claims"]) > 20
    by_symbol = rclient.get("/api/documents", params={"q": "s/pv.8967"}).json()  # any spelling of a symbol
    assert doc["symbol"] in [h["symbol"] for h in by_symbol] and by_symbol[0]["match"] in ("symbol", "cites symbol")
    for q in ["'; DROP TABLE documents; --", '" OR 1=1 --', "<script>alert(1)</script>", "NEAR(a b)", "*", "\"unbalanced",
              "a AND OR"]:
        r = rclient.get("/api/documents", params={"q": q})
        assert r.status_code == 200 and isinstance(r.json(), list), (q, r.text)
        page = rclient.get("/documents", params={"q": q})
        assert page.status_code == 200 and "<script>alert(1)</script>" not in page.text
    hits = rclient.get("/documents", params={"q": "frozen its participation"}).text
    assert "<mark>" in hits and f'href="/documents/{doc["symbol"]}"' in hits
    page = rclient.get(f"/documents/{doc['symbol']}").text
    assert "<h1>July 2024 Monthly Forecast</h1>" in page
    text = doc["full_text"]
    linked = next(c for c in doc["claims"] if c["state"] == "linked")
    assert f'<mark id="span-{linked["id"]}" class="claim cl-linked"' in page
    assert f'>{text[linked["start"]:linked["end"]]}</mark>' in page
    frozen = next(c for c in doc["claims"] if c["kind"] == "membership"
                  and c["payload"]["facts"][0]["status"] == "participation_frozen")
    assert "ARM participation frozen in CSTO" in page and f'href="#span-{frozen["id"]}"' in page
    assert rclient.get("/api/documents/S/1999/1").status_code == 404

    from councilwatch.store.schema import documents

    from councilwatch.api import open_store

    store = open_store(f"sqlite:///{record_kb}")
    with store.write() as conn:  # text from a source that tries to inject markup, after the claims' spans
        conn.execute(update(documents).where(documents.c.symbol == doc["symbol"]).values(full_text=text + XSS, title=XSS))
    store.dispose()
    page = rclient.get(f"/documents/{doc['symbol']}").text
    assert "<script>" not in page.split("<main", 1)[1] and "&lt;script&gt;alert(&#34;x&#34;)" in page


def test_a_stored_document_without_text_links_to_undocs(rclient):
    page = rclient.get("/documents/S/RES/1322 (2000)")
    assert page.status_code == 200 and 'href="https://undocs.org/S/RES/1322%20(2000)"' in page.text


# -- briefs and agenda items ---------------------------------------------------------------------
def test_briefs_feed_and_pdf(rclient):
    briefs = rclient.get("/api/briefs").json()
    slug = "2024-07-un-csto-sco-cis"
    assert [b["slug"] for b in briefs] == [slug]
    index = rclient.get("/briefs").text
    assert f'href="/briefs/{slug}"' in index and f'href="/briefs/{slug}.pdf"' in index
    html = rclient.get(f"/briefs/{slug}")
    assert html.status_code == 200 and "Armenia" in html.text and "CSTO" in html.text
    csp = html.headers.get_list("content-security-policy")
    assert len(csp) == 1 and "script-src 'none'" in csp[0] and "style-src 'unsafe-inline'" in csp[0]
    assert "script-src 'self'" in rclient.get("/briefs").headers["content-security-policy"]
    pdf = rclient.get(f"/briefs/{slug}.pdf")
    assert pdf.content.startswith(b"%PDF") and pdf.headers["content-type"] == "application/pdf"
    feed = rclient.get("/briefs/feed.atom")
    assert feed.headers["content-type"].startswith("application/atom+xml")
    assert f"/briefs/{slug}".encode() in feed.content and b"<feed" in feed.content
    assert rclient.get("/briefs/nope").status_code == 404
    assert rclient.get("/briefs/2024-07-nope").status_code == 404
    assert rclient.get("/briefs/..%2F..%2Fetc").status_code == 404


def test_agenda_items_with_meetings_outcomes_and_vetoes(rclient):
    items = {i["id"]: i for i in rclient.get("/api/agenda").json()}
    assert len(items) > 300 and items["middle-east-palestinian-question"]["meetings"] > 100
    item = rclient.get("/api/agenda/middle-east-palestinian-question").json()
    vetoed = [o for o in item["outcomes"] if o["vetoed_by"]]
    assert vetoed and all(o["vote"] for o in vetoed)
    page = rclient.get("/agenda/middle-east-palestinian-question").text
    assert page.count('<rect class="column"') >= 15  # a column per year 2000-2018
    assert f'>{vetoed[0]["symbol"]}</a>' in page and "drafts vetoed (by " in page
    assert 'href="https://undocs.org/S/PV.' in page  # meeting records link to the UN's copy
    r = rclient.get("/agenda/Middle East, including the Palestinian question", follow_redirects=False)
    assert r.status_code == 307 and r.headers["location"] == "/agenda/middle-east-palestinian-question"
    unknown = rclient.get("/api/agenda/no such item anywhere")
    assert unknown.status_code == 404 and unknown.json()["candidates"] is not None
    assert rclient.get("/agenda").status_code == 200


def test_agenda_titles_from_the_record_are_escaped(rclient, record_kb):
    from councilwatch.api import open_store
    from councilwatch.store.schema import agenda_items

    store = open_store(f"sqlite:///{record_kb}")
    with store.write() as conn:
        conn.execute(update(agenda_items).where(agenda_items.c.id == "middle-east-palestinian-question").values(title=XSS))
    store.dispose()
    for path in ("/agenda", "/agenda/middle-east-palestinian-question"):
        page = rclient.get(path).text
        assert "<script>alert" not in page and "&lt;script&gt;" in page


# -- pieces ---------------------------------------------------------------------------------
def test_highlight_segments_skip_overlaps_and_bad_spans():
    from councilwatch.web.highlight import segments

    text = "abcdefghij"
    segs = segments(text, [{"start": 2, "end": 5}, {"start": 4, "end": 7}, {"start": 8, "end": 50}, {"start": 7, "end": 8}])
    assert "".join(s.text for s in segs) == text
    assert [(s.text, s.claim is not None) for s in segs] == [("ab", False), ("cde", True), ("fg", False), ("h", True), ("ij", False)]


def test_timeline_places_periods_and_fuzzy_starts():
    from councilwatch.web.charts import timeline

    chart = timeline([
        {"state": "ARM", "name": "Armenia", "status": "member", "since": "1992-05-15", "until": "2024-02-22"},
        {"state": "ARM", "name": "Armenia", "status": "participation_frozen", "since": "2024-02-22", "until": None},
        {"state": "UZB", "name": "Uzbekistan", "status": "member", "since": "2006", "until": "2012-12-20"},
    ], "state", "name", today=date(2025, 1, 1))
    assert [lane.label for lane in chart.lanes] == ["Armenia", "Uzbekistan"]
    member, frozen = chart.lanes[0].bars
    assert member.x < frozen.x and abs(member.x + member.width - frozen.x) < 1
    assert chart.lanes[1].bars[0].fuzzy_width > 5  # "2006": somewhere in the year
    years = [y for _, y in chart.ticks]
    assert years == sorted(years) and years[0] <= 1995 and years[-1] >= 2025


def test_timeline_fragments_are_reused_until_their_data_changes(app, client):
    from councilwatch.store.schema import memberships

    fragments = app.state.fragments
    first = client.get("/organisations/CSTO").text
    client.get("/organisations/CSTO")
    assert fragments.hits >= 1 and fragments.misses == 1
    with app.state.kb.store.write() as conn:  # an import ends Uzbekistan's period on another day
        conn.execute(update(memberships).where(memberships.c.organisation == "CSTO", memberships.c.state == "UZB",
                                               memberships.c.end.is_(None)).values(start="2013-06-28"))
    after = client.get("/organisations/CSTO").text
    assert fragments.misses == 2 and after != first and "withdrawn 2013-06-28" in after


def test_source_links_only_link_web_urls_and_symbols():
    from councilwatch.web.templating import source_links

    links = source_links("https://www.un.org/en/about-us/member-states ; S/2022/606 ; javascript:alert(1) ; memberships/CSTO.csv:5")
    assert links[0][1] == "https://www.un.org/en/about-us/member-states"
    assert links[1][1] == "https://undocs.org/S/2022/606"
    assert links[2] == ("javascript:alert(1)", None) and links[3][1] is None


@pytest.mark.postgres
def test_api_on_postgresql(postgres_url):
    from councilwatch.web.app import create_app

    with TestClient(create_app(postgres_url, TOKEN)) as c:
        members = c.get("/api/members/CSTO", params={"on": "2024-07-01"}).json()
        assert next(r for r in members if r["state"] == "ARM")["status"] == "participation_frozen"
        assert c.get("/api/presidency/2024-07").json()["state"] == "RUS"
        assert c.get("/organisations/SCO").status_code == 200
        assert c.get("/api/members/'; DROP TABLE memberships; --").status_code == 404
        assert c.get("/api/members/SCO").status_code == 200


def test_health_check(client):
    r = client.get("/healthz")
    assert r.status_code == 200 and r.text == "ok\n"
