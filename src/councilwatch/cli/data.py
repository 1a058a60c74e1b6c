"""Commands over the meeting record: meetings, agenda items, and getting the Library's tables in."""

from __future__ import annotations

import click

from councilwatch.cli import cli
from councilwatch.cli.imports import _store, import_group, show_report
from councilwatch.cli.output import db_option, emit, format_option


def _kb(db: str | None):
    from councilwatch.api import KnowledgeBase

    return KnowledgeBase.open(db)


def _outcome_json(o: dict) -> dict:
    # The documented shape: a vote only when one was taken, vetoed_by only when someone vetoed.
    out = {"kind": o["kind"], "symbol": o["symbol"]}
    if o.get("vote"):
        out["vote"] = o["vote"]
    if o.get("vetoed_by"):
        out["vetoed_by"] = o["vetoed_by"]
    return out


def _outcome_text(o: dict) -> str:
    text = o["symbol"] or o["kind"].replace("_", " ")
    if o["kind"] == "draft_not_adopted":
        text = f"{text} not adopted"
    if o.get("vote"):
        text += f" {o['vote']}"
    if o.get("vetoed_by"):
        text += f" (veto: {', '.join(o['vetoed_by'])})"
    return text


@cli.command("meetings")
@click.option("--year", type=int, help="Meetings of one year.")
@click.option("--from", "first", metavar="DATE", help="From this day (or month, year) on.")
@click.option("--to", "last", metavar="DATE", help="Up to this day (or month, year).")
@click.option("--item", metavar="ITEM", help="Only meetings on this agenda item (id or title; names resolve leniently).")
@format_option()
@db_option
def meetings_cmd(year: int | None, first: str | None, last: str | None, item: str | None, fmt: str,
                 db: str | None) -> None:
    """The Council's meeting record: one entry per meeting, resumptions folded in.

    \b
    Each meeting lists its agenda items (canonical id and the title as printed)
    and its outcomes: resolutions with their votes, presidential statements,
    drafts not adopted with the members that vetoed them. Decisions taken
    without a meeting (written procedure) are entries with no record.
    Import the record first: `councilwatch sync` or `councilwatch import dhl-meetings DIR`.

    \b
      councilwatch meetings --year 2016 --item "Cooperation between the United Nations and regional organizations"
      councilwatch meetings --from 2018-04-01 --to 2018-04-30 --format json
    """
    from councilwatch import record

    if year is not None and (first or last):
        raise click.UsageError("give --year or --from/--to, not both")
    rows = record.meetings(_kb(db), year, first, last, item)
    if fmt == "json":
        emit([{"record": m["record"], "date": m["date"],
               **({"procedure": m["procedure"]} if m["record"] is None else {}),
               "items": m["items"], "outcomes": [_outcome_json(o) for o in m["outcomes"]]} for m in rows], fmt)
        return
    emit([{"record": m["record"] or f"({m.get('procedure') or 'no meeting'})", "date": m["date"],
           "agenda_items": [i["agenda_item"] for i in m["items"]],
           "outcomes": [_outcome_text(o) for o in m["outcomes"]]} for m in rows],
         fmt, ["record", "date", "agenda_items", "outcomes"])


@cli.command("agenda")
@click.argument("item", required=False)
@format_option()
@db_option
def agenda_cmd(item: str | None, fmt: str, db: str | None) -> None:
    """Agenda items with their meeting counts and first and last meetings; with ITEM, its meetings and outcomes.

    ITEM is an agenda item id ("non-proliferation-dprk"), its title, or a title
    as the tables print it; near misspellings resolve.
    """
    from councilwatch import record

    kb = _kb(db)
    if item is None:
        emit(record.agenda(kb), fmt, ["id", "title", "meetings", "first", "last"])
        return
    found = record.agenda_item(kb, item)
    if fmt == "json":
        emit(found, fmt)
        return
    outcomes = {}
    for o in found["outcomes"]:
        outcomes.setdefault(o["record"], []).append(_outcome_text(o))
    rows = [{"record": m["record"], "date": m["date"], "outcomes": outcomes.pop(m["record"], [])}
            for m in found["meetings"]]
    rows += [{"record": None, "date": None, "outcomes": v} for v in outcomes.values()]
    if fmt == "table":
        click.echo(f"{found['title']} ({found['id']}): {len(found['meetings'])} meetings")
    emit(rows, fmt, ["record", "date", "outcomes"])


