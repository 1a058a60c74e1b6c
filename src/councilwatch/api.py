"""The Python API: open the knowledge base and ask it questions.

    >>> from councilwatch.api import KnowledgeBase
    >>> kb = KnowledgeBase.open()            # the embedded SQLite default
    >>> kb.presidency("2024-07").name
    'Russian Federation'
    >>> [m["state"] for m in kb.members("CSTO", "2024-07-01")]
    ['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS', 'TJK']

The CLI and the web application are thin layers over this class.
"""

from __future__ import annotations

from datetime import date
from functools import cached_property

from councilwatch import config
from councilwatch.dates import parse_day, parse_month
from councilwatch.errors import UnknownOrganisation, UnknownName, UnknownState
from councilwatch.model import MEMBERSHIP_STATUSES, Presidency
from councilwatch.resolve import NameIndex
from councilwatch.store import Store


def open_store(url: str, *, load_curated: bool = True) -> Store:
    """Open the store, creating or migrating it and loading the curated facts when they changed."""
    store = Store(url)
    if not load_curated:
        store.migrate()
        return store
    from councilwatch.sources import curated

    if store.meta_value("curated_digest") != curated.package_digest():
        store.migrate()
        _check_tables(store)
        curated.load(store)
    return store


def _check_tables(store: Store) -> None:
    """Refuse, in one line, a store whose tables do not match this version's schema."""
    from sqlalchemy import inspect

    from councilwatch.errors import CouncilwatchError
    from councilwatch.store.schema import metadata

    with store.read() as conn:
        present = set(inspect(conn).get_table_names())
    missing = sorted(set(metadata.tables) - present)
    if missing:
        raise CouncilwatchError(
            f"the store at {store.url} was made by an older development version (no table {', '.join(missing)}); "
            "move it away or give another with --db"
        )


def as_day(value: date | str | None) -> date:
    if value is None:
        return date.today()
    if isinstance(value, date):
        return value
    return parse_day(value)


class KnowledgeBase:
    """Questions about states, organisations and the Council, answered from the store."""

    def __init__(self, store: Store):
        self.store = store

    @classmethod
    def open(cls, db: str | None = None) -> KnowledgeBase:
        return cls(open_store(config.database_url(db)))

    # -- names ---------------------------------------------------------------
    @cached_property
    def _org_names(self) -> NameIndex:
        from councilwatch.store import organisations

        with self.store.query() as conn:
            return NameIndex("organisation", organisations.name_index(conn))

    @cached_property
    def _state_names(self) -> NameIndex:
        from councilwatch.store import states

        with self.store.query() as conn:
            return NameIndex("state", states.name_index(conn))

    def organisation_id(self, name: str) -> str:
        try:
            return self._org_names.resolve(name)
        except UnknownName as exc:
            raise UnknownOrganisation(name, exc.candidates) from None

    def state_id(self, name: str) -> str:
        try:
            return self._state_names.resolve(name)
        except UnknownName as exc:
            raise UnknownState(name, exc.candidates) from None

    # -- organisations -------------------------------------------------------
    def organisation(self, name: str) -> dict:
        from councilwatch.store import organisations

        with self.store.query() as conn:
            return organisations.get_organisation(conn, self.organisation_id(name))

    def organisations(self) -> list[dict]:
        from councilwatch.store import organisations

        with self.store.query() as conn:
            return organisations.all_organisations(conn)

    def members(self, org: str, on: date | str | None = None, include_withdrawn: bool = False) -> list[dict]:
        """States with a status in the organisation on a day: state, name, status, since, until, source."""
        from councilwatch.store import organisations

        org_id, day = self.organisation_id(org), as_day(on)
        with self.store.query() as conn:
            rows = organisations.members_on(conn, org_id, day, include_withdrawn)
        return [_membership_row(r) for r in rows]

    def memberships(self, state: str, on: date | str | None = None) -> list[dict]:
        from councilwatch.store import organisations

        iso3 = self.state_id(state)
        day = as_day(on) if on is not None else None
        with self.store.query() as conn:
            rows = organisations.memberships_of(conn, iso3, day)
        return [{"organisation": r["organisation"], "organisation_name": r["organisation_name"], **_membership_row(r)} for r in rows]

    def overlap(self, orgs: list[str], on: date | str | None = None, any_status: bool = False) -> dict:
        """States belonging to all the organisations on a day, and the states × organisations matrix.

        "Belonging" means a membership status (member, participation frozen, suspended);
        with `any_status` an observer, partner or applicant counts too.
        """
        ids = [self.organisation_id(o) for o in orgs]
        day = as_day(on)
        per_org = {oid: {m["state"]: m for m in self.members(oid, day)} for oid in ids}
        names = {s: m["name"] for rows in per_org.values() for s, m in rows.items()}
        counted = [
            {s for s, m in rows.items() if any_status or m["status"] in MEMBERSHIP_STATUSES} for rows in per_org.values()
        ]
        in_all = sorted(set.intersection(*counted) if counted else set(), key=lambda s: names[s])
        matrix = [
            {"state": s, "name": names[s], **{oid: (per_org[oid][s]["status"] if s in per_org[oid] else None) for oid in ids}}
            for s in sorted(names, key=lambda s: names[s])
        ]
        return {"on": day.isoformat(), "organisations": ids,
                "in_all": [{"state": s, "name": names[s]} for s in in_all], "matrix": matrix}

    def history(self, org: str) -> list[dict]:
        from councilwatch.store import organisations

        org_id = self.organisation_id(org)
        with self.store.query() as conn:
            rows = organisations.history(conn, org_id)
        return [_membership_row(r) for r in rows]

    # -- states -------------------------------------------------------------
    def state(self, name: str) -> dict:
        from councilwatch.store import states

        with self.store.query() as conn:
            return states.get_state(conn, self.state_id(name))

    def states(self) -> list[dict]:
        """Every state and territory: iso3, name, un_admitted, un_ended."""
        from councilwatch.store import states

        with self.store.query() as conn:
            return [{"iso3": s["iso3"], "name": s["name"], "un_admitted": s["un_admitted"], "un_ended": s["un_ended"]}
                    for s in states.all_states(conn)]

    def council_terms(self, state: str) -> list[dict]:
        """The state's seats on the Council, oldest first."""
        from councilwatch.store import council

        with self.store.query() as conn:
            return council.terms_of(conn, self.state_id(state))

    def presidencies_held(self, state: str) -> list[dict]:
        """Recorded presidencies of the state: [{"month", "source"}], oldest first."""
        from councilwatch.store import council

        with self.store.query() as conn:
            return council.presidencies_of(conn, self.state_id(state))

    # -- the Council ---------------------------------------------------------
    def presidency(self, month: str) -> Presidency:
        from councilwatch import council

        year, m = parse_month(month)
        with self.store.query() as conn:
            return council.presidency_of(conn, year, m)

    def composition(self, on: date | str | None = None, year: int | None = None) -> list[dict]:
        """Members on a day, or during a year: state, name, seat, term start and end, source."""
        from councilwatch import council

        with self.store.query() as conn:
            rows = council.composition_in_year(conn, year) if year is not None else council.composition_on(conn, as_day(on))
        return [
            {"state": r["state"], "name": r["state_name"], "seat": r["seat"],
             "from": r["start"].isoformat(), "to": r["end"].isoformat() if r["end"] else None, "source": r["source"]}
            for r in rows
        ]


def _membership_row(r: dict) -> dict:
    return {
        "state": r["state"], "name": r["state_name"], "status": r["status"], "since": r["start"],
        "until": r["end"], "source": r["source"], "note": r["note"] or "",
    }
