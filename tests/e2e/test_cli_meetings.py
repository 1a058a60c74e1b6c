"""`councilwatch import dhl-meetings`, `meetings`, `agenda` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

RAW = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "unsc_meetings_dhl" / "raw_html"
pytestmark = pytest.mark.skipif(not (RAW / "scact2016_table_en.html").is_file(), reason=f"DHL tables not at {RAW}")


@pytest.fixture
def imported(cli):
    r = cli("import", "dhl-meetings", str(RAW / "scact2016_table_en.html"), str(RAW / "scact2018_table_en.html"),
            "--format", "json")
    assert r.returncode == 0, r.stderr
    report = json.loads(r.stdout)
    assert report["inserted"] > 1000 and report["rejected"] == 0
    return cli


def test_meetings_json_shape(imported):
    r = imported("meetings", "--from", "2018-04-10", "--to", "2018-04-10", "--format", "json")
    assert r.returncode == 0, r.stderr
    day = {m["record"]: m for m in json.loads(r.stdout)}
    assert day["S/PV.8228"] == {
        "record": "S/PV.8228", "date": "2018-04-10",
        "items": [{"agenda_item": "middle-east", "title": "The situation in the Middle East"}],
        "outcomes": [{"kind": "draft_not_adopted", "symbol": "S/2018/322", "vote": "5-4-6"},
                     {"kind": "draft_not_adopted", "symbol": "S/2018/321", "vote": "12-2-1", "vetoed_by": ["RUS"]},
                     {"kind": "draft_not_adopted", "symbol": "S/2018/175", "vote": "6-7-2"}]}
    assert day["S/PV.8226"]["outcomes"] == [{"kind": "resolution", "symbol": "S/RES/2410 (2018)", "vote": "13-0-2"}]


def test_meetings_by_year_and_item_lenient(imported):
    r = imported("meetings", "--year", "2016", "--item", "cooperation between the United Nations and regional and subregional organisations",
                 "--format", "csv")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0] == "record,date,agenda_items,outcomes"
    assert any(line.startswith("S/PV.7796,2016-10-28,cooperation-regional-organizations") for line in lines)
    assert any("S/RES/2320 (2016)" in line for line in lines)


def test_agenda_list_and_item(imported):
    r = imported("agenda", "--format", "json")
    items = {i["id"]: i for i in json.loads(r.stdout)}
    assert items["non-proliferation-dprk"]["first"].startswith("2016-") and items["non-proliferation-dprk"]["meetings"] >= 5
    r = imported("agenda", "Non-proliferation/DPRK")
    assert r.returncode == 0, r.stderr
    assert "S/RES/2270 (2016)" in r.stdout and "non-proliferation-dprk" in r.stdout


def test_user_errors_are_one_line(imported):
    for args in (("agenda", "Atlantis question"), ("meetings", "--from", "2018-13-45"),
                 ("meetings", "--year", "2018", "--from", "2018-01-01"),
                 ("import", "dhl-meetings", "/nonexistent/scact2020_table_en.html")):
        r = imported(*args)
        assert r.returncode == 2, (args, r.stdout, r.stderr)
        assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr, r.stderr


def test_help_texts(cli):
    for cmd in (("meetings",), ("agenda",), ("sync",), ("import", "dhl-meetings"), ("import", "dhl-vetoes")):
        r = cli(*cmd, "--help")
        assert r.returncode == 0 and len(r.stdout) > 300, cmd
