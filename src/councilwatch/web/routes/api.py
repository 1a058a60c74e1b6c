"""The JSON API under /api: the same data the command line gives."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Header, HTTPException, Query, Request

from councilwatch.web import providers, queries, schemas
from councilwatch.web.routes import kb

ERRORS = {404: {"model": schemas.Error, "description": "Unknown name"},
          422: {"model": schemas.Error, "description": "Bad date or parameter"}}
LATER = {503: {"model": schemas.Error, "description": "This part of councilwatch is not available yet"}}

router = APIRouter(prefix="/api", tags=["api"], responses=ERRORS)

On = Annotated[str | None, Query(max_length=40, description="A day, YYYY-MM-DD (default: today).")]
Org = Annotated[str, Query(max_length=200)]


@router.get("/organisations", response_model=list[schemas.OrganisationSummary], summary="Organisations known")
def organisations(request: Request):
    return kb(request).organisations()


@router.get("/organisations/{org}", response_model=schemas.Organisation, summary="One organisation")
def organisation(request: Request, org: str):
    return kb(request).organisation(org)


@router.get("/members/{org}", response_model=list[schemas.Member], summary="States with a status in an organisation on a day")
def members(request: Request, org: str, on: On = None,
            all: Annotated[bool, Query(description="Also list states that have withdrawn.")] = False):
    return kb(request).members(org, on, all)


@router.get("/history/{org}", response_model=list[schemas.Member], summary="Every dated status period of an organisation")
def history(request: Request, org: str):
    return kb(request).history(org)


@router.get("/overlap", response_model=schemas.Overlap, summary="States in all of several organisations, and the matrix")
def overlap(request: Request, org: Annotated[list[str], Query(min_length=1, max_length=30, description="Repeat: ?org=CSTO&org=SCO")],
            on: On = None):
    return kb(request).overlap(org, on)


@router.get("/memberships/{state}", response_model=list[schemas.Membership], summary="A state's statuses in every organisation")
def memberships(request: Request, state: str, on: On = None):
    return kb(request).memberships(state, on)


@router.get("/states", response_model=list[schemas.StateSummary], summary="States known")
def states(request: Request):
    return queries.all_states(kb(request))


@router.get("/states/{state}", response_model=schemas.State, summary="A state: Council terms, presidencies, memberships")
def state(request: Request, state: str):
    k = kb(request)
    s = k.state(state)
    return {**s, "council_terms": queries.council_terms(k, s["iso3"]),
            "presidencies": queries.presidencies_held(k, s["iso3"]), "memberships": k.memberships(s["iso3"])}


@router.get("/presidency/{month}", response_model=schemas.Presidency, summary="The Council presidency of a month (YYYY-MM)")
def presidency(request: Request, month: str):
    p = kb(request).presidency(month)
    return {**p.as_dict(), "basis": p.basis, "source": p.source}


@router.get("/composition", response_model=list[schemas.CouncilMember], summary="The Council's members on a day or in a year")
def composition(request: Request, on: On = None,
                year: Annotated[int | None, Query(ge=1946, le=9999, description="A year instead of a day.")] = None):
    if on is not None and year is not None:
        from councilwatch.errors import CouncilwatchError

        raise CouncilwatchError("give a year or a day (on), not both")
    return kb(request).composition(on=on, year=year)


@router.get("/forecast/{month}", response_model=dict[str, Any], responses=LATER, summary="The forecast of a month's programme")
def forecast(request: Request, month: str):
    from councilwatch.dates import month_text, parse_month

    return providers.forecast(kb(request), month_text(*parse_month(month)))


@router.get("/documents", response_model=list[dict[str, Any]], responses=LATER, summary="Full-text search of documents")
def documents(request: Request,
              q: Annotated[str, Query(min_length=1, max_length=500, description="Words, a phrase, or a document symbol (S/2022/606).")],
              limit: Annotated[int, Query(ge=1, le=200)] = 50):
    return providers.search_documents(kb(request), q, limit)


@router.get("/documents/{symbol:path}", response_model=dict[str, Any], responses=LATER, summary="A document and its extracted claims")
def document(request: Request, symbol: str):
    from councilwatch.errors import UnknownName

    k = kb(request)
    doc = providers.document(k, symbol)
    if doc is None:
        raise UnknownName("document", symbol, [])
    return {**doc, "claims": providers.claims_for(k, doc["symbol"])}


@router.get("/briefs", response_model=list[dict[str, Any]], responses=LATER, summary="Published briefs")
def briefs(request: Request):
    return providers.briefs(kb(request))


@router.get("/agenda", response_model=list[dict[str, Any]], responses=LATER, summary="Agenda items")
def agenda_items(request: Request):
    return providers.agenda_items(kb(request))


@router.get("/agenda/{item:path}", response_model=dict[str, Any], responses=LATER, summary="An agenda item: meetings, outcomes, documents")
def agenda_item(request: Request, item: str):
    from councilwatch.errors import UnknownName

    found = providers.agenda_item(kb(request), item)
    if found is None:
        raise UnknownName("agenda item", item, [])
    return found


@router.get("/claims", response_model=list[dict[str, Any]], responses=LATER, summary="Claims waiting for review")
def claims(request: Request, limit: Annotated[int, Query(ge=1, le=500)] = 100):
    return providers.pending_claims(kb(request), limit)


@router.post("/claims/{claim_id}/{decision}", response_model=schemas.ReviewResult, summary="Accept or reject a claim (needs the token)",
             responses={**LATER, 401: {"model": schemas.Error, "description": "No token"},
                        403: {"model": schemas.Error, "description": "Wrong token, or writes disabled"},
                        409: {"model": schemas.Error, "description": "The claim was already decided"}})
def review(request: Request, claim_id: int, decision: str,
           x_csrf_token: Annotated[str | None, Header(max_length=200)] = None):
    from councilwatch.errors import CouncilwatchError, UnknownName

    request.app.state.auth.require_writer(request, x_csrf_token)
    if decision not in ("accept", "reject"):
        raise CouncilwatchError(f"decision must be accept or reject, not {decision!r}")
    try:
        claim = providers.review_claim(kb(request), claim_id, decision)
    except CouncilwatchError as exc:  # already decided
        raise HTTPException(409, str(exc)) from None
    request.app.state.pages.clear()  # pages built before the decision are stale
    if claim is None:
        raise UnknownName("claim", str(claim_id), [])
    return {"id": claim_id, "state": "accepted" if decision == "accept" else "rejected", "claim": claim}
