"""Importing the DHL meeting tables 1946-2018: our full import against pandas.read_html parsing the same files.

Claims: the full import (read, map, write in one transaction into a fresh SQLite store) is not slower than
pandas.read_html (lxml flavour) merely parsing the 73 tables; a second, no-change import is at least 3x
faster than the first. Medians of several runs, measured in the same process (the machine is noisy).

    PYTHONPATH=src python benchmarks/bench_import_dhl.py [--runs 5]
"""

from __future__ import annotations

import argparse
import io
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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    from councilwatch.api import open_store
    from councilwatch.sources import dhl_meetings

    files = _files()
    pandas_parse(files[:2])  # warm imports
    first, second, forced, peer = [], [], [], []
    for _ in range(args.runs):
        t = time.perf_counter()
        pandas_parse(files)
        peer.append(time.perf_counter() - t)
        with tempfile.TemporaryDirectory() as tmp:
            store = open_store(f"sqlite:///{tmp}/kb.sqlite", load_curated=False)
            t = time.perf_counter()
            rep = dhl_meetings.import_paths(store, files)
            first.append(time.perf_counter() - t)
            t = time.perf_counter()
            again = dhl_meetings.import_paths(store, files)
            second.append(time.perf_counter() - t)
            t = time.perf_counter()
            dhl_meetings.import_paths(store, files, force=True)
            forced.append(time.perf_counter() - t)
            assert again.inserted == again.updated == 0
            store.dispose()
    med = statistics.median
    print(f"files: {len(files)} tables 1946-2018, {rep.inserted} rows inserted; {args.runs} runs, medians")
    print(f"pandas.read_html (lxml), parse only      {med(peer):7.3f} s")
    print(f"councilwatch import, first (full)        {med(first):7.3f} s   ratio to pandas {med(first) / med(peer):5.2f}x")
    print(f"councilwatch import, second (no change)  {med(second):7.3f} s   first/second   {med(first) / med(second):7.1f}x")
    print(f"councilwatch import, second with --force {med(forced):7.3f} s   first/forced   {med(first) / med(forced):7.1f}x")


if __name__ == "__main__":
    main()
