"""States: memberships over time, Council terms and presidencies held."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse

from councilwatch.web.routes import kb, quick, render

router = APIRouter(prefix="/states", include_in_schema=False)


@router.get("")
@quick
def index(request: Request):
    return render(request, "states.html", {"states": kb(request).states()})


@router.get("/{state}")
@quick
def state(request: Request, state: str):
    k = kb(request)
    iso3 = k.state_id(state)
    if iso3 != state:
        return RedirectResponse(f"/states/{iso3}", status_code=307)
    info = k.state(iso3)
    memberships = k.memberships(iso3)
    timeline = request.app.state.fragments.timeline(memberships, "organisation", "organisation", "/organisations/",
                                                    f"Status periods of {info['name']} in each organisation")
    return render(request, "state.html", {
        "state": info, "memberships": memberships, "timeline": timeline,
        "terms": k.council_terms(iso3), "presidencies": k.presidencies_held(iso3),
    })
