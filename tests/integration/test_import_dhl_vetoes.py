"""The Library's veto list linked to the imported meeting record."""

from __future__ import annotations

from pathlib import Path

import pytest

from councilwatch.api import open_store
from councilwatch.errors import ImportRejected
from councilwatch.sources import dhl_meetings, dhl_vetoes
from councilwatch.store.sql import fetch

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "unsc_meetings_dhl"
VETO_HTML = DATA / "raw_html" / "scact_veto_table_en.html"
needs_data = pytest.mark.skipif(not VETO_HTML.is_file(), reason=f"veto list not at {VETO_HTML}")


@pytest.fixture
def store(store_url):
    s = open_store(store_url)
    dhl_meetings.import_paths(s, [DATA / "raw_html" / f"scact{y}_table_en.html" for y in (1946, 1986, 2018)])
    yield s
    s.dispose()


def _outcomes(store, where: str) -> list[dict]:
    with store.read() as conn:
        return fetch(conn, f"SELECT record, kind, symbol, vetoed_by, origin, procedure FROM outcomes WHERE {where} "
                     "ORDER BY ref", json_columns=("vetoed_by",))


@needs_data
def test_vetoes_link_to_meetings_and_drafts(store):
    report = dhl_vetoes.import_file(store, VETO_HTML)
    # Every veto of a year not imported is a rejected row naming the meeting and what to do.
    reasons = [r["reason"] for r in report.rejected]
    assert any(r.startswith("meeting S/PV.9048 (2022-05-26) is not in the store") for r in reasons)
    assert all("not in the store" in r for r in reasons)
    (s2018,) = _outcomes(store, "symbol = 'S/2018/321'")
    assert (s2018["record"], s2018["kind"], s2018["vetoed_by"]) == ("S/PV.8228", "draft_not_adopted", ["RUS"])
    # 1946: the Spanish question, three vetoes at S/PV.49 listed without draft symbols.
    at49 = [o for o in _outcomes(store, "record = 'S/PV.49'") if o["vetoed_by"]]
    assert len(at49) == 3 and {tuple(o["vetoed_by"]) for o in at49} >= {("SUN",)}
    # 1986: S/18087/Rev.1, which the 1986 meeting table does not print, is added to its meeting.
    (added,) = _outcomes(store, "symbol = 'S/18087/Rev.1'")
    assert (added["record"], added["origin"], sorted(added["vetoed_by"])) == ("S/PV.2686", "dhl-vetoes", ["GBR", "USA"])
    again = dhl_vetoes.import_file(store, VETO_HTML)
    assert (again.inserted, again.updated) == (0, 0) and again.unchanged == report.inserted + report.updated + report.unchanged


@needs_data
def test_csv_and_html_agree(store):
    first = dhl_vetoes.import_file(store, VETO_HTML)
    from_csv = dhl_vetoes.import_file(store, DATA / "sc_vetoes_dhl_list.csv")
    assert (from_csv.inserted, from_csv.updated) == (0, 0)
    assert len(from_csv.rejected) == len(first.rejected)


def test_written_procedure_veto_has_no_meeting(tmp_path):
    page = tmp_path / "scact_veto_table_en.html"
    page.write_text("""<html><table><tr><th>Date</th><th>Draft</th><th>Written Record</th><th>Agenda Item</th>
        <th>Permanent Member Casting Negative Vote</th></tr>
        <tr><td>7 July 2020</td><td>S/2020/654</td><td>S/2020/661 ; S/2020/657</td>
        <td>The situation in the Middle East</td><td>China</br>Russian Federation</td></tr>
        <tr><td>someday</td><td>S/2020/1</td><td>S/PV.1</td><td>x</td><td>USA</td></tr></html>""")
    store = open_store(f"sqlite:///{tmp_path / 'kb.sqlite'}", load_curated=False)
    report = dhl_vetoes.import_file(store, page)
    assert report.inserted == 1 and [r["position"] for r in report.rejected] == ["row 3"]
    (o,) = _outcomes(store, "symbol = 'S/2020/654'")
    assert o["record"] is None and o["vetoed_by"] == ["CHN", "RUS"] and "S/2020/661" in o["procedure"]


@pytest.mark.parametrize("content,message", [(b"", "empty"), (b"<html><table><tr><th>Date</th>", "truncated"),
                                             (b"<html><table><tr><th>x</th></tr></table></html>", "not the veto list")])
def test_bad_files(tmp_path, content, message):
    page = tmp_path / "veto.html"
    page.write_bytes(content)
    store = open_store(f"sqlite:///{tmp_path / 'kb.sqlite'}", load_curated=False)
    with pytest.raises(ImportRejected, match=message):
        dhl_vetoes.import_file(store, page)
