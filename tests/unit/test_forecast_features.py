"""Features read only the months before the target month; rhythms and renewals come out as a reader would count them."""

from __future__ import annotations

from datetime import date

import numpy as np

from councilwatch.forecast import baselines, features
from councilwatch.forecast.backtest import scores
from councilwatch.forecast.history import History, month_index

START = month_index(date(2000, 1, 1))


def make_history(as_of: date, items: dict[str, list[int]], resolutions: dict[str, list[int]] | None = None) -> History:
    """A History with meetings (month offsets from 2000-01) and resolutions, cut at as_of like history.load."""
    h = History(as_of=as_of)
    cut = month_index(as_of)
    for item, offsets in items.items():
        for k in offsets:
            if START + k <= cut:
                h.meeting_months[item].add(START + k)
                d = date(2000 + k // 12, k % 12 + 1, 15)
                h.titles[item] = (d, item.title())
                h.last_meeting[item] = d
    for item, offsets in (resolutions or {}).items():
        for k in offsets:
            if START + k <= cut:
                d = date(2000 + k // 12, k % 12 + 1, 20)
                h.outcomes[item].append({"date": d, "kind": "resolution", "symbol": f"S/RES/{k} ({d.year})"})
    h.first = date(2000, 1, 15)
    h.last = max(h.last_meeting.values(), default=h.first)
    h.covered_until = as_of
    return h


def col(name: str) -> int:
    return list(features.FEATURES).index(name)


QUARTERLY = list(range(2, 120, 3))  # March, June, September, December
MONTHLY = list(range(120))


def test_features_of_a_month_ignore_everything_from_that_month_on():
    t = START + 60
    early = make_history(date(2004, 12, 31), {"q": QUARTERLY, "m": MONTHLY})
    late = make_history(date(2009, 12, 31), {"q": QUARTERLY, "m": MONTHLY, "new": [70, 80]})
    a = features.build(early, [t], {})
    b = features.build(late, [t], {})
    assert [a.items[i] for i in a.item] == [b.items[i] for i in b.item] == ["m", "q"]
    np.testing.assert_array_equal(a.X, b.X)
    assert np.isnan(a.y).all()  # 2005-01 is after the as-of date: unknown, not "did not meet"
    assert b.y.tolist() == [1.0, 0.0]


def test_quarterly_rhythm_and_candidates():
    h = make_history(date(2009, 12, 31), {"q": QUARTERLY, "gone": [1, 2, 3]})
    march = START + 62  # 2005-03
    panel = features.build(h, [march, march + 1], {})
    rows = {(panel.items[i], m): x for i, m, x in zip(panel.item, panel.month, panel.X)}
    assert ("gone", march) not in rows  # silent for more than 36 months: not a candidate
    x = rows[("q", march)]
    assert x[col("cycle3")] == 1.0 and x[col("met_lag3")] == 1.0 and x[col("met_lag1")] == 0.0
    assert x[col("since_last")] == 3
    assert x[col("same_month_n10")] == 5  # March 2000-2004
    assert rows[("q", march + 1)][col("cycle3")] == 0.0


def test_renewal_due_needs_two_resolutions_one_period_apart():
    h = make_history(date(2009, 12, 31), {"unit": MONTHLY}, {"unit": [5, 17, 29]})  # every June
    panel = features.build(h, [START + 41, START + 40], {})
    by_month = dict(zip(panel.month, panel.X))
    assert by_month[START + 41][col("renewal_due")] == 1.0  # June 2003: June 2002 and June 2001
    assert by_month[START + 40][col("renewal_due")] == 0.0


def test_presidency_unknown_is_missing_not_zero():
    h = make_history(date(2009, 12, 31), {"q": QUARTERLY})
    t = START + 62
    unknown = features.build(h, [t], {t: None})
    assert np.isnan(unknown.X[0, col("pres_rate")])
    pres = {t - 15: ("RUS", "Russian Federation"), t - 30: ("RUS", "Russian Federation"), t: ("RUS", "Russian Federation")}
    known = features.build(h, [t], pres)
    # t-15 (2003-12) and t-30 (2002-09) are both quarter months: the item met in both.
    assert known.X[0, col("pres_hits")] == 2 and known.X[0, col("pres_rate")] == 1.0


def test_baselines_and_micro_scores():
    met = {"a": {START + 11, START}, "b": {START + 8, START + 9, START + 10, START + 11}, "c": {START + 11}}
    t = START + 12
    assert baselines.predict("last_month", met, t) == {"a", "b", "c"}
    assert baselines.predict("same_month_last_year", met, t) == {"a"}
    assert baselines.predict("frequent_4_of_12", met, t) == {"b"}
    assert scores(3, 4, 6) == {"precision": 0.75, "recall": 0.5, "f1": 0.6}
    assert scores(0, 0, 5)["f1"] == 0.0


def test_a_months_features_do_not_depend_on_the_months_built_with_it():
    h = make_history(date(2009, 12, 31), {"q": QUARTERLY, "m": MONTHLY, "late": list(range(50, 120, 5))},
                     {"q": [5, 17, 29, 41]})
    months = list(range(START + 40, START + 100))
    # Unknown presidencies (None) before month 70, known after: a batch mixes both.
    pres = {t: None if t < START + 70 else ("RUS", "Russian Federation") if t % 3 else ("FRA", "France")
            for t in months}
    together = features.build(h, months, pres)
    for t in (START + 40, START + 69, START + 70, START + 99):
        alone = features.build(h, [t], pres)
        rows = together.month == t
        np.testing.assert_array_equal(together.X[rows], alone.X)
        assert [together.items[i] for i in together.item[rows]] == [alone.items[i] for i in alone.item]
