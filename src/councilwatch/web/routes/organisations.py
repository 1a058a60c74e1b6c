"""Organisations: the index, a page per organisation, and the comparison of several."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse

from councilwatch.web.routes import kb, quick, render

router = APIRouter(prefix="/organisations", include_in_schema=False)


def _day(on: str | None) -> date:
    from councilwatch.api import as_day

    return as_day(on or None)


@router.get("")
@quick
def index(request: Request):
    return render(request, "organisations.html", {"organisations": kb(request).organisations()})


@router.get("/compare")
@quick
def compare(request: Request, org: list[str] = Query([], max_length=30), on: str | None = Query(None, max_length=40)):
    k = kb(request)
    day = _day(on)
    chosen = [o for o in org if o.strip()]
    result = k.overlap(chosen, day) if len(chosen) >= 1 else None
    return render(request, "compare.html", {
        "organisations": k.organisations(), "chosen": result["organisations"] if result else [],
        "result": result, "on": day,
    })


@router.get("/{org}")
@quick
def organisation(request: Request, org: str, on: str | None = Query(None, max_length=40)):
    k = kb(request)
    org_id = k.organisation_id(org)
    if org_id != org:
        target = f"/organisations/{org_id}" + (f"?on={on}" if on else "")
        return RedirectResponse(target, status_code=307)
    day = _day(on)
    info = k.organisation(org_id)
    members = k.members(org_id, day)
    history = k.history(org_id)
    timeline = request.app.state.fragments.timeline(history, "state", "name", "/states/",
                                                    f"Status periods of each state in {org_id}")
    return render(request, "organisation.html", {
        "org": info, "members": members, "history": history, "timeline": timeline, "on": day,
    })
