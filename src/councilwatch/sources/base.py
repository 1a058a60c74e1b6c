"""The shape every importer shares: read -> validate -> upsert in one transaction -> report.

An importer reads its file into a `Batch`: rows per table, each keyed on its
natural key (a document's symbol, a membership's organisation + state + status
+ start ...), and the rows it refused with file, position and reason. `apply`
then writes the batch in one transaction:

* a row whose key is new is inserted, one whose compared columns differ is
  updated, an identical one is left alone (so a second run changes nothing);
* inserts and updates go out as executemany batches, existing rows are read in
  chunks of keys: no round trip per row;
* an `import_runs` row records the report, in the same transaction;
* any failure rolls everything back: the store is exactly as before.

    batch = Batch("undl", path)
    docs = batch.table(schema.documents, key=("symbol",))
    batch.add(docs, {...}, "row 12")          # False (and rejected) when the key repeats
    batch.reject("row 13", "no symbol")
    report = apply(store, batch)               # ImportReport

An importer that must look at the store inside the same transaction (merge with stored rows, remove
rows its source no longer prints) sets `batch.prepare`; it runs before the upserts.

Reading helpers (`read_bytes`, `decode_text`, `read_csv`) turn an empty,
truncated, undecodable or wrong kind of file into `ImportRejected`: one line,
nothing written.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from itertools import chain
from operator import add, itemgetter
from pathlib import Path
from typing import Any

from councilwatch.errors import ImportRejected
from councilwatch.model import ImportReport

# Columns that say when a row was written, not what it says: never compared.
NOT_COMPARED = frozenset({"recorded_at"})
_CHUNK = 500  # keys per SELECT ... WHERE key IN (...)


def now() -> datetime:
    return datetime.now(timezone.utc)


def provenance(source: str, origin: str, locator: str | None, recorded_at: datetime) -> dict:
    """The provenance columns every fact row carries (see store/schema.py)."""
    return {"source": source, "origin": origin, "locator": locator, "recorded_at": recorded_at}


def rejection(file: str, position: str, reason: str) -> dict:
    return {"file": file, "position": position, "reason": reason}


@dataclass
class TableBatch:
    """Rows bound for one table, keyed on their natural key."""

    table: Any  # sqlalchemy.Table
    key: tuple[str, ...]
    # Extra equality conditions that every row of this import satisfies (e.g. origin='cow-igo'):
    # existing rows are looked up within this scope only, so other origins are never touched.
    scope: dict[str, Any] = field(default_factory=dict)
    # Columns written on insert but never changed on update (e.g. a curated organisation's name).
    insert_only: frozenset[str] = frozenset()
    rows: dict[tuple, dict] = field(default_factory=dict)
    positions: dict[tuple, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # key_of runs once per row read: an itemgetter, not a generator over the key's columns.
        if len(self.key) == 1:
            get = itemgetter(self.key[0])
            self.key_of = lambda row: (get(row),)  # type: ignore[method-assign]
        else:
            self.key_of = itemgetter(*self.key)  # type: ignore[method-assign]

    def key_of(self, row: dict) -> tuple:
        """The row's natural key (a KeyError names a key column the row lacks)."""
        return tuple(row[k] for k in self.key)