@cli.command("sync")
@click.option("--years", metavar="FIRST-LAST", help="Only these years (e.g. 2015-2018; default 1946 to this year).")
@click.option("--refresh", is_flag=True, help="Ask again (conditionally) for past years already in the cache.")
@click.option("--no-import", is_flag=True, help="Download only; do not import into the store.")
@click.option("--delay", type=float, default=1.0, show_default=True, help="Seconds between requests.")
@click.option("--cache", metavar="DIR", envvar="COUNCILWATCH_CACHE", help="Cache directory (default: user cache dir).")
@format_option()
@db_option
def sync_cmd(years: str | None, refresh: bool, no_import: bool, delay: float, cache: str | None, fmt: str,
             db: str | None) -> None:
    """Download the Library's yearly meeting tables (1946 on) and import them.

    \b
    Past years are downloaded once and kept in the cache directory; the current
    year is asked again each run with a conditional request (ETag /
    If-Modified-Since). Requests are spaced and retried with backoff. The cached
    files re-import offline: councilwatch import dhl-meetings CACHE/dhl
    """
    from councilwatch import config
    from councilwatch.sources import dhl_meetings, sync

    chosen = None
    if years:
        try:
            a, _, b = years.partition("-")
            chosen = list(range(int(a), int(b or a) + 1))
        except ValueError:
            raise click.BadParameter(f"{years!r} is not FIRST-LAST (e.g. 2015-2018)", param_hint="--years") from None
    cache_dir = config.cache_dir(cache)
    report = sync.sync(cache_dir, chosen, refresh=refresh, delay=delay, progress=fmt == "table")
    if fmt == "table":
        click.echo(f"downloaded {len(report.downloaded)}, not modified {len(report.not_modified)}, "
                   f"cached {len(report.cached)}, not published {len(report.missing)}: {sync.table_dir(cache_dir)}")
    if no_import or not report.files:
        if fmt != "table":
            emit(report.as_dict(), fmt if fmt == "json" else "json")
        return
    wanted = set(chosen) if chosen else None
    files = [f for f in report.files if wanted is None or int(f.name[5:9]) in wanted]
    result = dhl_meetings.import_paths(_store(db), files)
    if fmt == "json":
        emit({"sync": report.as_dict(), "import": result.as_dict()}, fmt)
    else:
        show_report(result, fmt)


@import_group.command("dhl-meetings")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--force", is_flag=True, help="Read every file again, even those imported before and unchanged.")
@format_option()
@db_option
def dhl_meetings_cmd(paths: tuple[str, ...], force: bool, fmt: str, db: str | None) -> None:
    """The Library's tables "Meetings conducted by the Security Council" into the meeting record.

    PATHS are scact<YEAR>_table_en.html files or directories of them (e.g.
    ../shared/data/unsc_meetings_dhl/raw_html). Meetings, resumptions, agenda
    items (canonical, with the printed spellings as aliases), outcomes with
    votes and vetoes, and the documents they cite. A file that is not a readable
    table refuses the whole import; nothing is written.
    """
    from councilwatch.sources import dhl_meetings

    show_report(dhl_meetings.import_paths(_store(db), paths, force=force), fmt)


@import_group.command("dhl-vetoes")
@click.argument("path", type=click.Path(dir_okay=False, path_type=str))
@format_option()
@db_option
def dhl_vetoes_cmd(path: str, fmt: str, db: str | None) -> None:
    """The Library's veto list, linked to the stored meetings and drafts.

    PATH is scact_veto_table_en.html as published (or the derived CSV with
    date_text, draft, meeting_record, agenda_item, permanent_member_casting_negative_vote).
    Sets or confirms each vetoed draft's outcome and the members that vetoed it;
    a veto whose meeting is not stored is a rejected row (import that year first).
    """
    from councilwatch.sources import dhl_vetoes

    show_report(dhl_vetoes.import_file(_store(db), path), fmt)
