"""Documents: full-text search, and a page per document with its claims marked in the text."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request

from councilwatch.web import highlight, providers
from councilwatch.web.routes import kb, render

router = APIRouter(prefix="/documents", include_in_schema=False)


@router.get("")
def search(request: Request, q: str = Query("", max_length=500)):
    q = q.strip()
    if q:
        hits = providers.search_documents(kb(request), q)
    elif not providers.available("search"):
        raise providers.NotAvailable("search", f"module {providers.MODULES['search']} is not installed")
    else:
        hits = []
    return render(request, "documents.html", {"q": q, "hits": hits})


@router.get("/{symbol:path}")
def document(request: Request, symbol: str):
    from councilwatch.errors import UnknownName

    k = kb(request)
    doc = providers.document(k, symbol)
    if doc is None:
        raise UnknownName("document", symbol, [])
    try:
        claims = providers.claims_for(k, doc["symbol"])
        claims_missing = None
    except providers.NotAvailable as exc:
        claims, claims_missing = [], str(exc)
    text = doc.get("full_text") or ""
    return render(request, "document.html", {
        "doc": doc, "claims": claims, "claims_missing": claims_missing,
        "segments": highlight.segments(text, claims),
    })
