"""Replay the forecaster month by month against what the Council really took up, beside three baselines.

Each month is forecast as of the last day of the month before, with a model
fitted only on the months before it: exactly what `forecast_month` gives for
that month and as-of date (features of a month read only earlier months, so one
panel built from the whole record serves every month; the leakage test checks).
"""

from __future__ import annotations

from datetime import date

import numpy as np

from councilwatch.dates import month_bounds, parse_month
from councilwatch.errors import BadDate, MissingData
from councilwatch.forecast import baselines, features, history, model
from councilwatch.forecast.forecast import MIN_HISTORY_MONTHS, predict


def scores(tp: int, predicted: int, actual: int) -> dict:
    precision = tp / predicted if predicted else 0.0
    recall = tp / actual if actual else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


class _Tally:
    def __init__(self) -> None:
        self.tp = self.predicted = self.actual = 0
        self.sq: list[float] = []

    def add(self, predicted: set[str], actual: set[str], sq: np.ndarray) -> dict:
        tp = len(predicted & actual)
        self.tp, self.predicted, self.actual = self.tp + tp, self.predicted + len(predicted), self.actual + len(actual)
        self.sq.extend(sq.tolist())
        return {**scores(tp, len(predicted), len(actual)), "brier": round(float(sq.mean()), 4) if len(sq) else None}

    def total(self) -> dict:
        return {**scores(self.tp, self.predicted, self.actual), "true_positives": self.tp,
                "predicted": self.predicted, "actual": self.actual,
                "brier": round(float(np.mean(self.sq)), 4) if self.sq else None}


def backtest(kb, first: str, last: str) -> dict:
    """Precision, recall, micro-F1 and Brier score per month FIRST..LAST (YYYY-MM) and in total, with baselines."""
    fy, fm = parse_month(first)
    ly, lm = parse_month(last)
    t0, t1 = history.month_index(date(fy, fm, 1)), history.month_index(date(ly, lm, 1))
    if t1 < t0:
        raise BadDate(f"--to {last} is before --from {first}")
    end = month_bounds(ly, lm)[1]
    with kb.store.query() as conn:
        h = history.load(conn, end)
        if h.first is None or h.covered_until is None:
            raise MissingData("no Council meetings record in the knowledge base; import the meeting tables first "
                              "(councilwatch import dhl-meetings ../shared/data/unsc_meetings_dhl/raw_html)")
        if h.covered_until < end:
            raise MissingData(f"no meetings known after {h.covered_until.isoformat()}; a backtest to {last} needs "
                              f"the meetings up to {end.isoformat()}: run councilwatch sync or import newer tables")
        if t0 - history.month_index(h.first) < MIN_HISTORY_MONTHS + 1:
            raise MissingData(f"too little record before {first} to learn from: meetings are known from "
                              f"{h.first.isoformat()}, the forecaster needs {MIN_HISTORY_MONTHS // 12} years")
        first_cut = model.training_cut(t0, month_bounds(*history.index_month(t0 - 1))[1])
        lo = first_cut - 12 * (model.TRAIN_YEARS + features.PRESIDENCY_YEARS) - 1
        presidencies = history.presidencies(conn, lo, t1)
    panel = features.build(h, list(range(first_cut - 12 * model.TRAIN_YEARS, t1 + 1)), presidencies)
    tally = _Tally()
    base_tally = {name: _Tally() for name in baselines.BASELINES}
    months = []
    for t in range(t0, t1 + 1):
        _, rows, probs = predict(h, t, presidencies, panel, as_of=month_bounds(*history.index_month(t - 1))[1])
        names = [panel.items[i] for i in panel.item[rows]]
        y = panel.y[rows]
        actual = {item for item, met in h.meeting_months.items() if t in met}
        predicted = {n for n, p in zip(names, probs) if p >= model.THRESHOLD}
        row = {"month": history.index_text(t), "predicted": sorted(predicted), "actual": sorted(actual),
               **tally.add(predicted, actual, (probs - y) ** 2)}
        for name, bt in base_tally.items():
            guess = baselines.predict(name, h.meeting_months, t)
            indicator = np.array([1.0 if n in guess else 0.0 for n in names])
            bt.add(guess, actual, (indicator - y) ** 2)
        months.append(row)
    return {"from": history.index_text(t0), "to": history.index_text(t1), "threshold": model.THRESHOLD,
            "months": months, "total": tally.total(),
            "baselines": {name: bt.total() for name, bt in base_tally.items()}}
