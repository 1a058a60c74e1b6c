"""Reading organisations and memberships (SQL text: runs on sqlite3 or SQLAlchemy connections).

Where several origins hold periods for the same state in the same organisation
(the curated files and, say, the Correlates of War import), the authoritative
ones (curated facts and accepted claims) win; other origins fill the gaps.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from councilwatch.store.sql import fetch

AUTHORITATIVE = ("curated", "claim")
_AUTH = "('curated', 'claim')"

_PREFERRED = f"""(m.origin IN {_AUTH} OR NOT EXISTS (
    SELECT 1 FROM memberships o WHERE o.organisation = m.organisation AND o.state = m.state AND o.origin IN {_AUTH}))"""
_IN_FORCE = "m.start_earliest <= :on AND (m.end_earliest IS NULL OR m.end_earliest > :on)"
_COLUMNS = """m.organisation, m.state, s.name AS state_name, m.status, m.start, m."end" AS "end",
    m.start_earliest, m.note, m.source, m.origin, m.locator"""


def all_organisations(conn: Any) -> list[dict]:
    return fetch(conn, "SELECT * FROM organisations ORDER BY id", dates=("founded_earliest", "founded_latest",
                 "dissolved_earliest", "dissolved_latest"), json_columns=("aliases",))


def get_organisation(conn: Any, org_id: str) -> dict | None:
    rows = fetch(conn, "SELECT * FROM organisations WHERE id = :id", {"id": org_id}, json_columns=("aliases",),
                 dates=("founded_earliest", "founded_latest", "dissolved_earliest", "dissolved_latest"))
    return rows[0] if rows else None


def name_index(conn: Any) -> list[tuple[str, list[str]]]:
    rows = fetch(conn, "SELECT id, name, aliases FROM organisations", json_columns=("aliases",))
    return [(r["id"], [r["id"], r["name"], *(r["aliases"] or [])]) for r in rows]


def members_on(conn: Any, org_id: str, on: date, include_withdrawn: bool = False) -> list[dict]:
    """Every state with a status in the organisation on that day, by name."""
    withdrawn = "" if include_withdrawn else "AND m.status <> 'withdrawn'"
    sql = f"""SELECT {_COLUMNS} FROM memberships m JOIN states s ON s.iso3 = m.state
        WHERE m.organisation = :org AND {_IN_FORCE} AND {_PREFERRED} {withdrawn} ORDER BY s.name"""
    return fetch(conn, sql, {"org": org_id, "on": on}, dates=("start_earliest",))


def memberships_of(conn: Any, iso3: str, on: date | None = None, include_withdrawn: bool = False) -> list[dict]:
    """The state's statuses in every organisation (on a day, or over all time)."""
    where = ""
    if on is not None:
        where = f"AND {_IN_FORCE}" + ("" if include_withdrawn else " AND m.status <> 'withdrawn'")
    sql = f"""SELECT {_COLUMNS}, g.name AS organisation_name FROM memberships m
        JOIN states s ON s.iso3 = m.state JOIN organisations g ON g.id = m.organisation
        WHERE m.state = :iso3 AND {_PREFERRED} {where} ORDER BY m.organisation, m.start_earliest"""
    return fetch(conn, sql, {"iso3": iso3, "on": on}, dates=("start_earliest",))


def all_periods(conn: Any) -> list[dict]:
    """Every status period of every organisation (the preferred origins), with its fuzzy start and end."""
    sql = f"""SELECT m.organisation, m.state, m.status, m.start_earliest, m.start_latest, m.end_earliest FROM memberships m
        WHERE {_PREFERRED}"""
    return fetch(conn, sql, dates=("start_earliest", "start_latest", "end_earliest"))


def history(conn: Any, org_id: str) -> list[dict]:
    """Every dated status period in the organisation, in order of start."""
    sql = f"""SELECT {_COLUMNS} FROM memberships m JOIN states s ON s.iso3 = m.state
        WHERE m.organisation = :org AND {_PREFERRED} ORDER BY m.start_earliest, s.name"""
    return fetch(conn, sql, {"org": org_id}, dates=("start_earliest",))
