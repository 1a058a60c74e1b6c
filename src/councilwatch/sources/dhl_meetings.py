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
import struct
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing, contextmanager, suppress
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
            mapper.add_page(rows, path.name)
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

    With a second CPU, a forked worker reads pages while this process maps the ones done and, whenever
    the page it needs next is not ready, reads the next page nobody has taken itself (see `_parse_forked`).
    """
    if len(jobs) < WORKER_MIN_PAGES or not _worker_helps():
        yield from map(_parse_one, jobs)
        return
    yield from _parse_forked(jobs)


WORKER_MIN_PAGES = 8  # fewer pages are read here: starting the worker costs more than it saves


def _worker_helps() -> bool:
    """A second CPU, and fork is safe: Linux, no other thread (one could hold a lock)."""
    import os
    import sys
    import threading

    if sys.platform != "linux" or threading.active_count() != 1:
        return False
    # No load test: this process reads pages itself rather than wait for the worker (but for the
    # worker's last page), so a busy machine only makes the worker read fewer of them.
    return len(os.sched_getaffinity(0)) > 1


def _parse_forked(jobs: list[tuple[bytes, str]]) -> Iterator:
    """`_parse_all` with a forked worker: both take the next page nobody has taken, the worker always and
    this process when the page it maps next is not ready, so neither waits for the other (but for the
    last pages) however busy the machine is, and pages read here are mapped as soon as their turn comes.

    A bare fork and a pipe read by this thread, not a multiprocessing pool: the pool's helper threads
    hand each page over through the GIL and cost more than the worker saved (measured). Pages come
    back as tuples: pickling MeetingRow objects cost more than the parse. If the worker dies, the
    pages it did not deliver are read here; what a page read ahead here raises is raised in its turn.
    """
    import os
    import signal

    shared = _Progress(len(jobs))
    r, w = os.pipe()
    _widen(w)
    pid = os.fork()
    if pid == 0:  # the worker: never returns
        os.close(r)
        _work(jobs, w, shared)
    os.close(w)
    frames = _Frames(r)
    pages: dict[int, Any] = {}  # index -> rows, LayoutError, or _Failed, read by either process
    try:
        for i in range(len(jobs)):
            while i not in pages:
                frame = frames.poll()
                if frame is not None:
                    j, packed = frame
                    if j >= i and j not in pages:  # (a page both took, racing for it, is kept once)
                        pages[j] = packed if isinstance(packed, Exception) else _unpack(packed)
                elif frames.eof:  # the worker stopped (or died): the rest is read here
                    pages[i] = _parse_here(jobs[i])
                elif (j := shared.take()) is not None:
                    pages[j] = _parse_here(jobs[j])
                else:
                    frames.wait()  # all pages are taken: wait for the worker's
            page = pages.pop(i)
            if isinstance(page, _Failed):
                raise page.error
            yield page
    finally:
        if not frames.eof:  # still at work (abandoned, or on a page taken twice): nothing more is wanted
            os.kill(pid, signal.SIGKILL)
        os.close(r)
        with suppress(ChildProcessError):  # (reaped already by a SIGCHLD handler of the application)
            os.waitpid(pid, 0)


def _widen(fd: int) -> None:
    """Let the pipe hold about all the worker sends (1 MiB, not 64 KiB): while this process reads a
    page of its own, the worker keeps reading instead of waiting for room in the pipe."""
    import fcntl

    try:
        fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, 1 << 20)
    except OSError:  # above the system's pipe-max-size: the default pipe does too, a little slower
        pass


class _Failed:
    """An unexpected error from a page read ahead here, raised when that page's turn comes."""

    def __init__(self, error: Exception) -> None:
        self.error = error


def _parse_here(job: tuple[bytes, str]):
    try:
        return _parse_one(job)
    except Exception as exc:  # noqa: BLE001 - raised in the page's turn, as without the worker
        return _Failed(exc)


class _Progress:
    """The next page nobody has taken, in memory both processes share.

    Taking is a read and a write, not atomic: both processes may take the same page, which is then
    read twice and kept once. (A page nobody sends would be read here once the worker has ended.)"""

    def __init__(self, n: int) -> None:
        import mmap

        self.n = n
        self._mem = mmap.mmap(-1, 4)  # anonymous and shared: the fork sees the same bytes

    def take(self) -> int | None:
        """The next page to read, None when all are taken."""
        i = int.from_bytes(self._mem[:4], "little")
        if i >= self.n:
            return None
        self._mem[:4] = (i + 1).to_bytes(4, "little")
        return i


