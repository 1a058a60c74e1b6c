"""Documents: full-text search, and a page per document with its claims marked in the text."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request

from councilwatch.web import highlight, queries
from councilwatch.web.routes import kb, render

router = APIRouter(prefix="/documents", include_in_schema=False)


@router.get("")
def search(request: Request, q: str = Query("", max_length=500)):
    q = q.strip()
    hits = queries.search_documents(kb(request), q) if q else []
    return render(request, "documents.html", {"q": q, "hits": hits})


@router.get("/{symbol:path}")
def document(request: Request, symbol: str):
    from councilwatch.errors import UnknownName

    k = kb(request)
    doc = queries.document(k, symbol)
    if doc is None:
        raise UnknownName("document", symbol, [])
    claims = queries.claims_for(k, doc["symbol"])
    return render(request, "document.html", {
        "doc": doc, "claims": claims, "segments": highlight.segments(doc.get("full_text") or "", claims),
    })
