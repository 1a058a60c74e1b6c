"""Reading the Council's meeting record: meetings, their agenda items and outcomes (SQL text: runs on
sqlite3 or SQLAlchemy connections).

The stable interface (the web app, the forecaster and the CLI call these by name):

* ``meetings(conn, first, last, item=None)``: the record between two days, one entry per meeting
  (resumptions folded in), plus decisions taken without a meeting (record None);
* ``agenda_items(conn)`` and ``agenda_item(conn, id)``: the canonical agenda items;
* ``monthly_items(conn, until)`` and ``resolutions(conn, until)``: what the forecaster learns from.

Dates are ``date`` objects; agenda items are canonical ids (sources/agenda_titles.py slugs).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from councilwatch.store.sql import fetch

_OUTCOME_COLUMNS = "o.record, o.date, o.agenda_item, o.kind, o.symbol, o.vote, o.vetoed_by, o.procedure"


def _outcome(r: dict) -> dict:
    return {"kind": r["kind"], "symbol": r["symbol"], "vote": r["vote"], "vetoed_by": list(r["vetoed_by"] or [])}


def meetings(conn: Any, first: date, last: date, item: str | None = None) -> list[dict]:
    """Meetings held from `first` to `last` (inclusive), oldest first, optionally only those on agenda item `item`.

    Each entry: {"record": "S/PV.7796", "date", "resumptions": [record ...],
    "items": [{"agenda_item", "title"}], "outcomes": [{"kind", "symbol", "vote", "vetoed_by"}]}.
    A decision taken without a meeting (written procedure) is an entry of its own with record None,
    "procedure" (the letter or procedure that recorded it) and the agenda item it was taken under.
    """
    params = {"first": first, "last": last, "item": item}
    on_item = "AND EXISTS (SELECT 1 FROM meeting_items x WHERE x.record = m.record AND x.agenda_item = :item)" \
        if item else ""
    rows = fetch(conn, f"""SELECT m.record, m.date, m.resumptions FROM meetings m
        WHERE m.date >= :first AND m.date <= :last {on_item} ORDER BY m.date, m.number, m.record""",
                 params, dates=("date",), json_columns=("resumptions",))
    out: dict[str, dict] = {
        r["record"]: {"record": r["record"], "date": r["date"],
                      "resumptions": [x["record"] for x in (r["resumptions"] or [])], "items": [], "outcomes": []}
        for r in rows
    }
    if out:
        items = fetch(conn, f"""SELECT i.record, i.agenda_item, i.title FROM meeting_items i
            JOIN meetings m ON m.record = i.record
            WHERE m.date >= :first AND m.date <= :last {on_item} ORDER BY i.record, i.position""", params)
        for r in items:
            out[r["record"]]["items"].append({"agenda_item": r["agenda_item"], "title": r["title"]})
        outs = fetch(conn, f"""SELECT {_OUTCOME_COLUMNS} FROM outcomes o JOIN meetings m ON m.record = o.record
            WHERE m.date >= :first AND m.date <= :last {on_item} ORDER BY o.ref, o.id""",
                     params, json_columns=("vetoed_by",))
        for r in outs:
            out[r["record"]]["outcomes"].append(_outcome(r))
    entries = list(out.values())
    entries.extend(_without_meeting(conn, first, last, item))
    entries.sort(key=lambda e: (e["date"], e["record"] is None, _number(e["record"])))
    return entries


def _number(record: str | None) -> int:
    return int(record.split(".", 1)[1].split()[0]) if record else 0


def _without_meeting(conn: Any, first: date, last: date, item: str | None) -> list[dict]:
    """Decisions recorded without a meeting, one entry per day, procedure and agenda item."""
    on_item = "AND o.agenda_item = :item" if item else ""
    rows = fetch(conn, f"""SELECT {_OUTCOME_COLUMNS}, a.title AS item_title FROM outcomes o
        LEFT JOIN agenda_items a ON a.id = o.agenda_item
        WHERE o.record IS NULL AND o.date >= :first AND o.date <= :last {on_item}
        ORDER BY o.date, o.ref, o.id""", {"first": first, "last": last, "item": item},
                 dates=("date",), json_columns=("vetoed_by",))
    grouped: dict[tuple, dict] = {}
    for r in rows:
        key = (r["date"], r["procedure"], r["agenda_item"])
        entry = grouped.setdefault(key, {
            "record": None, "date": r["date"], "procedure": r["procedure"], "resumptions": [],
            "items": [{"agenda_item": r["agenda_item"], "title": r["item_title"]}] if r["agenda_item"] else [],
            "outcomes": []})
        entry["outcomes"].append(_outcome(r))
    return list(grouped.values())


def agenda_items(conn: Any) -> list[dict]:
    """Every agenda item with its number of meetings and first and last meeting days, by title."""
    return fetch(conn, """SELECT a.id, a.title, COUNT(DISTINCT m.record) AS meetings, MIN(m.date) AS first,
            MAX(m.date) AS last
        FROM agenda_items a LEFT JOIN meeting_items i ON i.agenda_item = a.id
        LEFT JOIN meetings m ON m.record = i.record
        GROUP BY a.id, a.title ORDER BY a.title, a.id""", dates=("first", "last"))


def agenda_item(conn: Any, item_id: str) -> dict | None:
    """One agenda item: {"id", "title", "aliases", "meetings": [{"record", "date", "kind"}],
    "outcomes": [{"record", "date", "kind", "symbol", "vote", "vetoed_by", "procedure"}],
    "documents": [{"symbol", "title", "date"}]}, oldest first; None when there is no such item."""
    found = fetch(conn, "SELECT id, title, aliases FROM agenda_items WHERE id = :id", {"id": item_id},
                  json_columns=("aliases",))
    if not found:
        return None
    item = found[0]
    item["aliases"] = list(item["aliases"] or [])
    p = {"id": item_id}
    item["meetings"] = fetch(conn, """SELECT DISTINCT m.record, m.date, m.number, m.kind FROM meetings m
        JOIN meeting_items i ON i.record = m.record WHERE i.agenda_item = :id ORDER BY m.date, m.number""",
                             p, dates=("date",))
    for m in item["meetings"]:
        del m["number"]
    outs = fetch(conn, f"""SELECT {_OUTCOME_COLUMNS} FROM outcomes o WHERE o.agenda_item = :id
        ORDER BY o.date, o.ref, o.id""", p, dates=("date",), json_columns=("vetoed_by",))
    item["outcomes"] = [{"record": r["record"], "date": r["date"], **_outcome(r), "procedure": r["procedure"]}
                        for r in outs]
    item["documents"] = fetch(conn, """SELECT symbol, title, date FROM documents WHERE agenda_item = :id
        ORDER BY date, symbol""", p, dates=("date",))
    return item


def monthly_items(conn: Any, until: date) -> dict[str, set[str]]:
    """{"YYYY-MM": {agenda item id, ...}}: the items that had a meeting (or a resumption) each month, up to `until`."""
    rows = fetch(conn, """SELECT m.date, m.resumptions, i.agenda_item FROM meetings m
        JOIN meeting_items i ON i.record = m.record WHERE m.date <= :until""", {"until": until},
                 dates=("date",), json_columns=("resumptions",))
    out: dict[str, set[str]] = {}
    for r in rows:
        days = {r["date"].isoformat()[:7]}
        days |= {str(x["date"])[:7] for x in (r["resumptions"] or []) if x.get("date") and str(x["date"]) <= str(until)}
        for month in days:
            out.setdefault(month, set()).add(r["agenda_item"])
    return out


def resolutions(conn: Any, until: date) -> list[dict]:
    """Resolutions adopted up to `until`, oldest first: {"date", "symbol", "agenda_item", "vote"}."""
    return fetch(conn, """SELECT o.date, o.symbol, o.agenda_item, o.vote FROM outcomes o
        WHERE o.kind = 'resolution' AND o.date <= :until ORDER BY o.date, o.ref, o.id""",
                 {"until": until}, dates=("date",))


def meeting_count(conn: Any) -> int:
    """How many meetings the store holds."""
    rows = fetch(conn, "SELECT COUNT(*) AS n FROM meetings")
    return int(rows[0]["n"]) if rows else 0
