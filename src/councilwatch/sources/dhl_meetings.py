"""Import the Library's yearly tables "Meetings conducted by the Security Council" into the meeting record.

`sources/dhl_tables.py` reads a page into rows (one agenda item of one meeting
each); this module maps them onto the store:

* ``meetings``: one row per S/PV number; resumptions and parts fold into the
  JSON column ``resumptions`` with their days; press releases and what the record
  cell adds ("closed", "meeting held in Nairobi") ride along. A curated meeting
  keeps its ``subjects``, ``summary`` and ``kind``: this import never writes them.
* ``agenda_items`` and ``meeting_items``: each printed title is classified
  (`agenda_titles.classify`: normaliser + reviewed aliases) into a canonical
  item; the printed spellings become the item's aliases.
* ``outcomes``: resolutions with their tallies, presidential statements, drafts
  not adopted with their vetoes, press statements and the rest, keyed by
  ``ref`` = record + ordinal, so a re-import updates in place. Outcomes voted by
  letter (written procedure) are stored without a meeting (record NULL) with
  the procedure that recorded them.
* ``documents``: one row per resolution, presidential statement and failed
  draft cited, unless another origin (curated, UN Digital Library) already holds
  the symbol: this import never overwrites another origin's document.

A file that is not a readable meetings table refuses the whole import
(`ImportRejected`, nothing written); a meeting printed in two files is a
rejected row. Everything is written in one transaction.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from councilwatch.errors import ImportRejected
from councilwatch.model import ImportReport
from councilwatch.sources.base import (
    Batch,
    TableBatch,
    now,
    provenance,
    read_bytes,
    upsert,
)

SOURCE = "dhl-meetings"
ORIGIN = "dhl"
PAGE_URL = "https://research.un.org/en/docs/sc/quick/meetings/{year}"
TABLE_FILE = re.compile(r"^scact(\d{4})_table_en\.html?$", re.IGNORECASE)
MAX_KEY = 160  # agenda_items.id is VARCHAR(160)

# Printing slips in the published tables that nothing on the page corrects (see tests/integration/
# test_dhl_tables.py): two resolutions printed under the number of another. The adopted texts say
# which resolution each meeting adopted: S/RES/666 (1990) (13 September 1990, food for Iraq and
# Kuwait, 13-2-0) and S/RES/695 (1991) (30 May 1991, UNDOF).
ERRATA = {
    ("S/PV.2939", "S/RES/663 (1990)"): ("S/RES/666 (1990)", "S/RES/666 (1990): adopted at S/PV.2939, 13 September 1990"),
    ("S/PV.2990", "S/RES/701 (1991)"): ("S/RES/695 (1991)", "S/RES/695 (1991): adopted at S/PV.2990, 30 May 1991"),
}
_DOCUMENT_KINDS = {"resolution": "resolution", "presidential_statement": "presidential_statement",
                   "draft_not_adopted": "draft"}


def table_files(paths: Iterable[str | Path]) -> list[Path]:
    """The table files named, directories expanded to their scact<YEAR>_table_en.html files, by year."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted((f for f in p.iterdir() if TABLE_FILE.match(f.name)), key=lambda f: f.name)
            if not found:
                raise ImportRejected(f"{p}: no scact<YEAR>_table_en.html files in this directory")
            out.extend(found)
        elif not p.exists():
            raise ImportRejected(f"{p}: no such file")
        else:
            out.append(p)
    if not out:
        raise ImportRejected("no files to import")
    return out


def item_id(key: str) -> str:
    """The agenda item key, bounded to the column's length (a long unreviewed title keeps a hash of the rest)."""
    if len(key) <= MAX_KEY:
        return key
    return key[:MAX_KEY - 9].rstrip("-") + "-" + hashlib.sha1(key.encode()).hexdigest()[:8]


@dataclass
class MeetingBatch(Batch):
    """A batch plus the printed spellings of each agenda item (merged with the stored ones when applied)."""

    aliases: dict[str, set[str]] = field(default_factory=dict)
    skipped: int = 0  # rows of files read before, unchanged since


