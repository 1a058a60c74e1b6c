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

import gc
import hashlib
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from operator import attrgetter
from pathlib import Path
from typing import Any

from councilwatch.errors import ImportRejected
from councilwatch.model import ImportReport
from councilwatch.sources import base
from councilwatch.sources.base import Batch, now, provenance, read_bytes, upsert

SOURCE = "dhl-meetings"
ORIGIN = "dhl"
PAGE_URL = "https://research.un.org/en/docs/sc/quick/meetings/{year}"
TABLE_FILE = re.compile(r"^scact(\d{4})_table_en\.html?$", re.IGNORECASE)
MAX_NOTES = 1000  # notes kept in the run's report: a page read wrongly throughout must not bloat it

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


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Pause the cycle collector (nested pauses are one): a full import makes ~500,000 small acyclic
    objects, and the collector would walk all of them again and again (about a sixth of the read) to
    find nothing. Everything is still freed by reference counting."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


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
    batch = MeetingBatch(SOURCE, files[0] if len(files) == 1 else f"{len(files)} files", prepare=_prepare)
    at = now()
    # In this order (parents first); _Mapper and _prepare take them in it.
    batch.table(schema.agenda_items, key=("id",))
    batch.table(schema.meetings, key=("record",))
    batch.table(schema.meeting_items, key=("record", "position"))
    # vetoed_by is insert-only: the veto list (dhl-vetoes) is the authority on vetoes and confirms it.
    batch.table(schema.outcomes, key=("ref",), insert_only=("vetoed_by",))
    batch.table(schema.documents, key=("symbol",), scope={"origin": ORIGIN})
    todo: list[tuple[Path, bytes, str]] = []
    for path in files:
        data = read_bytes(path)
        digest = f"{reader}:{hashlib.sha256(data).hexdigest()[:32]}"
        previous = done.get(path.name)
        if previous and json.loads(previous)["digest"] == digest:
            batch.skipped += json.loads(previous)["rows"]
            continue
        todo.append((path, data, digest))
    mapper = _Mapper(batch, at)
    pages = _parse_all([(d, p.name) for p, d, _ in todo])
    with _no_cyclic_gc(), closing(pages):  # closing: a rejected page stops the worker at once
        for (path, _, digest), rows in zip(todo, pages):
            if isinstance(rows, LayoutError):
                raise ImportRejected(f"{rows}; nothing was written")
            counted = sum(len(tb.rows) for tb in batch.tables)
            grouped: dict[int, _Meeting] = {}
            for r in rows:
                m = grouped.get(r.meeting)
                if m is None:
                    m = grouped[r.meeting] = _Meeting(f"S/PV.{r.meeting}", r.meeting)
                m.rows.append(r)
            for m in grouped.values():
                mapper.add_meeting(m, path.name)
            batch.meta[_meta_key(path.name)] = json.dumps(
                {"digest": digest, "rows": sum(len(tb.rows) for tb in batch.tables) - counted})
    return batch


def _parse_one(args: tuple[bytes, str]):
    from councilwatch.sources.dhl_tables import LayoutError, parse_html

    try:
        return parse_html(*args)
    except LayoutError as exc:
        return exc


def _parse_all(jobs: list[tuple[bytes, str]]) -> Iterator:
    """Parsed rows (or the LayoutError) of each page, in order, one page at a time.

    When a second CPU is idle, a forked worker reads the pages while this process maps the ones
    done: every page's table (the lxml half), and every other page's rows too, which balances the
    two. What comes back is strings and tuples: a pool handing back MeetingRow objects was measured
    slower, pickling them cost more than the parse. The worker costs about a quarter more CPU in all,
    so on a busy machine it is slower than reading here (measured): hence `_worker_helps`.
    """
    if len(jobs) < WORKER_MIN_PAGES or not _worker_helps():
        yield from map(_parse_one, jobs)
        return
    import multiprocessing

    from councilwatch.sources.dhl_tables import LayoutError, PageTable, read_meetings

    with multiprocessing.get_context("fork").Pool(1) as pool:  # leaving the block stops the worker
        for page in pool.imap(_read_page, [(data, name, i % 2 == 1) for i, (data, name) in enumerate(jobs)]):
            if isinstance(page, LayoutError):
                yield page
            elif isinstance(page, PageTable):
                try:
                    yield read_meetings(page)
                except LayoutError as exc:
                    yield exc
            else:
                yield _unpack(page)


