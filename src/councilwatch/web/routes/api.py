"""The JSON API under /api: the same data the command line gives."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Header, Query, Request

from councilwatch.web import queries, schemas
from councilwatch.web.routes import kb, quick

ERRORS = {404: {"model": schemas.Error, "description": "Unknown name"},
          422: {"model": schemas.Error, "description": "Bad date or parameter"}}
MISSING = {404: {"model": schemas.Error,
                 "description": "Unknown name, or the knowledge base lacks the data (`\"missing\": true`): "
                                "e.g. no meeting record for the month"}}

router = APIRouter(prefix="/api", tags=["api"], responses=ERRORS)

# The knowledge-base endpoints are `@quick` (see routes/__init__.py): each is a few indexed
# queries and well under 2 ms of Python, less than the two thread hops a plain `def` costs on SQLite.

On = Annotated[str | None, Query(max_length=40, description="A day, YYYY-MM-DD (default: today).")]
Org = Annotated[str, Query(max_length=200)]


@router.get("/organisations", response_model=list[schemas.OrganisationSummary], summary="Organisations known")
@quick
def organisations(request: Request):
    return kb(request).organisations()


@router.get("/organisations/{org}", response_model=schemas.Organisation, summary="One organisation")
@quick
def organisation(request: Request, org: str):
    return kb(request).organisation(org)


@router.get("/members/{org}", response_model=list[schemas.Member], summary="States with a status in an organisation on a day")
@quick
def members(request: Request, org: str, on: On = None,
            all: Annotated[bool, Query(description="Also list states that have withdrawn.")] = False):
    return kb(request).members(org, on, all)


@router.get("/history/{org}", response_model=list[schemas.Member], summary="Every dated status period of an organisation")
@quick
def history(request: Request, org: str):
    return kb(request).history(org)


@router.get("/overlap", response_model=schemas.Overlap, summary="States in all of several organisations, and the matrix")
@quick
def overlap(request: Request, org: Annotated[list[str], Query(min_length=1, max_length=30, description="Repeat: ?org=CSTO&org=SCO")],
            on: On = None):
    return kb(request).overlap(org, on)


@router.get("/memberships/{state}", response_model=list[schemas.Membership], summary="A state's statuses in every organisation")
@quick
def memberships(request: Request, state: str, on: On = None):
    return kb(request).memberships(state, on)


@router.get("/states", response_model=list[schemas.StateSummary], summary="States known")
@quick
def states(request: Request):
    return kb(request).states()


@router.get("/states/{state}", response_model=schemas.State, summary="A state: Council terms, presidencies, memberships")
@quick
def state(request: Request, state: str):
    k = kb(request)
    s = k.state(state)
    return {**s, "council_terms": k.council_terms(s["iso3"]),
            "presidencies": k.presidencies_held(s["iso3"]), "memberships": k.memberships(s["iso3"])}


@router.get("/presidency/{month}", response_model=schemas.Presidency, summary="The Council presidency of a month (YYYY-MM)")
@quick
def presidency(request: Request, month: str):
    p = kb(request).presidency(month)
    return {**p.as_dict(), "basis": p.basis, "source": p.source}


@router.get("/composition", response_model=list[schemas.CouncilMember], summary="The Council's members on a day or in a year")
@quick
def composition(request: Request, on: On = None,
                year: Annotated[int | None, Query(ge=1946, le=9999, description="A year instead of a day.")] = None):
    if on is not None and year is not None:
        from councilwatch.errors import CouncilwatchError

        raise CouncilwatchError("give a year or a day (on), not both")
    return kb(request).composition(on=on, year=year)


@router.get("/forecast/{month}", response_model=dict[str, Any], responses=MISSING,
            summary="The forecast of a month's programme (as `councilwatch forecast MONTH --format json`)")
def forecast(request: Request, month: str):
    from councilwatch.dates import month_text, parse_month
    from councilwatch.forecast import forecast_month

    return forecast_month(kb(request), month_text(*parse_month(month)))


@router.get("/documents", response_model=list[dict[str, Any]], summary="Full-text search of documents")
def documents(request: Request,
              q: Annotated[str, Query(min_length=1, max_length=500, description="Words, a phrase, or a document symbol (S/2022/606).")],
              limit: Annotated[int, Query(ge=1, le=200)] = 50):
    return queries.search_documents(kb(request), q, limit)


@router.get("/documents/{symbol:path}", response_model=dict[str, Any], summary="A document and its extracted claims")
def document(request: Request, symbol: str):
    from councilwatch.errors import UnknownName

    k = kb(request)
    doc = queries.document(k, symbol)
    if doc is None:
        raise UnknownName("document", symbol, [])
    return {**doc, "claims": queries.claims_for(k, doc["symbol"])}


@router.get("/briefs", response_model=list[dict[str, Any]], summary="Published briefs, newest first")
def briefs(request: Request):
    from councilwatch.publish import list_briefs

    return list_briefs(kb(request))


@router.get("/agenda", response_model=list[dict[str, Any]], summary="Agenda items with their meeting counts")
def agenda_items(request: Request):
    return queries.agenda_items(kb(request))


@router.get("/agenda/{item:path}", response_model=dict[str, Any],
            summary="An agenda item (by id or any of its names): meetings, outcomes, votes and vetoes, documents")
def agenda_item(request: Request, item: str):
    return queries.agenda_item(kb(request), item)


@router.get("/claims", response_model=list[dict[str, Any]], summary="Claims waiting for review")
def claims(request: Request, limit: Annotated[int, Query(ge=1, le=500)] = 100):
    return queries.pending_claims(kb(request), limit)


@router.post("/claims/{claim_id}/{decision}", response_model=schemas.ReviewResult, summary="Accept or reject a claim (needs the token)",
             responses={401: {"model": schemas.Error, "description": "No token"},
                        403: {"model": schemas.Error, "description": "Wrong token, or writes disabled"},
                        409: {"model": schemas.Error, "description": "The claim was already decided, or names what the knowledge base lacks"}})
def review(request: Request, claim_id: int, decision: str,
           x_csrf_token: Annotated[str | None, Header(max_length=200)] = None):
    from councilwatch.web.routes.review import decide_claim

    request.app.state.auth.require_writer(request, x_csrf_token)
    claim = decide_claim(request, claim_id, decision)
    return {"id": claim_id, "state": claim["state"], "claim": claim}
