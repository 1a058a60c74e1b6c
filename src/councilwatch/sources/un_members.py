"""Tables of UN member states with their admission dates, cross-checked against the curated states.

Reads `member state,date of admission[,...]` (the cleaned table) or `Member
state,Date of admission,...` (the raw scrape: footnote markers such as "[a]" are
dropped). Dates are "19 November 1946" or ISO. Every difference from the curated
`states.un_admitted` is reported in the run's notes (`councilwatch check`);
the import fills gaps only: a state whose admission date the store lacks gets
the table's date. Successor states carry their predecessor's date in such
tables (Russian Federation 1945-10-24), so disagreements there are expected
and reported, never written.
"""

from __future__ import annotations

import re
from pathlib import Path

from councilwatch.dates import parse_text
from councilwatch.errors import BadDate, ImportRejected, UnknownName
from councilwatch.model import ImportReport
from councilwatch.sources import base

ORIGIN = "un-members-table"
_FOOTNOTE = re.compile(r"\[[^\]]*\]")


def read_members(path: str | Path) -> list[tuple[int, str, str]]:
    """(line, state name, admission text) per row."""
    p = Path(path)
    rows = base.read_csv(p, [])
    header = {k.strip().lower(): k for k in (rows[0][1].keys() if rows else []) if k}
    if "member state" not in header or "date of admission" not in header:
        raise ImportRejected(f"{p.name}: expected columns 'member state' and 'date of admission'")
    return [(line, _FOOTNOTE.sub("", r[header["member state"]] or "").strip(),
             _FOOTNOTE.sub("", r[header["date of admission"]] or "").strip()) for line, r in rows]


def build_batch(path: str | Path, state_index, stored: dict[str, dict]) -> base.Batch:
    """stored: iso3 -> the states row (iso3, un_admitted ...)."""
    from councilwatch.store import schema

    batch = base.Batch("un-members", path)
    fills = batch.table(schema.states, key=("iso3",), insert_only=())
    seen: dict[str, int] = {}
    for line, name, admitted in read_members(path):
        pos = f"line {line}"
        try:
            iso3 = state_index.resolve(name)
        except UnknownName as exc:
            batch.reject(pos, str(exc))
            continue
        if iso3 in seen:
            batch.reject(pos, f"{name} ({iso3}) repeats line {seen[iso3]}")
            continue
        seen[iso3] = line
        try:
            day = parse_text(admitted)
            if not day.is_exact:
                raise BadDate(f"{admitted!r} is not a single day")
        except BadDate as exc:
            batch.reject(pos, f"date of admission: {exc}")
            continue
        ours = stored[iso3].get("un_admitted")
        if ours is None:
            batch.notes.append({"check": "un_admitted", "state": iso3, "table": day.earliest.isoformat(),
                                "curated": None, "file": batch.file, "line": line, "action": "filled"})
            batch.add(fills, {"iso3": iso3, "un_admitted": day.earliest}, pos)
        elif ours != day.earliest:
            batch.notes.append({"check": "un_admitted", "state": iso3, "table": day.earliest.isoformat(),
                                "curated": ours.isoformat(), "file": batch.file, "line": line, "action": "reported"})
    for iso3, row in sorted(stored.items()):
        if row.get("un_admitted") and not row.get("un_ended") and iso3 not in seen:
            batch.notes.append({"check": "un_admitted", "state": iso3, "table": None,
                                "curated": row["un_admitted"].isoformat(), "file": batch.file, "line": None,
                                "action": "reported"})
    if not seen:
        raise ImportRejected(f"{Path(path).name}: no member states could be read")
    return batch


def import_file(store, path: str | Path) -> ImportReport:
    from councilwatch.resolve import NameIndex
    from councilwatch.store import states

    with store.query() as conn:
        index = NameIndex("state", states.name_index(conn))
        stored = {r["iso3"]: r for r in states.all_states(conn)}
    return base.apply(store, build_batch(path, index, stored))
