"""The curated files behind briefs (topics, meetings, documents, events, stances): validated row by row."""

import shutil
from pathlib import Path

import pytest

from councilwatch.errors import CuratedDataError
from councilwatch.sources import curated


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(curated.DATA_DIR, target)
    return target


def test_packaged_brief_facts_load_with_sources():
    c = curated.read_curated()
    assert {t["id"] for t in c.topics} >= {"un-csto-sco-cis"}
    records = {m["record"]: m for m in c.meetings}
    assert {"S/PV.7796", "S/PV.8626", "S/PV.8967", "S/PV.9688"} <= set(records)
    assert str(records["S/PV.8967"]["date"]) == "2022-02-16"
    docs = {d["symbol"]: d for d in c.documents}
    assert str(docs["S/2022/606"]["date"]) == "2022-08-08" and docs["A/RES/77/19"]["vote"] == "102-5-28"
    for rows in (c.topics, c.meetings, c.documents, c.events, c.stances):
        assert all(r["source"].strip() for r in rows)
    assert any(e["when"] == "2024-03-22" for e in c.events)


def _append(path: Path, line: str) -> int:
    text = path.read_text(encoding="utf-8")
    path.write_text(text + line + "\n", encoding="utf-8")
    return len(text.splitlines()) + 1


@pytest.mark.parametrize("file, line, problem", [
    ("events.csv", "2024-13-01,attack,Something,RUS,un-csto-sco-cis,https://example.org", "when"),
    ("events.csv", "2024-03-22,attack,Something,XXX,un-csto-sco-cis,https://example.org", "actor 'XXX'"),
    ("events.csv", "2024-03-22,attack,Something,RUS,no-such-topic,https://example.org", "no-such-topic"),
    ("events.csv", "2024-03-22,attack,Something,RUS,un-csto-sco-cis,", "missing source"),
    ("stances.csv", "RUS,un-csto-sco-cis,furious,Angry,2024,https://example.org", "unknown polarity"),
    ("meetings.csv", "S/2024/1,2024-07-19,debate,Some item,CSTO,Summary,S/2024/1", "not a Security Council meeting record"),
    ("meetings.csv", "S/PV.9999,2024-07,debate,Some item,CSTO,Summary,S/PV.9999", "needs its day"),
    ("documents.csv", "S/2024/5,sg_report,Title,2024-07-02,CSTO,,15:0,S/2024/5", "vote"),
    ("documents.csv", "NOT A SYMBOL,sg_report,Title,2024-07-02,CSTO,,,x", "symbol"),
])
def test_bad_rows_are_refused_with_file_and_line(data_dir: Path, file: str, line: str, problem: str):
    number = _append(data_dir / file, line)
    with pytest.raises(CuratedDataError) as err:
        curated.read_curated(data_dir)
    assert err.value.file == file and err.value.line == number
    assert problem in err.value.problem


def test_reload_replaces_curated_brief_facts(sqlite_url: str, data_dir: Path):
    from councilwatch.api import open_store
    from councilwatch.store.sql import scalar

    store = open_store(sqlite_url)
    curated.load(store, data_dir)  # a repeat load changes nothing
    with store.query() as conn:
        assert scalar(conn, "SELECT COUNT(*) FROM meetings WHERE record = 'S/PV.8967'") == 1
        events = scalar(conn, "SELECT COUNT(*) FROM events")
    _append(data_dir / "events.csv", "2024-05,statement,A new curated event,RUS,un-csto-sco-cis,https://example.org/e")
    curated.load(store, data_dir)
    with store.query() as conn:
        assert scalar(conn, "SELECT COUNT(*) FROM events") == events + 1
