"""The Council calendar: composition on a date, and the presidency of a month.

The presidency rotates monthly in the English alphabetical order of the
members' names as the UN writes them (rule 18 of the provisional rules of
procedure, S/96/Rev.7), continuing across the change of year: the president of
a month is the member whose name follows the previous president's name, among
that month's members, wrapping from Z to A.
"""

from __future__ import annotations

import unicodedata
from datetime import date

from typing import Any as Connection  # a sqlite3 or SQLAlchemy connection (store/sql.py)

from councilwatch.dates import add_months, month_bounds, month_text
from councilwatch.errors import MissingData
from councilwatch.model import Presidency
from councilwatch.store import council as q

RULE_SOURCE = "rule 18, provisional rules of procedure of the Security Council (S/96/Rev.7)"


def sort_key(name: str) -> str:
    """Alphabetical key of a UN name: accents folded ("Côte" sorts as "Cote")."""
    folded = unicodedata.normalize("NFKD", name)
    return "".join(c for c in folded if not unicodedata.combining(c)).casefold()


def composition_on(conn: Connection, on: date) -> list[dict]:
    """The fifteen (or eleven before 1966) members on a day, by name."""
    members = q.terms_overlapping(conn, on, on)
    if not members:
        first, last = q.coverage(conn)
        raise MissingData(f"no Council composition known for {on} (terms known {first} .. {last})")
    return members


def composition_in_year(conn: Connection, year: int) -> list[dict]:
    """Every member that sat on the Council during the year (split terms included)."""
    members = q.terms_overlapping(conn, date(year, 1, 1), date(year, 12, 31))
    if not members:
        first, last = q.coverage(conn)
        raise MissingData(f"no Council composition known for {year} (terms known {first} .. {last})")
    return members


def _month_members(conn: Connection, year: int, month: int) -> list[tuple[str, str]]:
    first, _ = month_bounds(year, month)
    # Mid-month composition: a split seat changes hands at a month boundary.
    return [(m["state"], m["state_name"]) for m in composition_on(conn, first)]


def next_president(previous_name: str, members: list[tuple[str, str]]) -> tuple[str, str]:
    """The member whose name follows `previous_name` alphabetically, wrapping round."""
    ordered = sorted(members, key=lambda m: sort_key(m[1]))
    prev = sort_key(previous_name)
    for iso3, name in ordered:
        if sort_key(name) > prev:
            return iso3, name
    return ordered[0]


def presidency_by_rule(conn: Connection, year: int, month: int, anchor: Presidency) -> Presidency:
    """Apply the rotation from a known presidency (`anchor`, at or before the month) to the month."""
    steps = (year * 12 + month) - (anchor.year * 12 + anchor.month)
    if steps < 0:
        raise ValueError("the anchor must not be after the month")
    y, m, iso3, name = anchor.year, anchor.month, anchor.state, anchor.name
    for _ in range(steps):
        y, m = add_months(y, m, 1)
        iso3, name = next_president(name, _month_members(conn, y, m))
    return Presidency(y, m, iso3, name, "rule" if steps else anchor.basis, RULE_SOURCE if steps else anchor.source)


def presidency_of(conn: Connection, year: int, month: int) -> Presidency:
    """The presidency of a month: as recorded, or by the rule from the last recorded month before it."""
    records = q.recorded_presidencies(conn)
    key = month_text(year, month)
    if key in records:
        r = records[key]
        return Presidency(year, month, r["state"], r["name"], "record", r["source"])
    earlier = [k for k in records if k < key]
    if not earlier:
        raise MissingData(f"no presidency on record before {key} to start the rotation from")
    anchor_key = max(earlier)
    r = records[anchor_key]
    ay, am = int(anchor_key[:4]), int(anchor_key[5:])
    if (year * 12 + month) - (ay * 12 + am) > 36:
        # The rule drifts with unrecorded exceptions; refuse to guess far ahead.
        raise MissingData(f"no presidency on record within three years before {key} (last: {anchor_key})")
    anchor = Presidency(ay, am, r["state"], r["name"], "record", r["source"])
    return presidency_by_rule(conn, year, month, anchor)


