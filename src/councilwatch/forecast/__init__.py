"""What the Council will take up next month, and how well that was foretold in the past.

    >>> from councilwatch.forecast import forecast_month
    >>> forecast_month(kb, "2019-01")["items"][0]["agenda_item"]
    'middle-east'

`forecast_month` reads only facts dated on or before the as-of date (default:
the last day of the previous month); `backtest` replays that month by month.
See docs/forecasting.md for the model.
"""

from __future__ import annotations

from councilwatch.forecast.backtest import backtest
from councilwatch.forecast.forecast import forecast_month

__all__ = ["backtest", "forecast_month"]
