"""Reading Council terms and recorded presidencies."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Connection, or_, select

from councilwatch.store.schema import council_terms, presidencies, states


def terms_overlapping(conn: Connection, first: date, last: date) -> list[dict]:
    """Terms in force on any day from `first` to `last`, with the state's name."""
    q = (
        select(council_terms, states.c.name.label("state_name"))
        .join(states, states.c.iso3 == council_terms.c.state)
        .where(council_terms.c.start <= last, or_(council_terms.c.end.is_(None), council_terms.c.end >= first))
        .order_by(states.c.name)
    )
    return [dict(r._mapping) for r in conn.execute(q)]


def terms_of(conn: Connection, iso3: str) -> list[dict]:
    q = select(council_terms).where(council_terms.c.state == iso3).order_by(council_terms.c.start)
    return [dict(r._mapping) for r in conn.execute(q)]


def recorded_presidencies(conn: Connection) -> dict[str, dict]:
    """month (YYYY-MM) -> {state, name, source}."""
    q = select(presidencies.c.month, presidencies.c.state, states.c.name, presidencies.c.source).join(
        states, states.c.iso3 == presidencies.c.state
    )
    return {m: {"state": s, "name": n, "source": src} for m, s, n, src in conn.execute(q)}


def coverage(conn: Connection) -> tuple[date | None, date | None]:
    """First start and last end of the recorded terms (None end: open-ended)."""
    from sqlalchemy import func

    first = conn.execute(select(func.min(council_terms.c.start))).scalar()
    last_elected = conn.execute(select(func.max(council_terms.c.end))).scalar()
    return first, last_elected