@dataclass
class _Meeting:
    record: str
    number: int
    rows: list = field(default_factory=list)


def reader_digest() -> str:
    """Digest of what decides how a page is mapped: the reader, this module and the reviewed aliases."""
    from councilwatch.sources import agenda_titles, dhl_tables

    h = hashlib.sha256()
    for f in (Path(dhl_tables.__file__), Path(__file__), Path(agenda_titles.__file__), agenda_titles.ALIASES_PATH):
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


def _meta_key(name: str) -> str:
    return f"{SOURCE}:{name}"


def read(paths: Iterable[str | Path], done: dict[str, str] | None = None) -> MeetingBatch:
    """Read and validate the table files into a batch (nothing is written).

    `done` maps file names to the meta value recorded when they were last imported: a file whose
    bytes and reader are the same is not read again (its rows count as unchanged).
    """
    import json

    from councilwatch.sources.dhl_tables import LayoutError
    from councilwatch.store import schema

    files = table_files(paths)
    reader = reader_digest()
    done = done or {}
    batch = MeetingBatch(SOURCE, files[0] if len(files) == 1 else f"{len(files)} files")
    at = now()
    items = batch.table(schema.agenda_items, key=("id",))
    meetings = batch.table(schema.meetings, key=("record",))
    meeting_items = batch.table(schema.meeting_items, key=("record", "position"))
    # vetoed_by is insert-only: the veto list (dhl-vetoes) is the authority on vetoes and confirms it.
    outcomes = batch.table(schema.outcomes, key=("ref",), insert_only=("vetoed_by",))
    documents = batch.table(schema.documents, key=("symbol",), scope={"origin": ORIGIN})
    todo: list[tuple[Path, bytes, str]] = []
    for path in files:
        data = read_bytes(path)
        digest = f"{reader}:{hashlib.sha256(data).hexdigest()[:32]}"
        previous = done.get(path.name)
        if previous and json.loads(previous)["digest"] == digest:
            batch.skipped += json.loads(previous)["rows"]
            continue
        todo.append((path, data, digest))
    for (path, _, digest), rows in zip(todo, _parse_all([(d, p.name) for p, d, _ in todo])):
        if isinstance(rows, LayoutError):
            raise ImportRejected(f"{rows}; nothing was written")
        counted = sum(len(tb.rows) for tb in batch.tables)
        grouped: dict[int, _Meeting] = {}
        for r in rows:
            grouped.setdefault(r.meeting, _Meeting(f"S/PV.{r.meeting}", r.meeting)).rows.append(r)
        for m in grouped.values():
            _add_meeting(batch, m, path.name, at, items, meetings, meeting_items, outcomes, documents)
        batch.meta[_meta_key(path.name)] = json.dumps(
            {"digest": digest, "rows": sum(len(tb.rows) for tb in batch.tables) - counted})
    return batch


def _parse_one(args: tuple[bytes, str]):
    from councilwatch.sources.dhl_tables import LayoutError, parse_html

    try:
        return parse_html(*args)
    except LayoutError as exc:
        return exc


def _parse_all(jobs: list[tuple[bytes, str]]) -> list:
    """Parsed rows (or the LayoutError) of each page. (A process pool was measured slower: pickling the
    rows back costs more than the parse.)"""
    return [_parse_one(j) for j in jobs]


