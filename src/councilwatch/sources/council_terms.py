"""Third-party tables of elected Security Council members, cross-checked against the curated terms.

Reads either layout found in ../shared/data/unsc_elected_members:
`country,term_no,start_year,end_year,term_text` (parsed from the UN page) or
`country_org,start_year,end_year,seat,note` (with `#` comment lines). Country
labels resolve through the knowledge base's state names ("German Democratic
Republic (see Germany)" -> DDR); an unknown label is a rejected row.

The curated composition is the authority. The import reports every year on
which a table and the curated terms disagree (as the run's notes, shown by
`councilwatch check`), and fills gaps only: a term for a year in which the
store knows fewer elected members than the Charter seats (6 to 1965, 10 from
1966) and none for that state is added with origin 'elected-table'.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path

from councilwatch.errors import ImportRejected, UnknownName
from councilwatch.model import ImportReport
from councilwatch.sources import base

ORIGIN = "elected-table"
_PAREN = re.compile(r"\s*\([^)]*\)\s*$")


def seats(year: int) -> int:
    """Elected seats in a year (Charter art. 23 as amended 1965: ten from 1966)."""
    return 6 if year <= 1965 else 10


def read_terms(path: str | Path) -> list[tuple[int, str, int, int]]:
    """(line, country label, first year, last year) of each elected term in the table."""
    p = Path(path)
    text = base.decode_text(base.read_bytes(p), p.name)
    lines = [ln if not ln.lstrip().startswith("#") else "" for ln in text.splitlines()]
    reader = csv.DictReader(io.StringIO("\n".join(lines)))
    header = reader.fieldnames or []
    label = "country" if "country" in header else "country_org" if "country_org" in header else None
    if label is None or not {"start_year", "end_year"} <= set(header):
        raise ImportRejected(f"{p.name}: expected columns country (or country_org), start_year, end_year; "
                             f"found {', '.join(header[:6]) or 'nothing'}")
    out = []
    try:
        for row in reader:
            if not any((v or "").strip() for v in row.values() if isinstance(v, str)):
                continue
            if (row.get("seat") or "elected").strip() != "elected":
                continue
            out.append((reader.line_num, (row[label] or "").strip(), row["start_year"], row["end_year"]))
    except csv.Error as exc:
        raise ImportRejected(f"{p.name}: line {reader.line_num}: not valid CSV ({exc})") from None
    return out


def build_batch(path: str | Path, state_index, curated_terms: list[dict]) -> base.Batch:
    """Compare the table with the stored terms; gap-filling rows and notes go in the batch."""
    from councilwatch.store import schema

    p = Path(path)
    batch = base.Batch("council-terms", p)
    terms = batch.table(schema.council_terms, key=("state", "seat", "start"), scope={"origin": ORIGIN})
    table_years: dict[int, set[str]] = {}
    where: dict[tuple[str, int], int] = {}
    for line, label, first, last in read_terms(p):
        pos = f"line {line}"
        try:
            a, b = int(float(first)), int(float(last or first))
        except (TypeError, ValueError):
            batch.reject(pos, f"years {first!r}-{last!r} are not numbers")
            continue
        if not 1946 <= a <= b <= a + 2:
            batch.reject(pos, f"term {a}-{b} is not a Council term (at most two years, from 1946)")
            continue
        try:
            iso3 = state_index.resolve(_PAREN.sub("", label) or label)
        except UnknownName as exc:
            batch.reject(pos, f"country {label!r}: {exc}")
            continue
        for y in range(a, b + 1):
            if iso3 in table_years.setdefault(y, set()):
                batch.reject(pos, f"{iso3} is listed twice for {y}")
            table_years[y].add(iso3)
            where[(iso3, y)] = line
    if not table_years:
        raise ImportRejected(f"{p.name}: no elected terms in the file")

    stored: dict[int, set[str]] = {}
    for t in curated_terms:
        if t["seat"] != "elected":
            continue
        for y in range(t["start"].year, (t["end"] or date(max(table_years), 12, 31)).year + 1):
            stored.setdefault(y, set()).add(t["state"])
    now = base.now()
    for y in sorted(table_years):
        ours = stored.get(y, set())
        for iso3 in sorted(table_years[y] - ours):
            filled = len(ours) < seats(y)
            batch.notes.append({"check": "council_terms", "year": y, "state": iso3, "table": "elected",
                                "curated": "not elected", "file": batch.file, "line": where[(iso3, y)],
                                "action": "filled" if filled else "reported"})
            if filled:
                batch.add(terms, {"state": iso3, "seat": "elected", "start": date(y, 1, 1), "end": date(y, 12, 31),
                                  "note": f"gap filled from {batch.file}",
                                  **base.provenance(f"{batch.file} (third-party table)", ORIGIN,
                                                    f"{batch.file}:{where[(iso3, y)]}", now)},
                          f"line {where[(iso3, y)]}")
                ours = ours | {iso3}
        for iso3 in sorted(ours - table_years[y]):
            batch.notes.append({"check": "council_terms", "year": y, "state": iso3, "table": "not elected",
                                "curated": "elected", "file": batch.file, "line": None, "action": "reported"})
    return batch


def import_file(store, path: str | Path) -> ImportReport:
    from councilwatch.resolve import NameIndex
    from councilwatch.store import states
    from councilwatch.store.sql import fetch

    with store.query() as conn:
        index = NameIndex("state", states.name_index(conn))
        rows = fetch(conn, 'SELECT state, seat, start, "end" AS "end" FROM council_terms', dates=("start", "end"))
    return base.apply(store, build_batch(path, index, rows))
