"""Commands over the knowledge base: the Council calendar and organisations."""

from __future__ import annotations

import click

from councilwatch.cli import cli
from councilwatch.cli.output import db_option, emit, format_option


def _kb(db: str | None):
    from councilwatch.api import KnowledgeBase

    return KnowledgeBase.open(db)


@cli.command()
@db_option
def init(db: str | None) -> None:
    """Create or migrate the store and load the packaged curated facts.

    Safe to run again: it changes nothing when the store is current. Every
    command that needs the store does this by itself on first use.
    """
    from councilwatch import config
    from councilwatch.api import open_store
    from councilwatch.sources import curated
    from councilwatch.store import Store

    url = config.database_url(db)
    store = Store(url)
    before = store.meta_value("curated_digest")
    store = open_store(url)
    after = store.meta_value("curated_digest")
    if before == after:
        click.echo(f"store is current: {_safe_url(url)}")
    else:
        counts = curated.read_curated()
        click.echo(
            f"loaded curated facts into {_safe_url(url)}: {len(counts.states)} states, "
            f"{len(counts.organisations)} organisations, {len(counts.memberships)} membership periods, "
            f"{len(counts.council_terms)} Council terms, {len(counts.presidencies)} presidencies"
        )


def _safe_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


@cli.command()
@click.argument("month")
@format_option()
@db_option
def presidency(month: str, fmt: str, db: str | None) -> None:
    """The Council presidency of MONTH (YYYY-MM), as recorded or by the rotation rule."""
    p = _kb(db).presidency(month)
    if fmt == "table":
        click.echo(p.name)
    else:
        emit(p.as_dict(), fmt, ["month", "state", "name"])


@cli.command()
@click.argument("year", required=False, type=int)
@click.option("--on", "on", metavar="DATE", help="A day (YYYY-MM-DD) instead of a year.")
@format_option()
@db_option
def composition(year: int | None, on: str | None, fmt: str, db: str | None) -> None:
    """The Council's members in YEAR, or on a day with --on (default: today)."""
    if year is not None and on is not None:
        raise click.UsageError("give a YEAR or --on DATE, not both")
    rows = _kb(db).composition(on=on, year=year)
    emit(rows, fmt, ["state", "name", "seat", "from", "to", "source"])


_MEMBER_COLUMNS = ["state", "name", "status", "since", "source"]


@cli.command()
@click.argument("organisation")
@click.option("--on", "on", metavar="DATE", help="The day (YYYY-MM-DD; default today).")
@click.option("--all", "include_withdrawn", is_flag=True, help="Also list states that have withdrawn.")
@format_option()
@db_option
def members(organisation: str, on: str | None, include_withdrawn: bool, fmt: str, db: str | None) -> None:
    """States with a status in ORGANISATION on a day (member, observer, frozen, ...).

    ORGANISATION is an acronym or a name ("SCO", "Shanghai Cooperation Organisation").
    """
    rows = _kb(db).members(organisation, on, include_withdrawn)
    emit([{k: r[k] for k in _MEMBER_COLUMNS} for r in rows], fmt, _MEMBER_COLUMNS)


@cli.command()
@click.argument("state")
@click.option("--on", "on", metavar="DATE", help="The day (YYYY-MM-DD; default: all periods).")
@format_option()
@db_option
def memberships(state: str, on: str | None, fmt: str, db: str | None) -> None:
    """STATE's statuses in every organisation (on a day with --on, else all periods)."""
    rows = _kb(db).memberships(state, on)
    cols = ["organisation", "state", "name", "status", "since", "source"] if on else [
        "organisation", "status", "since", "until", "source"]
    emit([{k: r[k] for k in cols} for r in rows], fmt, cols)


@cli.command()
@click.argument("organisations", nargs=-1, required=True)
@click.option("--on", "on", metavar="DATE", help="The day (YYYY-MM-DD; default today).")
@click.option("--matrix", is_flag=True, help="States x organisations, statuses in the cells.")
@click.option("--any-status", is_flag=True, help="Count observers, partners and applicants as belonging too.")
@format_option()
@db_option
def overlap(organisations: tuple[str, ...], on: str | None, matrix: bool, any_status: bool, fmt: str,
            db: str | None) -> None:
    """States that belong to all of ORGANISATIONS on a day; --matrix for every state in any of them.

    Belonging means a membership status: member, participation frozen or suspended.
    """
    if len(organisations) < 2 and not matrix:
        raise click.UsageError("name at least two organisations (or use --matrix)")
    result = _kb(db).overlap(list(organisations), on, any_status)
    if matrix:
        emit(result["matrix"] if fmt != "json" else result, fmt, ["state", "name", *result["organisations"]])
    else:
        emit(result["in_all"] if fmt != "json" else result["in_all"], fmt, ["state", "name"])


@cli.command()
@click.argument("organisation")
@format_option()
@db_option
def history(organisation: str, fmt: str, db: str | None) -> None:
    """Dated membership changes of ORGANISATION, with sources."""
    rows = _kb(db).history(organisation)
    emit(rows, fmt, ["since", "until", "state", "name", "status", "source"])


@cli.command()
@format_option()
@db_option
def organisations(fmt: str, db: str | None) -> None:
    """The organisations the knowledge base knows."""
    rows = _kb(db).organisations()
    out = [{"id": r["id"], "name": r["name"], "kind": r["kind"], "founded": r["founded"], "source": r["source"]} for r in rows]
    emit(out, fmt, ["id", "name", "kind", "founded", "source"])