class _Frames:
    """The worker's pages as they arrive on the pipe: (index, rows packed or LayoutError)."""

    def __init__(self, fd: int) -> None:
        import select

        self.fd = fd
        self.buf = bytearray()
        self.eof = False
        self._ready = select.poll()  # (poll, not select: no limit on the descriptor's number)
        self._ready.register(fd, select.POLLIN)

    def poll(self) -> tuple[int, Any] | None:
        """The next complete page, without waiting; None when none is (or at the end)."""
        while (frame := self._complete()) is None and not self.eof:
            if not self._ready.poll(0):
                return None
            self._read()
        return frame

    def wait(self) -> None:
        """Block until more of the worker's output (or its end) arrives."""
        self._read()

    def _read(self) -> None:
        import os

        data = os.read(self.fd, 1 << 20)
        self.eof = not data
        self.buf += data

    def _complete(self) -> tuple[int, Any] | None:
        import pickle

        if len(self.buf) < 8:
            return None
        index, size = struct.unpack_from("<iI", self.buf)
        if len(self.buf) < 8 + size:
            return None
        payload = pickle.loads(self.buf[8:8 + size])
        del self.buf[:8 + size]
        return index, payload


def _work(jobs: list[tuple[bytes, str]], fd: int, shared: _Progress) -> None:
    """In the forked worker: read the pages nobody has taken; each goes to `fd` as (index, size) and its
    pickled rows (tuples) or LayoutError."""
    import os
    import pickle

    code = 1
    try:
        with open(fd, "wb") as out:
            while (i := shared.take()) is not None:
                blob = pickle.dumps(_read_page(jobs[i]), pickle.HIGHEST_PROTOCOL)
                out.write(struct.pack("<iI", i, len(blob)))
                out.write(blob)
                out.flush()  # the parent maps this page while the next is read
        code = 0
    finally:
        os._exit(code)  # no cleanup of the parent's state (store connections, atexit) in the fork


def _read_page(job: tuple[bytes, str]):
    """In the worker: a page's meeting rows packed as tuples; a LayoutError is returned."""
    from councilwatch.sources.dhl_tables import LayoutError, parse_html

    try:
        return _pack(parse_html(*job))
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

    def add_page(self, rows: list, name: str) -> None:
        """Map a page's rows, meeting by meeting (in the order each meeting first appears)."""
        grouped: dict[int, list] = {}
        for r in rows:
            same = grouped.get(r.meeting)
            if same is None:
                grouped[r.meeting] = [r]
            else:
                same.append(r)
        for number, same in grouped.items():
            self.add_meeting(f"S/PV.{number}", number, same, name)

    def add_meeting(self, record: str, number: int, rows: list, name: str) -> None:
        """Queue one meeting (its rows on one page) with its agenda items, outcomes and cited documents."""
        first = rows[0]
        position = f"row {first.position[1]}"
        year = first.date.year
        url = self.urls.get(year) or self.urls.setdefault(year, PAGE_URL.format(year=year))
        prov = provenance(url, ORIGIN, f"{name}:{position}", self.at)
        day, resumptions, press, note = _one_row_meeting(record, first) if len(rows) == 1 else \
            _meeting_of_rows(record, rows)
        row = {"record": record, "number": number, "date": day, "resumptions": resumptions,
               "press_releases": press, "note": note, **prov}
        meetings, k = self.meetings, (record,)  # (one key tuple for rows and positions, in every table)
        if k in meetings.rows:
            self.batch.add(meetings, row, position, name)  # rejected, naming the first
            return  # the same meeting in another file: its items and outcomes go with it
        meetings.rows[k] = row
        meetings.positions[k] = position

        keys = self.keys
        mi_rows, mi_positions = self.meeting_items.rows, self.meeting_items.positions
        seen_items: dict[str, int] = {}
        n_out = 0
        cited: set[tuple] = set()
        for r in rows:
            title = r.agenda_title
            at_row = position if r is first else f"row {r.position[1]}"
            key = keys.get(title)
            if key is None:
                key = self._item(title, f"{name}:{at_row}", prov)
            if key not in seen_items:
                n = seen_items[key] = len(seen_items) + 1
                k = (record, n)
                mi_rows[k] = {"record": record, "position": n, "agenda_item": key, "title": title}
                mi_positions[k] = at_row
            if r.outcomes:
                n_out = self._add_outcomes(r, record, key, name, at_row, prov, cited, n_out)

    def _add_outcomes(self, r, record: str, key: str, name: str, at_row: str, prov: dict, cited: set,
                      n_out: int) -> int:
        """Queue the outcomes of one row (and the documents they cite); returns the meeting's outcome count."""
        batch, outcomes, documents = self.batch, self.outcomes, self.documents
        locator = f"{name}:{at_row}"
        source, recorded_at = prov["source"], prov["recorded_at"]
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
            k = (ref,)
            outcomes.rows[k] = {
                "ref": ref, "record": None if written else record, "date": r.date, "agenda_item": key,
                "kind": o.kind, "symbol": symbol, "vote": o.vote, "vetoed_by": list(o.vetoed_by),
                "procedure": o.procedure, "text": o.text,
                "source": source, "origin": ORIGIN, "locator": locator, "recorded_at": recorded_at}
            outcomes.positions[k] = at_row
            kind = _DOCUMENT_KINDS.get(o.kind)
            if kind and symbol and (k := (symbol,)) not in documents.rows:  # a draft voted in parts: cited once
                # (origin = dhl is the batch's scope: what batch.add would merge in)
                documents.rows[k] = {
                    "symbol": symbol, "kind": kind, "title": "", "date": r.date, "subjects": [], "agenda_item": key,
                    "url": None, "vote": o.vote,
                    "source": source, "origin": ORIGIN, "locator": locator, "recorded_at": recorded_at}
                documents.positions[k] = at_row
        return n_out


