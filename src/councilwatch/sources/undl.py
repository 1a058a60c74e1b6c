"""UN Digital Library records of Security Council documents -> documents + document_links.

Two forms of the same records are read:

* the xlsx export of a Library search (one column per MARC tag: `1` record id,
  `191__a` symbol, `239__a` short title, `245__a`/`245__b`/`245__c` title,
  `610__a`/`650__a` subjects, `856__u` files, `993__a` related documents);
* MARCXML as the Library serves it (`?of=xm`, namespace http://www.loc.gov/MARC21/slim):
  001 record id, 191/791 $a symbol, 245 $a$b$c title, 269 $a date, 650 $a subjects,
  952 $a meeting record, 993 $a related document, 996 $a vote summary, 856 $u files.

Which form a file is comes from its bytes, not its name. A field holding several
symbols ("A/58/667; S/2003/1219") gives the Security Council one as the document's
symbol and links the others as `issued_as`. 993 becomes a `related` link, 952 a
`meeting` link. A record whose symbol does not parse is rejected with the reason;
a related symbol that does not parse rejects that link only.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Iterator

from councilwatch.errors import ImportRejected
from councilwatch.model import ImportReport
from councilwatch.sources import base
from councilwatch.symbols import BadSymbol, parse as parse_symbol

ORIGIN = "undl"
MARC_NS = "http://www.loc.gov/MARC21/slim"
RECORD_URL = "https://digitallibrary.un.org/record/{}"
_VOTE = re.compile(r"(\d{1,3})\s*-\s*(\d{1,3})\s*-\s*(\d{1,3})")
_ISBD_END = re.compile(r"\s*[/:;=,]\s*$")


@dataclass
class Record:
    """One Library record, as read (strings), before validation."""

    position: str
    record_id: str = ""
    symbols: str = ""  # 191/791 $a, possibly several separated by ';'
    title: str = ""
    date: str = ""
    subjects: list[str] = field(default_factory=list)
    meetings: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    vote: str = ""
    files: list[str] = field(default_factory=list)


def _split(text: str | None) -> list[str]:
    return [p.strip() for p in str(text or "").split(";") if p.strip()]


def _title(a: str | None, b: str | None, c: str | None) -> str:
    # MARC 245 ends each subfield with ISBD punctuation ("Note /", "by the Secretary-General.").
    parts = [_ISBD_END.sub("", str(p).strip()) for p in (a, b, c) if p and str(p).strip()]
    if len(parts) >= 2 and b:
        parts[0] = f"{parts[0]}: {parts.pop(1)}"
    return " ".join(parts)


# -- reading ---------------------------------------------------------------------------------------

def read_xlsx(data: bytes, name: str) -> Iterator[Record]:
    """Records of a Library xlsx export; ImportRejected when it is not one."""
    import zipfile

    import openpyxl

    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ImportRejected(f"{name}: not a readable xlsx workbook ({exc}); is the file truncated?") from None
    ws = wb.worksheets[0]
    rows = ws.iter_rows(values_only=True)
    header = [str(h).strip() if h is not None else "" for h in next(rows, ())]
    col = {h: i for i, h in enumerate(header)}
    if "191__a" not in col:
        raise ImportRejected(f"{name}: no '191__a' (symbol) column in the first sheet's header; "
                             f"not a UN Digital Library export (found: {', '.join(h for h in header[:8] if h)})")

    def get(row: tuple, key: str) -> str:
        i = col.get(key)
        v = row[i] if i is not None and i < len(row) else None
        return "" if v is None else str(v).strip()

    for n, row in enumerate(rows, start=2):
        if not any(v not in (None, "") for v in row):
            continue
        subjects = _split(get(row, "650__a")) + _split(get(row, "610__a"))
        yield Record(
            position=f"row {n}", record_id=get(row, "1"), symbols=get(row, "191__a"),
            title=_title(get(row, "245__a"), get(row, "245__b"), get(row, "245__c")) or get(row, "239__a"),
            date=get(row, "269__a"), subjects=subjects, related=_split(get(row, "993__a")),
            meetings=_split(get(row, "952__a")), vote=get(row, "996__a"), files=_split(get(row, "856__u")),
        )
    wb.close()


def read_marcxml(data: bytes, name: str) -> list[Record]:
    """Records of a MARCXML collection; ImportRejected (naming the line) when the XML is broken."""
    import lxml.etree as ET

    out: list[Record] = []
    try:
        for _, rec in ET.iterparse(io.BytesIO(data), events=("end",), tag=(f"{{{MARC_NS}}}record", "record"),
                                   resolve_entities=False, no_network=True, huge_tree=False):
            out.append(_marc_record(rec, f"record {len(out) + 1}"))
            rec.clear()
    except ET.XMLSyntaxError as exc:
        raise ImportRejected(f"{name}: broken XML at line {exc.lineno} ({exc.msg}); is the file truncated? "
                             "nothing was written") from None
    if not out:
        raise ImportRejected(f"{name}: no MARC records (<record> in namespace {MARC_NS})")
    return out


def _marc_record(rec, position: str) -> Record:
    def local(el) -> str:
        return el.tag.rpartition("}")[2] if isinstance(el.tag, str) else ""

    control: dict[str, str] = {}
    fields: dict[str, list[dict[str, list[str]]]] = {}
    for el in rec:
        kind = local(el)
        if kind == "controlfield":
            control[el.get("tag", "")] = (el.text or "").strip()
        elif kind == "datafield":
            subs: dict[str, list[str]] = {}
            for sf in el:
                if local(sf) == "subfield":
                    subs.setdefault(sf.get("code", ""), []).append((sf.text or "").strip())
            fields.setdefault(el.get("tag", ""), []).append(subs)

    def first(tag: str, code: str) -> str:
        for f in fields.get(tag, []):
            for v in f.get(code, []):
                if v:
                    return v
        return ""

    def every(tag: str, code: str) -> list[str]:
        return [v for f in fields.get(tag, []) for v in f.get(code, []) if v]

    symbols = "; ".join(every("191", "a")) or "; ".join(every("791", "a"))
    rid = control.get("001", "")
    return Record(
        position=f"{position}{f' (001 {rid})' if rid else ''}", record_id=rid, symbols=symbols,
        title=_title(first("245", "a"), first("245", "b"), first("245", "c")) or first("239", "a"),
        date=first("269", "a"), subjects=every("650", "a") + every("610", "a"),
        meetings=every("952", "a"), related=every("993", "a"), vote=first("996", "a"), files=every("856", "u"),
    )


def read_records(path: str | Path) -> list[Record]:
    """The records of an xlsx export or a MARCXML file, told apart by content."""
    p = Path(path)
    data = base.read_bytes(p)
    kind = base.file_kind(data)
    if kind.startswith("a zip archive"):
        return list(read_xlsx(data, p.name))
    if kind == "XML":
        return read_marcxml(data, p.name)
    raise ImportRejected(f"{p.name}: expected a UN Digital Library xlsx export or MARCXML, got {kind}")


# -- validating ------------------------------------------------------------------------------------

def parse_date(text: str) -> date | None:
    """269 $a: 'YYYY-MM-DD' or 'YYYYMMDD' (the Library writes both); None when empty."""
    t = text.strip()
    if not t:
        return None
    m = re.fullmatch(r"(\d{4})-?(\d{2})-?(\d{2})", t)
    if not m:
        raise ValueError(f"269 date {t!r} is not YYYY-MM-DD")
    return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))


def parse_vote(text: str) -> str | None:
    """'Adopted 14-0-1, 7853rd meeting' -> '14-0-1'; 'adopted unanimously' / 'without vote' as said."""
    if not text:
        return None
    m = _VOTE.search(text)
    if m:
        return "-".join(m.groups())
    low = text.lower()
    if "without vote" in low:
        return "without vote"
    if "unanim" in low:
        return "unanimous"
    return None


def _primary(symbols: list) -> tuple:
    for s in symbols:
        if s.organ == "S":
            return s, [o for o in symbols if o is not s]
    return symbols[0], symbols[1:]


def build_batch(records: list[Record], file: str | Path) -> base.Batch:
    """Validate the records into documents and links; bad ones go to the batch's rejected rows."""
    from councilwatch.store import schema

    batch = base.Batch("undl", file)
    now = base.now()
    docs = batch.table(schema.documents, key=("symbol",))
    links = batch.table(schema.document_links, key=("symbol", "related", "relation"))
    for rec in records:
        raw = _split(rec.symbols)
        if not raw:
            batch.reject(rec.position, "no symbol (191/791 $a is empty)")
            continue
        try:
            symbols = [parse_symbol(s) for s in raw]
        except BadSymbol as exc:
            batch.reject(rec.position, f"symbol: {exc}")
            continue
        try:
            day = parse_date(rec.date)
        except ValueError as exc:
            batch.reject(rec.position, str(exc))
            continue
        main, others = _primary(symbols)
        symbol = str(main)
        source = RECORD_URL.format(rec.record_id) if rec.record_id else f"UN Digital Library export {batch.file}"
        prov = base.provenance(source, ORIGIN, f"{batch.file}:{rec.position}", now)
        english = next((f for f in rec.files if re.search(r"-EN\.pdf$", f, re.I)), None)
        subjects = list(dict.fromkeys(s for s in rec.subjects if not s.startswith("(DHLAUTH)")))
        row = {"symbol": symbol, "kind": main.kind, "title": rec.title, "date": day, "subjects": subjects,
               "url": english or main.url, "vote": parse_vote(rec.vote), **prov}
        if not batch.add(docs, row, rec.position):
            continue
        wanted = [(str(o), "issued_as", "191") for o in others]
        for tag, relation, values in (("952", "meeting", rec.meetings), ("993", "related", rec.related)):
            for v in values:
                try:
                    wanted.append((str(parse_symbol(v)), relation, tag))
                except BadSymbol as exc:
                    batch.reject(rec.position, f"{tag} link to {v!r} left out: {exc}")
        for related, relation, _tag in wanted:
            if related != symbol:
                batch.add(links, {"symbol": symbol, "related": related, "relation": relation, **prov}, rec.position)
    return batch


def import_file(store, path: str | Path) -> ImportReport:
    """Read, validate and upsert one Library export (xlsx or MARCXML); returns the report."""
    return base.apply(store, build_batch(read_records(path), path))
