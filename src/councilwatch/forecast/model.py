"""The forecaster: gradient-boosted trees over features.py, fitted once a year and kept on disk.

A forecast of month t uses a model fitted on the (item, month) rows of the 12
years before its *training cut*: January of t's year, or the first month the
as-of date does not know in full if that is earlier. One model therefore serves
every month of a year (refitting monthly scored the same on the 2011-2014
validation backtest at twelve times the cost; docs/forecasting.md). A fitted
model is kept in memory and in the cache directory under a digest of everything
it was fitted from (the record before the cut, the presidencies, the code of
features.py and this module), so a changed store or changed code never reuses it.

Hyperparameters and the threshold were chosen once, on the validation backtest
2011-01..2014-12, and are not tuned per month.
"""

from __future__ import annotations

import hashlib
import os
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from councilwatch.forecast.features import Panel
from councilwatch.forecast.history import History, month_index

PARAMS = {"max_iter": 60, "learning_rate": 0.15, "max_leaf_nodes": 8, "min_samples_leaf": 40,
          "l2_regularization": 1.0}
TRAIN_YEARS = 12  # the Council's habits change: older months teach the wrong rhythm
THRESHOLD = 0.3  # micro-F1 optimum on the 2011-2014 validation backtest (docs/forecasting.md)
POSSIBLE = 0.15  # items from here up to the threshold are listed as possible
KEEP_ON_DISK = 64  # fitted models kept in the cache directory (newest used)

_MEMORY: OrderedDict[str, Fitted] = OrderedDict()
_MEMORY_SIZE = 16


@dataclass
class Trees:
    """A fitted HistGradientBoostingClassifier as plain arrays, predicted with numpy.

    Importing scikit-learn costs more than a whole forecast (seconds on a busy
    machine), so a model read from the cache predicts without it; the unit tests
    check that the probabilities equal scikit-learn's own.
    """

    baseline: float
    feature: list[np.ndarray]  # per tree, per node
    threshold: list[np.ndarray]
    missing_left: list[np.ndarray]
    left: list[np.ndarray]
    right: list[np.ndarray]
    leaf: list[np.ndarray]
    value: list[np.ndarray]

    @classmethod
    def of(cls, clf) -> Trees:
        nodes = [stage[0].nodes for stage in clf._predictors]  # binary: one tree per iteration
        if any(n["is_categorical"].any() for n in nodes):
            raise ValueError("categorical splits are not supported")
        return cls(float(np.ravel(clf._baseline_prediction)[0]),
                   *([n[f].astype(t) for n in nodes] for f, t in (
                       ("feature_idx", np.intp), ("num_threshold", np.float64), ("missing_go_to_left", bool),
                       ("left", np.intp), ("right", np.intp), ("is_leaf", bool), ("value", np.float64))))

    def raw(self, X: np.ndarray) -> np.ndarray:
        out = np.full(len(X), self.baseline)
        rows = np.arange(len(X))
        for f, thr, miss, lft, rgt, leaf, val in zip(self.feature, self.threshold, self.missing_left, self.left,
                                                      self.right, self.leaf, self.value):
            node = np.zeros(len(X), np.intp)
            active = ~leaf[node]
            while active.any():
                n = node[active]
                x = X[rows[active], f[n]]
                go_left = np.where(np.isnan(x), miss[n], x <= thr[n])
                node[active] = np.where(go_left, lft[n], rgt[n])
                active = ~leaf[node]
            out += val[node]
        return out

    def predict(self, X: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-self.raw(X)))


@dataclass
class Fitted:
    trees: Trees | None  # None: training rows had one outcome only
    dead: np.ndarray  # feature columns with no known value in training (set to 0)
    rows: int
    cut: int  # training rows are the months before this month index
    constant: float = 0.0  # the probability when there are no trees

    def predict(self, X: np.ndarray) -> np.ndarray:
        """Probability that each row's item meets in its month."""
        if not len(X) or self.trees is None:
            return np.full(len(X), self.constant)
        X = np.array(X, dtype=np.float64)
        X[:, self.dead] = 0
        return self.trees.predict(X)


def training_cut(t: int, as_of: date) -> int:
    """The month index training stops before, for forecasting month t as of `as_of`."""
    complete = month_index(as_of) + (1 if (as_of + timedelta(days=1)).day == 1 else 0)
    return min(t - (t % 12), complete)


def training_rows(panel: Panel, cut: int) -> np.ndarray:
    """Rows of the TRAIN_YEARS before `cut` whose outcome is known."""
    return (panel.month < cut) & (panel.month >= cut - 12 * TRAIN_YEARS) & np.isfinite(panel.y)


