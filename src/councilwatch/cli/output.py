"""Output shared by every command: --format table|json|csv behaves the same everywhere."""

from __future__ import annotations

import csv
import json
import sys
from datetime import date, datetime
from typing import Any, Iterable

import click

FORMATS = ("table", "json", "csv")


def format_option(choices: Iterable[str] = FORMATS, default: str = "table"):
    return click.option(
        "--format", "fmt", type=click.Choice(list(choices)), default=default, show_default=True,
        help="Output format.",
    )


def db_option(f):
    return click.option(
        "--db", envvar="COUNCILWATCH_DB", metavar="PATH|URL",
        help="SQLite file or database URL (default: $COUNCILWATCH_DB, then the user data directory).",
    )(f)


def _plain(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return "; ".join(str(_plain(v)) for v in value)
    return "" if value is None else value


def _json_default(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def emit(data: Any, fmt: str, columns: list[str] | None = None, title: str | None = None) -> None:
    """Print rows (a list of dicts) or one object in the chosen format."""
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=_json_default))
        return
    rows = data if isinstance(data, list) else [data]
    columns = columns or (list(rows[0].keys()) if rows else [])
    if fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_plain(row.get(c)) for c in columns])
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_lines=False, header_style="bold")
    for c in columns:
        table.add_column(c.replace("_", " "), overflow="fold")
    for row in rows:
        table.add_row(*(str(_plain(row.get(c))) for c in columns))
    Console(soft_wrap=False).print(table)
    if not rows:
        click.echo("(none)")
