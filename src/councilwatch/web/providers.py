"""The parts of the web application that other modules provide, behind one small interface each.

Each function below is the only place the web package touches a module that may
not have landed yet: forecasts (councilwatch.forecast), briefs
(councilwatch.publish), documents, search and claims (councilwatch.store.documents,
.search, .claims), agenda items and meetings (councilwatch.store.meetings).
While a module (or the function we call in it) is absent the function raises
`NotAvailable`, which the app answers with a "not available yet" page or a JSON 503.
Wiring a module in, or following a rename, is a change to one line here.
"""

from __future__ import annotations

import importlib
from typing import Any, Callable

MODULES = {
    "forecast": "councilwatch.forecast",
    "briefs": "councilwatch.publish",
    "documents": "councilwatch.store.documents",
    "search": "councilwatch.store.search",
    "claims": "councilwatch.store.claims",
    "agenda": "councilwatch.store.meetings",
}

LABELS = {
    "forecast": "Forecasts",
    "briefs": "Briefs",
    "documents": "Documents",
    "search": "Full-text search",
    "claims": "Extracted claims and the review queue",
    "agenda": "Agenda items and meetings",
}


class NotAvailable(Exception):
    """A feature whose module has not landed yet."""

    def __init__(self, feature: str, detail: str):
        self.feature, self.detail = feature, detail
        super().__init__(f"{LABELS.get(feature, feature)} not available yet: {detail}")


def _function(feature: str, name: str) -> Callable[..., Any]:
    module_name = MODULES[feature]
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        # Only the missing module itself means "not yet"; a broken import inside it is a real error.
        if exc.name and (module_name == exc.name or module_name.startswith(exc.name + ".")):
            raise NotAvailable(feature, f"module {module_name} is not installed") from None
        raise
    fn = getattr(module, name, None)
    if fn is None:
        raise NotAvailable(feature, f"{module_name} has no {name}()")
    return fn


def available(feature: str) -> bool:
    try:
        importlib.import_module(MODULES[feature])
    except ModuleNotFoundError:
        return False
    return True


# -- forecasts ---------------------------------------------------------------------
def forecast(kb, month: str) -> dict:
    """{"month", "as_of", "items": [{"agenda_item", "title", "probability", "reasons": [..]}]}"""
    return _function("forecast", "forecast_month")(kb, month)


# -- briefs ------------------------------------------------------------------------
def briefs(kb) -> list[dict]:
    """[{"slug", "month", "title", "published"}], newest first."""
    return _function("briefs", "list_briefs")(kb)


def brief_html(kb, slug: str) -> str | None:
    """A complete HTML document rendered (and escaped) by the publish module; None if unknown."""
    return _function("briefs", "render_html")(kb, slug)


def brief_pdf(kb, slug: str) -> bytes | None:
    return _function("briefs", "render_pdf")(kb, slug)


def briefs_feed(kb, base_url: str) -> bytes:
    """The Atom feed of briefs, with links under base_url."""
    return _function("briefs", "atom_feed")(kb, base_url)


# -- documents, search, claims -----------------------------------------------------
def document(kb, symbol: str) -> dict | None:
    """{"symbol", "kind", "title", "date", "url", "full_text", "source"} or None."""
    try:
        fn = _function("documents", "get_document")
    except NotAvailable:
        from councilwatch.web import queries  # until store/documents.py lands

        return queries.document(kb, symbol)
    with kb.store.read() as conn:
        return fn(conn, symbol)


def search_documents(kb, query: str, limit: int = 50) -> list[dict]:
    """[{"symbol", "title", "date", "kind", "snippet", "match"}]; a document whose symbol is the query comes first."""
    fn = _function("search", "search")
    with kb.store.read() as conn:
        hits = [{**h, "symbol": h.get("symbol") or h.get("document")} for h in fn(conn, query, limit=limit)]
    exact = _exact_symbol(kb, query)
    if exact is not None:
        hits = [exact] + [h for h in hits if h.get("symbol") != exact["symbol"]]
    return hits[:limit]


def _exact_symbol(kb, query: str) -> dict | None:
    from councilwatch import symbols

    try:
        normal = symbols.normalise(query)
    except (ValueError, symbols.BadSymbol):
        return None
    doc = document(kb, normal)
    if doc is None:
        return None
    return {"symbol": doc["symbol"], "title": doc.get("title", ""), "date": doc.get("date"),
            "kind": doc.get("kind", ""), "snippet": "", "match": "symbol"}


def claims_for(kb, symbol: str) -> list[dict]:
    """[{"id", "kind", "start", "end", "quote", "state", "payload"}] in text order."""
    fn = _function("claims", "list_claims")
    with kb.store.read() as conn:
        return fn(conn, state=None, document=symbol)


def pending_claims(kb, limit: int = 100) -> list[dict]:
    """Claims waiting for a person: [{"id", "document", "kind", "quote", "payload", "created_at"}]."""
    fn = _function("claims", "list_claims")
    with kb.store.read() as conn:
        return fn(conn, "pending")[:limit]


def review_claim(kb, claim_id: int, decision: str) -> dict | None:
    """Accept or reject one claim in one transaction; the claim after, or None if there is no such claim.

    A claim already decided raises the module's CouncilwatchError (answered 409).
    """
    fn = _function("claims", decision)  # store.claims.accept / store.claims.reject
    try:
        with kb.store.write() as conn:
            return fn(conn, claim_id)
    except LookupError:
        return None


# -- agenda items ------------------------------------------------------------------
def agenda_items(kb) -> list[dict]:
    """[{"id", "title", "meetings", "first", "last"}]"""
    fn = _function("agenda", "agenda_items")
    with kb.store.read() as conn:
        return fn(conn)


def agenda_item(kb, item_id: str) -> dict | None:
    """{"id", "title", "meetings": [{"record", "date", "kind"}], "outcomes": [{"date", "kind", "symbol",
    "vote", "vetoed_by"}], "documents": [{"symbol", "title", "date"}]} or None."""
    fn = _function("agenda", "agenda_item")
    with kb.store.read() as conn:
        return fn(conn, item_id)
