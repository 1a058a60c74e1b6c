"""The Python API for the meeting record: meetings, agenda items, outcomes.

    >>> from councilwatch.api import KnowledgeBase
    >>> from councilwatch import record
    >>> kb = KnowledgeBase.open()
    >>> record.meetings(kb, year=2016, item="Cooperation with regional organisations")
    >>> record.agenda_item(kb, "Non-proliferation DPRK")["outcomes"]

Agenda item names resolve leniently (id, official title, printed spellings, near misspellings).
"""

from __future__ import annotations

from datetime import date

from councilwatch.dates import parse_text
from councilwatch.errors import BadDate, UnknownName
from councilwatch.resolve import NameIndex


def _bounds(value: date | str) -> tuple[date, date]:
    """A day, month or year ("2016-10-28", "2016-10", "2016") as its first and last days."""
    if isinstance(value, date):
        return value, value
    fd = parse_text(value)
    return fd.earliest, fd.latest


def item_names(kb) -> NameIndex:
    """Agenda items by id, title and the spellings the tables print."""
    from councilwatch.store.sql import fetch

    with kb.store.query() as conn:
        rows = fetch(conn, "SELECT id, title, aliases FROM agenda_items", json_columns=("aliases",))
    return NameIndex("agenda item", [(r["id"], [r["id"], r["title"], *(r["aliases"] or [])]) for r in rows])


def item_id(kb, name: str) -> str:
    """The agenda item a name means; UnknownName with the nearest candidates otherwise."""
    from councilwatch.resolve import fold

    index = item_names(kb)
    try:
        return index.resolve(name)
    except UnknownName:
        from councilwatch.sources.agenda_titles import canonical_key

        key = canonical_key(name)  # a printed title the store has not seen spelled this way
        if key in index.exact.values():
            return key
        # Agenda titles are long: the start of one title ("Cooperation between the United Nations and
        # regional ...") names it when no other title starts so.
        query = fold(name)
        starts = {ident for folded, ident in index.exact.items() if len(query) >= 12 and folded.startswith(query)}
        if len(starts) == 1:
            return starts.pop()
        raise


def period(year: int | None = None, first: date | str | None = None, last: date | str | None = None) -> tuple[date, date]:
    """The days a query covers: a year, or from/to (either open), default all time."""
    if year is not None:
        if first is not None or last is not None:
            raise BadDate("give a year or a from/to range, not both")
        return date(year, 1, 1), date(year, 12, 31)
    lo = _bounds(first)[0] if first is not None else date(1946, 1, 1)
    hi = _bounds(last)[1] if last is not None else date(9999, 12, 31)
    if lo > hi:
        raise BadDate(f"the range ends ({hi}) before it starts ({lo})")
    return lo, hi


def meetings(kb, year: int | None = None, first: date | str | None = None, last: date | str | None = None,
             item: str | None = None) -> list[dict]:
    """The meeting record in a period, one entry per meeting (see store/meetings.py `meetings`)."""
    from councilwatch.store import meetings as store_meetings

    lo, hi = period(year, first, last)
    ident = item_id(kb, item) if item else None
    with kb.store.query() as conn:
        return store_meetings.meetings(conn, lo, hi, ident)


def agenda(kb) -> list[dict]:
    """Every agenda item with its meeting count and first and last meetings."""
    from councilwatch.store import meetings as store_meetings

    with kb.store.query() as conn:
        return store_meetings.agenda_items(conn)


def agenda_item(kb, name: str) -> dict:
    """One agenda item with its meetings, outcomes and documents."""
    from councilwatch.store import meetings as store_meetings

    ident = item_id(kb, name)
    with kb.store.query() as conn:
        return store_meetings.agenda_item(conn, ident)
