"""The model on a synthetic record: it learns rhythms, and its output has the documented shape."""

from __future__ import annotations

from datetime import date

import pytest

from councilwatch.errors import BadDate, MissingData
from councilwatch.forecast import forecast as fc
from councilwatch.forecast import model
from councilwatch.forecast.history import month_index
from tests.unit.test_forecast_features import make_history

ANNUAL_OCT = list(range(9, 240, 12))


def history(as_of: date):
    return make_history(as_of, {"quarterly": [k for k in range(2, 240, 3)], "monthly": list(range(240)),
                                "october-debate": ANNUAL_OCT},
                        {"quarterly": list(range(5, 240, 12))})


def test_regular_items_are_expected_in_their_months_only():
    h = history(date(2016, 8, 31))
    sept = month_index(date(2016, 9, 1))
    out = fc.compose(h, sept, {})
    expected = {i["agenda_item"]: i for i in out["items"]}
    assert {"quarterly", "monthly"} <= set(expected)
    assert "october-debate" not in expected
    oct_out = fc.compose(history(date(2016, 9, 30)), sept + 1, {})
    names = {i["agenda_item"] for i in oct_out["items"]}
    assert "october-debate" in names and "quarterly" not in names
    debate = next(i for i in oct_out["items"] if i["agenda_item"] == "october-debate")
    assert any("October in 10 of the last 10 years" in r for r in debate["reasons"])


def test_output_shape_and_threshold():
    h = history(date(2016, 5, 31))
    june = month_index(date(2016, 6, 1))
    out = fc.compose(h, june, {})
    assert out["month"] == "2016-06" and out["as_of"] == "2016-05-31" and out["threshold"] == model.THRESHOLD
    for item in out["items"]:
        assert item["probability"] >= model.THRESHOLD
        assert set(item) >= {"agenda_item", "title", "probability", "expected", "outcomes", "reasons", "documents_due"}
    for item in out["possible"]:
        assert model.POSSIBLE <= item["probability"] < model.THRESHOLD
    quarterly = next(i for i in out["items"] if i["agenda_item"] == "quarterly")
    assert "resolution" in quarterly["outcomes"] and "adoption" in quarterly["expected"]
    assert quarterly["mandates_expiring"][0]["due"] == "2016-06"


def test_as_of_must_precede_the_month():
    assert fc.resolve_as_of("2019-06", None)[2] == date(2019, 5, 31)
    with pytest.raises(BadDate, match="not before 2019-06"):
        fc.resolve_as_of("2019-06", "2019-06-03")
    with pytest.raises(BadDate):
        fc.resolve_as_of("June", None)


def test_coverage_errors_say_what_is_missing():
    h = history(date(2016, 5, 31))
    h.covered_until = date(2015, 12, 31)
    with pytest.raises(MissingData, match="no meetings known after 2015-12-31"):
        fc.check_coverage(h, "2016-06")
    h.first = None
    with pytest.raises(MissingData, match="import"):
        fc.check_coverage(h, "2016-06")
