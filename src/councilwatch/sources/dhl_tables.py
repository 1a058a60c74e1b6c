"""Read the UN Dag Hammarskjöld Library tables "Meetings conducted by the Security Council in <year>".

The Library publishes one HTML table per year (research.un.org, "Security Council
meetings"): meeting record, date, press release (from 1994), topic, and the
outcome with its vote. This module turns one such page into plain rows; it
knows nothing of the store.

How the printed tables are read:

* Columns are found by their header text (`COLUMNS`), never by position: the
  tables of 2020-2022 add columns for decisions voted by letter (written
  procedure) during the videoconference period, and those map to outcomes
  whose ``procedure`` says so. A header that maps to nothing raises
  `LayoutError` naming it.
* ``rowspan`` cells (a meeting with several agenda items, 1947 ...) and rows with
  an empty record and date (1948) continue the meeting above.
* A topic cell may list several agenda items (blank lines between them, or one
  item per line). Each item becomes its own `MeetingRow`; the outcomes go to the
  item they are printed against when the outcome cell lines up with the items
  (same blank-line blocks, or one outcome per item), else to the first item.
* Outcomes: resolutions with their vote ("15-0-0", "adopted unanimously",
  "without vote"), presidential statements (S/PRST/..., older "S/11229 (PRST)"),
  drafts not adopted and vetoes ("vetoed by USSR" -> ``vetoed_by=["SUN"]``),
  communiqués, notes and letters by the President, elections and the like.
  "--" means no outcome.
* Printing slips the link corrects are corrected and noted (``Outcome.notes``):
  "S/RES/770 (1991)" linked to S/RES/770(1992) at a 1992 meeting is 770 (1992).
  Slips nothing on the page corrects are kept as printed. A row printed twice
  is read once (``MeetingRow.notes`` says so).

Bad input (empty, not HTML, truncated, undecodable) raises `LayoutError` with the
reason.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import NamedTuple

import lxml.etree

from councilwatch.errors import CouncilwatchError
from councilwatch.symbols import BadSymbol, Symbol, find_symbols, parse as parse_symbol

__all__ = ["LayoutError", "Outcome", "MeetingRow", "PageTable", "parse_file", "parse_html", "read_table", "read_meetings",
           "map_header", "COLUMNS",
           "OUTCOME_KINDS", "VETO_MEMBERS"]


class LayoutError(CouncilwatchError, ValueError):
    """A page that is not a DHL meetings table this reader understands; the message says why."""


OUTCOME_KINDS = ("resolution", "presidential_statement", "draft_not_adopted", "press_statement", "statement", "other")


@dataclass(slots=True)
class Outcome:
    """One decision or other result printed in the outcome column."""

    kind: str  # one of OUTCOME_KINDS
    symbol: str | None  # normalised symbol (draft, resolution, PRST ...); None when none is printed
    vote: str | None  # "15-0-0" (for-against-abstentions) when a tally is printed
    vetoed_by: list[str]  # ISO 3166 alpha-3 of the permanent members whose vote was a veto (SUN = USSR)
    text: str  # the outcome as printed (a space restored where a link runs into a word)
    note: str | None = None  # how it was adopted when no tally says it: "adopted unanimously", "without vote" ...
    procedure: str | None = None  # "vote by letter" etc. for outcomes from a written-procedure column
    notes: list[str] = field(default_factory=list)  # corrections made while reading


@dataclass(slots=True)
class MeetingRow:
    """One agenda item of one meeting, as one table row prints it."""

    record: str  # normalised S/PV symbol with resumption or part: "S/PV.3454 (Resumption 2)"
    meeting: int
    resumption: int | None
    date: date
    agenda_title: str  # as printed, whitespace-normalised
    outcomes: list[Outcome]
    position: tuple[str, int]  # (file name, 1-based number of the row in the table, title and header rows included)
    press_releases: list[str] = field(default_factory=list)  # SC/... symbols of the meeting's press release
    closed: bool = False  # printed "(closed)" / "privada": a private meeting
    part: int | None = None  # "(Part II)" records
    other_records: list[str] = field(default_factory=list)  # further records in the same cell (Part II ...)
    remark: str | None = None  # other words in the record cell: "meeting held in Nairobi"
    notes: list[str] = field(default_factory=list)  # what the reader did about this row


# Header text -> field. The first pattern that matches wins; order matters (a
# "vote by letter" column is a written-procedure outcome, not the outcome column).
COLUMNS: list[tuple[str, re.Pattern]] = [
    ("written_outcome", re.compile(r"letter|written|silence procedure|videoconference|\bvtc\b", re.I)),
    ("record", re.compile(r"meeting\s*record|^record$|^meeting$|^symbol$", re.I)),
    ("date", re.compile(r"^date", re.I)),
    ("press_release", re.compile(r"press\s*release", re.I)),
    ("topic", re.compile(r"^topic|agenda|^subject", re.I)),
    ("outcome", re.compile(r"outcome|^vote|action|decision", re.I)),
]
REQUIRED = ("record", "date", "topic")

# How the tables name the permanent members that vetoed -> ISO 3166 alpha-3.
VETO_MEMBERS = {
    "ussr": "SUN", "soviet union": "SUN", "union of soviet socialist republics": "SUN",
    "russian federation": "RUS", "russia": "RUS",
    "usa": "USA", "us": "USA", "united states": "USA", "united states of america": "USA",
    "uk": "GBR", "united kingdom": "GBR",
    "france": "FRA", "china": "CHN",
}

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9

_WS = re.compile(r"\s+")
_VOTE = re.compile(r"(?<![\d/])(\d{1,2})\s*-\s*(\d{1,2})\s*-\s*(\d{1,2})(?![\d/])")
_YEAR_TITLE = re.compile(r"Security\s+Council\s+in\s+((?:19|20)\d\d)", re.I)
_RECORD = re.compile(r"S\s*/\s*PV\.\s*(\d+)((?:\s*\(\s*(?:Resumption|Part)\s*[0-9IVX]*\s*\))?)", re.I)
_DATE = re.compile(r"(\d{1,2})\s*(?:[-/+]\s*\d{1,2}\s*)?([A-Za-z]+)\.?(?:\s+((?:19|20)\d\d))?")
_CLOSED = re.compile(r"\bclosed\b|privada|private", re.I)
# Walking the parsed tree cell by cell costs more than everything else together, so the
# page is marked before lxml parses it and the table is read back as one text: a private-use
# character opens each row and each cell (a cell's rowspan/colspan ride along between span
# marks), and each <br> (also "</br>", which browsers print as a break and libxml2 drops)
# becomes a line separator, because line breaks separate agenda items and outcomes.
_BR = "\u2028"
_ROW, _CELL, _SPAN, _IMPLIED = "\ue001", "\ue002", "\ue003", "\ue004"
_BR_TAG = re.compile(r"<\s*/?\s*[bB][rR]\b[^>]*>")
# Plain "<td>", "<tr>", "<br>" are marked with str.replace (fast); the regular expressions
# only see the tags left over: with attributes, upper case, or odd spacing.
_ROW_TAG = re.compile(r"<[tT][rR](?:\s[^>]*)?>(?!\ue001)")
_CELL_TAG = re.compile(r"<[tT][dDhH](?:\s[^>]*)?>(?!\ue002)")
_SPAN_ATTR = re.compile(r"\b(rowspan|colspan)\s*=\s*[\"']?\s*(\d+)", re.I)
# "</tr> <td>S/PV.8410</td> ... </tr>": a row whose <tr> was left out. Browsers open one;
# libxml2 would hang the cells on the table and drop the "</tr>", so open it here.
_MISSING_TR = re.compile(r"(</[tT][rR]\s*>\s*|<[tT][aA][bB][lL][eE]\b[^>]*>\s*)(<[tT][dDhH][\s>])")
_PARSER = lxml.etree.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True)
_MOJIBAKE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]{1,3}"
)

# Where a new outcome starts inside an outcome cell. Every alternative starts with one of the
# letters in the lookahead (or "-"): testing it first spares trying all eleven at every position.
_OUTCOME_START = re.compile(
    r"(?=[pdscnler-])"
    r"(?:(?P<draft>(?:Power\s+Four\s+)?draft\s+resolutions?)"
    r"|(?P<res>S/RES/)"
    r"|(?P<prst>S/PRST/)"
    r"|(?P<oldprst>S/(?:PV\.)?\d+(?:/\d+)?(?:/(?:Rev|Corr|Add)\.\d+)*\s*\(PRST\))"
    r"|(?P<failed>(?<!and )(?<!& )(?<!, )(?<!resolution )(?<!\()S/\d+(?:/\d+)?(?:/Rev\.\d+)?\s+not\s+adopted)"
    r"|(?P<press>(?:press\s+statement\s*\(?\s*)?(?<![\w/])SC/\d+|press\s+statement)"
    r"|(?P<communique>communiqu[eé])"
    r"|(?P<letter>\b(?:Note|Letter)\b)"
    r"|(?P<bareprst>(?<!\()\bPRST\b)"
    r"|(?P<misc>\b(?:Election|Decision|Referral)\b)"
    r"|(?P<none>(?<![\d-])--(?![\d-])))",
    re.I,
)


def parse_file(path: str | Path) -> list[MeetingRow]:
    """Read one table file; see `parse_html`."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LayoutError(f"{path.name}: cannot read: {exc.strerror or exc}") from exc
    return parse_html(data, path.name)


