"""Commands that forecast the Council's programme and replay the forecaster on the past."""

from __future__ import annotations

import click

from councilwatch.cli import cli
from councilwatch.cli.output import db_option, emit, format_option


def _kb(db: str | None):
    from councilwatch.api import KnowledgeBase

    return KnowledgeBase.open(db)


@cli.command()
@click.argument("month")
@click.option("--as-of", "as_of", metavar="YYYY-MM-DD",
              help="Use only facts dated on or before this day (default: the last day of the previous month).")
@click.option("--all", "show_all", is_flag=True, help="Also list the possible items (probability below the threshold).")
@format_option(("table", "json", "md"))
@db_option
def forecast(month: str, as_of: str | None, show_all: bool, fmt: str, db: str | None) -> None:
    """Which agenda items the Council will take up in MONTH (YYYY-MM), how likely, and why.

    \b
    The model learns each item's rhythm, mandate renewals, recurring debates
    and the presiding member's habits from the meetings in the knowledge base
    (import them first: councilwatch import dhl-meetings DIR), using nothing
    dated after --as-of. Items whose probability reaches the model's threshold
    (chosen once on the 2011-2014 backtest) are the forecast; --all adds the
    possible ones. A month the record does not reach is refused, saying what
    is missing.

    \b
    The model is fitted once per year of forecasts and kept in the cache
    directory (COUNCILWATCH_CACHE); it is fitted again whenever the record it
    learnt from changes. The first forecast of a year takes a few seconds.

    \b
    Examples:
      councilwatch forecast 2019-01
      councilwatch forecast 2018-06 --as-of 2018-05-15 --format json
      councilwatch forecast 2018-10 --format md
    """
    from councilwatch.forecast import forecast_month

    result = forecast_month(_kb(db), month, as_of)
    if fmt == "json":
        emit(result, "json")
        return
    if fmt == "md":
        click.echo(markdown(result, show_all))
        return
    rows = result["items"] + (result["possible"] if show_all else [])
    table = [{"probability": f"{r['probability']:.2f}", "agenda_item": r["agenda_item"], "title": r["title"],
              "expected": ", ".join(r["expected"]), "outcomes": ", ".join(r["outcomes"]),
              "why": "; ".join(r["reasons"][:2])} for r in rows]
    p = result["presidency"]
    title = f"Forecast for {result['month']} as of {result['as_of']} (threshold {result['threshold']})"
    if p:
        title += f"; presidency: {p['name']}"
    emit(table, "table", ["probability", "agenda_item", "title", "expected", "outcomes", "why"], title=title)


def markdown(result: dict, show_all: bool = False) -> str:
    """The forecast as a Monthly-Forecast-style Markdown list (text from the record escaped for Markdown)."""
    import calendar

    def esc(text: str) -> str:
        return "".join("\\" + c if c in "\\`*_[]<>#|" else c for c in str(text))

    y, m = int(result["month"][:4]), int(result["month"][5:])
    lines = [f"# {calendar.month_name[m]} {y}: the Council's expected programme", "",
             f"As of {result['as_of']}; items at or above probability {result['threshold']}."]
    p = result["presidency"]
    if p:
        lines += ["", f"Presidency: {esc(p['name'])}."]
        for e in p.get("signature_events", []):
            lines.append(f"- Earlier presidencies took up {esc(e['title'])} ({', '.join(e['months'])}).")
    sections = [("Expected", result["items"])] + ([("Possible", result["possible"])] if show_all else [])
    for heading, rows in sections:
        lines += ["", f"## {heading}", ""]
        for r in rows:
            lines.append(f"- **{esc(r['title'])}** ({r['probability']:.0%}): "
                         f"{esc(', '.join(r['expected']))}; outcome: {esc(', '.join(r['outcomes']))}.")
            lines += [f"  - {esc(reason)}" for reason in r["reasons"]]
        if not rows:
            lines.append("(none)")
    return "\n".join(lines)


@cli.command()
@click.option("--from", "first", required=True, metavar="YYYY-MM", help="First month to forecast.")
@click.option("--to", "last", required=True, metavar="YYYY-MM", help="Last month to forecast.")
@format_option(("table", "json"))
@db_option
def backtest(first: str, last: str, fmt: str, db: str | None) -> None:
    """Replay the forecaster on FROM..TO and score it against the meetings really held.

    \b
    Each month is forecast as of the last day of the month before, then
    compared with the agenda items that had a meeting that month: precision,
    recall, F1 (micro over months: summed true positives, predictions and
    actual items) and the Brier score of the probabilities over every item that
    met in the previous 36 months. Three baselines are scored on the same
    items: last month's items, the same month a year earlier, and items that
    met in at least 4 of the last 12 months.

    \b
    The table prints each month, then the totals of the model and of the
    baselines; --format json adds the items predicted and met each month.
    Every month to --to must be in the record (the tables end in 2018), and
    the forecaster needs five years of record before --from.

    \b
    Examples:
      councilwatch backtest --from 2015-01 --to 2018-12
      councilwatch backtest --from 2011-01 --to 2014-12 --format json
    """
    from councilwatch.forecast import backtest as run

    result = run(_kb(db), first, last)
    if fmt == "json":
        emit(result, "json")
        return
    cols = ["precision", "recall", "f1", "brier"]
    rows = [{"month": m["month"], "predicted": len(m["predicted"]), "actual": len(m["actual"]),
             **{k: m[k] for k in cols}} for m in result["months"]]
    emit(rows, "table", ["month", "predicted", "actual", *cols],
         title=f"Backtest {result['from']}..{result['to']}: the model per month (threshold {result['threshold']})")
    totals = [{"forecaster": "model", **{k: result["total"][k] for k in ("predicted", "actual", *cols)}}]
    totals += [{"forecaster": name, **{k: b[k] for k in ("predicted", "actual", *cols)}}
               for name, b in result["baselines"].items()]
    emit(totals, "table", ["forecaster", "predicted", "actual", *cols],
         title="Total (micro over months), model and baselines")
