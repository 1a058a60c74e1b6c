"""Features of (agenda item, month) pairs, each computed from the months before the month alone.

The record becomes three item × month matrices (meetings, resolutions,
presidential statements); a feature of month t reads only columns before t, so
the same row comes out whether the store ends at t-1 or holds everything.
Candidates for month t are the items that met in the 36 months before it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from councilwatch.forecast.history import History, month_index

WINDOW = 36  # an item is a candidate when it met in the WINDOW months before the target month
PRESIDENCY_YEARS = 15  # earlier presidencies of the same member that count as its habits
RENEWAL_PERIODS = (12, 6, 4, 3, 2)
CYCLES = (1, 2, 3, 4, 6, 12)

# Name and meaning of every column of the feature matrix, in order.
FEATURES: dict[str, str] = {
    **{f"met_lag{k}": f"met {k} month(s) before" for k in range(1, 13)},
    "met_lag24": "met 24 months before",
    "met_lag36": "met 36 months before",
    "met_n3": "months with a meeting among the last 3",
    "met_n12": "months with a meeting among the last 12",
    "met_n36": "months with a meeting among the last 36",
    **{f"cycle{p}": f"share of the last {36 // p} steps of {p} months back with a meeting (a {p}-month rhythm)"
       for p in CYCLES},
    "cycle_best": "the largest cycle share: how regular the item's best rhythm is",
    "since_last": "months since the last meeting",
    "age": "months since the first meeting (capped at 240)",
    "rhythm_ratio": "months since the last meeting / mean spacing of meetings over 36 months",
    "same_month_rate": "share of the last 5 years with a meeting in this calendar month",
    "same_month_n10": "years of the last 10 with a meeting in this calendar month",
    "res_lag12": "a resolution 12 months before",
    "res_lag11_13": "a resolution 11-13 months before",
    "res_lag6": "a resolution 6 months before",
    "res_lag4": "a resolution 4 months before",
    "res_lag3": "a resolution 3 months before",
    "res_lag1": "a resolution last month",
    "renewal_due": "resolutions P and 2P months before, for a renewal period P (12, 6, 4, 3, 2)",
    "res_n12": "resolutions in the last 12 months",
    "res_since": "months since the last resolution (capped at 120)",
    "prst_lag12": "a presidential statement 12 months before",
    "prst_n12": "presidential statements in the last 12 months",
    "report_ratio": "months since the last SG report / the item's reporting cycle (unknown without reports)",
    "pres_rate": "share of the same member's earlier presidencies (15 years) with a meeting on the item",
    "pres_hits": "earlier presidencies of the same member with a meeting on the item",
    "pres_lift": "pres_rate minus the item's share of months with a meeting over 36 months",
    "month_of_year": "calendar month (8 = August, the quiet month; 9 = the high-level week)",
    "council_busy": "items with a meeting last month",
}


@dataclass
class Panel:
    """Feature rows for (item, month) pairs, with the outcome where the record knows it."""

    items: list[str]
    item: np.ndarray  # index into items, per row
    month: np.ndarray  # month index (see history.month_index), per row
    X: np.ndarray
    y: np.ndarray  # 1.0 met, 0.0 did not, nan unknown (after as_of)

    def rows(self, months) -> np.ndarray:
        return np.isin(self.month, np.asarray(list(months)))


class Record:
    """The item × month matrices of a History, from the first meeting to `last` (a month index)."""

    def __init__(self, history: History, last: int):
        self.history = history
        self.items = history.items
        known = [m for ms in history.meeting_months.values() for m in ms]
        self.origin = (min(known) if known else last) - WINDOW - 1
        self.last = last
        span = last - self.origin + 1
        self.met = np.zeros((len(self.items), span), dtype=np.float32)
        self.res = np.zeros_like(self.met)
        self.prst = np.zeros_like(self.met)
        for i, item in enumerate(self.items):
            for m in history.meeting_months[item]:
                if m <= last:
                    self.met[i, m - self.origin] = 1
            for o in history.outcomes.get(item, ()):
                m = month_index(o["date"]) - self.origin
                if 0 <= m < span:
                    if o["kind"] == "resolution":
                        self.res[i, m] += 1
                    elif o["kind"] == "presidential_statement":
                        self.prst[i, m] += 1
        self.met_cum = np.concatenate([np.zeros((len(self.items), 1), np.float32), np.cumsum(self.met, axis=1)], axis=1)
        self.res_cum = np.concatenate([np.zeros((len(self.items), 1), np.float32), np.cumsum(self.res, axis=1)], axis=1)
        self.prst_cum = np.concatenate([np.zeros((len(self.items), 1), np.float32), np.cumsum(self.prst, axis=1)], axis=1)
        cols = np.arange(span, dtype=np.float64)
        self.last_met = np.maximum.accumulate(np.where(self.met > 0, cols, -1e9), axis=1)
        self.last_res = np.maximum.accumulate(np.where(self.res > 0, cols, -1e9), axis=1)
        self.first_met = np.where(self.met.any(axis=1), self.met.argmax(axis=1), span).astype(np.float64)
        self.report_months = {item: sorted({month_index(r["date"]) for r in history.reports.get(item, ())})
                              for item in self.items}
        self._reported = [(i, item) for i, item in enumerate(self.items) if len(self.report_months[item]) >= 2]

    def col(self, t: int) -> int:
        return t - self.origin

    def _at(self, mat: np.ndarray, t: int, k: int) -> np.ndarray:
        c = self.col(t) - k
        if c < 0 or c >= mat.shape[1]:
            return np.zeros(mat.shape[0], np.float32)
        return mat[:, c]

    def _count(self, cum: np.ndarray, t: int, k: int) -> np.ndarray:
        """Sum over the k months before t."""
        c = self.col(t)
        return cum[:, c] - cum[:, max(c - k, 0)]

    def month_features(self, t: int, presidencies: dict) -> np.ndarray:
        """The feature matrix (items × FEATURES) for target month t."""
        c = self.col(t)
        at = lambda k: self._at(self.met, t, k)
        n36 = self._count(self.met_cum, t, 36)
        since = np.minimum(c - self.last_met[:, c - 1], 120)
        rate36 = n36 / 36.0
        spacing = np.where(n36 > 0, 36.0 / np.maximum(n36, 1), np.nan)
        same = np.stack([at(12 * y) for y in range(1, 11)])
        res_at = lambda k: self._at(self.res, t, k) > 0
        renewal = np.zeros(len(self.items), bool)
        for p in RENEWAL_PERIODS:
            renewal |= res_at(p) & res_at(2 * p)
        pres_rate, pres_hits = self._presidency(t, presidencies)
        cycles = [np.mean([at(k * p) for k in range(1, 36 // p + 1)], axis=0) for p in CYCLES]
        cols = [at(k) for k in range(1, 13)] + [at(24), at(36)] + [
            self._count(self.met_cum, t, 3), self._count(self.met_cum, t, 12), n36, *cycles, np.max(cycles, axis=0), since,
            np.minimum(c - self.first_met, 240), since / spacing,
            same[:5].mean(axis=0), same.sum(axis=0),
            res_at(12), res_at(11) | res_at(12) | res_at(13), res_at(6), res_at(4), res_at(3), res_at(1), renewal,
            self._count(self.res_cum, t, 12), np.minimum(c - self.last_res[:, c - 1], 120),
            self._at(self.prst, t, 12) > 0, self._count(self.prst_cum, t, 12),
            self._report_ratio(t), pres_rate, pres_hits, pres_rate - rate36,
            np.full(len(self.items), index_moy(t)), np.full(len(self.items), self.met[:, c - 1].sum()),
        ]
        return np.column_stack([np.asarray(x, dtype=np.float64) for x in cols])

    def _presidency(self, t: int, presidencies: dict) -> tuple[np.ndarray, np.ndarray]:
        state = presidencies.get(t)
        nan = np.full(len(self.items), np.nan)
        if state is None:
            return nan, nan  # before the curated record: the presidency is unknown, not "nobody"
        earlier = [m for m, s in presidencies.items()
                   if s is not None and s[0] == state[0] and t - 12 * PRESIDENCY_YEARS <= m < t and m - self.origin >= 0]
        if not earlier:
            return nan, nan
        hits = self.met[:, [m - self.origin for m in earlier]].sum(axis=1)
        return hits / len(earlier), hits

    def _report_ratio(self, t: int) -> np.ndarray:
        out = np.full(len(self.items), np.nan)
        for i, item in self._reported:
            months = [m for m in self.report_months[item] if m < t]
            if len(months) >= 2:
                cycle = float(np.median(np.diff(months[-6:])))
                if cycle > 0:
                    out[i] = (t - months[-1]) / cycle
        return out


def index_moy(t: int) -> int:
    return t % 12 + 1


def build(history: History, targets: list[int], presidencies: dict,
          record: Record | None = None) -> Panel:
    """Feature rows for every candidate item of every target month; y is known up to the as-of month.

    `presidencies` maps month index -> (state, name) or None (unknown)."""
    last = max(targets)
    record = record or Record(history, last)
    complete = month_index(history.as_of) - (0 if _is_month_end(history.as_of) else 1)
    Xs, items, months, ys = [], [], [], []
    for t in targets:
        if record.col(t) - 1 < 0:
            continue
        n36 = record._count(record.met_cum, t, WINDOW)
        cand = np.flatnonzero(n36 > 0)
        if not len(cand):
            continue
        Xs.append(record.month_features(t, presidencies)[cand])
        items.append(cand)
        months.append(np.full(len(cand), t))
        if t <= complete and record.col(t) < record.met.shape[1]:
            ys.append(record.met[cand, record.col(t)].astype(np.float64))
        else:
            ys.append(np.full(len(cand), np.nan))
    if not Xs:
        empty = np.zeros((0, len(FEATURES)))
        return Panel(record.items, np.zeros(0, int), np.zeros(0, int), empty, np.zeros(0))
    return Panel(record.items, np.concatenate(items), np.concatenate(months), np.vstack(Xs), np.concatenate(ys))


def _is_month_end(d) -> bool:
    from datetime import timedelta

    return (d + timedelta(days=1)).day == 1