def parse_html(text_or_bytes: str | bytes, name: str) -> list[MeetingRow]:
    """Read one "Meetings conducted by the Security Council in <year>" page into rows, in printed order."""
    return read_meetings(read_table(text_or_bytes, name))


class PageTable(NamedTuple):
    """A page's meetings table as plain text, before its rows are read: the lxml half of `parse_html`.

    Strings, lists and tuples only, so it crosses to another process cheaply (see dhl_meetings)."""

    name: str
    year: int
    rows: list  # per <tr>: (raw cell texts, (rowspan, colspan) per cell or None, <tr> implied)
    header_at: int  # index of the header row in `rows`
    columns: list[str]  # field of each column (`COLUMNS`)
    html: str  # the decoded page: its links are read when a printed year is doubted


def read_table(text_or_bytes: str | bytes, name: str) -> PageTable:
    """Decode and parse a page and find its meetings table; LayoutError when it is not one."""
    text = _decode(text_or_bytes, name)
    lower = text.lower()
    if "<table" not in lower:
        raise LayoutError(f"{name}: not a meetings table: no <table> element")
    if "</table" not in lower:
        raise LayoutError(f"{name}: truncated: the table is never closed (no </table>)")
    year = _year(text, name)
    html = text
    text = _mark(text)
    try:
        # Plain etree, not lxml.html: its per-element Python class lookup costs more than the
        # parse. UTF-8 bytes with the encoding named parse faster than a str.
        root = lxml.etree.fromstring(text.encode("utf-8"), _PARSER)
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError) as exc:
        raise LayoutError(f"{name}: not HTML: {exc}") from exc
    if root is None:
        raise LayoutError(f"{name}: not HTML: nothing to parse")
    rows, header_at, columns = _find_table(root, name)
    return PageTable(name, year, rows, header_at, columns, html)


