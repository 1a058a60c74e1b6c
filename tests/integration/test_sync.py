"""`sync` against an httpx.MockTransport serving the tables in ../shared/data: no test touches the network."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import httpx
import pytest

from councilwatch.api import open_store
from councilwatch.sources import dhl_meetings, sync

RAW = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "unsc_meetings_dhl" / "raw_html"
pytestmark = pytest.mark.skipif(not (RAW / "scact2018_table_en.html").is_file(), reason=f"DHL tables not at {RAW}")


class Server:
    """The Library, as far as sync sees it: tables with ETags, a guide page, and failures on demand."""

    def __init__(self, direct: bool = True, fail_first: int = 0):
        self.requests: list[httpx.Request] = []
        self.direct, self.fail_first = direct, fail_first

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if self.fail_first:
            self.fail_first -= 1
            return httpx.Response(503)
        url = str(request.url)
        name = url.rsplit("/", 1)[-1]
        if "research.un.org" in url:
            year = name
            return httpx.Response(200, text=f'<iframe src="https://www.un.org/depts/dhl/x/scact{year}_table_en.html">')
        if "/resources/" in url and not self.direct:
            return httpx.Response(404)
        path = RAW / name
        if not path.is_file():
            return httpx.Response(404)
        etag = f'"{path.stat().st_size}"'
        if request.headers.get("if-none-match") == etag:
            return httpx.Response(304)
        return httpx.Response(200, content=path.read_bytes(), headers={"ETag": etag})


def _run(tmp_path, server, **kw):
    client = httpx.Client(transport=httpx.MockTransport(server))
    waits: list[float] = []
    report = sync.sync(tmp_path / "cache", [2016, 2017, 2018], client=client, sleep=waits.append, delay=0.5,
                       today=date(2018, 6, 1), **kw)
    return report, waits


def test_past_years_once_current_year_conditionally(tmp_path):
    server = Server()
    first, _ = _run(tmp_path, server)
    assert first.downloaded == [2016, 2017, 2018]
    assert [f.name for f in first.files] == [f"scact{y}_table_en.html" for y in (2016, 2017, 2018)]
    server.requests.clear()
    second, _ = _run(tmp_path, server)
    assert (second.cached, second.not_modified, second.downloaded) == ([2016, 2017], [2018], [])
    (req,) = server.requests  # only the current year is asked again, with its ETag
    assert req.headers["if-none-match"] and req.url.path.endswith("scact2018_table_en.html")
    # What was downloaded imports offline, and is the published table byte for byte.
    assert (tmp_path / "cache/dhl/scact2017_table_en.html").read_bytes() == (RAW / "scact2017_table_en.html").read_bytes()
    store = open_store(f"sqlite:///{tmp_path / 'kb.sqlite'}", load_curated=False)
    assert dhl_meetings.import_paths(store, [tmp_path / "cache/dhl"]).inserted > 1000


def test_retries_with_backoff_and_spacing(tmp_path):
    report, waits = _run(tmp_path, Server(fail_first=2))
    assert report.downloaded == [2016, 2017, 2018]
    assert 1.0 in waits and 2.0 in waits  # exponential backoff after each 503


def test_gives_up_with_a_clear_error(tmp_path):
    with pytest.raises(sync.SyncError, match="HTTP 503"):
        _run(tmp_path, Server(fail_first=100), retries=2)
    assert not list((tmp_path / "cache/dhl").glob("*.html"))  # nothing half-written


def test_table_found_through_the_guide_page(tmp_path):
    server = Server(direct=False)
    report, _ = _run(tmp_path, server)
    assert report.downloaded == [2016, 2017, 2018]
    assert any("research.un.org/en/docs/sc/quick/meetings/2016" in str(r.url) for r in server.requests)
