"""Claims extracted from texts: stored with their document, span and quote; linked, reviewed, decided.

A claim is `linked` when it agrees with a fact already known (its `fact` names
the row, "memberships:12"), `pending` when it is new or contradicts the
knowledge base, and `accepted` or `rejected` once a person decides. Accepting
writes its facts with origin "claim" and the document as their source.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

from sqlalchemy import Connection, and_, func, or_, select

from councilwatch.errors import CouncilwatchError, MissingData
from councilwatch.model import MEMBERSHIP_STATUSES
from councilwatch.store import schema as t

ORIGIN = "claim"
LINKED, PENDING, ACCEPTED, REJECTED = "linked", "pending", "accepted", "rejected"


class ClaimNotFound(CouncilwatchError, LookupError):
    """No claim with that id."""


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


# -- documents ----------------------------------------------------------------------------------
def upsert_document(conn: Connection, row: dict, symbols: list[tuple[int, int, str]]) -> bool:
    """Store a document with its full text and the symbols it names; False when it was already stored."""
    key = row["symbol"]
    if conn.execute(select(t.documents.c.symbol).where(t.documents.c.symbol == key)).first():
        existing = conn.execute(select(t.documents.c.full_text).where(t.documents.c.symbol == key)).scalar()
        if existing:
            return False
        conn.execute(t.documents.update().where(t.documents.c.symbol == key).values(full_text=row["full_text"]))
    else:
        conn.execute(t.documents.insert().values(**row))
    conn.execute(t.document_symbols.delete().where(t.document_symbols.c.document == key))
    if symbols:
        conn.execute(t.document_symbols.insert(), [{"document": key, "start": a, "end": b, "symbol": s} for a, b, s in symbols])
    return True


# -- linking ---------------------------------------------------------------------------------------
def _overlaps(col_e, col_l, earliest: date, latest: date):
    return and_(col_e <= latest, or_(col_l.is_(None), col_l >= earliest))


def find_membership(conn: Connection, fact: dict) -> int | None:
    """The id of a known period that agrees with a membership fact, or None."""
    e, l = _day(fact["earliest"]), _day(fact["latest"])
    m = t.memberships
    statuses = [fact["status"]]
    if fact["status"] == "member":
        # A list of members names states that still belong, whatever their participation.
        statuses = sorted(s.value for s in MEMBERSHIP_STATUSES)
    q = select(m.c.id).where(
        m.c.organisation == fact["organisation"], m.c.state == fact["state"], m.c.status.in_(statuses),
        m.c.start_earliest <= l, or_(m.c.end_earliest.is_(None), m.c.end_earliest > e),
    ).order_by(m.c.start_earliest)
    return conn.execute(q).scalar()


def find_event(conn: Connection, fact: dict) -> int | None:
    ev = t.events
    rows = conn.execute(select(ev.c.id, ev.c.actors).where(
        ev.c.kind == fact["kind"], ev.c.when_earliest == _day(fact["earliest"]), ev.c.when_latest == _day(fact["latest"]))).all()
    for rid, actors in rows:
        if set(actors or []) & set(fact["actors"]) or not (actors or fact["actors"]):
            return rid
    return None


def find_stance(conn: Connection, fact: dict) -> int | None:
    st = t.stances
    rows = conn.execute(select(st.c.id, st.c.actors).where(st.c.target == fact["target"], st.c.polarity == fact["polarity"])).all()
    for rid, actors in rows:
        if sorted(actors or []) == sorted(fact["actors"]):
            return rid
    return None


def find_meeting(conn: Connection, fact: dict) -> str | None:
    row = conn.execute(select(t.meetings.c.record, t.meetings.c.date).where(t.meetings.c.record == fact["record"])).first()
    return row.record if row is not None and row.date == _day(fact["date"]) else None


def find_document(conn: Connection, fact: dict) -> str | None:
    row = conn.execute(select(t.documents.c.symbol, t.documents.c.date).where(t.documents.c.symbol == fact["symbol"])).first()
    if row is None:
        return None
    return row.symbol if fact.get("date") is None or row.date is None or row.date == _day(fact["date"]) else None


_FINDERS = {"membership": ("memberships", find_membership), "event": ("events", find_event),
            "stance": ("stances", find_stance), "meeting": ("meetings", find_meeting), "document": ("documents", find_document)}


def link(conn: Connection, kind: str, facts: list[dict]) -> str | None:
    """'table:id;table:id' when every fact of the claim is already known, else None."""
    table, finder = _FINDERS[kind]
    ids = []
    for f in facts:
        found = finder(conn, f)
        if found is None:
            return None
        ids.append(f"{table}:{found}")
    return ";".join(dict.fromkeys(ids))[:80]


# -- storing and deciding ----------------------------------------------------------------------------
def add_claim(conn: Connection, document: str, kind: str, facts: list[dict], start: int, end: int,
              quote: str, sentence: tuple[int, int]) -> tuple[int, str, bool]:
    """Store a claim unless the same (document, kind, span) is stored; returns (id, state, created)."""
    c = t.claims
    old = conn.execute(select(c.c.id, c.c.state).where(c.c.document == document, c.c.kind == kind,
                                                       c.c.start == start, c.c.end == end)).first()
    if old is not None:
        return old.id, old.state, False
    fact = link(conn, kind, facts)
    state = LINKED if fact else PENDING
    rid = conn.execute(c.insert().values(
        document=document, kind=kind, payload={"facts": facts, "sentence": list(sentence)},
        start=start, end=end, quote=quote, state=state, fact=fact, created_at=_now())).inserted_primary_key[0]
    return rid, state, True


def list_claims(conn: Connection, state: str | None = PENDING, document: str | None = None) -> list[dict]:
    c = t.claims
    q = select(c).order_by(c.c.id)
    if state:
        q = q.where(c.c.state == state)
    if document:
        q = q.where(c.c.document == document)
    return [dict(r._mapping) for r in conn.execute(q)]


def get_claim(conn: Connection, claim_id: int) -> dict:
    row = conn.execute(select(t.claims).where(t.claims.c.id == claim_id)).first()
    if row is None:
        raise ClaimNotFound(f"no claim {claim_id} (see 'councilwatch review')")
    return dict(row._mapping)


def reject(conn: Connection, claim_id: int) -> dict:
    claim = get_claim(conn, claim_id)
    if claim["state"] != PENDING:
        raise CouncilwatchError(f"claim {claim_id} is {claim['state']}, not pending")
    conn.execute(t.claims.update().where(t.claims.c.id == claim_id).values(state=REJECTED))
    return {**claim, "state": REJECTED}


def accept(conn: Connection, claim_id: int) -> dict:
    """Turn a pending claim's facts into facts of the knowledge base, sourced to its document."""
    claim = get_claim(conn, claim_id)
    if claim["state"] != PENDING:
        raise CouncilwatchError(f"claim {claim_id} is {claim['state']}, not pending")
    prov = {"source": claim["document"], "origin": ORIGIN, "locator": f"claim {claim_id}: chars {claim['start']}-{claim['end']}",
            "recorded_at": _now()}
    refs = [_write_fact(conn, claim["kind"], f, claim["quote"], prov) for f in claim["payload"]["facts"]]
    fact = ";".join(refs)[:80]
    conn.execute(t.claims.update().where(t.claims.c.id == claim_id).values(state=ACCEPTED, fact=fact))
    return {**claim, "state": ACCEPTED, "fact": fact}


