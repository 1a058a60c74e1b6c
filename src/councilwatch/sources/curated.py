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
_ORG_ID = re.compile(r"^[A-Z][A-Z0-9_-]{1,15}$")  # "ARCTIC_COUNCIL", as the extractor spells ids of more than one word


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
    topics: list[dict] = field(default_factory=list)
    meetings: list[dict] = field(default_factory=list)
    meeting_items: list[dict] = field(default_factory=list)
    documents: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    stances: list[dict] = field(default_factory=list)


def _source(row: Row) -> str:
    return row.required("source")


def _date(row: Row, key: str, required: bool = False) -> date | None:
    fd = _fuzzy(row, key, required)
    return fd.earliest if fd is not None else None  # a year or month stands for its first day


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
                raise row.fail(f"organisation id {oid!r} is not an uppercase acronym (letters, digits, - or _)")
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
    _read_brief_facts(out, data_dir, iso3s, org_ids, prov)
    return out


# -- facts for briefs: topics, meetings, documents, events, stances ---------------------------------
# Groups of Council members a stance may name as its actor.
ACTOR_GROUPS = {"P3": ("FRA", "GBR", "USA"), "P5": ("CHN", "FRA", "GBR", "RUS", "USA"), "A3": (), "A3+": (), "E10": ()}
STANCE_POLARITIES = ("supportive", "critical", "opposed", "in_favour", "against", "abstained", "neutral")
_TOPIC_ID = re.compile(r"^[a-z0-9][a-z0-9-]{1,159}$")


def agenda_item_id(title: str) -> str:
    """The agenda item key of a printed title: the meeting importer's key (sources/agenda_titles.py,
    bounded to the store's column there), so curated and imported meetings share items."""
    from councilwatch.sources.agenda_titles import canonical_key

    return canonical_key(title)


def _symbol(row: Row, key: str, text: str) -> str:
    from councilwatch.symbols import BadSymbol, normalise

    try:
        return normalise(text)
    except (BadSymbol, ValueError) as exc:
        raise row.fail(f"{key}: {exc}") from None


def _read_brief_facts(out: Curated, data_dir: Path, iso3s: set[str], org_ids: set[str], prov) -> None:
    """topics.csv, meetings.csv, documents.csv, events.csv, stances.csv (all optional)."""
    agenda: dict[str, dict] = {}

    def agenda_ref(row: Row, title: str) -> str:
        ident = agenda_item_id(title)
        if not ident:
            raise row.fail(f"agenda item {title!r} has no letters or digits")
        agenda.setdefault(ident, {"id": ident, "title": title, "aliases": [], "topic": None, **prov(row)})
        return ident

    topic_ids: set[str] = set()
    path = data_dir / "topics.csv"
    if path.exists():
        for row in read_rows(path, ["id", "title", "aliases", "organisations", "agenda_items", "source"], data_dir):
            tid = row.required("id")
            if not _TOPIC_ID.match(tid):
                raise row.fail(f"topic id {tid!r} is not lowercase letters, digits and hyphens")
            if tid in topic_ids:
                raise row.fail(f"topic {tid} is listed twice")
            topic_ids.add(tid)
            orgs = _split(row.get("organisations"))
            for oid in orgs:
                if oid not in org_ids:
                    raise row.fail(f"unknown organisation {oid!r}")
            items = [agenda_ref(row, title) for title in _split(row.get("agenda_items"))]
            out.topics.append({
                "id": tid, "title": row.required("title"), "aliases": _split(row.get("aliases")),
                "organisations": orgs, "agenda_items": items, "description": row.get("description"), **prov(row),
            })

    def subjects(row: Row, key: str, allow_symbols: bool = False) -> list[str]:
        found = []
        for ident in _split(row.get(key)):
            if ident in topic_ids or ident in org_ids or ident in iso3s:
                found.append(ident)
            elif allow_symbols and "/" in ident:
                found.append(_symbol(row, key, ident))
            else:
                raise row.fail(f"{key}: {ident!r} is not a topic, organisation or state")
        return found

    def actors(row: Row) -> list[str]:
        names = _split(row.get("actors"))
        for a in names:
            if a not in iso3s and a not in org_ids and a not in ACTOR_GROUPS:
                raise row.fail(f"actor {a!r} is not a state (ISO3), organisation or group ({', '.join(ACTOR_GROUPS)})")
        return names

    path = data_dir / "meetings.csv"
    records: set[str] = set()
    if path.exists():
        for row in read_rows(path, ["record", "date", "kind", "agenda_item", "subjects", "summary", "source"], data_dir):
            record = _symbol(row, "record", row.required("record"))
            if not record.startswith("S/PV."):
                raise row.fail(f"record {record!r} is not a Security Council meeting record (S/PV.n)")
            if record in records:
                raise row.fail(f"meeting {record} is listed twice")
            records.add(record)
            day = _fuzzy(row, "date", required=True)
            if not day.is_exact:
                raise row.fail("date: a meeting needs its day (YYYY-MM-DD)")
            item_title = row.required("agenda_item")
            out.meetings.append({
                "record": record, "number": int(record.split(".")[1]), "date": day.earliest, "resumptions": [],
                "kind": row.required("kind"), "subjects": subjects(row, "subjects"), "summary": row.required("summary"),
                **prov(row),
            })
            out.meeting_items.append({"record": record, "position": 1, "agenda_item": agenda_ref(row, item_title),
                                      "title": item_title})

    path = data_dir / "documents.csv"
    symbols_seen: set[str] = set()
    if path.exists():
        vote_re = re.compile(r"^\d{1,3}-\d{1,3}-\d{1,3}$|^without vote$|^adopted unanimously$")
        for row in read_rows(path, ["symbol", "kind", "title", "date", "subjects", "source"], data_dir):
            symbol = _symbol(row, "symbol", row.required("symbol"))
            if symbol in symbols_seen:
                raise row.fail(f"document {symbol} is listed twice")
            symbols_seen.add(symbol)
            vote = row.get("vote") or None
            if vote and not vote_re.match(vote):
                raise row.fail(f"vote {vote!r} is not for-against-abstentions (102-5-28) or 'without vote'")
            day = _fuzzy(row, "date")
            if day is not None and not day.is_exact:
                raise row.fail("date: a document is dated to the day (YYYY-MM-DD) or left empty")
            item = row.get("agenda_item")
            out.documents.append({
                "symbol": symbol, "kind": row.required("kind"), "title": row.required("title"),
                "date": day.earliest if day else None, "subjects": subjects(row, "subjects"),
                "agenda_item": agenda_ref(row, item) if item else None, "url": None, "full_text": None,
                "vote": vote, **prov(row),
            })

    path = data_dir / "events.csv"
    if path.exists():
        for row in read_rows(path, ["when", "kind", "summary", "actors", "topics", "source"], data_dir):
            when = _fuzzy(row, "when", required=True)
            out.events.append({
                **_fuzzy_columns("when", when), "summary": row.required("summary"), "kind": row.required("kind"),
                "actors": actors(row), "topics": subjects(row, "topics"), "quote": None, **prov(row),
            })

    path = data_dir / "stances.csv"
    if path.exists():
        for row in read_rows(path, ["actors", "target", "polarity", "summary", "when", "source"], data_dir):
            target = row.required("target")
            target = subjects(row, "target", allow_symbols=True)[0]
            polarity = row.required("polarity")
            if polarity not in STANCE_POLARITIES:
                raise row.fail(f"unknown polarity {polarity!r} (one of {', '.join(STANCE_POLARITIES)})")
            if not actors(row):
                raise row.fail("missing actors")
            out.stances.append({
                "actors": actors(row), "target": target, "polarity": polarity, "summary": row.required("summary"),
                **_fuzzy_columns("when", _fuzzy(row, "when")), "quote": None, **prov(row),
            })
    out.agenda_items = list(agenda.values())