WORKER_MIN_PAGES = 8  # fewer pages are read here: starting the worker costs more than it saves


def _worker_helps() -> bool:
    """A second CPU idle over the last minute, and fork is safe: Linux, no other thread (one could hold a lock)."""
    import os
    import sys
    import threading

    if sys.platform != "linux" or threading.active_count() != 1:
        return False
    # The load average counts this process too: alone on 2 CPUs it reads about 1. Measured on 2 CPUs:
    # the worker wins at a load of 0.9 and loses from about 1.5.
    cpus = len(os.sched_getaffinity(0))
    return cpus > 1 and os.getloadavg()[0] < cpus - 0.75


def _read_page(job: tuple[bytes, str, bool]):
    """In the worker: a page's PageTable, or with `rows` its meeting rows packed as tuples; a LayoutError is returned."""
    from councilwatch.sources.dhl_tables import LayoutError, read_meetings, read_table

    data, name, rows = job
    try:
        table = read_table(data, name)
        return _pack(read_meetings(table)) if rows else table
    except LayoutError as exc:
        return exc


def _pack(rows: list) -> list[tuple]:
    """MeetingRows as plain tuples (fields in slot order, outcomes as tuples too): cheap to pickle."""
    from councilwatch.sources.dhl_tables import MeetingRow, Outcome

    row_fields, outcome_fields = attrgetter(*MeetingRow.__slots__), attrgetter(*Outcome.__slots__)
    at = MeetingRow.__slots__.index("outcomes")
    out = []
    for r in rows:
        t = row_fields(r)
        if r.outcomes:
            t = (*t[:at], [outcome_fields(o) for o in r.outcomes], *t[at + 1:])
        out.append(t)
    return out


def _unpack(packed: list[tuple]) -> list:
    from councilwatch.sources.dhl_tables import MeetingRow, Outcome

    rows = []
    for t in packed:
        r = MeetingRow(*t)
        if r.outcomes:
            r.outcomes = [Outcome(*o) for o in r.outcomes]
        rows.append(r)
    return rows


