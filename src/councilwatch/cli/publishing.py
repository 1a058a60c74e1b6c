"""Commands that publish: one Monthly-Forecast entry, a whole month, the Atom feed of briefs."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from councilwatch.cli import cli
from councilwatch.cli.output import db_option

PUBLISH_FORMATS = ("md", "html", "pdf")


def _kb(db: str | None):
    from councilwatch.api import KnowledgeBase

    return KnowledgeBase.open(db)


def _write(data: str | bytes, fmt: str, output: str | None) -> None:
    if output:
        path = Path(output)
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
        click.echo(f"wrote {path} ({path.stat().st_size:,} bytes)", err=True)
        return
    if isinstance(data, bytes):
        if sys.stdout.isatty():
            raise click.UsageError(f"{fmt} output is binary: give -o PATH (or redirect stdout)")
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    click.echo(data, nl=False)


def _month(value: str) -> str:
    from councilwatch.dates import month_text, parse_month

    return month_text(*parse_month(value))


format_choice = click.option("--format", "fmt", type=click.Choice(PUBLISH_FORMATS), default="md", show_default=True,
                             help="md (Markdown), html (standalone page, no external requests) or pdf.")
output_option = click.option("-o", "--output", metavar="PATH", help="Write to PATH instead of standard output.")
record_option = click.option("--record/--no-record", default=True, show_default=True,
                             help="Record the brief for the Atom feed (councilwatch feed).")


@cli.command()
@click.argument("item")
@click.option("--month", "month", required=True, metavar="YYYY-MM", help="The month the entry is for.")
@format_choice
@output_option
@record_option
@db_option
def brief(item: str, month: str, fmt: str, output: str | None, record: bool, db: str | None) -> None:
    """One Monthly-Forecast entry on ITEM for a month, every fact with its source.

    ITEM is an agenda item or a topic the knowledge base knows, matched leniently
    ("CSTO SCO CIS", "un-csto-sco-cis", "Cooperation between the UN and the
    African Union"); when nothing fits, the nearest candidates are named.
    Sections: Expected Council Action, Background (organisations and their
    members on the first day of the month), Key Recent Developments, Council and
    Wider Dynamics, Documents, with charts in HTML and PDF. Whatever the
    knowledge base lacks is stated, never invented.

    \b
    Examples:
      councilwatch brief "CSTO SCO CIS" --month 2024-07
      councilwatch brief un-csto-sco-cis --month 2024-07 --format pdf -o out/brief.pdf
    """
    from councilwatch.publish.api import record_brief
    from councilwatch.publish.assemble import assemble_brief
    from councilwatch.publish.render import render

    kb = _kb(db)
    obj = assemble_brief(kb, item, _month(month))
    _write(render(obj, fmt), fmt, output)
    if record:
        record_brief(kb, obj)


@cli.command()
@click.argument("month", metavar="YYYY-MM")
@format_choice
@output_option
@record_option
@db_option
def monthly(month: str, fmt: str, output: str | None, record: bool, db: str | None) -> None:
    """The whole Monthly Forecast for YYYY-MM: an overview and one entry per expected item.

    The overview names the presidency, signature events, the expected items in
    order of probability (from the forecaster, councilwatch.forecast), mandates
    expiring and reports due. Without a forecast, items with Council meetings on
    record in the month get entries and the overview says the forecast is missing.

    \b
    Example:
      councilwatch monthly 2024-07 --format html -o out/2024-07.html
    """
    from councilwatch.publish.api import record_brief
    from councilwatch.publish.assemble import assemble_monthly
    from councilwatch.publish.render import render

    kb = _kb(db)
    obj = assemble_monthly(kb, _month(month))
    _write(render(obj, fmt), fmt, output)
    if record:
        record_brief(kb, obj)


@cli.command()
@click.option("--base-url", default="http://localhost:8000", show_default=True, metavar="URL",
              help="Where the web application serves the briefs (entry links are URL/briefs/SLUG).")
@output_option
@db_option
def feed(base_url: str, output: str | None, db: str | None) -> None:
    """The Atom feed of the briefs generated so far (by `brief` and `monthly`), newest first.

    \b
    Example:
      councilwatch feed --base-url https://councilwatch.example.org -o out/briefs.atom
    """
    from councilwatch.publish.api import atom_feed

    _write(atom_feed(_kb(db), base_url), "atom", output)
