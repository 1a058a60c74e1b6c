"""One month's forecast as the JSON the CLI, the web app and the briefs read."""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from datetime import date

import numpy as np

from councilwatch.dates import month_bounds, month_text, parse_day, parse_month
from councilwatch.errors import BadDate, MissingData
from councilwatch.forecast import explain, features, history, model

MIN_HISTORY_MONTHS = 60  # five years of record before the first month forecast
_CACHE: OrderedDict = OrderedDict()  # (store url, as_of, month, digest of the history) -> result
_CACHE_SIZE = 64


def check_coverage(h: history.History, month: str) -> None:
    """Refuse a forecast the record cannot support, saying what is missing (`h` needs only as_of and coverage)."""
    if h.first is None or h.covered_until is None:
        raise MissingData("no Council meetings record in the knowledge base; import the meeting tables first "
                          "(councilwatch import dhl-meetings ../shared/data/unsc_meetings_dhl/raw_html)")
    if h.covered_until < h.as_of:
        raise MissingData(f"no meetings known after {h.covered_until.isoformat()}; forecasting {month} as of "
                          f"{h.as_of.isoformat()} needs the meetings up to that day: run councilwatch sync "
                          f"or import newer tables")
    if history.month_index(h.as_of) - history.month_index(h.first) < MIN_HISTORY_MONTHS:
        raise MissingData(f"too little record before {h.as_of.isoformat()} to learn from: meetings are known "
                          f"from {h.first.isoformat()}, the forecaster needs {MIN_HISTORY_MONTHS // 12} years")


def resolve_as_of(month: str, as_of: date | str | None) -> tuple[int, int, date]:
    year, mon = parse_month(month)
    first, _ = month_bounds(year, mon)
    if as_of is None:
        day = explain.default_as_of(year, mon)
    else:
        day = as_of if isinstance(as_of, date) else parse_day(as_of)
    if day >= first:
        raise BadDate(f"--as-of {day.isoformat()} is not before {month_text(year, mon)}: a forecast uses only "
                      f"what was known before the month begins")
    return year, mon, day


def _digest(h: history.History) -> str:
    md = hashlib.blake2b(digest_size=12)
    for item in h.items:
        md.update(item.encode())
        md.update(np.asarray(sorted(h.meeting_months[item])).tobytes())
        md.update(repr([(o["date"], o["kind"], o["symbol"]) for o in h.outcomes.get(item, ())]).encode())
        md.update(repr(h.titles.get(item)).encode())
        md.update(repr([(r["date"], r["symbol"]) for r in h.reports.get(item, ())]).encode())
        md.update(repr(sorted(h.kinds.get(item, {}).items())).encode())
    return md.hexdigest()


def predict(h: history.History, t: int, presidencies: dict, panel: features.Panel | None = None,
            record: features.Record | None = None, as_of: date | None = None):
    """(panel, rows of month t, probabilities) with the model of t's training cut (model.training_cut).

    `panel`, when given, must hold month t and the training months (the backtest builds one for all);
    `as_of` is the day the forecast is made (default: the history's)."""
    cut = model.training_cut(t, as_of or h.as_of)
    first = cut - 12 * model.TRAIN_YEARS
    if panel is None:
        record = record or features.Record(h, t)
        panel = features.build(h, [t], presidencies, record)
        training = lambda: features.build(h, list(range(first, cut)), presidencies, record)
    else:
        training = lambda: panel
    fitted = model.fitted_for(h, cut, presidencies, training)
    rows = np.flatnonzero(panel.month == t)
    return panel, rows, fitted.predict(panel.X[rows])


def forecast_month(kb, month: str, as_of: date | str | None = None) -> dict:
    """The agenda items the Council is expected to take up in MONTH (YYYY-MM), from facts up to `as_of`."""
    year, mon, day = resolve_as_of(month, as_of)
    month = month_text(year, mon)
    with kb.store.query() as conn:
        # The cheap coverage check first: a month past the record is refused without loading it.
        known = history.History(as_of=day)
        known.first, known.last, known.covered_until = history.coverage(conn, day)
        check_coverage(known, month)
        h = history.load(conn, day)
        t = history.month_index(date(year, mon, 1))
        first = model.training_cut(t, day) - 12 * (model.TRAIN_YEARS + features.PRESIDENCY_YEARS) - 1
        presidencies = history.presidencies(conn, first, t)
    key = (kb.store.url, day, month, _digest(h))
    if key in _CACHE:
        _CACHE.move_to_end(key)
        return _copy(_CACHE[key])
    result = compose(h, t, presidencies)
    _CACHE[key] = result
    while len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return _copy(result)


def _copy(result: dict) -> dict:
    import copy

    return copy.deepcopy(result)


def compose(h: history.History, t: int, presidencies: dict) -> dict:
    panel, rows, probs = predict(h, t, presidencies)
    titles = {item: title for item, (_, title) in h.titles.items()}
    pres = presidencies.get(t)
    items, possible = [], []
    for r, p in sorted(zip(rows, probs), key=lambda rp: (-rp[1], panel.items[panel.item[rp[0]]])):
        item = panel.items[panel.item[r]]
        x = panel.X[r]
        if p < model.POSSIBLE:
            continue
        outcomes = explain.expected_outcomes(h, item, t, x)
        entry = {
            "agenda_item": item, "title": titles.get(item, item), "probability": round(float(p), 3),
            "expected": explain.expected_kinds(h, item, outcomes), "outcomes": outcomes,
            "reasons": explain.reasons(h, item, t, x, pres),
            "documents_due": explain.documents_due(h, item, t),
            "mandates_expiring": explain.mandates_expiring(h, item, t),
        }
        (items if p >= model.THRESHOLD else possible).append(entry)
    presidency = None
    if pres is not None:
        presidency = {"state": pres[0], "name": pres[1],
                      "signature_events": explain.signature_events(h, t, presidencies, titles)}
    return {"month": history.index_text(t), "as_of": h.as_of.isoformat(), "threshold": model.THRESHOLD,
            "presidency": presidency, "items": items, "possible": possible,
            "record": {"first_meeting": h.first.isoformat(), "last_meeting": h.last.isoformat(),
                       "covered_until": h.covered_until.isoformat()}}