def _one_row_meeting(record: str, row) -> tuple:
    """(day, resumptions, press releases, note) of a meeting printed in one row (most are)."""
    day = row.date
    if row.record == record and not row.other_records:
        resumptions = []
    else:
        resumptions = [{"record": rec, "date": day.isoformat()}
                       for rec in dict.fromkeys((row.record, *row.other_records)) if rec != record]
    press = row.press_releases
    if len(press) > 1:
        press = list(dict.fromkeys(press))
    if row.remark:
        note = row.remark if not row.closed or row.remark == "closed meeting" else f"closed meeting; {row.remark}"
    else:
        note = "closed meeting" if row.closed else None
    return day, resumptions, press, note


def _meeting_of_rows(record: str, rows: list) -> tuple:
    """(day, resumptions, press releases, note) of a meeting printed in several rows (items, resumptions)."""
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
    return day, resumptions, press, "; ".join(notes) or None


def _prepare(conn: Any, batch: MeetingBatch, report: ImportReport) -> None:
    """Inside the transaction: merge stored aliases, leave other origins' documents alone, drop stale rows."""
    from sqlalchemy import and_, bindparam, exists, select

    from councilwatch.store import schema as t

    report.unchanged += batch.skipped
    items, meetings, meeting_items, outcomes, documents = batch.tables
    ai, d, mi = t.agenda_items, t.documents, t.meeting_items
    # Which lookups below can find anything: none on a first import, which then asks nothing more.
    has_items, has_foreign, has_meeting_items, has_outcomes = conn.execute(select(
        exists(select(ai.c.id)), exists(select(d.c.symbol).where(d.c.origin != ORIGIN)),
        exists(select(mi.c.record)), exists(select(t.outcomes.c.ref).where(t.outcomes.c.origin == ORIGIN)),
    )).one()
    for r in _stored(conn, [ai.c.id, ai.c.aliases], [k[0] for k in items.rows]) if has_items else ():
        batch.aliases.setdefault(r.id, set()).update(r.aliases or [])
    for (key,), row in items.rows.items():
        row["aliases"] = sorted(a for a in batch.aliases.get(key, ()) if a != row["title"])

    foreign = {r.symbol for r in _stored(conn, [d.c.symbol], [k[0] for k in documents.rows],
                                         d.c.origin != ORIGIN)} if has_foreign else set()
    for s in foreign:
        del documents.rows[(s,)]
    if foreign:
        batch.notes.append({"note": f"{len(foreign)} cited document(s) already held by another origin: left as they are"})

    # Rows of these meetings that the tables no longer print (a corrected page): removed.
    records = {k[0] for k in meetings.rows}
    stale_items = [{"r": r.record, "p": r.position}
                   for r in (_stored(conn, [mi.c.record, mi.c.position], sorted(records)) if has_meeting_items else ())
                   if (r.record, r.position) not in meeting_items.rows]
    if stale_items:
        conn.execute(mi.delete().where(and_(mi.c.record == bindparam("r"), mi.c.position == bindparam("p"))),
                     stale_items)
    stale_refs = [ref for ref in conn.execute(select(t.outcomes.c.ref).where(t.outcomes.c.origin == ORIGIN)).scalars()
                  if ref and ref.split("#")[0] in records and (ref,) not in outcomes.rows] if has_outcomes else []
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
