"""Reading states (SQL text: runs on sqlite3 or SQLAlchemy connections, see sql.py)."""

from __future__ import annotations

from typing import Any

from councilwatch.store.sql import fetch

_DATES = ("un_admitted", "un_ended")


def all_states(conn: Any) -> list[dict]:
    return fetch(conn, "SELECT * FROM states ORDER BY name", dates=_DATES, json_columns=("aliases",))


def get_state(conn: Any, iso3: str) -> dict | None:
    rows = fetch(conn, "SELECT * FROM states WHERE iso3 = :iso3", {"iso3": iso3}, dates=_DATES, json_columns=("aliases",))
    return rows[0] if rows else None


def state_names(conn: Any) -> dict[str, str]:
    """iso3 -> the UN name."""
    return {r["iso3"]: r["name"] for r in fetch(conn, "SELECT iso3, name FROM states")}


def name_index(conn: Any) -> list[tuple[str, list[str]]]:
    """(iso3, every name it is known by) for name resolution."""
    rows = fetch(conn, "SELECT iso3, name, short_name, aliases FROM states", json_columns=("aliases",))
    return [(r["iso3"], [r["iso3"], r["name"], r["short_name"], *(r["aliases"] or [])]) for r in rows]