@dataclass
class Batch:
    """What one import run read and validated, ready to apply."""

    source: str  # the importer's name: "undl", "cow-igo", ...
    file: str | Path
    tables: list[TableBatch] = field(default_factory=list)
    rejected: list[dict] = field(default_factory=list)
    notes: list[dict] = field(default_factory=list)  # cross-check findings and the like, kept in the run's report
    meta: dict[str, str] = field(default_factory=dict)  # meta-table values written with the batch (coverage ...)
    # Work inside the import's transaction before the upserts (merging with stored rows, removing stale
    # ones ...): called as prepare(conn, batch, report); a failure there rolls the import back too.
    prepare: Callable[[Any, Batch, ImportReport], None] | None = None

    def __post_init__(self) -> None:
        self.file = Path(self.file).name if self.file else ""

    def table(self, table: Any, key: Iterable[str], scope: dict | None = None,
              insert_only: Iterable[str] = ()) -> TableBatch:
        """Declare a target table; tables are written in the order declared (parents first)."""
        tb = TableBatch(table, tuple(key), dict(scope or {}), frozenset(insert_only))
        self.tables.append(tb)
        return tb

    def reject(self, position: str, reason: str, file: str | None = None) -> None:
        self.rejected.append(rejection(file or str(self.file), position, reason))

    def add(self, tb: TableBatch, row: dict, position: str, file: str | None = None) -> bool:
        """Queue a row; a second row with the same key is rejected (naming the first) and False returned.

        The batch keeps `row` itself (a copy only when the table has a scope to merge in): don't change it after.
        """
        if tb.scope:
            row = {**tb.scope, **row}
        key = tb.key_of(row)
        first = tb.positions.get(key)
        if first is not None:
            a, b = _comparable(tb.rows[key]), _comparable(row)
            diff = sorted(c for c in a.keys() | b.keys() if a.get(c) != b.get(c))
            what = "repeats" if not diff else f"differs in {', '.join(diff)} from"
            self.reject(position, f"duplicate {', '.join(map(str, key))}: {what} {first}; the first is kept", file)
            return False
        tb.rows[key] = row
        tb.positions[key] = position
        return True


def _comparable(row: dict) -> dict:
    # Two rows that differ only in where they were read are the same fact.
    return {k: v for k, v in row.items() if k not in NOT_COMPARED and k != "locator"}


def _norm(value: Any) -> Any:
    # Drivers hand back JSON lists as lists, dates as dates; "" and None mean the same in text columns.
    return None if value == "" else value


def _select_existing(conn: Any, tb: TableBatch, columns: list[str]) -> dict[tuple, dict]:
    from sqlalchemy import and_, func, select, tuple_

    t = tb.table
    scope = [t.c[k] == v for k, v in tb.scope.items()]
    out: dict[tuple, dict] = {}
    if not conn.execute(select(func.count()).select_from(t).where(and_(True, *scope))).scalar():
        return out  # a first import: nothing to compare with
    keys = list(tb.rows)
    free_keys = [k for k in tb.key if k not in tb.scope]
    cols = [t.c[c] for c in columns]
    if len(keys) > 20 * _CHUNK and tb.scope:
        # A large import in its own scope (COW's 18,927 spells): one scan beats 38 keyed lookups.
        for r in conn.execute(select(*cols).where(and_(*scope))).mappings():
            out[tuple(r[k] for k in tb.key)] = dict(r)
        return out
    idx = [tb.key.index(k) for k in free_keys]
    for i in range(0, len(keys), _CHUNK):
        chunk = [tuple(k[j] for j in idx) for k in keys[i:i + _CHUNK]]
        if len(free_keys) == 1:
            cond = t.c[free_keys[0]].in_([c[0] for c in chunk])
        else:
            cond = tuple_(*(t.c[k] for k in free_keys)).in_(chunk)
        for r in conn.execute(select(*cols).where(and_(cond, *scope))).mappings():
            out[tuple(r[k] for k in tb.key)] = dict(r)
    return out


def upsert(conn: Any, tb: TableBatch, report: ImportReport) -> None:
    """Insert new keys, update changed rows, count unchanged ones; executemany throughout."""
    from sqlalchemy import and_, bindparam

    if not tb.rows:
        return
    t = tb.table
    present = set().union(*tb.rows.values())
    columns = sorted(present.union(tb.key))
    unknown = [c for c in columns if c not in t.c]
    if unknown:
        raise ValueError(f"{t.name} has no column(s) {', '.join(unknown)}")
    existing = _select_existing(conn, tb, columns)
    inserts, updates = _compare(tb, existing, report) if existing else (list(tb.rows.values()), [])
    if inserts:
        if conn.dialect.name == "sqlite":
            _insert_sqlite(conn, t, inserts, None if existing else present)
        else:
            conn.execute(t.insert(), inserts)
        report.inserted += len(inserts)
    if updates:
        set_cols = sorted({c for _, row in updates for c in row} - set(tb.key) - tb.insert_only)
        # Bind names must not clash with column names in an UPDATE: prefix them.
        stmt = (t.update()
                .where(and_(*(t.c[k] == bindparam(f"k_{k}") for k in tb.key)))
                .values({c: bindparam(f"v_{c}") for c in set_cols}))
        params = [{**{f"k_{k}": v for k, v in zip(tb.key, key)},
                   **{f"v_{c}": row.get(c) for c in set_cols}} for key, row in updates]
        conn.execute(stmt, params)
        report.updated += len(updates)