class _Mapper:
    """Maps the parsed rows of each meeting onto the batch's tables."""

    def __init__(self, batch: MeetingBatch, at) -> None:
        self.batch = batch
        self.at = at
        self.items, self.meetings, self.meeting_items, self.outcomes, self.documents = batch.tables
        # Printed title -> agenda item key: 8,965 rows print 900 titles.
        self.keys: dict[str, str] = {}
        self.urls: dict[int, str] = {}

    def _item(self, title: str, position: str, prov: dict) -> str:
        """The agenda item key of a printed title; the item is queued the first time it is seen."""
        from councilwatch.sources.agenda_titles import classify

        ai = classify(title)
        key = ai.key
        self.keys[title] = key
        rows = self.items.rows
        if (key,) not in rows:
            rows[(key,)] = {"id": key, "title": ai.title, "aliases": [], **prov}
            self.items.positions[(key,)] = position
        self.batch.aliases.setdefault(key, set()).add(title)
        return key

    def add_meeting(self, m: _Meeting, name: str) -> None:
        batch = self.batch
        rows = m.rows
        first = rows[0]
        position = f"row {first.position[1]}"
        year = first.date.year
        url = self.urls.get(year) or self.urls.setdefault(year, PAGE_URL.format(year=year))
        prov = provenance(url, ORIGIN, f"{name}:{position}", self.at)
        record = m.record
        if len(rows) == 1:  # most meetings: one row, one agenda item
            day = first.date
            if first.record == record and not first.other_records:
                resumptions = []
            else:
                resumptions = [{"record": rec, "date": day.isoformat()}
                               for rec in dict.fromkeys((first.record, *first.other_records)) if rec != record]
            press = first.press_releases
            if len(press) > 1:
                press = list(dict.fromkeys(press))
            if first.remark:
                note = first.remark if not first.closed or first.remark == "closed meeting" else \
                    f"closed meeting; {first.remark}"
            else:
                note = "closed meeting" if first.closed else None
        else:
            base_rows = [r for r in rows if r.resumption is None and r.part is None]
            day = (base_rows[0] if base_rows else min(rows, key=lambda r: r.date)).date
            found: dict[str, str] = {}
            for r in rows:
                for rec in (r.record, *r.other_records):
                    if rec != record and rec not in found:
                        found[rec] = r.date.isoformat()
            resumptions = [{"record": k, "date": v} for k, v in found.items()]
            press = list(dict.fromkeys(p for r in rows for p in r.press_releases))
            notes = list(dict.fromkeys((["closed meeting"] if any(r.closed for r in rows) else [])
                                       + [r.remark for r in rows if r.remark]))
            note = "; ".join(notes) or None
        row = {"record": record, "number": m.number, "date": day, "resumptions": resumptions,
               "press_releases": press, "note": note, **prov}
        meetings = self.meetings
        if (record,) in meetings.rows:
            batch.add(meetings, row, position, name)  # rejected, naming the first
            return  # the same meeting in another file: its items and outcomes go with it
        meetings.rows[(record,)] = row
        meetings.positions[(record,)] = position

        keys = self.keys
        mi_rows, mi_positions = self.meeting_items.rows, self.meeting_items.positions
        seen_items: dict[str, int] = {}
        n_out = 0
        cited: set[tuple] = set()
        for r in rows:
            title = r.agenda_title
            at_row = f"row {r.position[1]}"
            key = keys.get(title)
            if key is None:
                key = self._item(title, f"{name}:{at_row}", prov)
            if key not in seen_items:
                n = seen_items[key] = len(seen_items) + 1
                mi_rows[(record, n)] = {"record": record, "position": n, "agenda_item": key, "title": title}
                mi_positions[(record, n)] = at_row
            if r.outcomes:
                n_out = self._add_outcomes(r, record, key, name, at_row, prov, cited, n_out)

    def _add_outcomes(self, r, record: str, key: str, name: str, at_row: str, prov: dict, cited: set,
                      n_out: int) -> int:
        """Queue the outcomes of one row (and the documents they cite); returns the meeting's outcome count."""
        batch, outcomes, documents = self.batch, self.outcomes, self.documents
        locator = f"{name}:{at_row}"
        for o in r.outcomes:
            symbol = o.symbol
            if (record, symbol) in ERRATA:
                symbol, why = ERRATA[(record, symbol)]
                batch.notes.append({"file": name, "position": at_row, "note": f"printed {o.symbol}; stored as {why}"})
            ident = (o.kind, symbol, o.procedure) if symbol else (o.kind, o.text, o.procedure)
            if ident in cited:  # a resumption row printing the outcome again
                continue
            cited.add(ident)
            n_out += 1
            written = o.procedure is not None
            ref = f"{record}#{'w' if written else ''}{n_out:02d}"
            for note in o.notes:
                batch.notes.append({"file": name, "position": at_row, "note": note})
            outcomes.rows[(ref,)] = {
                "ref": ref, "record": None if written else record, "date": r.date, "agenda_item": key,
                "kind": o.kind, "symbol": symbol, "vote": o.vote, "vetoed_by": list(o.vetoed_by),
                "procedure": o.procedure, "text": o.text, **prov, "locator": locator}
            outcomes.positions[(ref,)] = at_row
            kind = _DOCUMENT_KINDS.get(o.kind)
            if kind and symbol and (symbol,) not in documents.rows:  # a draft voted in parts: cited once
                # (prov holds the batch's scope, origin = dhl: what batch.add would merge in)
                documents.rows[(symbol,)] = {
                    "symbol": symbol, "kind": kind, "title": "", "date": r.date, "subjects": [], "agenda_item": key,
                    "url": None, "vote": o.vote, **prov, "locator": locator}
                documents.positions[(symbol,)] = at_row
        return n_out


