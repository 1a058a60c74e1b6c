"""The review queue: claims from ingested documents, accepted or rejected by a person with the token."""

from __future__ import annotations

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import RedirectResponse

from councilwatch.web import queries
from councilwatch.web.routes import kb, render
from councilwatch.web.security import csrf_token

router = APIRouter(prefix="/review", include_in_schema=False)


def decide_claim(request: Request, claim_id: int, decision: str) -> dict:
    """Accept or reject a claim for a writer: 404 no such claim, 409 already decided or not acceptable."""
    from councilwatch.errors import CouncilwatchError, UnknownName
    from councilwatch.store.claims import ClaimNotFound

    if decision not in ("accept", "reject"):
        raise CouncilwatchError(f"decision must be accept or reject, not {decision!r}")
    try:
        claim = queries.review_claim(kb(request), claim_id, decision)
    except ClaimNotFound:
        raise UnknownName("claim", str(claim_id), []) from None
    except CouncilwatchError as exc:  # decided meanwhile, or its facts name something the store lacks
        raise HTTPException(409, str(exc)) from None
    request.app.state.pages.clear()  # pages built before the decision are stale
    return claim


@router.get("")
def queue(request: Request):
    claims = queries.pending_claims(kb(request))
    writer = request.app.state.auth.is_writer(request)
    return render(request, "review.html", {"claims": claims, "csrf": csrf_token(request) if writer else None})


@router.post("/{claim_id}")
def decide(request: Request, claim_id: int, decision: str = Form(..., max_length=10), csrf: str = Form("", max_length=200)):
    request.app.state.auth.require_writer(request, csrf)
    decide_claim(request, claim_id, decision)
    return RedirectResponse("/review", status_code=303)
