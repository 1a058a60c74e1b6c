"""`councilwatch sync`: download the Library's yearly meeting tables and import them.

Each year's table is kept in the cache directory (config.cache_dir()/dhl/scact<YEAR>_table_en.html)
with its ETag and Last-Modified, so that:

* past years are fetched once (a table for a finished year only changes when the
  Library corrects it: ``--refresh`` asks again, conditionally);
* the current year (and the one just ended, in January) is asked again each run,
  with If-None-Match / If-Modified-Since: an unchanged table costs a 304;
* a re-import works offline from the cache (`councilwatch import dhl-meetings CACHE/dhl`).

Requests are spaced (``delay`` seconds, polite to the Library's server) and
retried with exponential backoff on timeouts, 429 and 5xx. Where the table is
not at the direct address, the research guide page for the year
(https://research.un.org/en/docs/sc/quick/meetings/<year>) is read for the link to it.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from councilwatch.errors import CouncilwatchError

GUIDE_URL = "https://research.un.org/en/docs/sc/quick/meetings/{year}"
# Where the guide's pages embed the tables from (the pages' own style sheets live under /depts/dhl/).
TABLE_URL = "https://www.un.org/depts/dhl/resources/scact{year}_table_en.html"
FIRST_YEAR = 1946
USER_AGENT = "councilwatch (+https://github.com/councilwatch; research use)"
RETRY_STATUS = {429, 500, 502, 503, 504}


class SyncError(CouncilwatchError):
    """A table could not be downloaded after the retries; says which and why."""


@dataclass
class SyncReport:
    downloaded: list[int] = field(default_factory=list)
    not_modified: list[int] = field(default_factory=list)
    cached: list[int] = field(default_factory=list)  # past years already in the cache: not asked
    missing: list[int] = field(default_factory=list)  # 404 at both addresses (a year not published yet)
    files: list[Path] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"downloaded": self.downloaded, "not_modified": self.not_modified, "cached": self.cached,
                "missing": self.missing, "files": [str(f) for f in self.files]}


def table_dir(cache: Path) -> Path:
    path = cache / "dhl"
    path.mkdir(parents=True, exist_ok=True)
    return path


class _Polite:
    """An httpx client that spaces requests and retries with backoff."""

    def __init__(self, client: Any, delay: float, retries: int, sleep: Callable[[float], None]):
        self.client, self.delay, self.retries, self.sleep = client, delay, retries, sleep
        self._last = 0.0

    def get(self, url: str, headers: dict | None = None):
        import httpx

        for attempt in range(self.retries + 1):
            wait = self._last + self.delay - time.monotonic()
            if wait > 0:
                self.sleep(wait)
            self._last = time.monotonic()
            try:
                resp = self.client.get(url, headers=headers or {})
            except httpx.TransportError as exc:
                if attempt == self.retries:
                    raise SyncError(f"{url}: {type(exc).__name__}: {exc} (after {self.retries + 1} attempts)") from None
            else:
                if resp.status_code not in RETRY_STATUS or attempt == self.retries:
                    return resp
                retry_after = resp.headers.get("retry-after", "")
                if retry_after.isdigit():
                    self.sleep(min(float(retry_after), 60.0))
            self.sleep(min(2.0 ** attempt, 30.0))
        raise AssertionError("unreachable")


def sync(cache: Path, years: list[int] | None = None, *, refresh: bool = False, delay: float = 1.0,
         retries: int = 3, client: Any = None, sleep: Callable[[float], None] = time.sleep,
         progress: bool = False, today: date | None = None) -> SyncReport:
    """Bring the cached tables up to date; returns what was done (the import is separate: see `import_paths`)."""
    import httpx

    today = today or date.today()
    years = years or list(range(FIRST_YEAR, today.year + 1))
    live = {today.year} | ({today.year - 1} if today.month == 1 else set())
    folder = table_dir(cache)
    own = client is None
    client = client or httpx.Client(timeout=30.0, follow_redirects=True, headers={"User-Agent": USER_AGENT})
    polite = _Polite(client, delay, retries, sleep)
    report = SyncReport()
    try:
        bar = _bar(progress)
        with bar:
            task = bar.add_task("DHL meeting tables", total=len(years))
            for year in years:
                bar.update(task, description=f"DHL meeting tables: {year}")
                _one(polite, folder, year, refresh or year in live, report)
                bar.advance(task)
    finally:
        if own:
            client.close()
    report.files = sorted(folder.glob("scact*_table_en.html"))
    return report


def _bar(enabled: bool):
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                    disable=not enabled, transient=False)


def _one(polite: _Polite, folder: Path, year: int, ask_again: bool, report: SyncReport) -> None:
    path = folder / f"scact{year}_table_en.html"
    meta_path = path.with_suffix(".json")
    meta = json.loads(meta_path.read_text()) if meta_path.exists() else {}
    if path.exists() and not ask_again:
        report.cached.append(year)
        return
    headers = {}
    if path.exists():
        if meta.get("etag"):
            headers["If-None-Match"] = meta["etag"]
        if meta.get("last_modified"):
            headers["If-Modified-Since"] = meta["last_modified"]
    url = meta.get("url") or TABLE_URL.format(year=year)
    resp = polite.get(url, headers)
    if resp.status_code == 404:
        url = _table_link(polite, year)
        if url is None:
            report.missing.append(year)
            return
        resp = polite.get(url, headers)
    if resp.status_code == 304:
        report.not_modified.append(year)
        return
    if resp.status_code != 200:
        raise SyncError(f"{url}: HTTP {resp.status_code}")
    if b"<table" not in resp.content[:200000].lower():
        raise SyncError(f"{url}: the response is not a meetings table (no <table>)")
    tmp = path.with_suffix(".part")
    tmp.write_bytes(resp.content)
    tmp.replace(path)  # never a half-written table in the cache
    meta_path.write_text(json.dumps({"url": url, "etag": resp.headers.get("etag"),
                                     "last_modified": resp.headers.get("last-modified")}))
    report.downloaded.append(year)


def _table_link(polite: _Polite, year: int) -> str | None:
    """The table's address as the year's research guide page links or embeds it."""
    from urllib.parse import urljoin

    guide = GUIDE_URL.format(year=year)
    resp = polite.get(guide)
    if resp.status_code != 200:
        return None
    m = re.search(rf"""(?:src|href)\s*=\s*["']([^"']*scact{year}_table_en\.html?)["']""", resp.text, re.IGNORECASE)
    return urljoin(guide, m.group(1)) if m else None
