"""What the pages ask the library beyond KnowledgeBase's own methods: documents, search, claims, agenda items.

Each function opens the connection the store function it calls expects (SQLAlchemy
for store.search and store.claims, the lightest one for store.meetings) and returns
plain rows; the library modules are imported on first use so start-up stays fast.
"""

from __future__ import annotations

from datetime import date


def coming_month(today: date | None = None) -> str:
    """The month a Monthly Forecast is written for: the next one."""
    from councilwatch.dates import add_months, month_text

    today = today or date.today()
    return month_text(*add_months(today.year, today.month, 1))


# -- documents, search, claims --------------------------------------------------------------------
def document(kb, symbol: str) -> dict | None:
    """A stored document by its symbol (as given, or normalised) or ingest key, with its full text; None if unknown."""
    from sqlalchemy import select

    from councilwatch import symbols
    from councilwatch.store.schema import documents

    keys = {symbol}
    try:
        keys.add(symbols.normalise(symbol))
    except (ValueError, symbols.BadSymbol):
        pass
    with kb.store.read() as conn:
        row = conn.execute(select(documents).where(documents.c.symbol.in_(keys))).first()
    return dict(row._mapping) if row else None


def search_documents(kb, query: str, limit: int = 50) -> list[dict]:
    """[{"symbol", "title", "date", "kind", "snippet", "match"}]: a symbol matches exactly (its own document first)."""
    from councilwatch.store import search

    with kb.store.read() as conn:
        hits = search.search(conn, query, limit=limit)
    return [{"symbol": h["document"], **{k: v for k, v in h.items() if k != "document"}} for h in hits]


def claims_for(kb, symbol: str) -> list[dict]:
    """Every claim extracted from one document, whatever its state, in id order."""
    from councilwatch.store import claims

    with kb.store.read() as conn:
        return claims.list_claims(conn, state=None, document=symbol)


def pending_claims(kb, limit: int = 100) -> list[dict]:
    """Claims waiting for a person, oldest first."""
    from councilwatch.store import claims

    with kb.store.read() as conn:
        return claims.list_claims(conn, claims.PENDING)[:limit]


def review_claim(kb, claim_id: int, decision: str) -> dict:
    """Accept or reject one pending claim in one transaction; the claim after.

    Raises store.claims.ClaimNotFound (an UnknownName-like 404), MissingData when an
    accepted fact names something the knowledge base lacks, CouncilwatchError when
    the claim was already decided.
    """
    from councilwatch.store import claims

    act = {"accept": claims.accept, "reject": claims.reject}[decision]
    with kb.store.write() as conn:
        return act(conn, claim_id)


# -- agenda items -----------------------------------------------------------------------------------
def agenda_items(kb) -> list[dict]:
    """[{"id", "title", "meetings", "first", "last"}] by title."""
    from councilwatch import record

    return record.agenda(kb)


def agenda_item(kb, name: str) -> dict:
    """One agenda item by id or any of its names: meetings, outcomes (votes, vetoes), documents."""
    from councilwatch import record

    return record.agenda_item(kb, name)
