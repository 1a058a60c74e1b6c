"""Three plain rules the model must beat, scored on the same months and items."""

from __future__ import annotations

from collections.abc import Callable

# name -> rule(months in which the item met, target month) -> predicted?
BASELINES: dict[str, Callable[[set[int], int], bool]] = {
    "last_month": lambda met, t: t - 1 in met,
    "same_month_last_year": lambda met, t: t - 12 in met,
    "frequent_4_of_12": lambda met, t: sum(1 for k in range(1, 13) if t - k in met) >= 4,
}

DESCRIPTIONS = {
    "last_month": "the items that met the month before",
    "same_month_last_year": "the items that met in the same month a year earlier",
    "frequent_4_of_12": "the items that met in at least 4 of the last 12 months",
}


def predict(name: str, meeting_months: dict[str, set[int]], t: int) -> set[str]:
    """The items a baseline predicts for month t."""
    rule = BASELINES[name]
    return {item for item, met in meeting_months.items() if rule(met, t)}
