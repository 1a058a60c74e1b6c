"""Import the Library's "Security Council - Veto List" and link each veto to the meeting record.

The list (scact_veto_table_en.html, 1946 on; the derived sc_vetoes_dhl_list.csv
has the same rows) gives per veto: date, draft, written record (an S/PV meeting
record, or from 2020 the letters of a vote by written procedure), agenda item
and the permanent member(s) casting the negative vote. It is the authority on
vetoes, so for each row:

* the stored outcome with that draft's symbol (from `import dhl-meetings`) gets
  ``kind = draft_not_adopted`` and ``vetoed_by`` as listed (a disagreement with
  the meeting table is noted in the run's report);
* the vetoes of 1946-1948, listed without a draft symbol, go to the drafts not
  adopted at that meeting in order;
* a veto whose draft the meeting record lacks is added as an outcome of its
  meeting (origin ``dhl-vetoes``), and a veto by written procedure as an outcome
  without a meeting, with the letters as its procedure;
* a row whose meeting is not in the store is rejected with the reason (import
  that year's meeting table first).

One transaction; a second run changes nothing.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from councilwatch.errors import ImportRejected
from councilwatch.model import ImportReport
from councilwatch.sources.base import decode_text, now, read_bytes

SOURCE = "dhl-vetoes"
ORIGIN = "dhl-vetoes"
URL = "https://www.un.org/depts/dhl/resources/scact_veto_table_en.html"
_MEMBER = re.compile(r"Russian\s+Federation|USSR|Soviet\s+Union|USA|United\s+States(?:\s+of\s+America)?|UK|"
                     r"United\s+Kingdom|France|China", re.IGNORECASE)
_DATE = re.compile(r"(\d{1,2})(?:\s*-\s*\d{1,2})?\s+([A-Za-z]+)\s+(\d{2,4})")


@dataclass
class Veto:
    """One row of the veto list."""

    position: str  # "row 12"
    date: date
    drafts: list[str]  # draft symbols (empty for the early vetoes listed by meeting only)
    records: list[str]  # S/PV meeting records
    letters: list[str]  # letters recording a vote by written procedure
    agenda_title: str
    members: list[str]  # ISO 3166 alpha-3 (SUN = USSR)


def _members(text: str) -> list[str]:
    from councilwatch.sources.dhl_tables import VETO_MEMBERS

    # "</br>" between names vanishes in parsing ("ChinaRussian Federation"): find the names themselves.
    return list(dict.fromkeys(VETO_MEMBERS[" ".join(m.group(0).lower().split())] for m in _MEMBER.finditer(text)))


def _day(text: str, position: str) -> date:
    from councilwatch.sources.dhl_tables import MONTHS

    m = _DATE.search(text)
    if not m or m.group(2).lower() not in MONTHS:
        raise ValueError(f"{position}: no date in {text!r}")
    year = int(m.group(3))
    year = year + 1900 if year < 100 else year
    return date(year, MONTHS[m.group(2).lower()], int(m.group(1)))


def _row(cells: list[str], position: str) -> Veto:
    from councilwatch.symbols import find_symbols

    draft_syms = [s for _, _, s in find_symbols(cells[1])]
    record_syms = [s for _, _, s in find_symbols(cells[2])]
    records = list(dict.fromkeys(str(s).split(" (")[0] for s in record_syms if s.kind == "meeting_record"))
    letters = [str(s) for s in record_syms if s.kind != "meeting_record"]
    members = _members(cells[4])
    if not members:
        raise ValueError(f"{position}: no permanent member named in {cells[4]!r}")
    if not records and not letters:
        raise ValueError(f"{position}: no meeting record or letter in {cells[2]!r}")
    return Veto(position, _day(cells[0], position), [str(s) for s in draft_syms if s.kind != "meeting_record"],
                records, letters, " ".join(cells[3].split()), members)


def read_html(data: bytes, name: str) -> list[tuple[Veto | None, str, str]]:
    """(veto or None, position, reason) for each data row of the published page."""
    import lxml.html

    text = decode_text(data, name, ("utf-8-sig", "cp1252"))
    lower = text.lower()
    if "<table" not in lower:
        raise ImportRejected(f"{name}: not the veto list: no <table> element")
    # The published page never closes its table, but it does end with </html>.
    if "</table" not in lower and not lower.rstrip().endswith("</html>"):
        raise ImportRejected(f"{name}: truncated: neither </table> nor </html> at the end; nothing was written")
    root = lxml.html.fromstring(text)
    header = [" ".join(th.text_content().split()).lower() for th in root.iter("th")]
    if not any("draft" in h for h in header) or not any("negative vote" in h for h in header):
        raise ImportRejected(f"{name}: not the veto list: no 'Draft' and 'Negative Vote' columns")
    out = []
    for i, tr in enumerate(root.iter("tr"), 1):
        tds = tr.findall("td")
        if len(tds) != 5:
            continue
        cells = [td.text_content().strip() for td in tds]
        out.append(_parse(cells, f"row {i}"))
    return out


def read_csv_rows(data: bytes, name: str) -> list[tuple[Veto | None, str, str]]:
    """The same from the derived CSV (date_text, draft, meeting_record, agenda_item, permanent_member...)."""
    text = decode_text(data, name)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    need = ["date_text", "draft", "meeting_record", "agenda_item", "permanent_member_casting_negative_vote"]
    if reader.fieldnames is None or any(c not in reader.fieldnames for c in need):
        raise ImportRejected(f"{name}: header must have {', '.join(need)}")
    return [_parse([r[c] or "" for c in need], f"line {reader.line_num}") for r in reader]


def _parse(cells: list[str], position: str) -> tuple[Veto | None, str, str]:
    try:
        return _row(cells, position), position, ""
    except ValueError as exc:
        return None, position, str(exc).split(": ", 1)[-1]


def read(path: str | Path) -> list[tuple[Veto | None, str, str]]:
    """Read the veto list (HTML as published, or the derived CSV) into rows; ImportRejected for a bad file."""
    p = Path(path)
    data = read_bytes(p)
    rows = read_csv_rows(data, p.name) if p.suffix.lower() == ".csv" else read_html(data, p.name)
    if not rows:
        raise ImportRejected(f"{p.name}: no veto rows found")
    return rows


def import_file(store: Any, path: str | Path) -> ImportReport:
    """Link the veto list to the stored meeting record in one transaction; returns the report."""
    from sqlalchemy import select
    from sqlalchemy.exc import DBAPIError

    from councilwatch.sources.agenda_titles import canonical_key
    from councilwatch.store import schema as t

    name = Path(path).name
    rows = read(path)
    report = ImportReport(source=SOURCE)
    notes: list[dict] = []
    at = now()
    o = t.outcomes
    started = now()
    try:
        with store.write() as conn:
            meetings = {r.record: r.date for r in conn.execute(select(t.meetings.c.record, t.meetings.c.date))}
            first_item = {}
            for r in conn.execute(select(t.meeting_items.c.record, t.meeting_items.c.agenda_item)
                                  .where(t.meeting_items.c.position == 1)):
                first_item[r.record] = r.agenda_item
            items = set(conn.execute(select(t.agenda_items.c.id)).scalars())
            by_symbol: dict[str, list] = {}
            unnamed: dict[str, list] = {}  # record -> drafts not adopted printed without a symbol
            for r in conn.execute(select(o.c.id, o.c.record, o.c.kind, o.c.symbol, o.c.vetoed_by, o.c.origin)
                                  .order_by(o.c.ref, o.c.id)):
                # The early tables print the meeting record where the draft had no symbol of its own.
                if r.symbol and not r.symbol.startswith("S/PV."):
                    by_symbol.setdefault(r.symbol, []).append(r)
                elif r.kind == "draft_not_adopted" and r.record:
                    unnamed.setdefault(r.record, []).append(r)
            used_unnamed: dict[str, int] = {}
            seen: set[tuple] = set()
            for veto, position, reason in rows:
                if veto is None:
                    report.rejected.append({"file": name, "position": position, "reason": reason})
                    continue
                # Rows without a draft symbol repeat legitimately (three vetoes at S/PV.49): only a draft repeats wrongly.
                ident = (tuple(veto.drafts), tuple(veto.records), veto.agenda_title, tuple(veto.members))
                if veto.drafts and ident in seen:
                    report.rejected.append({"file": name, "position": position, "reason": "duplicate row; the first is kept"})
                    continue
                seen.add(ident)
                record = veto.records[0] if veto.records else None
                if record and record not in meetings:
                    report.rejected.append({"file": name, "position": position, "reason":
                                            f"meeting {record} ({veto.date.isoformat()}) is not in the store: import "
                                            f"the {veto.date.year} meeting table (dhl-meetings) first"})
                    continue
                target = None
                for d in veto.drafts:
                    if by_symbol.get(d):
                        target = by_symbol[d][0]
                        break
                if target is None and not veto.drafts and record:
                    k = used_unnamed.get(record, 0)
                    if k < len(unnamed.get(record, [])):
                        target = unnamed[record][k]
                        used_unnamed[record] = k + 1
                if target is not None:
                    if sorted(target.vetoed_by or []) == sorted(veto.members) and target.kind == "draft_not_adopted":
                        report.unchanged += 1
                        continue
                    if target.vetoed_by and sorted(target.vetoed_by) != sorted(veto.members):
                        notes.append({"position": position, "note": f"{target.symbol or record}: the meeting table "
                                      f"gives vetoed_by {list(target.vetoed_by)}, the veto list {veto.members}"})
                    conn.execute(o.update().where(o.c.id == target.id).values(
                        kind="draft_not_adopted", vetoed_by=veto.members))
                    report.updated += 1
                    continue
                key = canonical_key(veto.agenda_title)
                agenda_item = key if key in items else first_item.get(record)
                symbol = veto.drafts[0] if veto.drafts else None
                if symbol:
                    ref = f"veto:{symbol}"
                else:
                    used_unnamed[record] = n = used_unnamed.get(record, 0) + 1
                    ref = f"veto:{record}#{n:02d}"
                conn.execute(o.insert().values(
                    ref=ref, record=record, date=meetings.get(record, veto.date) if record else veto.date,
                    agenda_item=agenda_item, kind="draft_not_adopted", symbol=symbol, vote=None,
                    vetoed_by=veto.members,
                    procedure=f"vote by letter ({'; '.join(veto.letters)})" if not record else None,
                    text=veto.agenda_title, source=URL, origin=ORIGIN, locator=f"{name}:{position}", recorded_at=at))
                report.inserted += 1
            conn.execute(t.import_runs.insert().values(
                source=SOURCE, started_at=started, finished_at=now(),
                report={**report.as_dict(), "file": name, "notes": notes}))
    except DBAPIError as exc:
        reason = str(exc.orig).splitlines()[0] if exc.orig is not None else type(exc).__name__
        raise ImportRejected(f"{name}: the store refused the import ({reason}); nothing was written") from None
    return report
