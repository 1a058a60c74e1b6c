"""Questions the pages ask that KnowledgeBase (api.py) does not answer yet.

Each goes through the store's own repository functions; when api.py grows the
same method, the page calls that instead and the function here goes.
"""

from __future__ import annotations

from datetime import date


def all_states(kb) -> list[dict]:
    return kb.states()


def council_terms(kb, iso3: str) -> list[dict]:
    return kb.council_terms(iso3)


def presidencies_held(kb, iso3: str) -> list[dict]:
    return kb.presidencies_held(iso3)


def document(kb, symbol: str) -> dict | None:
    """A stored document by its symbol (exact, after normalising), with its full text."""
    from sqlalchemy import select

    from councilwatch import symbols
    from councilwatch.store.schema import documents

    try:
        key = symbols.normalise(symbol)
    except (ValueError, symbols.BadSymbol):
        key = symbol
    with kb.store.read() as conn:
        row = conn.execute(select(documents).where(documents.c.symbol.in_({key, symbol}))).first()
    return dict(row._mapping) if row else None


def coming_month(today: date | None = None) -> str:
    """The month a Monthly Forecast is written for: the next one."""
    from councilwatch.dates import add_months, month_text

    today = today or date.today()
    return month_text(*add_months(today.year, today.month, 1))
