"""Importing the DHL meeting tables 1946-2018: our full import against pandas.read_html parsing the same files.

Claims (issue 3): the full import (read, map, write in one transaction into a fresh SQLite store) is not
slower than pandas.read_html (lxml flavour) merely parsing the 73 tables; a second, no-change import is
at least 3x faster than the first.

The machine is small and shared, so ours and the peer alternate within each round (the order flips every
round) and the medians over the rounds are compared; the median of the per-round ratios is printed too,
since the two halves of a round see about the same load. Our caches (classified titles, read dates) are
emptied before each first import, as in a fresh `councilwatch import` process; creating the empty store
(migrations) is not timed. With a second CPU the import also reads pages in a forked worker, which takes
as many as it gets CPU time for (the import reads pages itself rather than wait), so the load average is
printed too.

    PYTHONPATH=src python benchmarks/bench_import_dhl.py [--runs 7] [--phases]
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import tempfile
import time
import warnings
from pathlib import Path

RAW = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "unsc_meetings_dhl" / "raw_html"


def _files() -> list[Path]:
    return [RAW / f"scact{y}_table_en.html" for y in range(1946, 2019)]


def pandas_parse(files: list[Path]) -> int:
    import pandas as pd

    n = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for f in files:
            n += sum(len(t) for t in pd.read_html(io.BytesIO(f.read_bytes()), flavor="lxml"))
    return n


def _cold() -> None:
    from councilwatch.sources import agenda_titles, dhl_tables

    agenda_titles._classify.cache_clear()
    dhl_tables._DATES.clear()


def ours(files: list[Path], phases: bool) -> dict[str, float]:
    """Times of one round of our imports into a fresh store: first, second (no change), forced."""
    from councilwatch.api import open_store
    from councilwatch.sources import dhl_meetings

    out: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(f"sqlite:///{tmp}/kb.sqlite", load_curated=False)
        _cold()
        t = time.perf_counter()
        if phases:  # the same work as import_paths, timed in two halves
            batch = dhl_meetings.read(files, dhl_meetings.imported_files(store))
            out["read"] = time.perf_counter() - t
            rep = dhl_meetings.apply(store, batch)
            out["apply"] = time.perf_counter() - t - out["read"]
        else:
            rep = dhl_meetings.import_paths(store, files)
        out["first"] = time.perf_counter() - t
        out["rows"] = rep.inserted
        t = time.perf_counter()
        again = dhl_meetings.import_paths(store, files)
        out["second"] = time.perf_counter() - t
        assert again.inserted == again.updated == 0, again
        t = time.perf_counter()
        forced = dhl_meetings.import_paths(store, files, force=True)
        out["forced"] = time.perf_counter() - t
        assert forced.inserted == forced.updated == 0, forced
        store.dispose()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=7, help="alternating rounds (default 7)")
    ap.add_argument("--phases", action="store_true", help="also time read and apply of the first import apart")
    args = ap.parse_args()

    files = _files()
    load = os.getloadavg()[0]
    pandas_parse(files[:2])  # imports and first-call set-up of both, outside the rounds
    ours(files[:2], args.phases)
    peer: list[float] = []
    runs: list[dict[str, float]] = []
    for i in range(args.runs):
        if i % 2 == 0:
            runs.append(ours(files, args.phases))
        t = time.perf_counter()
        pandas_parse(files)
        peer.append(time.perf_counter() - t)
        if i % 2 == 1:
            runs.append(ours(files, args.phases))

    med = statistics.median
    col = {k: [r[k] for r in runs] for k in runs[0]}
    print(f"load average (1 min) before/after: {load:.2f}/{os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    first, second, forced = med(col["first"]), med(col["second"]), med(col["forced"])
    pair = med(o / p for o, p in zip(col["first"], peer))
    print(f"files: {len(files)} tables 1946-2018, {int(col['rows'][0])} rows inserted; "
          f"{args.runs} alternating rounds, medians (min)")
    print(f"pandas.read_html (lxml), parse only      {med(peer):7.3f} s ({min(peer):.3f})")
    print(f"councilwatch import, first (full)        {first:7.3f} s ({min(col['first']):.3f})"
          f"   ours/pandas {first / med(peer):5.2f}x (per-round median {pair:.2f}x)")
    if args.phases:
        print(f"  read (parse + map)                     {med(col['read']):7.3f} s")
        print(f"  apply (one transaction)                {med(col['apply']):7.3f} s")
    print(f"councilwatch import, second (no change)  {second:7.3f} s   first/second {first / second:7.1f}x")
    print(f"councilwatch import, second with --force {forced:7.3f} s   first/forced {first / forced:7.1f}x")
    ok_peer, ok_again = first <= med(peer), first / second >= 3
    print(f"claim: not slower than pandas: {'met' if ok_peer else 'NOT met'}; "
          f"no-change import >= 3x faster: {'met' if ok_again else 'NOT met'}")


if __name__ == "__main__":
    main()
