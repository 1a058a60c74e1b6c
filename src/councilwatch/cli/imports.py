"""`councilwatch import ...`: load research data sets and UN exports into the store.

Every import reads, validates and writes in one transaction, and prints what it
did: inserted / updated / unchanged counts and each rejected row with its file,
position and reason. Running it again changes nothing.
"""

from __future__ import annotations

import click

from councilwatch.cli import cli
from councilwatch.cli.output import db_option, emit, format_option

import_group = click.Group("import", help="""Import research data sets and UN exports into the store.

\b
Each import is idempotent (a second run changes nothing), transactional (a
failure leaves the store as it was) and reports inserted / updated / unchanged
counts and every rejected row with file, position and reason.

\b
  councilwatch import undl export.xlsx
  councilwatch import cow-igo ../shared/data/cow_igo_v3
  councilwatch import council-terms sc_elected_members_terms_1946_2020.csv
  councilwatch import un-members un_members_cleaned_with_original_flag.csv --format json
""")
cli.add_command(import_group)


def _store(db: str | None):
    from councilwatch import config
    from councilwatch.api import open_store

    return open_store(config.database_url(db))


def show_report(report, fmt: str) -> None:
    """The report as a summary line plus the rejected rows (table), or the whole report (json/csv)."""
    data = report.as_dict()
    if fmt == "json":
        emit(data, fmt)
        return
    if fmt == "csv":
        emit(data["rejected_rows"], fmt, ["file", "position", "reason"])
        return
    click.echo(f"{data['source']}: {data['inserted']} inserted, {data['updated']} updated, "
               f"{data['unchanged']} unchanged, {data['rejected']} rejected")
    if data["rejected_rows"]:
        emit(data["rejected_rows"], fmt, ["file", "position", "reason"], title="rejected rows")


_path = click.Path(dir_okay=False, path_type=str)


@import_group.command("undl")
@click.argument("path", type=_path)
@format_option()
@db_option
def undl_cmd(path: str, fmt: str, db: str | None) -> None:
    """UN Digital Library records of documents (xlsx export or MARCXML) into documents and links.

    PATH is an xlsx export of a Library search (columns 191__a, 245__a, 650__a,
    993__a ...) or MARCXML as the Library serves it; the kind is read from the
    file's content. A record whose symbol does not parse is rejected.
    """
    from councilwatch.sources import undl

    show_report(undl.import_file(_store(db), path), fmt)


@import_group.command("cow-igo")
@click.argument("directory", type=click.Path(file_okay=False, path_type=str))
@format_option()
@db_option
def cow_igo_cmd(directory: str, fmt: str, db: str | None) -> None:
    """Correlates of War IGO v3 membership spells (1816-2014) as 'cow-igo' memberships.

    DIRECTORY holds igo_membership_spells.csv, igo_list.csv and states2016.csv.
    Curated memberships win where both have periods; `councilwatch check` lists
    where they disagree. Mapping: data/cow_igo_map.csv, data/cow_state_map.csv.
    """
    from councilwatch.sources import cow_igo

    show_report(cow_igo.import_dir(_store(db), directory), fmt)


@import_group.command("council-terms")
@click.argument("path", type=_path)
@format_option()
@db_option
def council_terms_cmd(path: str, fmt: str, db: str | None) -> None:
    """A table of elected Council members, cross-checked against the curated terms.

    Disagreements are recorded (see `councilwatch check`); only real gaps (a year
    with fewer elected members stored than seats) are filled.
    """
    from councilwatch.sources import council_terms

    show_report(council_terms.import_file(_store(db), path), fmt)


@import_group.command("un-members")
@click.argument("path", type=_path)
@format_option()
@db_option
def un_members_cmd(path: str, fmt: str, db: str | None) -> None:
    """A table of UN member states and admission dates, cross-checked against the curated states.

    Disagreements are recorded (see `councilwatch check`); a missing admission
    date is filled, a differing one never overwritten.
    """
    from councilwatch.sources import un_members

    show_report(un_members.import_file(_store(db), path), fmt)