def _compare(tb: TableBatch, existing: dict[tuple, dict], report: ImportReport) -> tuple[list, list]:
    """The rows to insert and the (key, row) pairs to update; unchanged rows are counted in the report."""
    inserts, updates = [], []
    for key, row in tb.rows.items():
        old = existing.get(key)
        if old is None:
            inserts.append(row)
            continue
        changed = {c: v for c, v in row.items()
                   if c not in NOT_COMPARED and c not in tb.key and c not in tb.insert_only
                   and _norm(v) != _norm(old.get(c))}
        if changed:
            updates.append((key, row))
        else:
            report.unchanged += 1
    return inserts, updates


def _insert_sqlite(conn: Any, table: Any, rows: list[dict], present: set[str] | None = None) -> None:
    """Insert through the driver, converting values with SQLAlchemy's own bind processors.

    SQLAlchemy's per-row parameter handling costs more than SQLite's insert itself
    on large imports; the values stored are the same as through `table.insert()`.
    `present`: the columns the rows have, when the caller has them already.
    """
    if present is None:
        present = set().union(*rows)
    columns = [c for c in table.columns if c.name in present or (c.default is not None and c.default.is_scalar)]
    # The dialect's own types (SQLite's DATE, DATETIME): the generic ones have no processor, and the
    # driver's default adapters write datetimes another way ("+00:00") than table.insert() does.
    procs = {c.name: c.type.dialect_impl(conn.dialect).bind_processor(conn.dialect) for c in columns}
    as_is = [c for c in columns if procs[c.name] is None]
    converted = [c for c in columns if procs[c.name] is not None]
    # Values taken as they are in one pass over the rows (each row read once); the converted ones
    # column by column (one comprehension per column, distinct values converted once).
    params = _column_tuples(rows, as_is)
    if converted:
        values = [_processed(_column(rows, c), procs[c.name]) for c in converted]
        params = list(map(add, params, zip(*values)))
    names = ", ".join(f'"{c.name}"' for c in as_is + converted)
    _insert_rows(conn, f'INSERT INTO "{table.name}" ({names})', len(columns), params)


def _default(column: Any) -> Any:
    return column.default.arg if column.default is not None and column.default.is_scalar else None


def _column(rows: list[dict], column: Any) -> list:
    try:
        return list(map(itemgetter(column.name), rows))  # most columns are in every row
    except KeyError:
        return [row.get(column.name, _default(column)) for row in rows]


def _column_tuples(rows: list[dict], columns: list) -> list[tuple]:
    """Each row's values of `columns`, as a tuple: one pass over the rows."""
    if len(columns) < 2:
        return [(v,) for v in _column(rows, columns[0])] if columns else [()] * len(rows)
    try:
        return list(map(itemgetter(*(c.name for c in columns)), rows))
    except KeyError:  # a column some rows lack: its default there
        return [tuple(row.get(c.name, _default(c)) for c in columns) for row in rows]


