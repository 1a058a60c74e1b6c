"""Reading states."""

from __future__ import annotations

from sqlalchemy import Connection, select

from councilwatch.store.schema import states


def all_states(conn: Connection) -> list[dict]:
    return [dict(r._mapping) for r in conn.execute(select(states).order_by(states.c.name))]


def get_state(conn: Connection, iso3: str) -> dict | None:
    row = conn.execute(select(states).where(states.c.iso3 == iso3)).first()
    return dict(row._mapping) if row else None


def state_names(conn: Connection) -> dict[str, str]:
    """iso3 -> the UN name."""
    return dict(conn.execute(select(states.c.iso3, states.c.name)).all())


def name_index(conn: Connection) -> list[tuple[str, list[str]]]:
    """(iso3, every name it is known by) for name resolution."""
    rows = conn.execute(select(states.c.iso3, states.c.name, states.c.short_name, states.c.aliases))
    return [(iso3, [iso3, name, short, *(aliases or [])]) for iso3, name, short, aliases in rows]