def read_meetings(table: PageTable) -> list[MeetingRow]:
    """The meeting rows of a page's table, in printed order; LayoutError for a row that cannot be read."""
    return _read_rows(table.rows, table.header_at, table.columns, table.year, table.name, _Links(table.html))


def _mark(text: str) -> str:
    """The page with row, cell and line-break marks (see `_ROW`)."""
    text = _MISSING_TR.sub(r"\1<tr cw-implied>\2", text)
    for br in ("<br>", "<br/>", "<br />", "</br>"):
        text = text.replace(br, _BR)
    text = _BR_TAG.sub(_BR, text)
    text = text.replace("<tr>", "<tr>" + _ROW).replace("<td>", "<td>" + _CELL).replace("<th>", "<th>" + _CELL)
    text = _ROW_TAG.sub(_mark_row, text)
    return _CELL_TAG.sub(_mark_cell, text)


def _mark_row(m: re.Match) -> str:
    return m.group(0) + _ROW + (_IMPLIED if "cw-implied" in m.group(0) else "")


def _mark_cell(m: re.Match) -> str:
    tag = m.group(0)
    if "span" not in tag.lower():
        return tag + _CELL
    spans = {k.lower(): max(1, int(v)) for k, v in _SPAN_ATTR.findall(tag)}
    return f"{tag}{_CELL}{_SPAN}{spans.get('rowspan', 1)},{spans.get('colspan', 1)}{_SPAN}"


# --- decoding -----------------------------------------------------------------------------


def _decode(data: str | bytes, name: str) -> str:
    if isinstance(data, str):
        text = data
    elif isinstance(data, (bytes, bytearray)):
        data = bytes(data)
        if not data.strip():
            raise LayoutError(f"{name}: empty file")
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            try:
                text = data.decode("utf-16")
            except UnicodeDecodeError as exc:
                raise LayoutError(f"{name}: bad UTF-16: {exc.reason} at byte {exc.start}") from exc
        elif b"\x00" in data:
            raise LayoutError(f"{name}: NUL bytes: not an HTML text file (binary, or UTF-16 without a byte order mark)")
        else:
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError:
                try:  # older pages were saved as Windows-1252
                    text = data.decode("cp1252")
                except UnicodeDecodeError as exc:
                    raise LayoutError(
                        f"{name}: wrong encoding: neither UTF-8 nor Windows-1252 (byte {data[exc.start]:#x} at {exc.start})"
                    ) from exc
    else:
        raise LayoutError(f"{name}: expected text or bytes, got {type(data).__name__}")
    if not text.strip():
        raise LayoutError(f"{name}: empty file")
    # Pages from 2014 on were saved as UTF-8 read as Windows-1252 and saved again:
    # "ï»¿" (a byte order mark) and "LeÃ±o" (Leño). Undo that where it decodes cleanly.
    if text.isascii():  # most pages: nothing to undo or remove
        return text
    text = _MOJIBAKE.sub(_unmojibake, text).replace("\ufeff", "")
    return text.translate(_NO_MARKS)  # the marks are ours alone


_NO_MARKS = dict.fromkeys(map(ord, _ROW + _CELL + _SPAN + _IMPLIED))


