"""Reading organisations and memberships.

Where several origins hold periods for the same state in the same organisation
(the curated files and, say, the Correlates of War import), the authoritative
ones (curated facts and accepted claims) win; other origins fill the gaps.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Connection, and_, exists, or_, select
from sqlalchemy.orm import aliased

from councilwatch.store.schema import memberships, organisations, states

AUTHORITATIVE = ("curated", "claim")


def all_organisations(conn: Connection) -> list[dict]:
    return [dict(r._mapping) for r in conn.execute(select(organisations).order_by(organisations.c.id))]


def get_organisation(conn: Connection, org_id: str) -> dict | None:
    row = conn.execute(select(organisations).where(organisations.c.id == org_id)).first()
    return dict(row._mapping) if row else None


def name_index(conn: Connection) -> list[tuple[str, list[str]]]:
    rows = conn.execute(select(organisations.c.id, organisations.c.name, organisations.c.aliases))
    return [(oid, [oid, name, *(aliases or [])]) for oid, name, aliases in rows]


def _preferred():
    """Rows not overridden by an authoritative row for the same organisation and state."""
    other = aliased(memberships)
    return or_(
        memberships.c.origin.in_(AUTHORITATIVE),
        ~exists().where(
            and_(
                other.c.organisation == memberships.c.organisation,
                other.c.state == memberships.c.state,
                other.c.origin.in_(AUTHORITATIVE),
            )
        ),
    )


def _in_force(on: date):
    return and_(
        memberships.c.start_earliest <= on,
        or_(memberships.c.end_earliest.is_(None), memberships.c.end_earliest > on),
    )


_COLUMNS = (
    memberships.c.organisation,
    memberships.c.state,
    states.c.name.label("state_name"),
    memberships.c.status,
    memberships.c.start,
    memberships.c.end,
    memberships.c.note,
    memberships.c.source,
    memberships.c.origin,
    memberships.c.locator,
)


def members_on(conn: Connection, org_id: str, on: date, include_withdrawn: bool = False) -> list[dict]:
    """Every state with a status in the organisation on that day, by name."""
    q = (
        select(*_COLUMNS)
        .join(states, states.c.iso3 == memberships.c.state)
        .where(memberships.c.organisation == org_id, _in_force(on), _preferred())
        .order_by(states.c.name)
    )
    if not include_withdrawn:
        q = q.where(memberships.c.status != "withdrawn")
    return [dict(r._mapping) for r in conn.execute(q)]


def memberships_of(conn: Connection, iso3: str, on: date | None = None, include_withdrawn: bool = False) -> list[dict]:
    """The state's statuses in every organisation (on a day, or over all time)."""
    q = (
        select(*_COLUMNS, organisations.c.name.label("organisation_name"))
        .join(states, states.c.iso3 == memberships.c.state)
        .join(organisations, organisations.c.id == memberships.c.organisation)
        .where(memberships.c.state == iso3, _preferred())
        .order_by(memberships.c.organisation, memberships.c.start_earliest)
    )
    if on is not None:
        q = q.where(_in_force(on))
    if not include_withdrawn and on is not None:
        q = q.where(memberships.c.status != "withdrawn")
    return [dict(r._mapping) for r in conn.execute(q)]


def history(conn: Connection, org_id: str) -> list[dict]:
    """Every dated status period in the organisation, in order of start."""
    q = (
        select(*_COLUMNS, memberships.c.start_earliest)
        .join(states, states.c.iso3 == memberships.c.state)
        .where(memberships.c.organisation == org_id, _preferred())
        .order_by(memberships.c.start_earliest, states.c.name)
    )
    return [dict(r._mapping) for r in conn.execute(q)]
