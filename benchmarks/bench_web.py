"""Load on the web application: 50 concurrent clients (wrk) on an organisation page and on /api/members/{org}.

Runs `councilwatch serve` (uvicorn, as shipped) on 127.0.0.1 over a fresh SQLite
knowledge base and over PostgreSQL (a dedicated schema, dropped afterwards), once
with the page cache (5 s, the default) and once without it (--cache-seconds 0, so
every request builds its page), and reports requests per second and p50/p95/p99
latency per endpoint, with the ratio to the peer measured in the same run:
/healthz on the same server (the framework's floor: routing, middleware, no
knowledge base). Target: p95 < 100 ms, no errors.

uvicorn runs with as many workers as the machine has cores, up to 2 (`serve
--workers 2` on the 2-core machine these figures come from): each worker is a
process with its own KnowledgeBase, so the two cores serve in parallel despite
the GIL; wrk's own 2 threads share the same cores, so the figures are conservative.

    python benchmarks/bench_web.py [--duration 10] [--connections 50] [--workers N] [--cache-seconds 5 --cache-seconds 0] [--no-postgres]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PG = os.environ.get("COUNCILWATCH_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
WRK = shutil.which("wrk") or "/usr/bin/wrk"
TARGET_P95_MS = 100.0

# wrk's summary lacks p95; this prints the percentiles and error counts on one line.
LUA = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("CW %d %.3f %d %d %d %d %d %d %d %d\\n", summary.requests, summary.duration / 1e6,
    latency:percentile(50), latency:percentile(95), latency:percentile(99),
    e.connect, e.read, e.write, e.status, e.timeout))
end
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: str, workers: int, cache_seconds: float) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "COUNCILWATCH_TOKEN": "bench-token"}
    proc = subprocess.Popen([sys.executable, "-m", "councilwatch", "serve", "--port", str(port), "--db", db,
                             "--workers", str(workers), "--log-level", "warning", "--cache-seconds", str(cache_seconds)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited: {proc.stderr.read().decode()[-2000:]}")
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1).read()
            return proc, base
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("server did not start in 120 s")


def wrk(url: str, seconds: int, connections: int, script: str) -> dict:
    out = subprocess.run([WRK, "-t", "2", "-c", str(connections), "-d", f"{seconds}s", "--timeout", "5s", "-s", script, url],
                         capture_output=True, text=True, timeout=seconds + 60).stdout
    m = re.search(r"^CW (.*)$", out, re.M)
    if not m:
        raise SystemExit(f"wrk printed no summary:\n{out}")
    n, secs, p50, p95, p99, *errors = (float(x) for x in m.group(1).split())
    return {"rps": n / secs, "p50": p50 / 1000, "p95": p95 / 1000, "p99": p99 / 1000, "errors": int(sum(errors)), "requests": int(n)}


def bench_backend(label: str, db: str, args, script: str) -> list[tuple]:
    rows = []
    for cache in args.cache_seconds:
        proc, base = start_server(db, args.workers, cache)
        run = f"{label}, cache {cache:g} s"
        try:
            for _ in range(2 * args.workers):  # warm every worker
                for path in ("/organisations/CSTO", "/api/members/CSTO", "/healthz"):
                    urllib.request.urlopen(base + path, timeout=10).read()
            for name, path in (("peer: /healthz", "/healthz"), ("organisation page", "/organisations/CSTO"),
                               ("/api/members/{org}", "/api/members/CSTO?on=2024-07-01")):
                rows.append((run, name, wrk(base + path, args.duration, args.connections, script)))
        finally:
            proc.terminate()
            proc.wait(timeout=20)
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--duration", type=int, default=10, help="seconds per endpoint (default 10)")
    ap.add_argument("--connections", type=int, default=50)
    ap.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1),
                    help="uvicorn workers (default: the cores, up to 2)")
    ap.add_argument("--cache-seconds", type=float, action="append",
                    help="the server's page cache; repeat to measure several (default: 5 and 0, i.e. with and without)")
    ap.add_argument("--no-postgres", action="store_true")
    args = ap.parse_args()
    args.cache_seconds = args.cache_seconds or [5.0, 0.0]
    if not Path(WRK).exists():
        raise SystemExit("wrk is not installed (apt-get install wrk)")
    sys.path.insert(0, str(ROOT / "src"))
    from councilwatch.api import open_store

    tmp = Path(tempfile.mkdtemp(prefix="cw-bench-"))
    script = tmp / "summary.lua"
    script.write_text(LUA)
    results = []
    try:
        sqlite = f"sqlite:///{tmp / 'kb.sqlite'}"
        open_store(sqlite).dispose()
        results += bench_backend("sqlite", sqlite, args, str(script))
        if not args.no_postgres:
            import psycopg

            schema = f"bench_{uuid.uuid4().hex[:10]}"
            with psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=test", autocommit=True) as conn:
                conn.execute(f'CREATE SCHEMA "{schema}"')
            try:
                url = f"{PG}?options=-csearch_path%3D{schema}"
                open_store(url).dispose()
                results += bench_backend("postgresql", url, args, str(script))
            finally:
                with psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=test", autocommit=True) as conn:
                    conn.execute(f'DROP SCHEMA "{schema}" CASCADE')
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print(f"\nwrk: {args.connections} connections, 2 threads, {args.duration} s per endpoint, uvicorn workers={args.workers}, "
          f"{os.cpu_count()} cores")
    print(f"{'run':<24} {'endpoint':<20} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>7} {'req/s vs peer':>14}")
    ok = True
    for backend, name, r in results:
        peer = next(x for b, n, x in results if b == backend and n.startswith("peer"))
        ratio = r["rps"] / peer["rps"] if peer["rps"] else float("nan")
        print(f"{backend:<24} {name:<20} {r['rps']:>8.0f} {r['p50']:>8.1f} {r['p95']:>8.1f} {r['p99']:>8.1f} {r['errors']:>7} {ratio:>13.2f}x")
        if not name.startswith("peer") and (r["p95"] >= TARGET_P95_MS or r["errors"]):
            ok = False
    print(f"\ntarget p95 < {TARGET_P95_MS:.0f} ms with no errors: {'met' if ok else 'NOT met'}")


if __name__ == "__main__":
    main()
