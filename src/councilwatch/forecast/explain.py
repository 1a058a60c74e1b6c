"""Why an item is expected, and what to expect of it: reasons, kinds, outcomes, reports, renewals.

Everything here reads the History (facts up to the as-of date) and the feature
row of the item; it says what the record shows, in words a reader can check.
"""

from __future__ import annotations

import calendar
from collections import Counter
from datetime import date

import numpy as np

from councilwatch.dates import add_months, month_text
from councilwatch.forecast.features import CYCLES, FEATURES, RENEWAL_PERIODS
from councilwatch.forecast.history import History, index_month, index_text, month_index

_COL = {name: i for i, name in enumerate(FEATURES)}
_RHYTHM = {1: "every month", 2: "every two months", 3: "every three months", 4: "every four months",
           6: "every six months", 12: "once a year"}


def value(row: np.ndarray, name: str) -> float:
    return float(row[_COL[name]])


def resolutions(h: History, item: str) -> list[dict]:
    return [o for o in h.outcomes.get(item, ()) if o["kind"] == "resolution"]


def renewal(h: History, item: str, t: int) -> dict | None:
    """The renewal the record points at for month t: resolutions P and 2P months before, for the shortest P."""
    by_month: dict[int, list[dict]] = {}
    for o in resolutions(h, item):
        by_month.setdefault(month_index(o["date"]), []).append(o)
    for p in sorted(RENEWAL_PERIODS, reverse=True):
        if t - p in by_month and t - 2 * p in by_month:
            last = by_month[t - p][-1]
            return {"period": p, "symbol": last["symbol"], "date": last["date"],
                    "previous": by_month[t - 2 * p][-1]}
    return None


def reasons(h: History, item: str, t: int, row: np.ndarray, presidency: tuple[str, str] | None) -> list[str]:
    out = []
    ren = renewal(h, item, t)
    if ren:
        out.append(f"a {ren['period']}-month cycle of resolutions points to this month: "
                   f"{ren['symbol'] or 'a resolution'} on {ren['date'].isoformat()}, "
                   f"{ren['previous']['symbol'] or 'another'} on {ren['previous']['date'].isoformat()}")
    shares = {p: value(row, f"cycle{p}") for p in CYCLES}
    top = max(shares.values())
    best = min(p for p in CYCLES if shares[p] >= top - 1e-9)  # the shortest rhythm that fits best
    if top >= 0.5 and best != 1:
        steps = 36 // best
        out.append(f"meets {_RHYTHM[best]}: in {round(shares[best] * steps)} of the last {steps} such cycles")
    elif shares[1] >= 0.5:
        out.append(f"met in {int(value(row, 'met_n12'))} of the last 12 months")
    n10 = int(value(row, "same_month_n10"))
    name = calendar.month_name[index_month(t)[1]]
    if n10 >= 3:
        out.append(f"met in {name} in {n10} of the last 10 years")
    if presidency and np.isfinite(value(row, "pres_rate")) and value(row, "pres_hits") >= 1 and value(row, "pres_lift") > 0.2:
        out.append(f"{presidency[1]} presides; the item met in {int(value(row, 'pres_hits'))} of its earlier "
                   f"presidencies ({value(row, 'pres_rate'):.0%}, against {value(row, 'pres_rate') - value(row, 'pres_lift'):.0%} of all months)")
    last = h.last_meeting.get(item)
    if last:
        out.append(f"last meeting {last.isoformat()}")
    return out


def expected_kinds(h: History, item: str, outcomes: list[str]) -> list[str]:
    """Meeting kinds: those recorded for the item's meetings, else inferred from the expected outcomes."""
    kinds = [k for k, _ in Counter(h.kinds.get(item, Counter())).most_common(2)]
    if not kinds:
        kinds = ["briefing"]  # the DHL tables do not say; most meetings without a decision are briefings
    if outcomes != ["none"] and "adoption" not in kinds:
        kinds.append("adoption")
    return kinds


def expected_outcomes(h: History, item: str, t: int, row: np.ndarray) -> list[str]:
    out = []
    if renewal(h, item, t) or value(row, "res_lag12") or value(row, "res_lag6"):
        out.append("resolution")
    if value(row, "prst_lag12"):
        out.append("presidential statement")
    return out or ["none"]


def documents_due(h: History, item: str, t: int) -> list[dict]:
    """Secretary-General reports whose cycle (median spacing of the item's last reports) falls due in month t."""
    reports = h.reports.get(item, [])
    months = sorted({month_index(r["date"]) for r in reports})
    if len(months) < 2:
        return []
    cycle = round(float(np.median(np.diff(months[-6:]))))
    if cycle <= 0:
        return []
    due = months[-1] + cycle
    while due < t:
        due += cycle
    if due != t:
        return []
    last = reports[-1]
    return [{"kind": "sg_report", "title": last["title"], "due": index_text(t),
             "cycle_months": cycle, "last": last["symbol"], "date": last["date"].isoformat()}]


def mandates_expiring(h: History, item: str, t: int) -> list[dict]:
    ren = renewal(h, item, t)
    if not ren:
        return []
    return [{"kind": "renewal", "symbol": ren["symbol"], "date": ren["date"].isoformat(), "due": index_text(t)}]


def signature_events(h: History, t: int, presidencies: dict, titles: dict[str, str], years: int = 15) -> list[dict]:
    """Items the presiding member took up in at least two of its earlier presidencies, more than usual."""
    me = presidencies.get(t)
    if me is None:
        return []
    earlier = [m for m, p in presidencies.items() if p and p[0] == me[0] and t - 12 * years <= m < t]
    out = []
    for item, met in h.meeting_months.items():
        hits = [m for m in earlier if m in met]
        if len(hits) < 2:
            continue
        base = len([m for m in met if t - 12 * years <= m < t]) / (12 * years)
        if len(hits) / len(earlier) - base >= 0.3:
            out.append({"agenda_item": item, "title": titles.get(item, item),
                        "months": [index_text(m) for m in hits]})
    return sorted(out, key=lambda e: (-len(e["months"]), e["agenda_item"]))


def default_as_of(year: int, month: int) -> date:
    y, m = add_months(year, month, -1)
    return date(y, m, calendar.monthrange(y, m)[1])


__all__ = [
    "default_as_of",
    "documents_due",
    "expected_kinds",
    "expected_outcomes",
    "mandates_expiring",
    "month_text",
    "reasons",
    "signature_events",
]