def _add_meeting(batch: MeetingBatch, m: _Meeting, name: str, at, items: TableBatch, meetings: TableBatch,
                 meeting_items: TableBatch, outcomes: TableBatch, documents: TableBatch) -> None:
    from councilwatch.sources.agenda_titles import classify

    first = m.rows[0]
    position = f"row {first.position[1]}"
    year = first.date.year
    prov = provenance(PAGE_URL.format(year=year), ORIGIN, f"{name}:{position}", at)
    base = [r for r in m.rows if r.resumption is None and r.part is None]
    day = (base[0] if base else min(m.rows, key=lambda r: r.date)).date
    resumptions: dict[str, str] = {}
    for r in m.rows:
        for rec in (r.record, *r.other_records):
            if rec != m.record:
                resumptions.setdefault(rec, r.date.isoformat())
    press = list(dict.fromkeys(p for r in m.rows for p in r.press_releases))
    notes = list(dict.fromkeys((["closed meeting"] if any(r.closed for r in m.rows) else [])
                               + [r.remark for r in m.rows if r.remark]))
    row = {"record": m.record, "number": m.number, "date": day,
           "resumptions": [{"record": k, "date": v} for k, v in resumptions.items()],
           "press_releases": press, "note": "; ".join(notes) or None, **prov}
    if not batch.add(meetings, row, position, name):
        return  # the same meeting in another file: rejected, its items and outcomes with it

    seen_items: dict[str, int] = {}
    n_out = 0
    cited: set[tuple] = set()
    for r in m.rows:
        ai = classify(r.agenda_title)
        key = item_id(ai.key)
        batch.aliases.setdefault(key, set()).add(r.agenda_title)
        if (key,) not in items.rows:
            items.rows[(key,)] = {"id": key, "title": ai.title, "aliases": [], **prov}
            items.positions[(key,)] = f"{name}:row {r.position[1]}"
        if key not in seen_items:
            seen_items[key] = len(seen_items) + 1
            meeting_items.rows[(m.record, seen_items[key])] = {
                "record": m.record, "position": seen_items[key], "agenda_item": key, "title": r.agenda_title}
            meeting_items.positions[(m.record, seen_items[key])] = f"row {r.position[1]}"
        for o in r.outcomes:
            symbol = o.symbol
            if (m.record, symbol) in ERRATA:
                symbol, why = ERRATA[(m.record, symbol)]
                batch.notes.append({"file": name, "position": f"row {r.position[1]}",
                                    "note": f"printed {o.symbol}; stored as {why}"})
            ident = (o.kind, symbol, o.procedure) if symbol else (o.kind, o.text, o.procedure)
            if ident in cited:  # a resumption row printing the outcome again
                continue
            cited.add(ident)
            n_out += 1
            written = o.procedure is not None
            ref = f"{m.record}#{'w' if written else ''}{n_out:02d}"
            for note in o.notes:
                batch.notes.append({"file": name, "position": f"row {r.position[1]}", "note": note})
            outcomes.rows[(ref,)] = {
                "ref": ref, "record": None if written else m.record, "date": r.date, "agenda_item": key,
                "kind": o.kind, "symbol": symbol, "vote": o.vote, "vetoed_by": list(o.vetoed_by),
                "procedure": o.procedure, "text": o.text, **prov, "locator": f"{name}:row {r.position[1]}"}
            outcomes.positions[(ref,)] = f"row {r.position[1]}"
            kind = _DOCUMENT_KINDS.get(o.kind)
            if kind and symbol and (symbol,) not in documents.rows:  # a draft voted in parts: cited once
                batch.add(documents, {"symbol": symbol, "kind": kind, "title": "", "date": r.date, "subjects": [],
                                      "agenda_item": key, "url": None, "vote": o.vote,
                                      **prov, "locator": f"{name}:row {r.position[1]}"},
                          f"row {r.position[1]}", name)


