"""The home page: a month (by default the coming one) with its presidency, forecast and briefs, and the Council."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from councilwatch.web import queries
from councilwatch.web.routes import kb, quick, render

router = APIRouter(include_in_schema=False)


def _try(fn, *args):
    """(value, None) or (None, reason): one part the knowledge base cannot give must not take the page down."""
    from councilwatch.errors import CouncilwatchError

    try:
        return fn(*args), None
    except CouncilwatchError as exc:
        return None, str(exc)


@router.get("/")
def home(request: Request, month: str | None = Query(None, max_length=20)):
    from councilwatch.dates import month_bounds, month_text, parse_month
    from councilwatch.forecast import forecast_month
    from councilwatch.publish import list_briefs

    k = kb(request)
    month = month_text(*parse_month(month)) if month else queries.coming_month()
    first_day = month_bounds(*parse_month(month))[0]
    presidency, presidency_missing = _try(k.presidency, month)
    forecast, forecast_missing = _try(forecast_month, k, month)
    briefs, briefs_missing = _try(list_briefs, k)
    composition, composition_missing = _try(lambda: k.composition(on=first_day))
    return render(request, "home.html", {
        "month": month, "presidency": presidency, "presidency_missing": presidency_missing,
        "forecast": forecast, "forecast_missing": forecast_missing,
        "briefs": (briefs or [])[:6], "briefs_missing": briefs_missing,
        "composition": composition or [], "composition_missing": composition_missing, "on": first_day,
    })


@router.get("/healthz")
async def health() -> Response:
    return Response("ok\n", media_type="text/plain")


@router.get("/favicon.ico")
def favicon() -> Response:
    # No icon: answer without an error so pages rendered elsewhere (briefs) log nothing.
    return Response(status_code=204, headers={"Cache-Control": "public, max-age=86400"})
