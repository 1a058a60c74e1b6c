"""The forecaster: gradient-boosted trees over features.py, refitted for every as-of date.

Hyperparameters and the threshold were chosen once, on the validation backtest
2011-01..2014-12 (docs/forecasting.md), and are not tuned per month.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from councilwatch.forecast.features import Panel

PARAMS = {"max_iter": 60, "learning_rate": 0.15, "max_leaf_nodes": 8, "min_samples_leaf": 40,
          "l2_regularization": 1.0}
TRAIN_YEARS = 12  # the Council's habits change: older months teach the wrong rhythm
THRESHOLD = 0.35  # micro-F1 optimum on the 2011-2014 validation backtest
POSSIBLE = 0.15  # items from here up to the threshold are listed as possible


@dataclass
class Fitted:
    classifier: object
    dead: np.ndarray  # feature columns with no known value in training (set to 0)
    rows: int

    def predict(self, X: np.ndarray) -> np.ndarray:
        """Probability that each row's item meets in its month."""
        from threadpoolctl import threadpool_limits

        if not len(X):
            return np.zeros(0)
        X = X.copy()
        X[:, self.dead] = 0
        if self.classifier is None:
            return np.zeros(len(X))
        with threadpool_limits(limits=1):
            return self.classifier.predict_proba(X)[:, 1]


def training_rows(panel: Panel, target: int) -> np.ndarray:
    """Rows of the months before `target` within the training window whose outcome is known."""
    return (panel.month < target) & (panel.month >= target - 12 * TRAIN_YEARS) & np.isfinite(panel.y)


def fit(panel: Panel, target: int) -> Fitted:
    """A model for forecasting month `target` from the rows before it."""
    from sklearn.ensemble import HistGradientBoostingClassifier
    from threadpoolctl import threadpool_limits

    rows = training_rows(panel, target)
    X, y = panel.X[rows].copy(), panel.y[rows]
    dead = ~np.isfinite(X).any(axis=0) if len(X) else np.ones(panel.X.shape[1], bool)
    X[:, dead] = 0
    if len(np.unique(y)) < 2:
        return Fitted(None, dead, int(rows.sum()))
    # early_stopping would hold out a random validation split: results must not depend on chance.
    clf = HistGradientBoostingClassifier(early_stopping=False, random_state=0, **PARAMS)
    # One thread: on a small shared machine OpenMP threads fight each other (4 s a fit instead of 0.4 s).
    with threadpool_limits(limits=1):
        clf.fit(X, y)
    return Fitted(clf, dead, int(rows.sum()))