def _prepare(conn: Any, batch: MeetingBatch, report: ImportReport) -> None:
    """Inside the transaction: merge stored aliases, leave other origins' documents alone, drop stale rows."""
    from sqlalchemy import and_, select

    from councilwatch.store import schema as t

    items, meetings, meeting_items, outcomes, documents = batch.tables
    ids = [k[0] for k in items.rows]
    for chunk in _chunks(ids):
        for r in conn.execute(select(t.agenda_items.c.id, t.agenda_items.c.aliases).where(t.agenda_items.c.id.in_(chunk))):
            batch.aliases.setdefault(r.id, set()).update(r.aliases or [])
    for (key,), row in items.rows.items():
        row["aliases"] = sorted(a for a in batch.aliases.get(key, ()) if a != row["title"])

    foreign: set[str] = set()
    for chunk in _chunks([k[0] for k in documents.rows]):
        foreign.update(conn.execute(select(t.documents.c.symbol).where(
            t.documents.c.symbol.in_(chunk), t.documents.c.origin != ORIGIN)).scalars())
    for s in foreign:
        del documents.rows[(s,)]
    if foreign:
        batch.notes.append({"note": f"{len(foreign)} cited document(s) already held by another origin: left as they are"})

    # Rows of these meetings that the tables no longer print (a corrected page): removed.
    records = {k[0] for k in meetings.rows}
    stale_items = []
    for chunk in _chunks(sorted(records)):
        stale_items += [(r.record, r.position) for r in conn.execute(
            select(t.meeting_items.c.record, t.meeting_items.c.position).where(t.meeting_items.c.record.in_(chunk)))
            if (r.record, r.position) not in meeting_items.rows]
    for rec, pos in stale_items:
        conn.execute(t.meeting_items.delete().where(and_(t.meeting_items.c.record == rec, t.meeting_items.c.position == pos)))
    stale_refs = [ref for ref in conn.execute(select(t.outcomes.c.ref).where(t.outcomes.c.origin == ORIGIN)).scalars()
                  if ref and ref.split("#")[0] in records and (ref,) not in outcomes.rows]
    for chunk in _chunks(stale_refs):
        conn.execute(t.outcomes.delete().where(t.outcomes.c.ref.in_(chunk)))
    if stale_items or stale_refs:
        report.updated += len(stale_items) + len(stale_refs)
        batch.notes.append({"note": f"removed {len(stale_items)} agenda item row(s) and {len(stale_refs)} outcome(s) "
                                    "the tables no longer print"})


def _chunks(values: list, size: int = 500):
    for i in range(0, len(values), size):
        yield values[i:i + size]


def apply(store: Any, batch: Batch, write: Callable = upsert) -> ImportReport:
    """Write the batch in one transaction and record the run (see sources/base.py `apply`)."""
    from sqlalchemy.exc import DBAPIError

    from councilwatch.store import schema

    report = ImportReport(source=batch.source, rejected=list(batch.rejected))
    report.unchanged += getattr(batch, "skipped", 0)
    started = now()
    try:
        with store.write() as conn:
            _prepare(conn, batch, report)
            for tb in batch.tables:
                write(conn, tb, report)
            for key, value in batch.meta.items():
                store.set_meta(conn, key, value)
            conn.execute(schema.import_runs.insert().values(
                source=batch.source, started_at=started, finished_at=now(),
                report={**report.as_dict(), "file": str(batch.file), "notes": batch.notes[:1000]}))
    except DBAPIError as exc:
        reason = str(exc.orig).splitlines()[0] if exc.orig is not None else type(exc).__name__
        raise ImportRejected(f"{batch.file}: the store refused the import ({reason}); nothing was written") from None
    return report


def import_paths(store: Any, paths: Iterable[str | Path], force: bool = False) -> ImportReport:
    """Import table files (or directories of them) into the store; returns the report.

    Files imported before, unchanged since (same bytes, same reader), are not read again
    unless `force`: a re-import of unchanged files writes nothing but the run's record.
    """
    done = {} if force else imported_files(store)
    return apply(store, read(paths, done))


def imported_files(store: Any) -> dict[str, str]:
    """{file name: meta value} of the table files imported so far."""
    from councilwatch.store.sql import fetch

    try:
        with store.query() as conn:
            rows = fetch(conn, "SELECT key, value FROM meta WHERE key LIKE :p", {"p": f"{SOURCE}:%"})
    except Exception:  # noqa: BLE001 - a store not set up yet has imported nothing
        return {}
    return {r["key"].split(":", 1)[1]: r["value"] for r in rows}