def _prepare(conn: Any, batch: MeetingBatch, report: ImportReport) -> None:
    """Inside the transaction: merge stored aliases, leave other origins' documents alone, drop stale rows."""
    from sqlalchemy import and_, bindparam, select

    from councilwatch.store import schema as t

    report.unchanged += batch.skipped
    items, meetings, meeting_items, outcomes, documents = batch.tables
    ai = t.agenda_items
    for r in _stored(conn, [ai.c.id, ai.c.aliases], [k[0] for k in items.rows]):
        batch.aliases.setdefault(r.id, set()).update(r.aliases or [])
    for (key,), row in items.rows.items():
        row["aliases"] = sorted(a for a in batch.aliases.get(key, ()) if a != row["title"])

    d = t.documents
    foreign = {r.symbol for r in _stored(conn, [d.c.symbol], [k[0] for k in documents.rows],
                                         d.c.origin != ORIGIN)}
    for s in foreign:
        del documents.rows[(s,)]
    if foreign:
        batch.notes.append({"note": f"{len(foreign)} cited document(s) already held by another origin: left as they are"})

    # Rows of these meetings that the tables no longer print (a corrected page): removed.
    records = {k[0] for k in meetings.rows}
    mi = t.meeting_items
    stale_items = [{"r": r.record, "p": r.position}
                   for r in _stored(conn, [mi.c.record, mi.c.position], sorted(records))
                   if (r.record, r.position) not in meeting_items.rows]
    if stale_items:
        conn.execute(mi.delete().where(and_(mi.c.record == bindparam("r"), mi.c.position == bindparam("p"))),
                     stale_items)
    stale_refs = [ref for ref in conn.execute(select(t.outcomes.c.ref).where(t.outcomes.c.origin == ORIGIN)).scalars()
                  if ref and ref.split("#")[0] in records and (ref,) not in outcomes.rows]
    for chunk in _chunks(stale_refs):
        conn.execute(t.outcomes.delete().where(t.outcomes.c.ref.in_(chunk)))
    if stale_items or stale_refs:
        report.updated += len(stale_items) + len(stale_refs)
        batch.notes.append({"note": f"removed {len(stale_items)} agenda item row(s) and {len(stale_refs)} outcome(s) "
                                    "the tables no longer print"})
    del batch.notes[MAX_NOTES:]


def _stored(conn: Any, columns: list, keys: list, *where: Any) -> list:
    """Stored rows (of `columns`) whose first column is one of `keys`: keyed lookups for a few keys, one
    scan for many (a full import would otherwise send dozens of 500-value IN lists)."""
    from sqlalchemy import select

    if len(keys) > 4 * _CHUNK:
        wanted = set(keys)
        return [r for r in conn.execute(select(*columns).where(*where)) if r[0] in wanted]
    out: list = []
    for chunk in _chunks(keys):
        out += conn.execute(select(*columns).where(columns[0].in_(chunk), *where)).all()
    return out


_CHUNK = 500


def _chunks(values: list, size: int = _CHUNK):
    for i in range(0, len(values), size):
        yield values[i:i + size]


def apply(store: Any, batch: Batch, write: Callable = upsert) -> ImportReport:
    """Write the batch in one transaction and record the run (sources/base.py `apply`, with `_prepare` first)."""
    with _no_cyclic_gc():
        return base.apply(store, batch, write)


def import_paths(store: Any, paths: Iterable[str | Path], force: bool = False) -> ImportReport:
    """Import table files (or directories of them) into the store; returns the report.

    Files imported before, unchanged since (same bytes, same reader), are not read again
    unless `force`: a re-import of unchanged files writes nothing but the run's record.
    """
    done = {} if force else imported_files(store)
    # One pause of the cycle collector for both halves, and the batch gone before it looks again:
    # otherwise its first pass after each half walks the whole batch (~0.05 s each).
    with _no_cyclic_gc():
        batch = read(paths, done)
        report = apply(store, batch)
        del batch
    return report


def imported_files(store: Any) -> dict[str, str]:
    """{file name: meta value} of the table files imported so far."""
    from councilwatch.store.sql import fetch

    try:
        with store.query() as conn:
            rows = fetch(conn, "SELECT key, value FROM meta WHERE key LIKE :p", {"p": f"{SOURCE}:%"})
    except Exception:  # noqa: BLE001 - a store not set up yet has imported nothing
        return {}
    return {r["key"].split(":", 1)[1]: r["value"] for r in rows}
