"""Brief targets (issue 6), measured side by side in one run, warm (imports and fonts loaded first).

1. `brief un-csto-sco-cis --month 2024-07` as HTML (target under 1 s) next to its peer, the same
   HTML written by Jinja2 alone from the already-assembled brief without charts (the templating floor).
2. The same brief as PDF (target under 3 s) next to its peer, WeasyPrint on that brief's HTML without
   charts (the typesetting floor).
3. `monthly` for a month with 15 expected items (forecast given), HTML and PDF, next to 15 single briefs.

Run: .venv/bin/python benchmarks/bench_briefs.py [--repeat N]  (or `make bench`)
CPU seconds are printed too: the machine is shared and wall time is noisy.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from councilwatch.api import KnowledgeBase  # noqa: E402
from councilwatch.publish import render as r  # noqa: E402
from councilwatch.publish.assemble import assemble_brief, assemble_monthly  # noqa: E402

ITEM, MONTH = "un-csto-sco-cis", "2024-07"
from councilwatch.sources.curated import agenda_item_id  # noqa: E402

AGENDA = agenda_item_id("Cooperation between the United Nations and regional and subregional organizations in maintaining "
                        "international peace and security")


def timed(fn, repeat: int) -> tuple[float, float]:
    """Median wall and CPU seconds over `repeat` runs."""
    wall, cpu = [], []
    for _ in range(repeat):
        w, c = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - w)
        cpu.append(time.process_time() - c)
    return statistics.median(wall), statistics.median(cpu)


def row(name: str, result: tuple[float, float], peer: tuple[float, float] | None = None, target: float | None = None):
    wall, cpu = result
    ratio = f"  x{wall / peer[0]:.2f} of peer" if peer else ""
    mark = "" if target is None else ("  OK" if wall < target else f"  OVER target {target:.0f} s")
    print(f"{name:<58} {wall * 1000:8.0f} ms wall {cpu * 1000:8.0f} ms cpu{ratio}{mark}")


def month_with_items(kb, n: int) -> dict:
    """Add n-1 agenda items with meetings and events to the KB and a forecast expecting them and the real item."""
    from councilwatch.store import schema as t

    now = datetime.now(timezone.utc)
    prov = {"source": "benchmark fixture", "origin": "benchmark", "locator": None, "recorded_at": now}
    items = [{"agenda_item": AGENDA, "title": "Cooperation between the UN and regional organisations",
              "probability": 0.95, "expected": ["debate"], "outcomes": [], "reasons": ["signature event"],
              "documents_due": []}]
    with kb.store.write() as conn:
        for i in range(1, n):
            ident = f"bench-item-{i:02d}"
            conn.execute(t.agenda_items.insert().values(id=ident, title=f"Benchmark agenda item {i}", aliases=[], **prov))
            for k in range(6):
                record = f"S/PV.{20000 + i * 10 + k}"
                day = date(2019 + k, 1 + i % 12, 10)
                conn.execute(t.meetings.insert().values(record=record, number=20000 + i * 10 + k, date=day, resumptions=[],
                                                        kind="briefing", summary=f"Briefing {k} on item {i}", **prov))
                conn.execute(t.meeting_items.insert().values(record=record, position=1, agenda_item=ident,
                                                             title=f"Benchmark agenda item {i}"))
            conn.execute(t.documents.insert().values(symbol=f"S/2024/{500 + i}", kind="sg_report", title=f"Report {i}",
                                                     date=date(2024, 6, 1 + i), subjects=[], agenda_item=ident, **prov))
            items.append({"agenda_item": ident, "title": f"Benchmark agenda item {i}", "probability": 0.9 - i * 0.04,
                          "expected": ["briefing"], "outcomes": ["resolution"], "reasons": ["mandate expires"],
                          "documents_due": [f"S/2024/{500 + i}"], "mandates_expiring": [f"mandate {i}, 31 July"]})
    return {"month": MONTH, "as_of": "2024-06-30", "threshold": 0.5,
            "presidency": {"state": "RUS", "name": "Russian Federation"}, "items": items}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp())
    kb = KnowledgeBase.open(str(tmp / "kb.sqlite"))

    brief = assemble_brief(kb, ITEM, MONTH)
    r.render(brief, "pdf")  # warm: imports, fonts, templates
    bare = re.sub(r"<svg.*?</svg>", "", r.brief_html(brief), flags=re.S)
    print(f"brief {ITEM} {MONTH}: {len(brief.developments)} developments, {len(brief.citations)} sources; "
          f"median of {args.repeat}")

    peer_html = timed(lambda: r.environment().get_template("brief.html.j2").render(
        b=brief, charts={"matrix": None, "timeline": None}, css=r.css()), args.repeat)
    html = timed(lambda: r.render(assemble_brief(kb, ITEM, MONTH), "html"), args.repeat)
    row("peer: Jinja2 templating of the assembled brief, no charts", peer_html)
    row("brief HTML (assemble + charts + templates)", html, peer_html, 1.0)

    peer_pdf = timed(lambda: r.html_to_pdf(bare), args.repeat)
    pdf = timed(lambda: r.render(assemble_brief(kb, ITEM, MONTH), "pdf"), args.repeat)
    row("peer: WeasyPrint on the same HTML without charts", peer_pdf)
    row("brief PDF (assemble + charts + WeasyPrint)", pdf, peer_pdf, 3.0)

    forecast = month_with_items(kb, 15)
    monthly = assemble_monthly(kb, MONTH, forecast=forecast)
    assert len(monthly.entries) == 15, len(monthly.entries)
    repeat = max(1, args.repeat // 2)
    singles = timed(lambda: [r.render(assemble_brief(kb, i["agenda_item"], MONTH, forecast=forecast), "html")
                             for i in forecast["items"]], repeat)
    m_html = timed(lambda: r.render(assemble_monthly(kb, MONTH, forecast=forecast), "html"), repeat)
    m_pdf = timed(lambda: r.render(assemble_monthly(kb, MONTH, forecast=forecast), "pdf"), repeat)
    print(f"monthly {MONTH} with {len(monthly.entries)} items; median of {repeat}")
    row("peer: 15 single briefs as HTML", singles)
    row("monthly HTML (15 entries)", m_html, singles)
    row("monthly PDF (15 entries)", m_pdf, singles)


if __name__ == "__main__":
    main()