def _fuzzy(prefix: str, earliest: str, latest: str) -> dict:
    from councilwatch.dates import FuzzyDate, Precision

    e, l = _day(earliest), _day(latest)
    fd = FuzzyDate(e, l, Precision.DAY)
    return {prefix: fd.edtf(), f"{prefix}_earliest": e, f"{prefix}_latest": l}


def _write_fact(conn: Connection, kind: str, f: dict, quote: str, prov: dict) -> str:
    if kind == "membership":
        for table, key, value in ((t.organisations, t.organisations.c.id, f["organisation"]), (t.states, t.states.c.iso3, f["state"])):
            if conn.execute(select(key).where(key == value)).first() is None:
                raise MissingData(f"{value} is not in the knowledge base; add it to the curated files before accepting")
        m = t.memberships
        # The new status starts on the claim's date: the state's open period before it ends there.
        start = _day(f["earliest"])
        conn.execute(m.update().where(m.c.organisation == f["organisation"], m.c.state == f["state"],
                                      m.c.end_earliest.is_(None), m.c.start_earliest < start)
                     .values(**_fuzzy("end", f["earliest"], f["earliest"])))
        later = conn.execute(select(func.min(m.c.start_earliest)).where(
            m.c.organisation == f["organisation"], m.c.state == f["state"], m.c.start_earliest > start)).scalar()
        end = _fuzzy("end", later.isoformat(), later.isoformat()) if later else {"end": None, "end_earliest": None, "end_latest": None}
        rid = conn.execute(m.insert().values(organisation=f["organisation"], state=f["state"], status=f["status"],
                                             **_fuzzy("start", f["earliest"], f["latest"]), **end,
                                             note=f"from text: {quote[:200]}", **prov)).inserted_primary_key[0]
        return f"memberships:{rid}"
    if kind == "event":
        rid = conn.execute(t.events.insert().values(**_fuzzy("when", f["earliest"], f["latest"]), summary=f["summary"],
                                                    kind=f["kind"], actors=f["actors"], topics=f.get("topics", []),
                                                    quote=quote, **prov)).inserted_primary_key[0]
        return f"events:{rid}"
    if kind == "stance":
        when = _fuzzy("when", f["earliest"], f["latest"]) if f.get("earliest") else {}
        rid = conn.execute(t.stances.insert().values(actors=f["actors"], target=f["target"], polarity=f["polarity"],
                                                     summary=f.get("summary", ""), quote=quote, **when, **prov)).inserted_primary_key[0]
        return f"stances:{rid}"
    if kind == "meeting":
        if conn.execute(select(t.meetings.c.record).where(t.meetings.c.record == f["record"])).first():
            conn.execute(t.meetings.update().where(t.meetings.c.record == f["record"]).values(date=_day(f["date"]), **prov))
        else:
            conn.execute(t.meetings.insert().values(record=f["record"], number=f.get("number"), date=_day(f["date"]),
                                                    resumptions=[], kind=f.get("meeting_kind"), **prov))
        return f"meetings:{f['record']}"
    if kind == "document":
        if conn.execute(select(t.documents.c.symbol).where(t.documents.c.symbol == f["symbol"])).first():
            conn.execute(t.documents.update().where(t.documents.c.symbol == f["symbol"]).values(date=_day(f.get("date"))))
        else:
            conn.execute(t.documents.insert().values(symbol=f["symbol"], kind=f["kind"], title=f.get("title", ""),
                                                     date=_day(f.get("date")), subjects=[], url=f.get("url"), **prov))
        return f"documents:{f['symbol']}"
    raise ValueError(f"unknown claim kind {kind!r}")
