"""Time the 48-month backtest (target < 30 s) and one forecast (target < 1 s), against reading the record.

Peer: `history.load`, reading everything the forecaster uses from the store;
the ratios say how much the modelling costs on top of the query.

    PYTHONPATH=src /work/venv/bin/python benchmarks/bench_forecast.py                 # builds a store from ../shared
    PYTHONPATH=src /work/venv/bin/python benchmarks/bench_forecast.py --db kb.sqlite  # a store with the DHL meetings
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed(fn, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", help="SQLite store holding the DHL meetings 1946-2018 (default: build one)")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    if args.db is None:
        sys.path.insert(0, str(ROOT))
        from tests.integration.test_forecast_backtest import _fill

        args.db = str(Path(tempfile.mkdtemp()) / "kb.sqlite")
        _fill(f"sqlite:///{args.db}", ROOT.parent / "shared/data/unsc_meetings_dhl/raw_html", date(2018, 12, 31))

    t = time.perf_counter()
    from councilwatch.api import KnowledgeBase
    from councilwatch.forecast import backtest, forecast_month, history
    from councilwatch.forecast import forecast as fc

    print(f"imports: {time.perf_counter() - t:.2f} s")
    kb = KnowledgeBase.open(args.db)

    def read():
        with kb.store.query() as conn:
            history.load(conn, date(2018, 12, 31))

    def cold_forecast():
        fc._CACHE.clear()
        forecast_month(kb, "2019-01")

    peer = statistics.median(timed(read, args.runs))
    single = statistics.median(timed(cold_forecast, args.runs))
    warm = statistics.median(timed(lambda: forecast_month(kb, "2019-01"), args.runs))
    result = {}

    def run_backtest():
        result.update(backtest(kb, "2015-01", "2018-12"))

    whole = statistics.median(timed(run_backtest, max(1, args.runs - 1)))
    print(f"peer  history.load (whole record):       median {peer * 1000:8.1f} ms")
    print(f"forecast 2019-01, fitted afresh:          median {single * 1000:8.1f} ms  ({single / peer:5.1f} x peer; target < 1 s)")
    print(f"forecast 2019-01, cached model:           median {warm * 1000:8.1f} ms  ({warm / peer:5.1f} x peer)")
    print(f"backtest 2015-01..2018-12 (48 fits):      median {whole:8.2f} s   ({whole / peer:5.1f} x peer; target < 30 s)")
    tot = result["total"]
    print(f"backtest micro-F1 {tot['f1']:.3f}, Brier {tot['brier']:.4f}; baselines: "
          + ", ".join(f"{k} F1 {b['f1']:.3f} Brier {b['brier']:.4f}" for k, b in result["baselines"].items()))


if __name__ == "__main__":
    main()
