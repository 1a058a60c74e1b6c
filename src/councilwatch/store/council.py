"""Reading Council terms and recorded presidencies (SQL text: sqlite3 or SQLAlchemy connections)."""

from __future__ import annotations

from datetime import date
from typing import Any

from councilwatch.store.sql import fetch

_TERM_DATES = ("start", "end")


def terms_overlapping(conn: Any, first: date, last: date) -> list[dict]:
    """Terms in force on any day from `first` to `last`, with the state's name."""
    sql = """SELECT t.id, t.state, t.seat, t.start, t."end" AS "end", t.note, t.source, s.name AS state_name
        FROM council_terms t JOIN states s ON s.iso3 = t.state
        WHERE t.start <= :last AND (t."end" IS NULL OR t."end" >= :first) ORDER BY s.name"""
    return fetch(conn, sql, {"first": first, "last": last}, dates=_TERM_DATES)


def terms_of(conn: Any, iso3: str) -> list[dict]:
    sql = 'SELECT id, state, seat, start, "end", note, source FROM council_terms WHERE state = :iso3 ORDER BY start'
    return fetch(conn, sql, {"iso3": iso3}, dates=_TERM_DATES)


def recorded_presidencies(conn: Any) -> dict[str, dict]:
    """month (YYYY-MM) -> {state, name, source}."""
    sql = "SELECT p.month, p.state, s.name, p.source FROM presidencies p JOIN states s ON s.iso3 = p.state"
    return {r["month"]: {"state": r["state"], "name": r["name"], "source": r["source"]} for r in fetch(conn, sql)}


def presidencies_of(conn: Any, iso3: str) -> list[dict]:
    """The state's recorded presidencies: [{month, source}], oldest first."""
    return fetch(conn, "SELECT month, source FROM presidencies WHERE state = :iso3 ORDER BY month", {"iso3": iso3})


def coverage(conn: Any) -> tuple[date | None, date | None]:
    """First start and last end of the recorded terms."""
    rows = fetch(conn, 'SELECT MIN(start) AS first, MAX("end") AS last FROM council_terms', dates=("first", "last"))
    return rows[0]["first"], rows[0]["last"]
