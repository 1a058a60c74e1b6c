"""Plain SQL reads that run on either kind of connection.

The command line must start fast, and importing SQLAlchemy costs more than the
whole query. So read queries are written once as SQL text with `:name`
parameters and run on a bare `sqlite3` connection (the embedded default) or on
a SQLAlchemy connection (PostgreSQL, and wherever one is already open). Rows
come back as dicts with dates as `date` objects and JSON columns decoded,
whichever connection ran them.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime
from typing import Any, Iterable


def _param(value: Any, sqlite: bool) -> Any:
    if sqlite and isinstance(value, date):
        return value.isoformat()
    return value


def _date(value: Any) -> date | None:
    if value is None or isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, datetime):
        return value.date()
    return date.fromisoformat(str(value)[:10])


def _json(value: Any) -> Any:
    if isinstance(value, (str, bytes)):
        return json.loads(value)
    return value


def fetch(conn: Any, sql: str, params: dict | None = None, *, dates: Iterable[str] = (), json_columns: Iterable[str] = ()) -> list[dict]:
    """Run a read query; `dates` and `json_columns` name the columns to convert."""
    params = params or {}
    if isinstance(conn, sqlite3.Connection):
        cur = conn.execute(sql, {k: _param(v, True) for k, v in params.items()})
        names = [d[0] for d in cur.description]
        rows = [dict(zip(names, r)) for r in cur.fetchall()]
    else:
        from sqlalchemy import text

        sqlite = conn.dialect.name == "sqlite"
        result = conn.execute(text(sql), {k: _param(v, sqlite) for k, v in params.items()})
        rows = [dict(r) for r in result.mappings()]
    dates, json_columns = tuple(dates), tuple(json_columns)
    if dates or json_columns:
        for row in rows:
            for c in dates:
                row[c] = _date(row[c])
            for c in json_columns:
                row[c] = _json(row[c])
    return rows


def scalar(conn: Any, sql: str, params: dict | None = None) -> Any:
    rows = fetch(conn, sql, params)
    return next(iter(rows[0].values())) if rows else None
