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
CHUNK = 48  # target months whose features are computed together (bounds memory: months × items × features)

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
        # float64 throughout: a feature must come out the same however the target months are batched.
        self.met = np.zeros((len(self.items), span), dtype=np.float64)
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
        self.met_cum = np.concatenate([np.zeros((len(self.items), 1), np.float64), np.cumsum(self.met, axis=1)], axis=1)
        self.res_cum = np.concatenate([np.zeros((len(self.items), 1), np.float64), np.cumsum(self.res, axis=1)], axis=1)
        self.prst_cum = np.concatenate([np.zeros((len(self.items), 1), np.float64), np.cumsum(self.prst, axis=1)], axis=1)
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
            return np.zeros(mat.shape[0], np.float64)
        return mat[:, c]

    def _count(self, cum: np.ndarray, t: int, k: int) -> np.ndarray:
        """Sum over the k months before t."""
        c = self.col(t)
        return cum[:, c] - cum[:, max(c - k, 0)]

    def month_features(self, t: int, presidencies: dict) -> np.ndarray:
        """The feature matrix (items × FEATURES) for target month t."""
        return self.months_features([t], presidencies)[0]

    def months_features(self, targets: list[int], presidencies: dict, rows: np.ndarray | None = None) -> np.ndarray:
        """Feature matrices (months × items × FEATURES) for several target months at once, for the items
        `rows` (indices into self.items; default all): one numpy operation per feature for all the months,
        not one per month (building a year's training rows month by month cost more than fitting)."""
        c = np.asarray([self.col(t) for t in targets], dtype=np.intp)
        rows = np.arange(len(self.items)) if rows is None else np.asarray(rows, dtype=np.intp)
        all_met = self.met
        mats = {name: getattr(self, name)[rows] for name in (
            "met", "res", "prst", "met_cum", "res_cum", "prst_cum", "last_met", "last_res", "first_met")}
        n_items, span = len(rows), all_met.shape[1]

        def at(mat: np.ndarray, k: int) -> np.ndarray:  # items × months: the value k months before
            cols = c - k
            ok = (cols >= 0) & (cols < span)
            return np.where(ok, mat[:, np.clip(cols, 0, span - 1)], 0)

        def count(cum: np.ndarray, k: int) -> np.ndarray:  # items × months: the sum over the k months before
            return cum[:, c] - cum[:, np.maximum(c - k, 0)]

        met = lambda k: at(mats["met"], k)
        res = lambda k: at(mats["res"], k) > 0
        n36 = count(mats["met_cum"], 36)
        since = np.minimum(c - mats["last_met"][:, c - 1], 120)
        rate36 = n36 / 36.0
        spacing = np.where(n36 > 0, 36.0 / np.maximum(n36, 1), np.nan)
        same = np.stack([met(12 * y) for y in range(1, 11)])
        renewal = np.zeros((n_items, len(c)), bool)
        for p in RENEWAL_PERIODS:
            renewal |= res(p) & res(2 * p)
        pres = [self._presidency(t, presidencies, mats["met"]) for t in targets]
        pres_rate = np.column_stack([r for r, _ in pres])
        pres_hits = np.column_stack([h for _, h in pres])
        cycles = [np.mean([met(k * p) for k in range(1, 36 // p + 1)], axis=0) for p in CYCLES]
        full = lambda v: np.broadcast_to(np.asarray(v, dtype=np.float64), (n_items, len(c)))
        cols = [met(k) for k in range(1, 13)] + [met(24), met(36)] + [
            count(mats["met_cum"], 3), count(mats["met_cum"], 12), n36, *cycles, np.max(cycles, axis=0), since,
            np.minimum(c - mats["first_met"][:, None], 240), since / spacing,
            same[:5].mean(axis=0), same.sum(axis=0),
            res(12), res(11) | res(12) | res(13), res(6), res(4), res(3), res(1), renewal,
            count(mats["res_cum"], 12), np.minimum(c - mats["last_res"][:, c - 1], 120),
            at(mats["prst"], 12) > 0, count(mats["prst_cum"], 12),
            np.column_stack([self._report_ratio(t)[rows] for t in targets]), pres_rate, pres_hits, pres_rate - rate36,
            full([index_moy(t) for t in targets]), full(all_met[:, c - 1].sum(axis=0)),  # all items, not `rows`
        ]
        return np.stack([np.asarray(x, dtype=np.float64) for x in cols], axis=-1).transpose(1, 0, 2)

    def _presidency(self, t: int, presidencies: dict, met: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        state = presidencies.get(t)
        nan = np.full(len(met), np.nan)
        if state is None:
            return nan, nan  # before the curated record: the presidency is unknown, not "nobody"
        earlier = [m for m, s in presidencies.items()
                   if s is not None and s[0] == state[0] and t - 12 * PRESIDENCY_YEARS <= m < t and m - self.origin >= 0]
        if not earlier:
            return nan, nan
        hits = met[:, [m - self.origin for m in earlier]].sum(axis=1)
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
    usable = [t for t in targets if record.col(t) - 1 >= 0]
    for start in range(0, len(usable), CHUNK):
        chunk = usable[start:start + CHUNK]
        # Only the candidates (items that met in the WINDOW months before): a tenth of all items.
        cands = [np.flatnonzero(record._count(record.met_cum, t, WINDOW) > 0) for t in chunk]
        union = np.unique(np.concatenate(cands))
        feats = record.months_features(chunk, presidencies, union)
        for t, F, cand in zip(chunk, feats, cands):
            if not len(cand):
                continue
            Xs.append(F[np.searchsorted(union, cand)])
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
