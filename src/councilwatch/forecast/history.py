"""The Council's record as the forecaster sees it: what was known on the as-of date, and nothing later.

Which items met in which month comes from store/meetings.py (`monthly_items`);
the rest (titles as last printed, outcomes, reports) from queries of its own.
Every query here takes `as_of` and reads only facts dated on or before it, so a
forecast cannot see the future however much the store holds (the leakage test in
tests/integration/test_forecast_backtest.py holds us to that).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from councilwatch.dates import month_bounds
from councilwatch.store import meetings
from councilwatch.store.sql import fetch

# A month counts as recorded when it has at least this share of the meetings of a typical
# month of the year before it: one curated meeting in 2022 does not make 2022 known.
COVERED_SHARE = 0.25


def month_index(d: date) -> int:
    """Months since year 0: consecutive months differ by one."""
    return d.year * 12 + d.month - 1


def index_month(i: int) -> tuple[int, int]:
    return i // 12, i % 12 + 1


def index_text(i: int) -> str:
    y, m = index_month(i)
    return f"{y:04d}-{m:02d}"


@dataclass
class History:
    """Meetings, outcomes and reports per agenda item, up to `as_of`."""

    as_of: date
    first: date | None = None  # first meeting known
    last: date | None = None  # last meeting known on or before as_of
    covered_until: date | None = None  # last day of the last month the record covers in full (None: no record)
    meeting_months: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    outcomes: dict[str, list[dict]] = field(default_factory=lambda: defaultdict(list))  # date, kind, symbol
    kinds: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))  # meeting kinds, when recorded
    titles: dict[str, tuple[date, str]] = field(default_factory=dict)  # as last printed
    last_meeting: dict[str, date] = field(default_factory=dict)
    reports: dict[str, list[dict]] = field(default_factory=lambda: defaultdict(list))  # date, symbol, title

    @property
    def items(self) -> list[str]:
        return sorted(self.meeting_months)


def load(conn: Any, as_of: date) -> History:
    """Everything the forecaster uses, as known on `as_of`."""
    h = History(as_of=as_of)
    p = {"as_of": as_of}
    # Which items met in which month: the store's own definition (a resumption counts in its month).
    for month, items in meetings.monthly_items(conn, as_of).items():
        m = month_index(date(int(month[:4]), int(month[5:7]), 1))
        for item in items:
            h.meeting_months[item].add(m)
    # The title each item was last printed under, and its last meeting: one row per item.
    for r in fetch(conn, """SELECT agenda_item, title, date FROM (
            SELECT mi.agenda_item, mi.title, m.date, ROW_NUMBER() OVER (
                PARTITION BY mi.agenda_item ORDER BY m.date DESC, m.number DESC, mi.position DESC) AS n
            FROM meetings m JOIN meeting_items mi ON mi.record = m.record WHERE m.date <= :as_of) latest
        WHERE n = 1""", p, dates=("date",)):
        h.titles[r["agenda_item"]] = (r["date"], r["title"])
        h.last_meeting[r["agenda_item"]] = r["date"]
    for r in fetch(conn, """SELECT mi.agenda_item, m.kind, COUNT(*) AS n FROM meetings m
            JOIN meeting_items mi ON mi.record = m.record WHERE m.date <= :as_of AND m.kind IS NOT NULL
            GROUP BY mi.agenda_item, m.kind""", p):
        h.kinds[r["agenda_item"]][r["kind"]] += int(r["n"])
    h.first, h.last, h.covered_until = coverage(conn, as_of)
    for r in fetch(conn, """SELECT date, agenda_item, kind, symbol FROM outcomes
            WHERE date <= :as_of AND agenda_item IS NOT NULL ORDER BY date, id""", {"as_of": as_of}, dates=("date",)):
        h.outcomes[r["agenda_item"]].append({"date": r["date"], "kind": r["kind"], "symbol": r["symbol"]})
    for r in fetch(conn, """SELECT symbol, date, title, agenda_item FROM documents
            WHERE kind = 'sg_report' AND agenda_item IS NOT NULL AND date IS NOT NULL AND date <= :as_of
            ORDER BY date""", {"as_of": as_of}, dates=("date",)):
        h.reports[r["agenda_item"]].append({"date": r["date"], "symbol": r["symbol"], "title": r["title"]})
    return h


def _covered_until(per_month: Counter) -> date | None:
    """The last day of the last month whose meeting count looks like a full record, not stray facts;
    None when no month does (a store holding only a few curated meetings)."""
    for m in sorted(per_month, reverse=True):
        year_before = [per_month.get(k, 0) for k in range(m - 12, m)]
        typical = sorted(year_before)[6]
        if per_month[m] >= max(1, COVERED_SHARE * typical) and sum(1 for c in year_before if c) >= 6:
            return month_bounds(*index_month(m))[1]
    return None


def coverage(conn: Any, as_of: date) -> tuple[date | None, date | None, date | None]:
    """(first meeting, last meeting, last day of the last fully recorded month) as known on `as_of`."""
    per_month: Counter = Counter()
    days = [str(r["date"])[:10] for r in fetch(conn, "SELECT date FROM meetings WHERE date <= :as_of", {"as_of": as_of})]
    for d in days:
        per_month[int(d[:4]) * 12 + int(d[5:7]) - 1] += 1
    if not days:
        return None, None, None
    return date.fromisoformat(min(days)), date.fromisoformat(max(days)), _covered_until(per_month)


def recorded_through(conn: Any) -> tuple[date | None, date | None, date | None]:
    """(first meeting, last meeting, last day of the last fully recorded month) of the whole store."""
    return coverage(conn, date(9999, 12, 31))


def presidencies(conn: Any, first: int, last: int) -> dict[int, tuple[str, str] | None]:
    """Month index -> (state, name) of the presidency, None where unknown (before the curated record)."""
    from councilwatch import council
    from councilwatch.errors import MissingData
    from councilwatch.store import council as q

    records = q.recorded_presidencies(conn)
    newest = max(records) if records else None
    out: dict[int, tuple[str, str] | None] = {}
    for i in range(first, last + 1):
        r = records.get(index_text(i))
        if r is not None:
            out[i] = (r["state"], r["name"])
        elif newest is not None and index_text(i) > newest:
            try:
                p = council.presidency_of(conn, *index_month(i))
                out[i] = (p.state, p.name)
            except MissingData:
                out[i] = None
        else:
            out[i] = None
    return out
