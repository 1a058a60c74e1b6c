"""States: memberships over time, Council terms and presidencies held."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse

from councilwatch.web import charts, queries
from councilwatch.web.routes import kb, render

router = APIRouter(prefix="/states", include_in_schema=False)


@router.get("")
def index(request: Request):
    return render(request, "states.html", {"states": queries.all_states(kb(request))})


@router.get("/{state}")
def state(request: Request, state: str):
    k = kb(request)
    iso3 = k.state_id(state)
    if iso3 != state:
        return RedirectResponse(f"/states/{iso3}", status_code=307)
    info = k.state(iso3)
    memberships = k.memberships(iso3)
    chart = charts.timeline(memberships, "organisation", "organisation",
                            {m["organisation"]: f"/organisations/{m['organisation']}" for m in memberships})
    return render(request, "state.html", {
        "state": info, "memberships": memberships, "chart": chart,
        "terms": queries.council_terms(k, iso3), "presidencies": queries.presidencies_held(k, iso3),
    })
