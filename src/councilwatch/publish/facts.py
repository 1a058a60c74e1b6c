"""The knowledge-base reads a brief needs (SQL text over store/sql.py: sqlite3 or SQLAlchemy connections).

Subject matching happens here: a fact concerns a topic when its subjects name
the topic or one of the topic's organisations, or when it sits under one of the
topic's agenda items and the topic is the whole agenda item (no organisations).
"""

from __future__ import annotations

from datetime import date
from typing import Any, Iterable

from councilwatch.store.sql import fetch, scalar


def _in(name: str, values: Iterable[str]) -> tuple[str, dict]:
    values = list(values)
    if not values:
        return "(NULL)", {}
    params = {f"{name}{i}": v for i, v in enumerate(values)}
    return "(" + ", ".join(f":{k}" for k in params) + ")", params


def _has_table(conn: Any, table: str) -> bool:
    try:
        fetch(conn, f"SELECT 1 FROM {table} WHERE 1 = 0")
        return True
    except Exception:  # noqa: BLE001 - a store made before the table existed (any driver's error)
        if hasattr(conn, "rollback"):
            conn.rollback()
        return False


def topics(conn: Any) -> list[dict]:
    if not _has_table(conn, "topics"):
        return []
    return fetch(conn, "SELECT id, title, aliases, organisations, agenda_items, description, source FROM topics ORDER BY id",
                 json_columns=("aliases", "organisations", "agenda_items"))


def agenda_items(conn: Any) -> list[dict]:
    return fetch(conn, "SELECT id, title, aliases, source FROM agenda_items ORDER BY id", json_columns=("aliases",))


def meetings(conn: Any, subjects: set[str], items: set[str], whole_item: bool, until: date) -> list[dict]:
    """Meetings on or before `until` about the subjects (or, for a whole agenda item, under it), oldest first."""
    where, params = _in("i", items)
    rows = fetch(conn, f"""SELECT m.record, m.date, m.kind, m.subjects, m.summary, m.source, i.agenda_item, i.title AS item_title
        FROM meetings m LEFT JOIN meeting_items i ON i.record = m.record
        WHERE m.date <= :until AND (m.subjects IS NOT NULL OR i.agenda_item IN {where})
        ORDER BY m.date, m.record, i.position""", {"until": until, **params},
                 dates=("date",), json_columns=("subjects",))
    out: dict[str, dict] = {}
    for r in rows:
        about = set(r["subjects"] or []) & subjects or (whole_item and r["agenda_item"] in items)
        if about and r["record"] not in out:
            out[r["record"]] = r
    return list(out.values())


def outcomes(conn: Any, records: list[str]) -> list[dict]:
    if not records:
        return []
    where, params = _in("r", records)
    return fetch(conn, f"""SELECT record, date, kind, symbol, vote, vetoed_by, text, source FROM outcomes
        WHERE record IN {where} ORDER BY date""", params, dates=("date",), json_columns=("vetoed_by",))


def documents(conn: Any, subjects: set[str], items: set[str], whole_item: bool) -> list[dict]:
    where, params = _in("i", items)
    rows = fetch(conn, f"""SELECT symbol, kind, title, date, subjects, agenda_item, vote, source FROM documents
        WHERE agenda_item IN {where} OR subjects IS NOT NULL ORDER BY date, symbol""", params,
                 dates=("date",), json_columns=("subjects",))
    return [r for r in rows if set(r["subjects"] or []) & subjects or (whole_item and r["agenda_item"] in items)]


def events(conn: Any, subjects: set[str], until: date) -> list[dict]:
    rows = fetch(conn, """SELECT "when", when_earliest, when_latest, kind, summary, actors, topics, source FROM events
        WHERE when_earliest <= :until ORDER BY when_earliest, id""", {"until": until},
                 dates=("when_earliest", "when_latest"), json_columns=("actors", "topics"))
    return [r for r in rows if set(r["topics"] or []) & subjects]


def stances(conn: Any, targets: set[str]) -> list[dict]:
    where, params = _in("t", targets)
    return fetch(conn, f"""SELECT actors, target, polarity, summary, "when", when_earliest, source FROM stances
        WHERE target IN {where} ORDER BY when_earliest, id""", params,
                 dates=("when_earliest",), json_columns=("actors",))


def latest_meeting(conn: Any) -> date | None:
    value = scalar(conn, "SELECT MAX(date) FROM meetings")
    return date.fromisoformat(str(value)[:10]) if value else None


def state_names(conn: Any) -> dict[str, str]:
    return {r["iso3"]: r["name"] for r in fetch(conn, "SELECT iso3, name FROM states")}


def organisation_names(conn: Any) -> dict[str, str]:
    return {r["id"]: r["name"] for r in fetch(conn, "SELECT id, name FROM organisations")}


def published(conn: Any) -> list[dict]:
    """Recorded briefs, newest first."""
    if not _has_table(conn, "briefs"):
        return []
    return fetch(conn, "SELECT slug, kind, topic, month, title, summary, digest, published, updated FROM briefs "
                       "ORDER BY updated DESC, slug")
