"""The DHL meeting tables 1946-2018 into the store: per-year counts, every resolution once, idempotence,
transactions, bad input, both backends."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from councilwatch.api import open_store
from councilwatch.errors import ImportRejected
from councilwatch.sources import dhl_meetings
from councilwatch.store import meetings as store_meetings
from councilwatch.store.sql import fetch

RAW = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "unsc_meetings_dhl" / "raw_html"
needs_data = pytest.mark.skipif(not (RAW / "scact1946_table_en.html").is_file(), reason=f"DHL tables not at {RAW}")

# The parser's numbers verified by reading the HTML (tests/integration/test_dhl_tables.py, COUNTED):
# year: (S/PV records incl. resumptions and parts, distinct meetings, distinct resolutions, PRSTs).
# 1990 prints S/RES/663 twice; the store holds the second as 666 (1990) (ERRATA), hence 37 not 36.
COUNTED = {
    1946: (88, 88, 15, 1), 1947: (137, 137, 22, 0), 1960: (71, 71, 28, 0), 1975: (57, 57, 18, 0),
    1990: (70, 69, 37, 6), 2005: (244, 235, 71, 67), 2018: (290, 288, 54, 21),
}


def _file(year: int) -> Path:
    return RAW / f"scact{year}_table_en.html"


@pytest.fixture(scope="module")
def full(tmp_path_factory):
    """A store with all 73 tables imported once (SQLite, curated facts loaded)."""
    if not _file(1946).is_file():
        pytest.skip(f"DHL tables not at {RAW}")
    url = f"sqlite:///{tmp_path_factory.mktemp('dhl') / 'kb.sqlite'}"
    store = open_store(url)
    report = dhl_meetings.import_paths(store, [RAW])
    yield store, report
    store.dispose()


def _snapshot(store) -> dict:
    with store.query() as conn:
        return {t: fetch(conn, f"SELECT * FROM {t} ORDER BY 1, 2") for t in
                ("meetings", "meeting_items", "outcomes", "agenda_items", "documents", "meta")}


@needs_data
def test_full_import_report(full):
    _, report = full
    assert report.inserted > 25000 and report.rejected == []
    assert report.updated == 3  # the curated meetings S/PV.7796, 7816 (2016) and the one the record holds


@needs_data
@pytest.mark.parametrize("year", sorted(COUNTED))
def test_store_counts_per_year_match_the_tables(full, year):
    store, _ = full
    first, last = date(year, 1, 1), date(year, 12, 31)
    with store.query() as conn:
        entries = [m for m in store_meetings.meetings(conn, first, last) if m["record"]]
        res = fetch(conn, "SELECT DISTINCT symbol FROM outcomes WHERE kind = 'resolution' AND date BETWEEN :a AND :b",
                    {"a": first, "b": last})
        prst = fetch(conn, "SELECT COUNT(*) AS n FROM outcomes WHERE kind = 'presidential_statement' "
                     "AND date BETWEEN :a AND :b", {"a": first, "b": last})[0]["n"]
    # A meeting in parts (S/PV.2970 (Part I), (Part II)) has no record of its own number.
    records = sum(len(m["resumptions"]) + (not any(r.endswith("(Part I)") for r in m["resumptions"])) for m in entries)
    bases = {m["record"] for m in entries} - {m["record"] for m in entries if m["record"].endswith(")")}
    assert (records, len(entries), len(res), prst) == COUNTED[year]
    assert len(bases) == len(entries)


@needs_data
def test_every_resolution_once_with_its_meeting_and_date(full):
    store, _ = full
    with store.query() as conn:
        rows = fetch(conn, "SELECT symbol, record, date, vote FROM outcomes WHERE kind = 'resolution'", dates=("date",))
    numbers = Counter(int(re.match(r"S/RES/(\d+) \(", r["symbol"]).group(1)) for r in rows)
    assert sorted(numbers) == list(range(1, 2452))
    assert set(numbers.values()) == {1}
    by = {r["symbol"]: (r["record"], r["date"], r["vote"]) for r in rows}
    assert all(r["record"] and r["date"].year == int(r["symbol"][-5:-1]) for r in rows)
    assert by["S/RES/242 (1967)"] == ("S/PV.1382", date(1967, 11, 22), "15-0-0")
    assert by["S/RES/666 (1990)"] == ("S/PV.2939", date(1990, 9, 13), "13-2-0")  # printed as 663
    assert by["S/RES/663 (1990)"][0] == "S/PV.2936"
    assert by["S/RES/695 (1991)"][:2] == ("S/PV.2990", date(1991, 5, 30))  # printed as 701
    assert by["S/RES/2451 (2018)"] == ("S/PV.8439", date(2018, 12, 21), "15-0-0")


@needs_data
def test_meetings_resumptions_items_and_vetoes(full):
    store, _ = full
    with store.query() as conn:
        (m,) = [e for e in store_meetings.meetings(conn, date(2018, 4, 10), date(2018, 4, 10)) if e["record"] == "S/PV.8228"]
        (parts,) = [e for e in store_meetings.meetings(conn, date(1990, 1, 1), date(1990, 12, 31))
                    if e["record"] == "S/PV.2970"]
        (curated,) = fetch(conn, "SELECT record, origin, subjects, summary, kind FROM meetings WHERE record = 'S/PV.7796'",
                           json_columns=("subjects",))
        item = store_meetings.agenda_item(conn, "non-proliferation-dprk")
    assert [i["agenda_item"] for i in m["items"]] == ["middle-east"]
    assert ("S/2018/321", "12-2-1", ["RUS"]) in [(o["symbol"], o["vote"], o["vetoed_by"]) for o in m["outcomes"]]
    assert parts["resumptions"] == ["S/PV.2970 (Part I)", "S/PV.2970 (Part II)"]
    # The curated meeting keeps what we wrote about it; the record now comes from the Library.
    assert curated["origin"] == "dhl" and "CSTO" in curated["subjects"] and curated["summary"] and curated["kind"] == "debate"
    assert {"S/PV.8210"} <= {x["record"] for x in item["meetings"]}
    assert "S/RES/2407 (2018)" in {o["symbol"] for o in item["outcomes"]}


@needs_data
def test_agenda_items_2010_2018_are_canonical(full):
    store, _ = full
    with store.query() as conn:
        rows = fetch(conn, """SELECT DISTINCT i.agenda_item, a.title FROM meeting_items i JOIN meetings m
            ON m.record = i.record JOIN agenda_items a ON a.id = i.agenda_item
            WHERE m.date BETWEEN '2010-01-01' AND '2018-12-31'""")
        aliases = fetch(conn, "SELECT aliases FROM agenda_items WHERE id = 'middle-east'", json_columns=("aliases",))
    assert len(rows) == 72
    assert len({r["title"] for r in rows}) == 72  # no two items share a title: none is the same item twice
    assert {"Middle East", "Middle East situation"} <= set(aliases[0]["aliases"])


@needs_data
def test_forecaster_interface(full):
    store, _ = full
    with store.query() as conn:
        months = store_meetings.monthly_items(conn, date(2018, 12, 31))
        res = store_meetings.resolutions(conn, date(2018, 12, 31))
    assert "non-proliferation-dprk" in months["2018-03"] and "middle-east" in months["2018-04"]
    assert len(res) == 2451 and res[-1]["symbol"] == "S/RES/2451 (2018)" and res[0]["date"] == date(1946, 1, 25)


@needs_data
def test_second_import_changes_nothing(full):
    store, first = full
    before = _snapshot(store)
    quick = dhl_meetings.import_paths(store, [RAW])  # unchanged files: not read again
    again = dhl_meetings.import_paths(store, [RAW], force=True)  # every row compared
    assert (quick.inserted, quick.updated) == (0, 0) and quick.unchanged > 25000
    assert (again.inserted, again.updated, again.rejected) == (0, 0, [])
    assert again.unchanged == first.inserted + first.updated + first.unchanged
    assert _snapshot(store) == before


@needs_data
def test_failure_midway_leaves_the_store_as_it_was(tmp_path, monkeypatch):
    store = open_store(f"sqlite:///{tmp_path / 'kb.sqlite'}")
    dhl_meetings.import_paths(store, [_file(2016)])
    before = _snapshot(store)
    real = dhl_meetings.upsert

    def failing(conn, tb, report):
        if tb.table.name == "outcomes":  # agenda items, meetings and items already written
            raise RuntimeError("disk full")
        real(conn, tb, report)

    monkeypatch.setattr(dhl_meetings, "upsert", failing)
    with pytest.raises(RuntimeError):
        dhl_meetings.apply(store, dhl_meetings.read([_file(2017), _file(2016)]), write=failing)
    assert _snapshot(store) == before


@needs_data
def test_a_meeting_in_two_files_is_a_rejected_row(tmp_path):
    copy = tmp_path / "scact2016_copy_table_en.html"
    copy.write_bytes(_file(2016).read_bytes())
    store = open_store(f"sqlite:///{tmp_path / 'kb.sqlite'}")
    report = dhl_meetings.import_paths(store, [_file(2016), copy])
    assert len(report.rejected) == 256  # each of the 256 meetings of 2016, once
    r = report.rejected[0]
    assert r["file"] == copy.name and r["position"].startswith("row ") and "duplicate S/PV." in r["reason"]


@pytest.mark.parametrize("content,message", [
    (b"", "empty"),
    (b"PK\x03\x04 not a table", "no <table>"),
    ("<html><table><tr><th>Meeting Record</th>".encode("utf-16-le"), "NUL bytes"),
    ((b"<html><body><table><tr><th>Meeting Record</th><th>Date</th><th>Topic</th><th>Outcome</th></tr>"
     b"<tr><td>S/PV.1</td><td>17 Jan"), "truncated"),
    (b"<html><p>Meetings conducted by the Security Council in 2016</p><table><tr><td>x</td></tr></table></html>",
     "header"),
])
def test_bad_files_are_refused_whole(tmp_path, content, message):
    path = tmp_path / "scact2016_table_en.html"
    path.write_bytes(content)
    store = open_store(f"sqlite:///{tmp_path / 'kb.sqlite'}", load_curated=False)
    with pytest.raises(ImportRejected, match=message):
        dhl_meetings.import_paths(store, [path])
    with store.query() as conn:
        assert fetch(conn, "SELECT COUNT(*) AS n FROM meetings")[0]["n"] == 0


def test_directory_without_tables(tmp_path):
    with pytest.raises(ImportRejected, match="no scact"):
        dhl_meetings.table_files([tmp_path])


@needs_data
def test_import_on_both_backends(store_url):
    store = open_store(store_url)
    try:
        first = dhl_meetings.import_paths(store, [_file(y) for y in (1946, 1990, 2016, 2018)])
        again = dhl_meetings.import_paths(store, [_file(y) for y in (1946, 1990, 2016, 2018)], force=True)
        with store.read() as conn:
            year = [m for m in store_meetings.meetings(conn, date(2018, 1, 1), date(2018, 12, 31)) if m["record"]]
            items = {i["id"]: i for i in store_meetings.agenda_items(conn)}
            long_keys = [k for k in items if len(k) > 160]
        assert first.inserted > 2000 and first.rejected == []
        assert (again.inserted, again.updated) == (0, 0)
        assert len(year) == 288
        assert items["middle-east"]["meetings"] > 80 and items["middle-east"]["last"].year == 2018
        assert long_keys == []
    finally:
        store.dispose()
