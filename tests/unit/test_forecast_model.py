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


@pytest.fixture(autouse=True)
def private_model_cache(tmp_path, monkeypatch):
    """Fitted models go to a private cache directory, and none is remembered from another test."""
    monkeypatch.setenv("COUNCILWATCH_CACHE", str(tmp_path / "cache"))
    model.clear_memory()


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


def test_numpy_trees_give_scikit_learns_probabilities():
    import numpy as np
    from sklearn.ensemble import HistGradientBoostingClassifier

    rng = np.random.default_rng(0)
    X = rng.normal(size=(3000, 6))
    X[rng.random(X.shape) < 0.1] = np.nan  # missing values take the learned side of each split
    y = ((np.nan_to_num(X[:, 0]) + np.nan_to_num(X[:, 1]) * np.nan_to_num(X[:, 2])) > 0.3).astype(float)
    clf = HistGradientBoostingClassifier(early_stopping=False, random_state=0, **model.PARAMS).fit(X, y)
    Xt = rng.normal(size=(500, 6))
    Xt[rng.random(Xt.shape) < 0.1] = np.nan
    np.testing.assert_allclose(model.Trees.of(clf).predict(Xt), clf.predict_proba(Xt)[:, 1], rtol=1e-9, atol=1e-12)


def test_training_cut_is_january_unless_the_as_of_day_knows_less():
    june = month_index(date(2016, 6, 1))
    jan = month_index(date(2016, 1, 1))
    assert model.training_cut(june, date(2016, 5, 31)) == jan
    assert model.training_cut(jan, date(2015, 12, 31)) == jan  # December 2015 is known in full
    assert model.training_cut(june, date(2015, 11, 14)) == month_index(date(2015, 11, 1))  # November is not


def test_model_digest_reads_only_the_record_before_the_cut():
    cut = month_index(date(2016, 1, 1))
    a = model.digest(history(date(2016, 5, 31)), cut, {})
    assert model.digest(history(date(2016, 9, 30)), cut, {}) == a  # months after the cut: same model
    older = history(date(2016, 5, 31))
    older.meeting_months["monthly"].discard(cut - 5)
    assert model.digest(older, cut, {}) != a
    assert model.digest(history(date(2016, 5, 31)), cut, {cut - 2: ("RUS", "Russian Federation")}) != a


def test_a_forecast_reads_its_model_back_from_the_cache_directory(monkeypatch):
    h = history(date(2016, 8, 31))
    sept = month_index(date(2016, 9, 1))
    first = fc.compose(h, sept, {})
    model.clear_memory()
    monkeypatch.setattr(model, "fit", lambda *a: pytest.fail("fitted again"))
    assert fc.compose(h, sept, {})["items"] == first["items"]
