"""The forecaster on the real DHL meeting tables 1946-2018: no leakage, skill over the baselines, clear refusals.

Until the DHL meetings importer lands, `_fill` writes meetings, agenda items and
outcomes the way it will (dhl_tables.parse_file + agenda_titles.classify).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from tests.conftest import run_cli


def _fill(url: str, raw: Path, until: date) -> None:
    from councilwatch.api import open_store
    from councilwatch.sources.agenda_titles import classify
    from councilwatch.sources.dhl_tables import parse_file
    from councilwatch.store import schema

    store = open_store(url)
    now = datetime.now(UTC)
    meetings, items, outcomes, agenda = {}, {}, [], {}
    for f in sorted(raw.glob("scact[12]*_table_en.html")):
        if int(f.name[5:9]) > until.year:
            continue
        for r in parse_file(f):
            if r.date > until:
                continue
            prov = {"source": f"https://research.un.org/en/docs/sc/quick/meetings/{r.date.year}", "origin": "test",
                    "locator": f"{r.position[0]}:row {r.position[1]}", "recorded_at": now}
            record = f"S/PV.{r.meeting}"
            meetings.setdefault(record, {"record": record, "number": r.meeting, "date": r.date, "resumptions": [],
                                         "kind": None, "subjects": None, "summary": None, **prov})
            ai = classify(r.agenda_title)
            agenda.setdefault(ai.key, {"id": ai.key, "title": ai.title, "aliases": [], "topic": None, **prov})
            items.setdefault((record, ai.key), {"record": record, "agenda_item": ai.key, "title": r.agenda_title})
            outcomes += [{"record": record, "date": r.date, "agenda_item": ai.key, "kind": o.kind, "symbol": o.symbol,
                          "vote": o.vote, "vetoed_by": o.vetoed_by, "procedure": o.procedure, "text": o.text, **prov}
                         for o in r.outcomes]
    positions: dict[str, int] = {}
    rows = []
    for (record, _), v in items.items():
        positions[record] = positions.get(record, 0) + 1
        rows.append({**v, "position": positions[record]})
    with store.write() as conn:
        known_items = {r[0] for r in conn.execute(schema.agenda_items.select().with_only_columns(schema.agenda_items.c.id))}
        known_meetings = {r[0] for r in conn.execute(schema.meetings.select().with_only_columns(schema.meetings.c.record))}
        conn.execute(schema.agenda_items.insert(), [a for k, a in agenda.items() if k not in known_items])
        conn.execute(schema.meetings.insert(), [m for k, m in meetings.items() if k not in known_meetings])
        conn.execute(schema.meeting_items.insert(), [r for r in rows if r["record"] not in known_meetings])
        conn.execute(schema.outcomes.insert(), outcomes)
    store.dispose()


@pytest.fixture(scope="module")
def full_kb(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("forecast") / "full.sqlite"
    _fill(f"sqlite:///{path}", shared_data / "unsc_meetings_dhl" / "raw_html", date(2018, 12, 31))
    return path


def _open(path: Path):
    from councilwatch.api import KnowledgeBase

    return KnowledgeBase.open(str(path))


@pytest.mark.parametrize("month, as_of", [("2016-06", "2016-05-31"), ("2017-10", "2017-09-14")])
def test_no_leakage_a_store_cut_at_as_of_gives_the_same_forecast(full_kb, shared_data, tmp_path, month, as_of):
    from councilwatch.forecast import forecast_month

    cut = tmp_path / "cut.sqlite"
    _fill(f"sqlite:///{cut}", shared_data / "unsc_meetings_dhl" / "raw_html", date.fromisoformat(as_of))
    with_future = forecast_month(_open(full_kb), month, as_of)
    without = forecast_month(_open(cut), month, as_of)
    assert with_future["items"], "the forecast should not be empty"
    assert with_future["items"] == without["items"]
    assert with_future["possible"] == without["possible"]
    assert with_future["presidency"] == without["presidency"]


def test_backtest_beats_every_baseline(full_kb):
    from councilwatch.forecast import backtest

    result = backtest(_open(full_kb), "2015-01", "2018-12")
    assert len(result["months"]) == 48
    total, base = result["total"], result["baselines"]
    assert total["actual"] == sum(len(m["actual"]) for m in result["months"])
    assert total["f1"] >= 0.66
    assert total["f1"] > max(b["f1"] for b in base.values()) + 0.02
    assert total["brier"] < min(b["brier"] for b in base.values())
    # The months the backtest scores are the months the forecast gives.
    from councilwatch.forecast import forecast_month

    june = forecast_month(_open(full_kb), "2016-06")
    assert next(m for m in result["months"] if m["month"] == "2016-06")["predicted"] == sorted(
        i["agenda_item"] for i in june["items"])


def test_known_rhythms_in_a_real_month(full_kb):
    from councilwatch.forecast import forecast_month

    out = forecast_month(_open(full_kb), "2018-10")
    items = {i["agenda_item"]: i for i in out["items"]}
    assert out["presidency"]["state"] == "BOL"
    assert "women-and-peace-and-security" in items  # the October open debate
    assert "middle-east-palestinian-question" in items
    assert out["items"] == sorted(out["items"], key=lambda i: -i["probability"])


def test_cli_refuses_months_past_the_record(full_kb):
    done = run_cli("forecast", "2019-03", db=full_kb)
    assert done.returncode == 2
    assert "no meetings known after 2018-12-31" in done.stderr and "Traceback" not in done.stderr
    ok = run_cli("forecast", "2019-01", "--format", "json", db=full_kb)
    assert ok.returncode == 0, ok.stderr
    import json

    data = json.loads(ok.stdout)
    assert data["as_of"] == "2018-12-31" and data["items"]
    empty = run_cli("forecast", "2019-01", db=None, env={"COUNCILWATCH_DB": str(full_kb.parent / "empty.sqlite")})
    assert empty.returncode == 2 and "no Council meetings record" in empty.stderr
