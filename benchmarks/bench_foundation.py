"""Foundation targets (issue 2), measured side by side in one run.

1. `members X --on D` in-process: median latency over every organisation x 100 dates
   (target under 2 ms), next to the same query as one raw SQL statement through sqlite3.
2. Cold start of `councilwatch presidency 2024-07` in a fresh process (target under 0.5 s),
   next to the floor: a bare `python -c pass` start.

Run: .venv/bin/python benchmarks/bench_foundation.py  (or `make bench`)
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from councilwatch.api import KnowledgeBase  # noqa: E402


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def main() -> None:
    tmp = Path(tempfile.mkdtemp())
    db = tmp / "kb.sqlite"
    kb = KnowledgeBase.open(str(db))
    orgs = [o["id"] for o in kb.organisations()]
    start = date(1995, 1, 1)
    days = [start + timedelta(days=int(i * (365.25 * 31) / 100)) for i in range(100)]

    # warm the name index and the connection pool
    kb.members(orgs[0], days[0])
    ours, raw = [], []
    con = sqlite3.connect(db)
    sql = (
        "SELECT m.state, s.name, m.status, m.start, m.source FROM memberships m JOIN states s ON s.iso3 = m.state "
        "WHERE m.organisation = ? AND m.start_earliest <= ? AND (m.end_earliest IS NULL OR m.end_earliest > ?) "
        "AND (m.origin IN ('curated', 'claim') OR NOT EXISTS (SELECT 1 FROM memberships o WHERE "
        "o.organisation = m.organisation AND o.state = m.state AND o.origin IN ('curated', 'claim'))) "
        "AND m.status != 'withdrawn' ORDER BY s.name"
    )
    rows = 0
    for org in orgs:
        for d in days:
            t = time.perf_counter()
            rows += len(kb.members(org, d))
            ours.append(time.perf_counter() - t)
            t = time.perf_counter()
            con.execute(sql, (org, d.isoformat(), d.isoformat())).fetchall()
            raw.append(time.perf_counter() - t)
    m_ours, m_raw = median_ms(ours), median_ms(raw)
    print(f"members X --on D, in-process: {len(ours)} queries ({len(orgs)} organisations x {len(days)} dates, {rows} rows)")
    print(f"  councilwatch   median {m_ours:.3f} ms   p95 {sorted(ours)[int(len(ours) * .95)] * 1000:.3f} ms   target < 2 ms")
    print(f"  raw sqlite3    median {m_raw:.3f} ms   (the same SQL on one open connection: no name resolution, no rows as dicts)")
    print(f"  ratio councilwatch / raw sqlite3: {m_ours / m_raw:.1f}x")

    env = {**os.environ, "COUNCILWATCH_DB": str(db), "PYTHONPATH": str(ROOT / "src")}
    ours, floor = [], []
    for _ in range(7):
        t = time.perf_counter()
        out = subprocess.run([sys.executable, "-m", "councilwatch", "presidency", "2024-07"], env=env,
                             capture_output=True, text=True, check=True).stdout.strip()
        ours.append(time.perf_counter() - t)
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        floor.append(time.perf_counter() - t)
    print(f"\ncold start of `councilwatch presidency 2024-07` -> {out!r} (7 runs)")
    print(f"  councilwatch   median {median_ms(ours):.0f} ms   target < 500 ms")
    print(f"  python -c pass median {median_ms(floor):.0f} ms")
    print(f"  ratio: {statistics.median(ours) / statistics.median(floor):.1f}x the bare interpreter start")


if __name__ == "__main__":
    main()
