"""Reading the DHL meeting tables with the forked worker gives exactly the batch read without it."""

from __future__ import annotations

import sys

import pytest

from councilwatch.errors import ImportRejected
from councilwatch.sources import dhl_meetings

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the worker is forked: Linux only")


def _pages(shared_data, years):
    raw = shared_data / "unsc_meetings_dhl" / "raw_html"
    return [raw / f"scact{y}_table_en.html" for y in years]


def _read(paths, monkeypatch, worker: bool) -> dhl_meetings.MeetingBatch:
    monkeypatch.setattr(dhl_meetings, "_worker_helps", lambda: worker)
    return dhl_meetings.read(paths)


def _rows(tb) -> list:
    return [(k, {c: v for c, v in row.items() if c != "recorded_at"}) for k, row in tb.rows.items()]


def test_worker_and_no_worker_read_the_same_batch(shared_data, monkeypatch):
    # 1990-91 (the errata), 1946-48 (rowspans, continued meetings), 2014-15 (mojibake), 2004-05: 10 pages.
    paths = _pages(shared_data, [1946, 1947, 1948, 1990, 1991, 2004, 2005, 2014, 2015, 2018])
    plain, forked = _read(paths, monkeypatch, False), _read(paths, monkeypatch, True)
    for a, b in zip(plain.tables, forked.tables, strict=True):
        assert _rows(a) == _rows(b)  # the same rows, in the same order
        assert a.positions == b.positions
    assert (plain.notes, plain.rejected, plain.meta, plain.aliases) == \
        (forked.notes, forked.rejected, forked.meta, forked.aliases)
    assert sum(len(t.rows) for t in forked.tables) > 3000


def test_a_bad_page_read_by_the_worker_rejects_the_import(shared_data, monkeypatch, tmp_path):
    paths = _pages(shared_data, range(2005, 2014))
    broken = tmp_path / "scact2019_table_en.html"
    broken.write_bytes(paths[3].read_bytes()[:5000])  # truncated: no </table>; read by the worker (odd page)
    with pytest.raises(ImportRejected, match="truncated"):
        _read([*paths[:3], broken, *paths[3:]], monkeypatch, True)


def test_pages_the_worker_never_sends_are_read_here(shared_data, monkeypatch):
    # The worker dies on its first page of 2004 and the pages after: they are read by the parent.
    import os

    paths = _pages(shared_data, range(2000, 2012))
    parent, read_page = os.getpid(), dhl_meetings._read_page

    def dies_in_the_worker(job):
        if os.getpid() != parent and job[1] >= "scact2004":
            os._exit(3)
        return read_page(job)

    plain = _read(paths, monkeypatch, False)
    monkeypatch.setattr(dhl_meetings, "_read_page", dies_in_the_worker)
    forked = _read(paths, monkeypatch, True)
    for a, b in zip(plain.tables, forked.tables, strict=True):
        assert _rows(a) == _rows(b) and a.positions == b.positions
    assert (plain.notes, plain.rejected, plain.meta) == (forked.notes, forked.rejected, forked.meta)


def test_an_unexpected_error_is_raised_in_its_page_turn(shared_data, monkeypatch):
    # A bug on one page raises as it would without the worker, whichever process met it first.
    from councilwatch.sources import dhl_tables

    paths = _pages(shared_data, range(2005, 2014))
    parse_html = dhl_tables.parse_html

    def fails_on_2010(data, name):
        if name.startswith("scact2010"):
            raise RuntimeError(f"bug reading {name}")
        return parse_html(data, name)

    monkeypatch.setattr(dhl_tables, "parse_html", fails_on_2010)
    for worker in (False, True):
        with pytest.raises(RuntimeError, match="bug reading scact2010"):
            _read(paths, monkeypatch, worker)
