"""Time the 48-month backtest (target < 30 s) and one forecast (target < 1 s), against reading the record.

Peer: `history.load`, reading everything the forecaster uses from the store;
the ratios say how much the modelling costs on top of the query. Measured:
a forecast whose model must be fitted (cold), one whose model is read from the
cache directory (warm: what every later forecast of the same year costs), the
whole command in a fresh process (imports included), and the backtest 2015-01..
2018-12 with no fitted model cached and with the four yearly models cached.

    PYTHONPATH=src /work/venv/bin/python benchmarks/bench_forecast.py                 # imports ../shared into a temp store
    PYTHONPATH=src /work/venv/bin/python benchmarks/bench_forecast.py --db kb.sqlite  # a store with the DHL meetings

Fitted models go to a temporary cache directory, never the user's.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT.parent / "shared/data/unsc_meetings_dhl/raw_html"


def timed(fn, runs: int) -> tuple[float, float]:
    """Median wall-clock and median CPU seconds (this process and its children: the machine is shared,
    and the CPU time says what the work costs when the wall clock waits for other jobs)."""
    import resource

    def cpu() -> float:
        own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime

    wall, used = [], []
    for _ in range(runs):
        t, c = time.perf_counter(), cpu()
        fn()
        wall.append(time.perf_counter() - t)
        used.append(cpu() - c)
    return statistics.median(wall), statistics.median(used)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", help="SQLite store holding the DHL meetings 1946-2018 (default: import them into a temp store)")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-forecast-"))
    cache = work / "cache"
    os.environ["COUNCILWATCH_CACHE"] = str(cache)
    from councilwatch.api import KnowledgeBase, open_store

    if args.db is None:
        from councilwatch.sources import dhl_meetings

        args.db = str(work / "kb.sqlite")
        t = time.perf_counter()
        store = open_store(f"sqlite:///{args.db}")
        dhl_meetings.import_paths(store, [RAW])
        store.dispose()
        print(f"store filled by the importer in {time.perf_counter() - t:.1f} s")

    from councilwatch.forecast import backtest, forecast_month, history, model
    from councilwatch.forecast import forecast as fc

    kb = KnowledgeBase.open(args.db)

    def read():
        with kb.store.query() as conn:
            history.load(conn, date(2018, 5, 31))

    def forget(disk: bool):
        fc._CACHE.clear()
        model.clear_memory()
        if disk:
            shutil.rmtree(cache, ignore_errors=True)

    def cold():
        forget(disk=True)
        forecast_month(kb, "2018-06")

    def warm():
        forget(disk=False)
        forecast_month(kb, "2018-06")

    forecast_month(kb, "2018-06")  # imports scikit-learn once, outside the timings
    env = {**os.environ, "COUNCILWATCH_DB": args.db, "PYTHONPATH": str(ROOT / "src")}

    def process(*argv: str):
        return lambda: subprocess.run([sys.executable, "-m", "councilwatch", *argv], env=env, check=True,
                                      capture_output=True)

    result = {}

    def run_backtest(disk: bool):
        forget(disk)
        result.update(backtest(kb, "2015-01", "2018-12"))

    runs = max(1, args.runs - 2)
    rows = [
        ("peer: history.load (record to 2018-05-31)", timed(read, args.runs), None, ""),
        ("forecast 2018-06, model fitted (cold)", timed(cold, args.runs), 1.0, ""),
        ("forecast 2018-06, model from the cache dir", timed(warm, args.runs), 1.0, ""),
        ("peer: `councilwatch presidency 2018-06` process", timed(process("presidency", "2018-06"), args.runs), None, ""),
        ("`councilwatch forecast 2018-06 --format json`", timed(process("forecast", "2018-06", "--format", "json"),
                                                                args.runs), 1.0, "process, model cached"),
        ("`councilwatch forecast 2018-06 --format json` ", timed(
            lambda: (forget(disk=True), process("forecast", "2018-06", "--format", "json")()), args.runs), 1.0,
         "process, model fitted: imports scikit-learn"),
        ("backtest 2015-01..2018-12, 4 models fitted", timed(lambda: run_backtest(True), runs), 30.0, ""),
        ("backtest 2015-01..2018-12, models cached", timed(lambda: run_backtest(False), runs), 30.0, ""),
    ]
    peer = rows[0][1]
    process_peer = rows[3][1]
    print(f"{'':48s} {'wall s':>8s} {'cpu s':>8s} {'x peer (wall)':>14s}  target")
    for name, (wall, cpu), target, note in rows:
        base = process_peer if "`" in name else peer
        print(f"{name:48s} {wall:8.3f} {cpu:8.3f} {wall / base[0]:14.1f}  "
              + (f"< {target:g} s" if target else "") + (f" ({note})" if note else ""))
    tot = result["total"]
    print(f"backtest micro-F1 {tot['f1']:.3f}, Brier {tot['brier']:.4f}; baselines: "
          + ", ".join(f"{k} F1 {b['f1']:.3f} Brier {b['brier']:.4f}" for k, b in result["baselines"].items()))
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