def _unmojibake(m: re.Match) -> str:
    try:
        return m.group(0).encode("cp1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return m.group(0)


# --- table and header -----------------------------------------------------------------------


def _year(text: str, name: str) -> int:
    m = _title_year(text)
    if not m:
        m = re.search(r"(?<!\d)((?:19|20)\d\d)(?!\d)", name)
    if not m:
        raise LayoutError(f"{name}: no year: neither the title 'Meetings conducted by the Security Council in <year>' "
                          f"nor the file name gives one")
    return int(m.group(1))


_TAG = re.compile(r"<[^>]*>")


def _title_year(text: str) -> re.Match | None:
    """The title row's "... Security Council in 1946", searched in the first 20,000 characters with the
    tags taken out.

    The title comes first, so the first 2,000 are tried alone: up to the first "<" left in them (a tag
    the cut opened) they read as the 20,000 do, so a match that ends there is the same match."""
    head = _TAG.sub(" ", text[:2000])
    m = _YEAR_TITLE.search(head)
    cut_tag = head.find("<")
    if m and m.end() <= (len(head) if cut_tag < 0 else cut_tag):
        return m
    return _YEAR_TITLE.search(_TAG.sub(" ", text[:20000]))


def _text(raw: str) -> str:
    return " ".join(raw.split())


def map_header(texts: list[str], name: str = "<table>") -> list[str]:
    """Map header texts to field names (see `COLUMNS`); raise `LayoutError` naming a header that maps to nothing."""
    fields = []
    for t in texts:
        for fname, pat in COLUMNS:
            if pat.search(t):
                fields.append(fname)
                break
        else:
            raise LayoutError(f"{name}: cannot map column header {t!r} (known: meeting record, date, press release, "
                              f"topic, outcome/vote, vote by letter)")
    for req in REQUIRED:
        if req not in fields:
            raise LayoutError(f"{name}: no {req!r} column among headers {texts}")
    if "outcome" not in fields and "written_outcome" not in fields:
        raise LayoutError(f"{name}: no outcome column among headers {texts}")
    return fields


def _find_table(root, name: str):
    """The meetings table's rows, the index of its header row, and the field of each column."""
    seen = []
    for table in root.iter("table"):
        rows = _table_rows(table)
        for at, (cells, spans, _) in enumerate(rows[:50]):
            if len(cells) >= 3 and not spans:
                texts = [_text(c) for c in cells]
                if any(re.search(r"meeting\s*record", t, re.I) for t in texts):
                    return rows, at, map_header(texts, name)
                seen.append(texts)
    if seen:
        raise LayoutError(f"{name}: no meetings header row (with 'Meeting Record'); rows seen: {seen[:3]}")
    raise LayoutError(f"{name}: no header row: not a DHL meetings table")


def _table_rows(table) -> list[tuple[list[str], list[tuple[int, int]] | None, bool]]:
    """The table's rows as (cell texts, (rowspan, colspan) of each cell or None when all are 1, implied <tr>),
    read from one text of the whole table split at the marks."""
    text = lxml.etree.tostring(table, method="text", encoding="unicode", with_tail=False)
    rows = []
    for chunk in text.split(_ROW)[1:]:
        cells = chunk.split(_CELL)[1:]  # [0]: whitespace before the first cell
        spans = None
        if _SPAN in chunk:
            spans = []
            for k, part in enumerate(cells):
                if part.startswith(_SPAN):
                    end = part.index(_SPAN, 1)
                    rs, cs = part[1:end].split(",")
                    cells[k] = part[end + 1:]
                    spans.append((int(rs), int(cs)))
                else:
                    spans.append((1, 1))
        rows.append((cells, spans, chunk.startswith(_IMPLIED)))
    return rows


# --- cells ------------------------------------------------------------------------------------


def _lines(raw: str) -> list[str]:
    """A cell's text split at line breaks, each line whitespace-normalised (inner blank lines kept)."""
    lines = [" ".join(p.split()) for p in raw.split(_BR)]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _blocks(lines: list[str]) -> list[list[str]]:
    """Lines grouped into blocks separated by blank lines (leading blank lines give empty blocks)."""
    blocks: list[list[str]] = [[]]
    for ln in lines:
        if ln:
            blocks[-1].append(ln)
        elif blocks[-1] or len(blocks) == 1:
            blocks.append([])
    if blocks and not blocks[-1] and len(blocks) > 1:
        blocks.pop()
    return blocks


def _agenda_items(lines: list[str]) -> list[str]:
    """The agenda items a topic cell lists: blocks split at blank lines, and lines that start a new title."""
    items: list[str] = []
    for block in _blocks(lines):
        current = ""
        for ln in block:
            # A line continues the title when it opens with "(" (the documents of a letter), a
            # lower-case word, or follows a line ending in ":" / "-" ("UN peacekeeping:<br>Medal").
            starts_new = current and ln[0].isupper() and not current.endswith((":", "-", "\u2014", ","))
            if starts_new:
                items.append(current)
                current = ln
            else:
                current = f"{current} {ln}".strip()
        if current:
            items.append(current)
    return items or [""]


_RECORD_PLAIN = re.compile(r"S/PV\.([1-9][0-9]{0,5})")
_RECORD_COMMON = re.compile(
    r"S/PV\.([1-9][0-9]{0,5}) ?(?:\( ?Resumption ?([1-9][0-9]?) ?\))? ?(\(? ?closed ?\)?)?", re.I)


def _record(cell_text: str, name: str, tr_no: int) -> tuple[tuple, bool, str | None]:
    """((record, meeting, resumption, part, other records), closed, remark) from a record cell."""
    if m := _RECORD_PLAIN.fullmatch(cell_text):  # most rows: "S/PV.8439"
        return (cell_text, int(m.group(1)), None, None, []), False, None
    if m := _RECORD_COMMON.fullmatch(cell_text):  # "S/PV.77 (closed)", "S/PV.6865 (Resumption1)"
        n, res = int(m.group(1)), (int(m.group(2)) if m.group(2) else None)
        rec = f"S/PV.{n} (Resumption {res})" if res else f"S/PV.{n}"
        return (rec, n, res, None, []), bool(m.group(3)), None
    found: list[Symbol] = []
    for m in _RECORD.finditer(cell_text):
        if not m.group(2):  # "S/PV.77 (closed)": the number alone
            found.append(Symbol("S", "meeting_record", f"S/PV.{int(m.group(1))}", None, int(m.group(1))))
            continue
        try:
            sym = parse_symbol(f"S/PV.{m.group(1)}{m.group(2)}")
        except BadSymbol as exc:
            raise LayoutError(f"{name} row {tr_no}: bad meeting record {m.group(0)!r}: {exc.reason}") from exc
        found.append(sym)
    if not found:
        raise LayoutError(f"{name} row {tr_no}: no meeting record symbol (S/PV.<n>) in {cell_text!r}")
    rest = _RECORD.sub(" ", cell_text)
    rest = re.sub(r"\+?\s*Corr\.\s*\d*", " ", rest)
    closed = bool(_CLOSED.search(rest))
    rest = _CLOSED.sub(" ", rest)
    remark = _WS.sub(" ", re.sub(r"[()]", " ", rest)).strip() or None
    main = found[0]
    mods = dict(main.modifiers)
    record = (str(main), main.number, mods.get("Resumption"), mods.get("Part"), [str(r) for r in found[1:]])
    return record, closed, remark


def _date(cell_text: str, year: int, name: str, tr_no: int) -> date:
    key = (cell_text, year)
    if key not in _DATES:
        _DATES[key] = _read_date(cell_text, year, name, tr_no)
    return _DATES[key]


_DATES: dict[tuple[str, int], date] = {}  # "21 December", 2018 -> date: the same days recur row after row


def _read_date(cell_text: str, year: int, name: str, tr_no: int) -> date:
    m = _DATE.search(cell_text)
    if not m or m.group(2).lower() not in MONTHS:
        raise LayoutError(f"{name} row {tr_no}: cannot read date {cell_text!r}")
    y = int(m.group(3)) if m.group(3) else year
    try:
        return date(y, MONTHS[m.group(2).lower()], int(m.group(1)))
    except ValueError as exc:
        raise LayoutError(f"{name} row {tr_no}: no such date {cell_text!r} in {y}") from exc


_ONE_PRESS = re.compile(r"SC/[1-9][0-9]{0,5}")
_PRESS = re.compile(r"(?<![A-Za-z/])([A-Z]{2,6}(?:/[A-Z]{1,4})?/\d+(?:/Rev\.\d+)?)|\+\s*(Corr|Rev|Add)\.\s*(\d*)")


def _press_releases(cell_text: str) -> list[str]:
    if _ONE_PRESS.fullmatch(cell_text):
        return [cell_text]
    out: list[str] = []
    for m in _PRESS.finditer(cell_text):
        if m.group(1):
            try:
                sym = parse_symbol(m.group(1))
            except BadSymbol:
                continue
            if sym.kind == "press_release":
                out.append(str(sym))
        elif out:  # "SC/6303+Corr.1" -> SC/6303, SC/6303/Corr.1
            out.append(f"{str(parse_symbol(out[-1]).base)}/{m.group(2).capitalize()}.{m.group(3) or 1}")
    return out


# --- outcomes ----------------------------------------------------------------------------------


_VETOED_BY = re.compile(r"vetoed\s+by\s*(.*?)(?=\d|\(|$)", re.I | re.S)
_NAME_LIST = re.compile(r",|\band\b|&")
_LEADING_THE = re.compile(r"^the\s+")


def _vetoers(segment: str) -> tuple[list[str], list[str]]:
    m = _VETOED_BY.search(segment)
    if not m:
        return [], []
    names = [n.strip(" .").lower() for n in _NAME_LIST.split(m.group(1))]
    codes, unknown = [], []
    for n in filter(None, names):
        n = _LEADING_THE.sub("", n)
        if n in VETO_MEMBERS:
            codes.append(VETO_MEMBERS[n])
        else:
            unknown.append(n)
    return codes, unknown


def _first_symbol(segment: str, kinds: tuple[str, ...] | None = None) -> str | None:
    for _, _, sym in find_symbols(segment):
        if kinds is None or sym.kind in kinds:
            return str(sym)
    return None


_EDGE_AND = re.compile(r"^(?:and|&|\+)\s+|\s+(?:and|&|\+)$")
_ADOPTION = {"adopted unanimously": "adopted unanimously", "without vote": "without vote",
             "without a vote": "without vote", "adopted by consensus": "adopted by consensus"}


def _outcome_note(segment: str, drop: list[str]) -> str | None:
    """What the segment says beyond its symbol and tally: "adopted unanimously", "1 absent" ..."""
    rest = segment
    for d in drop:
        rest = rest.replace(d, " ")
    rest = _VOTE.sub(" ", rest)
    rest = _WS.sub(" ", rest).strip(" +&,;.\n")
    rest = _EDGE_AND.sub("", rest).strip()
    if rest.startswith("(") and rest.endswith(")"):
        rest = rest[1:-1].strip(" .")
    return _ADOPTION.get(rest.lower(), rest) or None


_GLUED = re.compile(r"(?<=[a-z])(?=S/)|(?<=[0-9])(?=[a-z]{3})")
_ONE_RES = re.compile(r"S/RES/([1-9][0-9]{0,4}) ?\(([0-9]{4})\) ?([0-9]{1,2}-[0-9]{1,2}-[0-9]{1,2})")
_ONE_PRST = re.compile(r"S/PRST/[0-9]{4}/[1-9][0-9]{0,2}")
_TRAILING_AND = re.compile(r"\s+(?:and|&)$")
_RES_NUMBER = re.compile(r"S/RES/\s*(\d+)\s*(?:\(\s*(\d{4})\s*\)?)?")
_FIRST_WORD = re.compile(r"[A-Za-z]+")


def _lone_prst(flat: str) -> str | None:
    """`_first_symbol(flat, ("presidential_statement",))` for a cell that is one S/PRST symbol: the
    whole text is the first symbol it would try, so parse that alone (a fifth of the cost)."""
    try:
        sym = parse_symbol(flat)
    except BadSymbol:
        sym = None
    if sym is not None and sym.kind == "presidential_statement":
        return str(sym)
    return _first_symbol(flat, ("presidential_statement",))


def _parse_outcomes(text: str, links: _Links, year: int, procedure: str | None) -> list[Outcome]:
    """Outcomes printed in one (block of an) outcome cell, left to right."""
    flat = " ".join(text.split())
    if not flat or flat in ("--", "-", "\u2014"):
        return []
    # Most cells hold one resolution with its tally or one presidential statement.
    if m := _ONE_RES.fullmatch(flat):
        if int(m.group(2)) == year:
            return [Outcome("resolution", f"S/RES/{m.group(1)} ({year})", m.group(3), [], flat, None, procedure)]
    elif _ONE_PRST.fullmatch(flat) and (sym := _lone_prst(flat)):
        return [Outcome("presidential_statement", sym, None, [], flat, None, procedure)]
    # Links printed against words read "resolutionS/1994/1358vetoed": part them for reading.
    flat = _GLUED.sub(" ", flat)
    starts = [m for m in _OUTCOME_START.finditer(flat)]
    bounds = [m.start() for m in starts]
    segments: list[tuple[str | None, str]] = []
    if not bounds or bounds[0] > 0:
        lead = flat[: bounds[0] if bounds else len(flat)].strip(" +&,")
        if lead:
            segments.append((None, lead))
    for i, m in enumerate(starts):
        end = bounds[i + 1] if i + 1 < len(bounds) else len(flat)
        segments.append((m.lastgroup, flat[m.start():end].strip(" +&,")))

    out: list[Outcome] = []
    for group, seg in segments:
        seg = _TRAILING_AND.sub("", seg).strip()
        if group == "none" or not seg or seg == "--":
            continue
        vm = _VOTE.search(seg)
        vote = "-".join(vm.groups()) if vm else None
        notes: list[str] = []
        if group == "draft" or group == "failed":
            vetoed_by, unknown = _vetoers(seg)
            if unknown:
                notes.append(f"unrecognised vetoing member(s): {', '.join(unknown)}")
            sym = _first_symbol(seg)
            out.append(Outcome("draft_not_adopted", sym, vote, vetoed_by, seg, None, procedure, notes))
        elif group == "res":
            m = _RES_NUMBER.match(seg)
            if not m:
                notes.append("no resolution number printed")
                out.append(Outcome("resolution", None, vote, [], seg, None, procedure, notes))
                continue
            number, printed_year = int(m.group(1)), (int(m.group(2)) if m.group(2) else None)
            res_year = printed_year
            linked = links.years(number) if printed_year != year else set()
            if printed_year != year and year in linked:
                notes.append(f"printed as S/RES/{number} ({printed_year}); the link and the meeting date give {year}")
                res_year = year
            elif res_year is None and len(linked) == 1:
                res_year = next(iter(linked))
                notes.append(f"printed without its year; the link gives {res_year}")
            elif res_year is not None and res_year != year:
                notes.append(f"printed year {res_year} is not the meeting's year {year}; kept as printed")
            sym = f"S/RES/{number} ({res_year})" if res_year else f"S/RES/{number}"
            out.append(Outcome("resolution", sym, vote, [], seg, _outcome_note(seg, [m.group(0)]), procedure, notes))
        elif group == "prst":
            sym = _first_symbol(seg, ("presidential_statement",))
            out.append(Outcome("presidential_statement", sym, None, [], seg, None, procedure, notes))
        elif group == "oldprst":
            sym = _first_symbol(seg)
            out.append(Outcome("presidential_statement", sym, None, [], seg, _outcome_note(seg, [sym or "", "(PRST)"]),
                               procedure, notes))
        elif group == "bareprst":
            out.append(Outcome("presidential_statement", None, None, [], seg, _outcome_note(seg, ["PRST"]),
                               procedure, notes))
        elif group == "press":
            sym = _first_symbol(seg, ("press_release",))
            out.append(Outcome("press_statement", sym, None, [], seg, None, procedure, notes))
        elif group == "communique":
            out.append(Outcome("statement", None, None, [], seg, "communiqué", procedure, notes))
        elif group == "letter":
            kind_word = _FIRST_WORD.match(seg).group(0).lower()
            out.append(Outcome("statement", _first_symbol(seg), None, [], seg, kind_word, procedure, notes))
        else:  # elections, decisions, referrals, a bare document symbol, anything else
            out.append(Outcome("other", _first_symbol(seg), vote, [], seg, None, procedure, notes))
    return out


class _Links:
    """Years of the resolutions the page links to ("S/RES/770 (1992)"), read only when a printed year is doubted."""

    def __init__(self, html: str):
        self.html = html
        self._years: dict[int, set[int]] | None = None

    def years(self, number: int) -> set[int]:
        if self._years is None:
            self._years = {}
            for n, y in re.findall(r"href=[\"'][^\"']*S/RES/(\d+)\s*(?:%20)?\s*\((\d{4})\)", self.html):
                self._years.setdefault(int(n), set()).add(int(y))
        return self._years.get(number, set())


def _cell_outcome_blocks(raw: str, links: _Links, year: int, procedure: str | None
                         ) -> tuple[list[list[Outcome]], list[Outcome]]:
    """Outcomes of a cell, both per blank-line block and all together."""
    flat = " ".join(raw.split())
    if flat == "--":  # half the rows: no outcome
        return [[]], []
    if not raw.lstrip(" \t\r\n\xa0").startswith(_BR):  # nothing printed against a later item: one block
        if (m := _ONE_RES.fullmatch(flat)) and int(m.group(2)) == year:  # most other rows
            outs = [Outcome("resolution", f"S/RES/{m.group(1)} ({year})", m.group(3), [], flat, None, procedure)]
            return [outs], outs
        if _ONE_PRST.fullmatch(flat) and (sym := _lone_prst(flat)):
            outs = [Outcome("presidential_statement", sym, None, [], flat, None, procedure)]
            return [outs], outs
        if flat in ("Communiqué", "communiqué"):
            outs = [Outcome("statement", None, None, [], flat, "communiqué", procedure)]
            return [outs], outs
    lines = _lines(raw) if _BR in raw else None
    if lines is None or "" not in lines:  # one block: no blank line sets outcomes apart
        outs = _parse_outcomes(flat, links, year, procedure)
        return [outs], outs
    blocks = [_parse_outcomes("\n".join(b), links, year, procedure) for b in _blocks(lines)]
    return blocks, [o for b in blocks for o in b]


# --- rows ----------------------------------------------------------------------------------------


def _fill_grid(cells: list[str], spans, carried: dict[int, list], ncols: int) -> tuple[list, list[str]]:
    """Place a row's cells in columns, under cells of rows above that span into it; update `carried`."""
    grid: list[str | None] = [None] * ncols  # raw text of each column; None: no cell printed
    spans = spans or [(1, 1)] * len(cells)
    k = 0
    for i in range(ncols):
        if grid[i] is not None:
            continue
        if i in carried:
            raw, left = carried[i]
            grid[i] = raw
            if left <= 1:
                del carried[i]
            else:
                carried[i][1] = left - 1
            continue
        if k >= len(cells):
            break
        grid[i] = cells[k]
        rowspan, colspan = spans[k]
        k += 1
        for j in range(1, min(colspan, ncols - i)):
            grid[i + j] = ""  # covered by a colspan: no content of its own
        if rowspan > 1:
            carried[i] = [grid[i], rowspan - 1]
    return grid, [_text(c) for c in cells[k:]]


def _share_outcomes(n_items: int, blocks: list[list[Outcome]], outcomes: list[Outcome], written: list[Outcome]
                    ) -> list[list[Outcome]]:
    """Each agenda item's outcomes (new lists): by blank-line block, or one each, when they line up with
    the items; else all on the first item. Outcomes voted by letter go to the first item."""
    if n_items == 1:  # most rows
        return [outcomes + written]
    if len(blocks) == n_items:
        per_item = [list(b) for b in blocks]
    elif len(outcomes) == n_items:
        per_item = [[o] for o in outcomes]
    else:
        per_item = [list(outcomes)] + [[] for _ in range(n_items - 1)]
    per_item[0].extend(written)
    return per_item


def _read_rows(all_rows: list, header_at: int, columns: list[str], year: int, name: str,
               links: _Links) -> list[MeetingRow]:
    ncols = len(columns)
    col = {f: i for i, f in reversed(list(enumerate(columns)))}
    header_texts = [_text(c) for c in all_rows[header_at][0]]
    written_cols = [(i, header_texts[i].lower()) for i, f in enumerate(columns) if f == "written_outcome"]
    i_record, i_date, i_topic = col["record"], col["date"], col["topic"]
    i_press, i_outcome = col.get("press_release"), col.get("outcome")

    rows: list[MeetingRow] = []
    carried: dict[int, list] = {}  # column -> [cell, rows still to cover]
    last_meeting = None  # (record, closed, remark, date, press releases) of the row above
    seen: dict[tuple, MeetingRow] = {}
    head_word = header_texts[0].split()[0] if header_texts[0] else ""  # cheap test before the full comparison
    for tr_no in range(header_at + 2, len(all_rows) + 1):
        cells, spans, implied = all_rows[tr_no - 1]
        if not cells and not carried:
            continue
        if (len(cells) == ncols and head_word in cells[0] and _text(cells[0]) == header_texts[0]
                and [_text(c) for c in cells] == header_texts):
            continue  # a repeated header row
        if not carried and not spans and len(cells) <= ncols:  # most rows: one cell per column
            grid: list[str | None] = cells if len(cells) == ncols else cells + [None] * (ncols - len(cells))
            extra: list[str] = []
        else:
            grid, extra = _fill_grid(cells, spans, carried, ncols)
        row_notes: list[str] = ["cells printed without a <tr>: read as one row"] if implied else []
        if extra:
            if any(t not in ("", "--") for t in extra):
                raise LayoutError(f"{name} row {tr_no}: {len(cells)} cells for {ncols} columns "
                                  f"({[_text(c) for c in cells]})")
            row_notes.append(f"{len(extra)} empty extra cell(s) ignored")

        rec_text, date_text = " ".join((grid[i_record] or "").split()), " ".join((grid[i_date] or "").split())
        if not rec_text and not date_text:
            if last_meeting is None:
                raise LayoutError(f"{name} row {tr_no}: no meeting record and no meeting above to continue")
            record, closed, remark, day, press = last_meeting
            row_notes.append("record and date cells empty: continues the meeting above")
        else:
            record, closed, remark = _record(rec_text, name, tr_no)
            day = _date(date_text, year, name, tr_no)
            press = _press_releases(_text(grid[i_press] or "")) if i_press is not None else []
            last_meeting = (record, closed, remark, day, press)

        topic = grid[i_topic] or ""
        items = _agenda_items(_lines(topic)) if _BR in topic else [_text(topic)]

        outcome_blocks: list[list[Outcome]] = []
        all_outcomes: list[Outcome] = []
        if i_outcome is not None and grid[i_outcome]:
            outcome_blocks, all_outcomes = _cell_outcome_blocks(grid[i_outcome], links, day.year, None)
        written: list[Outcome] = []
        for wi, wname in written_cols:
            if grid[wi]:
                written.extend(_cell_outcome_blocks(grid[wi], links, day.year, wname)[1])

        per_item = _share_outcomes(len(items), outcome_blocks, all_outcomes, written)
        if len(items) > 1 and all_outcomes and len(outcome_blocks) != len(items) and len(all_outcomes) != len(items):
            row_notes.append(f"{len(all_outcomes)} outcome(s) for {len(items)} agenda items: all put on the first")

        rec, meeting, res, part, others = record
        several = len(items) > 1  # rows never share a list: callers may change one row's
        for item, outs in zip(items, per_item):
            row = MeetingRow(  # positional (in field order): this runs for every row of every page
                rec, meeting, res, day, item, outs, (name, tr_no), list(press), closed, part, list(others), remark,
                list(row_notes) if several else row_notes,
            )
            key = (rec, day, item, tuple([(o.kind, o.symbol, o.vote, o.text) for o in outs]) if outs else ())
            if key in seen:
                seen[key].notes.append(f"row {tr_no} prints this row again; read once")
                continue
            seen[key] = row
            rows.append(row)
    if not rows:
        raise LayoutError(f"{name}: the table has a header but no meeting rows")
    return rows