def _load_brief_facts(conn, curated: Curated, counts: dict) -> None:
    """Replace the curated topics, meetings, documents, events and stances; keep what other origins stored."""
    from sqlalchemy import delete, select

    from councilwatch.store import schema as t

    for table in (t.events, t.stances, t.topics):
        conn.execute(delete(table).where(table.c.origin == ORIGIN))
    curated_records = select(t.meetings.c.record).where(t.meetings.c.origin == ORIGIN)
    conn.execute(delete(t.meeting_items).where(t.meeting_items.c.record.in_(curated_records)))
    conn.execute(delete(t.meetings).where(t.meetings.c.origin == ORIGIN))
    conn.execute(delete(t.documents).where(t.documents.c.origin == ORIGIN, t.documents.c.full_text.is_(None)))

    # Agenda items may also come from the meeting importer: add ours when absent, never delete.
    known_items = set(conn.execute(select(t.agenda_items.c.id)).scalars())
    new_items = [a for a in curated.agenda_items if a["id"] not in known_items]
    if new_items:
        conn.execute(t.agenda_items.insert(), new_items)

    # A meeting or document another origin already stored keeps its row; ours adds subjects and summary.
    stored = {r.record: r for r in conn.execute(select(t.meetings.c.record, t.meetings.c.subjects, t.meetings.c.summary))}
    fresh = [m for m in curated.meetings if m["record"] not in stored]
    for m in curated.meetings:
        if m["record"] in stored:
            old = stored[m["record"]]
            merged = sorted(set(old.subjects or []) | set(m["subjects"]))
            conn.execute(t.meetings.update().where(t.meetings.c.record == m["record"])
                         .values(subjects=merged, summary=old.summary or m["summary"]))
    if fresh:
        conn.execute(t.meetings.insert(), fresh)
        fresh_records = {m["record"] for m in fresh}
        conn.execute(t.meeting_items.insert(), [i for i in curated.meeting_items if i["record"] in fresh_records])
    docs = {r.symbol: r for r in conn.execute(select(t.documents.c.symbol, t.documents.c.subjects))}
    for d in curated.documents:
        if d["symbol"] in docs:
            merged = sorted(set(docs[d["symbol"]].subjects or []) | set(d["subjects"]))
            values = {k: d[k] for k in ("kind", "title", "date", "vote", "agenda_item", "source", "origin", "locator")}
            conn.execute(t.documents.update().where(t.documents.c.symbol == d["symbol"]).values(subjects=merged, **values))
        else:
            conn.execute(t.documents.insert(), [d])
    for table, rows in ((t.topics, curated.topics), (t.events, curated.events), (t.stances, curated.stances)):
        if rows:
            conn.execute(table.insert(), rows)
        counts[table.name] = len(rows)
    counts["meetings"], counts["documents"] = len(curated.meetings), len(curated.documents)


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
        _load_brief_facts(conn, curated, counts)
        store.set_meta(conn, "curated_digest", digest)
    return counts
