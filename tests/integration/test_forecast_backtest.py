"""The forecaster on a store filled by the real importer (DHL meeting tables 1946-2018): no leakage, skill
over the baselines, the commands end to end, clear refusals outside the record."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import run_cli


@pytest.fixture(scope="module")
def model_cache(tmp_path_factory: pytest.TempPathFactory):
    """A private cache directory for fitted models (never the user's)."""
    mp = pytest.MonkeyPatch()
    path = tmp_path_factory.mktemp("forecast-cache")
    mp.setenv("COUNCILWATCH_CACHE", str(path))
    yield path
    mp.undo()


@pytest.fixture(scope="module")
def full_kb(shared_data: Path, tmp_path_factory: pytest.TempPathFactory, model_cache: Path) -> Path:
    from councilwatch.api import open_store
    from councilwatch.sources import dhl_meetings

    path = tmp_path_factory.mktemp("forecast") / "full.sqlite"
    store = open_store(f"sqlite:///{path}")
    report = dhl_meetings.import_paths(store, [shared_data / "unsc_meetings_dhl" / "raw_html"])
    store.dispose()
    assert report.inserted > 20000
    return path


def cut_copy(full: Path, dest: Path, as_of: str) -> Path:
    """A copy of the store holding only what was dated on or before `as_of` (curated facts included)."""
    shutil.copy(full, dest)
    with sqlite3.connect(dest) as conn:
        conn.execute("DELETE FROM meeting_items WHERE record IN (SELECT record FROM meetings WHERE date > ?)", (as_of,))
        conn.execute("DELETE FROM outcomes WHERE date > ?", (as_of,))
        conn.execute("DELETE FROM meetings WHERE date > ?", (as_of,))
        conn.execute("DELETE FROM documents WHERE date > ?", (as_of,))
        left = conn.execute("SELECT MAX(date) FROM meetings").fetchone()[0]
    assert left <= as_of
    return dest


def _open(path: Path):
    from councilwatch.api import KnowledgeBase

    return KnowledgeBase.open(str(path))


def _fresh(monkeypatch, tmp_path: Path, name: str) -> None:
    """Forget every fitted model: the next forecast fits its own, in its own cache directory."""
    from councilwatch.forecast import forecast as fc
    from councilwatch.forecast import model

    fc._CACHE.clear()
    model.clear_memory()
    monkeypatch.setenv("COUNCILWATCH_CACHE", str(tmp_path / name))


@pytest.mark.parametrize("month, as_of", [("2016-06", "2016-05-31"), ("2017-10", "2017-09-14")])
def test_no_leakage_a_store_cut_at_as_of_gives_the_same_forecast(full_kb, tmp_path, monkeypatch, month, as_of):
    from councilwatch.forecast import forecast_month

    cut = cut_copy(full_kb, tmp_path / "cut.sqlite", as_of)
    _fresh(monkeypatch, tmp_path, "a")
    with_future = forecast_month(_open(full_kb), month, as_of)
    _fresh(monkeypatch, tmp_path, "b")
    without = forecast_month(_open(cut), month, as_of)
    assert with_future["items"], "the forecast should not be empty"
    assert with_future["items"] == without["items"]
    assert with_future["possible"] == without["possible"]
    assert with_future["presidency"] == without["presidency"]


def test_a_fitted_model_is_reused_and_refitted_when_the_record_changes(full_kb, tmp_path, monkeypatch):
    from councilwatch.forecast import forecast_month, model

    _fresh(monkeypatch, tmp_path, "models")
    first = forecast_month(_open(full_kb), "2018-06")
    saved = list((tmp_path / "models" / "forecast-models").glob("*.npz"))
    assert len(saved) == 1
    model.clear_memory()
    calls = []
    monkeypatch.setattr(model, "fit", lambda *a: calls.append(a) or pytest.fail("refitted"))
    from councilwatch.forecast import forecast as fc

    fc._CACHE.clear()
    assert forecast_month(_open(full_kb), "2018-06")["items"] == first["items"]  # read back from disk
    monkeypatch.undo()
    _fresh(monkeypatch, tmp_path, "models")
    changed = cut_copy(full_kb, tmp_path / "changed.sqlite", "2018-12-31")
    with sqlite3.connect(changed) as conn:  # March 2017 unrecorded: the 2018 model must be fitted again
        conn.execute("DELETE FROM meeting_items WHERE record IN (SELECT record FROM meetings WHERE date "
                     "BETWEEN '2017-03-01' AND '2017-03-31')")
    forecast_month(_open(changed), "2018-06")
    assert len(list((tmp_path / "models" / "forecast-models").glob("*.npz"))) == 2


@pytest.fixture(scope="module")
def backtest_json(full_kb) -> dict:
    done = run_cli("backtest", "--from", "2015-01", "--to", "2018-12", "--format", "json", db=full_kb)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_backtest_beats_every_baseline(backtest_json, full_kb):
    result = backtest_json
    assert len(result["months"]) == 48
    total, base = result["total"], result["baselines"]
    assert set(base) == {"last_month", "same_month_last_year", "frequent_4_of_12"}
    assert total["actual"] == sum(len(m["actual"]) for m in result["months"]) == base["last_month"]["actual"]
    # The record's own figures (docs/forecasting.md): F1 0.69 against 0.656, Brier 0.118 against 0.188.
    assert total["f1"] >= 0.67
    assert total["f1"] > max(b["f1"] for b in base.values()) + 0.02
    assert total["brier"] < min(b["brier"] for b in base.values())
    # The months the backtest scores are the months the forecast gives.
    from councilwatch.forecast import forecast_month

    june = forecast_month(_open(full_kb), "2016-06")
    assert next(m for m in result["months"] if m["month"] == "2016-06")["predicted"] == sorted(
        i["agenda_item"] for i in june["items"])


def test_backtest_table_lists_months_total_and_baselines(full_kb):
    done = run_cli("backtest", "--from", "2018-01", "--to", "2018-03", db=full_kb, env={"COLUMNS": "160"})
    assert done.returncode == 0, done.stderr
    for text in ("2018-01", "2018-03", "Total (micro over months)", "model", "last_month", "same_month_last_year",
                 "frequent_4_of_12"):
        assert text in done.stdout


def test_known_rhythms_in_a_real_month(full_kb):
    from councilwatch.forecast import forecast_month

    out = forecast_month(_open(full_kb), "2018-10")
    items = {i["agenda_item"]: i for i in out["items"]}
    assert out["presidency"]["state"] == "BOL"
    assert "women-and-peace-and-security" in items  # the October open debate
    assert "middle-east-palestinian-question" in items
    assert out["items"] == sorted(out["items"], key=lambda i: -i["probability"])


def test_cli_forecast_json_and_markdown(full_kb):
    done = run_cli("forecast", "2018-06", "--format", "json", db=full_kb)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["month"] == "2018-06" and data["as_of"] == "2018-05-31"
    assert data["presidency"] == {**data["presidency"], "state": "RUS", "name": "Russian Federation"}
    assert data["items"] and all(i["probability"] >= data["threshold"] for i in data["items"])
    assert {"agenda_item", "title", "probability", "expected", "outcomes", "reasons", "documents_due"} <= set(
        data["items"][0])
    md = run_cli("forecast", "2018-06", "--format", "md", db=full_kb)
    assert md.returncode == 0, md.stderr
    assert md.stdout.startswith("# June 2018: the Council's expected programme")
    assert "Presidency: Russian Federation." in md.stdout
    assert f"**{data['items'][0]['title']}**" in md.stdout.replace("\\", "")


def test_cli_refuses_months_past_the_record(full_kb, tmp_path):
    done = run_cli("forecast", "2019-03", db=full_kb)
    assert done.returncode == 2
    assert "no meetings known after 2018-12-31" in done.stderr and "Traceback" not in done.stderr
    assert "councilwatch sync or import newer tables" in done.stderr
    back = run_cli("backtest", "--from", "2018-06", "--to", "2019-02", db=full_kb)
    assert back.returncode == 2 and "Traceback" not in back.stderr
    assert "no meetings known after 2018-12-31" in back.stderr and "2019-02" in back.stderr
    ok = run_cli("forecast", "2019-01", "--format", "json", db=full_kb)
    assert ok.returncode == 0, ok.stderr
    data = json.loads(ok.stdout)
    assert data["as_of"] == "2018-12-31" and data["items"]
    empty = run_cli("forecast", "2019-01", db=None, env={"COUNCILWATCH_DB": str(tmp_path / "empty.sqlite")})
    assert empty.returncode == 2 and "no Council meetings record" in empty.stderr
    early = run_cli("backtest", "--from", "1948-01", "--to", "1948-12", db=full_kb)
    assert early.returncode == 2 and "too little record before 1948-01" in early.stderr


@pytest.mark.postgres
def test_the_same_forecast_from_sqlite_and_postgresql(shared_data, sqlite_url, postgres_url, tmp_path, monkeypatch):
    from councilwatch.api import KnowledgeBase, open_store
    from councilwatch.forecast import forecast_month
    from councilwatch.sources import dhl_meetings

    raw = shared_data / "unsc_meetings_dhl" / "raw_html"
    files = [raw / f"scact{year}_table_en.html" for year in range(2004, 2013)]
    out = []
    for n, url in enumerate((sqlite_url, postgres_url)):
        store = open_store(url)
        dhl_meetings.import_paths(store, files)
        _fresh(monkeypatch, tmp_path, f"cache{n}")
        out.append(forecast_month(KnowledgeBase(store), "2012-06"))
        store.dispose()
    assert out[0]["items"] and out[0] == out[1]