def digest(h: History, cut: int, presidencies: dict) -> str:
    """Fingerprint of everything a model for `cut` is fitted from: code, parameters, record and presidencies before it."""
    from councilwatch.forecast import features

    md = hashlib.blake2b(digest_size=16)
    for f in (Path(features.__file__), Path(__file__)):
        md.update(f.read_bytes())
    md.update(repr((PARAMS, TRAIN_YEARS, cut)).encode())
    for item in h.items:
        months = [m for m in h.meeting_months[item] if m < cut]
        if not months:
            continue
        md.update(item.encode())
        md.update(np.asarray(sorted(months), dtype=np.int64).tobytes())
        md.update(repr([(o["date"].isoformat(), o["kind"]) for o in h.outcomes.get(item, ())
                        if month_index(o["date"]) < cut]).encode())
        md.update(repr([r["date"].isoformat() for r in h.reports.get(item, ()) if month_index(r["date"]) < cut]).encode())
    # The presidencies training rows can read (features.PRESIDENCY_YEARS before the oldest row), whatever the
    # caller fetched: the backtest and a single forecast then share their models.
    oldest = cut - 12 * (TRAIN_YEARS + features.PRESIDENCY_YEARS) - 1
    md.update(repr(sorted((m, p[0] if p else None) for m, p in presidencies.items() if oldest <= m < cut)).encode())
    return md.hexdigest()


def fit(panel: Panel, cut: int) -> Fitted:
    """A model fitted on the panel's rows before `cut`."""
    from sklearn.ensemble import HistGradientBoostingClassifier
    from threadpoolctl import threadpool_limits

    rows = training_rows(panel, cut)
    X, y = panel.X[rows].copy(), panel.y[rows]
    dead = ~np.isfinite(X).any(axis=0) if len(X) else np.ones(panel.X.shape[1], bool)
    X[:, dead] = 0
    if len(np.unique(y)) < 2:
        return Fitted(None, dead, int(rows.sum()), cut, float(y[0]) if len(y) else 0.0)
    # early_stopping would hold out a random validation split: results must not depend on chance.
    clf = HistGradientBoostingClassifier(early_stopping=False, random_state=0, **PARAMS)
    # One thread: on a small shared machine OpenMP threads fight each other (4 s a fit instead of 0.4 s).
    with threadpool_limits(limits=1):
        clf.fit(X, y)
    return Fitted(Trees.of(clf), dead, int(rows.sum()), cut)


_FIELDS = ("feature", "threshold", "missing_left", "left", "right", "leaf", "value")


def _arrays(fitted: Fitted) -> dict[str, np.ndarray]:
    """A fitted model as flat numpy arrays (trees concatenated, with their sizes): a file of plain numbers that
    loads without pickle."""
    out = {"dead": fitted.dead, "meta": np.array([fitted.rows, fitted.cut], np.int64),
           "constant": np.array([fitted.constant], np.float64)}
    if fitted.trees is not None:
        t = fitted.trees
        out["baseline"] = np.array([t.baseline], np.float64)
        out["sizes"] = np.array([len(a) for a in t.feature], np.int64)
        for name in _FIELDS:
            out[name] = np.concatenate(getattr(t, name)) if t.feature else np.zeros(0)
    return out


def _fitted(data) -> Fitted:  # noqa: ANN001 - an NpzFile
    trees = None
    if "baseline" in data:
        cuts = np.cumsum(data["sizes"])[:-1]
        trees = Trees(float(data["baseline"][0]), *(list(np.split(data[name], cuts)) for name in _FIELDS))
    rows, cut = (int(v) for v in data["meta"])
    return Fitted(trees, data["dead"].astype(bool), rows, cut, float(data["constant"][0]))


def cached(key: str) -> Fitted | None:
    """The model fitted under `key`, from memory or the cache directory; None when there is none."""
    if key in _MEMORY:
        _MEMORY.move_to_end(key)
        return _MEMORY[key]
    path = _path(key)
    if path is None or not path.exists():
        return None
    try:
        with np.load(path, allow_pickle=False) as data:
            fitted = _fitted(data)
    except Exception:  # noqa: BLE001 - a truncated or stale file is refitted, not an error
        return None
    _remember(key, fitted)
    return fitted


def store(key: str, fitted: Fitted) -> None:
    """Keep a fitted model in memory and, when the cache directory is writable, on disk."""
    _remember(key, fitted)
    path = _path(key)
    if path is None:
        return
    try:
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as f:  # a file object: np.savez would add ".npz" to a name
            np.savez(f, **_arrays(fitted))
        tmp.replace(path)  # atomic: a concurrent reader sees the whole file or none
        old = sorted(path.parent.glob("*.npz"), key=lambda p: p.stat().st_mtime, reverse=True)[KEEP_ON_DISK:]
        for p in old:
            p.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only cache costs a refit next time, nothing else


def fitted_for(h: History, cut: int, presidencies: dict, panel: Callable[[], Panel]) -> Fitted:
    """The model for training cut `cut`: cached when the record before the cut is unchanged, else fitted on
    `panel()` (called only then: building the training rows is half the cost of a fit)."""
    key = digest(h, cut, presidencies)
    found = cached(key)
    if found is None:
        found = fit(panel(), cut)
        store(key, found)
    return found


def _remember(key: str, fitted: Fitted) -> None:
    _MEMORY[key] = fitted
    while len(_MEMORY) > _MEMORY_SIZE:
        _MEMORY.popitem(last=False)


def _path(key: str) -> Path | None:
    from councilwatch import config

    try:
        folder = config.cache_dir() / "forecast-models"
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder / f"{key}.npz"


def clear_memory() -> None:
    """Forget the models held in memory (the benchmark's cold runs; the disk cache stays)."""
    _MEMORY.clear()
