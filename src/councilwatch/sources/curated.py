"""The curated facts shipped in the package (`councilwatch/data/`): read, validate, load.

A bad row stops the whole load with `CuratedDataError(file, line, problem)`;
nothing is written. Loading replaces the previous curated rows in one
transaction, so a newer package brings its facts in and a repeat load changes
nothing.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

from councilwatch.dates import FuzzyDate, parse_edtf, parse_month
from councilwatch.errors import BadDate, CuratedDataError
from councilwatch.model import MembershipStatus, OrgKind, Seat

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
ORIGIN = "curated"

_ISO3 = re.compile(r"^[A-Z]{3}$")
_ORG_ID = re.compile(r"^[A-Z][A-Z0-9-]{1,15}$")


def data_files(data_dir: Path = DATA_DIR) -> list[Path]:
    return sorted(p for p in data_dir.rglob("*.csv") if p.is_file())


def package_digest(data_dir: Path = DATA_DIR) -> str:
    """A fingerprint of the curated files: the store reloads them when it changes."""
    h = hashlib.sha256()
    for path in data_files(data_dir):
        h.update(str(path.relative_to(data_dir)).encode())
        h.update(path.read_bytes())
    from councilwatch.store.revision import SCHEMA_REVISION

    return f"{SCHEMA_REVISION}:{h.hexdigest()[:20]}"


@dataclass
class Row:
    file: str
    line: int
    values: dict[str, str]

    def fail(self, problem: str) -> CuratedDataError:
        return CuratedDataError(self.file, self.line, problem)

    def get(self, key: str) -> str:
        return (self.values.get(key) or "").strip()

    def required(self, key: str) -> str:
        value = self.get(key)
        if not value:
            raise self.fail(f"missing {key}")
        return value

    @property
    def locator(self) -> str:
        return f"{self.file}:{self.line}"


def read_rows(path: Path, columns: list[str], data_dir: Path) -> list[Row]:
    name = str(path.relative_to(data_dir))
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise CuratedDataError(name, 1, f"not UTF-8: {exc.reason}") from None
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in columns if c not in (reader.fieldnames or [])]
    if missing:
        raise CuratedDataError(name, 1, f"header lacks column(s): {', '.join(missing)}")
    rows = []
    for values in reader:
        if not any((v or "").strip() for v in values.values() if isinstance(v, str)):
            continue
        if None in values:
            raise CuratedDataError(name, reader.line_num, "more fields than the header names")
        rows.append(Row(name, reader.line_num, values))
    return rows


@dataclass
class Curated:
    """Everything in the curated files, validated, as table rows ready to insert."""

    states: list[dict] = field(default_factory=list)
    organisations: list[dict] = field(default_factory=list)
    memberships: list[dict] = field(default_factory=list)
    council_terms: list[dict] = field(default_factory=list)
    presidencies: list[dict] = field(default_factory=list)
    agenda_items: list[dict] = field(default_factory=list)


def _source(row: Row) -> str:
    return row.required("source")


def _date(row: Row, key: str, required: bool = False) -> date | None:
    text = row.get(key)
    if not text:
        if required:
            raise row.fail(f"missing {key}")
        return None
    try:
        return parse_edtf(text).earliest  # a year or month stands for its first day
    except BadDate as exc:
        raise row.fail(f"{key}: {exc}") from None


def _fuzzy(row: Row, key: str, required: bool = False) -> FuzzyDate | None:
    text = row.get(key)
    if not text:
        if required:
            raise row.fail(f"missing {key}")
        return None
    try:
        return parse_edtf(text)
    except BadDate as exc:
        raise row.fail(f"{key}: {exc}") from None


def _fuzzy_columns(name: str, fd: FuzzyDate | None) -> dict:
    if fd is None:
        return {name: None, f"{name}_earliest": None, f"{name}_latest": None}
    return {name: fd.edtf(), f"{name}_earliest": fd.earliest, f"{name}_latest": fd.latest}


def _split(text: str, sep: str = "|") -> list[str]:
    return [part.strip() for part in text.split(sep) if part.strip()]


def read_curated(data_dir: Path = DATA_DIR) -> Curated:
    """Read and validate every curated file; raises CuratedDataError on the first bad row."""
    out = Curated()
    now = datetime.now(timezone.utc)

    def prov(row: Row) -> dict:
        return {"source": _source(row), "origin": ORIGIN, "locator": row.locator, "recorded_at": now}

    states_path = data_dir / "states.csv"
    iso3s: set[str] = set()
    if states_path.exists():
        for row in read_rows(states_path, ["iso3", "name", "source"], data_dir):
            iso3 = row.required("iso3")
            if not _ISO3.match(iso3):
                raise row.fail(f"iso3 {iso3!r} is not three capital letters")
            if iso3 in iso3s:
                raise row.fail(f"state {iso3} is listed twice")
            iso3s.add(iso3)
            name = row.required("name")
            admitted, ended = _date(row, "un_admitted"), _date(row, "un_ended")
            if admitted and ended and ended < admitted:
                raise row.fail("un_ended is before un_admitted")
            out.states.append({
                "iso3": iso3, "m49": row.get("m49") or None, "name": name,
                "short_name": row.get("short_name") or name, "aliases": _split(row.get("aliases")),
                "un_admitted": admitted, "un_ended": ended,
                "predecessor": row.get("predecessor") or None, "successor": row.get("successor") or None,
                **prov(row),
            })

    org_ids: set[str] = set()
    for path in sorted(data_dir.glob("organisations*.csv")):
        for row in read_rows(path, ["id", "name", "kind", "source"], data_dir):
            oid = row.required("id")
            if not _ORG_ID.match(oid):
                raise row.fail(f"organisation id {oid!r} is not an uppercase acronym")
            if oid in org_ids:
                raise row.fail(f"organisation {oid} is listed twice")
            org_ids.add(oid)
            kind = row.required("kind")
            if kind not in {k.value for k in OrgKind}:
                raise row.fail(f"unknown kind {kind!r} (one of {', '.join(k.value for k in OrgKind)})")
            out.organisations.append({
                "id": oid, "name": row.required("name"), "aliases": _split(row.get("aliases")),
                "kind": kind, **_fuzzy_columns("founded", _fuzzy(row, "founded")),
                **_fuzzy_columns("dissolved", _fuzzy(row, "dissolved")),
                "description": row.get("description"), **prov(row),
            })

    statuses = {s.value for s in MembershipStatus}
    for path in sorted((data_dir / "memberships").glob("*.csv")) if (data_dir / "memberships").exists() else []:
        oid = path.stem
        if oid not in org_ids:
            raise CuratedDataError(str(path.relative_to(data_dir)), 1, f"no organisation {oid!r} in organisations*.csv")
        periods: dict[str, list[tuple[FuzzyDate, FuzzyDate | None, Row]]] = {}
        for row in read_rows(path, ["state", "status", "start", "end", "source"], data_dir):
            state = row.required("state")
            if state not in iso3s:
                raise row.fail(f"unknown state code {state!r}")
            status = row.required("status")
            if status not in statuses:
                raise row.fail(f"unknown status {status!r} (one of {', '.join(sorted(statuses))})")
            start = _fuzzy(row, "start", required=True)
            end = _fuzzy(row, "end")
            if end is not None and end.earliest <= start.earliest:
                raise row.fail(f"end {end} is not after start {start}")
            _source(row)
            periods.setdefault(state, []).append((start, end, row))
            out.memberships.append({
                "organisation": oid, "state": state, "status": status,
                **_fuzzy_columns("start", start), **_fuzzy_columns("end", end),
                "note": row.get("note"), **prov(row),
            })
        for state, spans in periods.items():
            spans.sort(key=lambda s: s[0].earliest)
            for (s1, e1, r1), (s2, _e2, r2) in zip(spans, spans[1:]):
                if e1 is None or s2.earliest < e1.earliest:
                    raise r2.fail(f"period for {state} overlaps the one on line {r1.line}")

    terms_path = data_dir / "council_terms.csv"
    if terms_path.exists():
        for row in read_rows(terms_path, ["state", "start", "end", "seat", "source"], data_dir):
            state = row.required("state")
            if state not in iso3s:
                raise row.fail(f"unknown state code {state!r}")
            seat = row.required("seat")
            if seat not in {s.value for s in Seat}:
                raise row.fail(f"unknown seat {seat!r} (permanent or elected)")
            start, end = _date(row, "start", required=True), _date(row, "end")
            if end is not None and end < start:
                raise row.fail("end is before start")
            out.council_terms.append({
                "state": state, "seat": seat, "start": start, "end": end, "note": row.get("note"), **prov(row),
            })

    pres_path = data_dir / "presidencies.csv"
    if pres_path.exists():
        seen: set[str] = set()
        for row in read_rows(pres_path, ["month", "state", "source"], data_dir):
            try:
                year, month = parse_month(row.required("month"))
            except BadDate as exc:
                raise row.fail(str(exc)) from None
            key = f"{year:04d}-{month:02d}"
            if key in seen:
                raise row.fail(f"month {key} is listed twice")
            seen.add(key)
            state = row.required("state")
            if state not in iso3s:
                raise row.fail(f"unknown state code {state!r}")
            on = date(year, month, 1)
            if out.council_terms and not any(
                t["state"] == state and t["start"] <= on and (t["end"] is None or on <= t["end"]) for t in out.council_terms
            ):
                raise row.fail(f"{state} is not on the Council in {key}")
            out.presidencies.append({"month": key, "state": state, **prov(row)})
    return out


def load(store, data_dir: Path = DATA_DIR) -> dict:
    """Replace the store's curated facts with the package's, in one transaction."""
    from sqlalchemy import delete, select

    from councilwatch.store import schema as t

    curated = read_curated(data_dir)
    digest = package_digest(data_dir)
    counts = {}
    with store.write() as conn:
        for table in (t.presidencies, t.council_terms, t.memberships):
            conn.execute(delete(table).where(table.c.origin == ORIGIN))
        for table, rows, key in ((t.states, curated.states, "iso3"), (t.organisations, curated.organisations, "id")):
            existing = set(conn.execute(select(table.c[key])).scalars())
            new = [r for r in rows if r[key] not in existing]
            if new:
                conn.execute(table.insert(), new)
            for r in rows:
                if r[key] in existing:
                    conn.execute(table.update().where(table.c[key] == r[key]).values(**r))
            counts[table.name] = len(rows)
        for table, rows in ((t.memberships, curated.memberships), (t.council_terms, curated.council_terms),
                            (t.presidencies, curated.presidencies)):
            if rows:
                conn.execute(table.insert(), rows)
            counts[table.name] = len(rows)
        store.set_meta(conn, "curated_digest", digest)
    return counts
