"""The review queue: claims from ingested documents, accepted or rejected by a person with the token."""

from __future__ import annotations

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import RedirectResponse

from councilwatch.web import providers
from councilwatch.web.routes import kb, render
from councilwatch.web.security import csrf_token

router = APIRouter(prefix="/review", include_in_schema=False)


@router.get("")
def queue(request: Request):
    claims = providers.pending_claims(kb(request))
    writer = request.app.state.auth.is_writer(request)
    return render(request, "review.html", {"claims": claims, "csrf": csrf_token(request) if writer else None})


@router.post("/{claim_id}")
def decide(request: Request, claim_id: int, decision: str = Form(..., max_length=10), csrf: str = Form("", max_length=200)):
    from councilwatch.errors import CouncilwatchError, UnknownName

    request.app.state.auth.require_writer(request, csrf)
    if decision not in ("accept", "reject"):
        raise CouncilwatchError(f"decision must be accept or reject, not {decision!r}")
    try:
        claim = providers.review_claim(kb(request), claim_id, decision)
    except CouncilwatchError as exc:  # already decided, perhaps by someone else meanwhile
        raise HTTPException(409, str(exc)) from None
    request.app.state.pages.clear()  # pages built before the decision are stale
    if claim is None:
        raise UnknownName("claim", str(claim_id), [])
    return RedirectResponse("/review", status_code=303)