def _insert_rows(conn: Any, insert: str, width: int, rows: list[tuple]) -> None:
    """`insert` VALUES (?, ...), (?, ...) ... with as many rows per statement as SQLite binds values:
    executemany runs the statement once per row, and that per-row round costs a fifth of the insert."""
    import sqlite3

    limit = conn.connection.dbapi_connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    per = max(1, min(_ROWS_PER_INSERT, limit // width))
    one = "(" + ", ".join("?" * width) + ")"
    for i in range(0, len(rows), per):
        chunk = rows[i:i + per]
        conn.exec_driver_sql(f"{insert} VALUES {', '.join([one] * len(chunk))}", tuple(chain.from_iterable(chunk)))


_ROWS_PER_INSERT = 500  # more gains nothing (measured)


def _processed(values: list, proc: Callable) -> list:
    """`proc` applied to each value but None, once per distinct value: recorded_at, days and empty lists recur."""
    kinds = set(map(type, values))
    if kinds == {date} and proc(values[0]) == values[0].isoformat():  # SQLite's DATE: ISO days, most distinct
        return list(map(date.isoformat, values))
    if len(kinds) == 1 and kinds <= {str, int, datetime, date}:  # one hashable type: no 1 == True == 1.0 clash
        memo = {v: proc(v) for v in set(values)}
        return list(map(memo.__getitem__, values))
    if kinds == {list}:  # a JSON column of lists (press releases, vetoes ...): most empty, the rest short strings
        empty = proc([])
        if _writes_json_dumps(proc):
            return [(_json_strings(v) or proc(v)) if v else empty for v in values]
        return [proc(v) if v else empty for v in values]
    memo = {}
    empty: dict = {}  # type -> processed empty list/dict (unhashable, so not in memo)
    out = []
    for v in values:
        cls = v.__class__
        if v is None:
            out.append(None)
        elif cls is list or cls is dict:
            if v:
                out.append(proc(v))
            else:
                if cls not in empty:
                    empty[cls] = proc(v)
                out.append(empty[cls])
        else:
            k = (cls, v)  # the class too: 1, 1.0 and True are equal keys but not the same JSON
            try:
                out.append(memo[k])
            except KeyError:
                out.append(memo.setdefault(k, proc(v)))
            except TypeError:  # another unhashable value
                out.append(proc(v))
    return out


def _writes_json_dumps(proc: Callable) -> bool:
    """Whether `proc` writes a list of strings as json.dumps does (SQLAlchemy's JSON, no serializer of its own)."""
    try:
        return proc(["a", "b"]) == '["a", "b"]'
    except Exception:  # noqa: BLE001 - a type that takes no such list: leave its values to it
        return False


def _json_strings(values: list) -> str | None:
    """json.dumps(values) for a list of printable ASCII strings without quotes or backslashes (press
    releases, vetoes, aliases: thousands per import, at a fifth of json.dumps' cost); None for any other list."""
    try:
        inner = '", "'.join(values)
    except TypeError:  # not all strings
        return None
    if inner.isascii() and inner.isprintable() and "\\" not in inner and inner.count('"') == 2 * len(values) - 2:
        return f'["{inner}"]'
    return None


def apply(store: Any, batch: Batch, write: Callable[[Any, TableBatch, ImportReport], None] = upsert
          ) -> ImportReport:
    """Write the batch in one transaction and record the run; returns the report.

    Inside the transaction: `batch.prepare` (when set), then `write` (upsert) for each table in the
    order declared, the batch's meta values, and the `import_runs` row. A database error (a foreign
    key, a constraint) rolls everything back and is raised as ImportRejected: nothing is written,
    not even the run.
    """
    from sqlalchemy.exc import DBAPIError

    from councilwatch.store import schema

    report = ImportReport(source=batch.source, rejected=list(batch.rejected))
    started = now()
    try:
        with store.write() as conn:
            if batch.prepare is not None:
                batch.prepare(conn, batch, report)
            for tb in batch.tables:
                write(conn, tb, report)
            if batch.meta:  # as store.set_meta does, for all keys at once (an import of 73 pages has 73)
                conn.execute(schema.meta.delete().where(schema.meta.c.key.in_(list(batch.meta))))
                conn.execute(schema.meta.insert(), [{"key": k, "value": v} for k, v in batch.meta.items()])
            conn.execute(schema.import_runs.insert().values(
                source=batch.source, started_at=started, finished_at=now(),
                report={**report.as_dict(), "file": str(batch.file), "notes": batch.notes},
            ))
    except DBAPIError as exc:
        reason = str(exc.orig).splitlines()[0] if exc.orig is not None else type(exc).__name__
        raise ImportRejected(f"{batch.file}: the store refused the import ({reason}); nothing was written") from None
    return report


def last_runs(store: Any, source: str | None = None, limit: int = 20) -> list[dict]:
    """The most recent import runs, newest first."""
    from councilwatch.store.sql import fetch

    where = "WHERE source = :source" if source else ""
    with store.query() as conn:
        rows = fetch(conn, f"SELECT id, source, started_at, finished_at, report FROM import_runs {where} "
                     "ORDER BY id DESC LIMIT :limit", {"source": source, "limit": limit}, json_columns=("report",))
    return rows


# -- reading ---------------------------------------------------------------------------------------

_MAGIC = {
    b"PK\x03\x04": "a zip archive (xlsx/docx/zip)",
    b"%PDF": "a PDF",
    b"\x1f\x8b": "a gzip file",
    b"\xd0\xcf\x11\xe0": "an old Office file (xls/doc)",
}


def file_kind(data: bytes) -> str:
    """A short description of what the bytes look like, for error messages."""
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            return kind
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<?xml", b"<collection", b"<record", b"<marc:")):
        return "XML"
    if head.startswith((b"<!doctype html", b"<html")):
        return "HTML"
    return "text"


def read_bytes(path: str | Path) -> bytes:
    """The file's bytes; ImportRejected when it is missing, a directory or empty."""
    p = Path(path)
    if not p.exists():
        raise ImportRejected(f"{p}: no such file")
    if not p.is_file():
        raise ImportRejected(f"{p}: not a file")
    data = p.read_bytes()
    if not data.strip():
        raise ImportRejected(f"{p.name}: the file is empty")
    return data


def decode_text(data: bytes, name: str, encodings: tuple[str, ...] = ("utf-8-sig",)) -> str:
    """Text in the first encoding that decodes; ImportRejected naming the byte offset otherwise."""
    kind = file_kind(data)
    if kind not in ("text", "XML", "HTML"):
        raise ImportRejected(f"{name}: expected a text file, got {kind}")
    if b"\x00" in data[:4096]:
        raise ImportRejected(f"{name}: binary content (NUL bytes); expected a text file")
    first_error: UnicodeDecodeError | None = None
    for enc in encodings:
        try:
            return data.decode(enc)
        except UnicodeDecodeError as exc:
            first_error = first_error or exc
    assert first_error is not None
    raise ImportRejected(
        f"{name}: not {' or '.join(encodings)} text (bad byte at offset {first_error.start}); re-save it as UTF-8"
    )


def read_csv(path: str | Path, required: Iterable[str], encodings: tuple[str, ...] = ("utf-8-sig",)) -> list[tuple[int, dict]]:
    """(line number, row) for every non-blank data row; ImportRejected for a missing column or broken CSV."""
    p = Path(path)
    text = decode_text(read_bytes(p), p.name, encodings)
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    try:
        header = reader.fieldnames or []
        missing = [c for c in required if c not in header]
        if missing:
            raise ImportRejected(f"{p.name}: header lacks column(s) {', '.join(missing)} "
                                 f"(found: {', '.join(h for h in header[:8] if h) or 'nothing'})")
        rows = []
        for values in reader:
            if not any((v or "").strip() for v in values.values() if isinstance(v, str)):
                continue
            rows.append((reader.line_num, values))
    except csv.Error as exc:
        raise ImportRejected(f"{p.name}: line {reader.line_num}: not valid CSV ({exc})") from None
    return rows


def short_rows(rows: list[tuple[int, dict]]) -> list[int]:
    """Line numbers of rows with fewer fields than the header (a truncated file ends in one)."""
    return [line for line, values in rows if any(v is None for v in values.values())]
