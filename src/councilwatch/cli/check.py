"""`councilwatch check`: where the sources disagree."""

from __future__ import annotations

import click

from councilwatch.cli import cli
from councilwatch.cli.output import db_option, emit, format_option


@cli.command("check")
@format_option(("table", "json"))
@click.option("--only", type=click.Choice(["memberships", "tables", "documents"]), help="Run one check only.")
@db_option
def check_cmd(fmt: str, only: str | None, db: str | None) -> None:
    """Report disagreements between sources.

    \b
    - COW IGO memberships vs curated memberships, year by year (1965-2014);
    - elected-member and UN-membership tables vs the curated composition
      (as found by the latest `councilwatch import council-terms / un-members`);
    - symbols cited in outcomes that no stored document has.
    Exit code 0 either way: findings are information, not errors.
    """
    from councilwatch import check, config
    from councilwatch.api import open_store

    store = open_store(config.database_url(db))
    if only is None:
        rows = check.disagreements(store)
    else:
        with store.query() as conn:
            if only == "memberships":
                rows = check.cow_vs_curated(conn, int(store.meta_value("cow-igo:last_year") or 2014))
            elif only == "tables":
                rows = check.table_findings(conn)
            else:
                rows = check.missing_documents(conn)
    emit(rows, fmt, ["check", "subject", "detail", "source"])
    if fmt == "table":
        click.echo(f"{len(rows)} finding(s)")
