"""Agenda items: meetings over time, outcomes, votes and vetoes, documents."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse

from councilwatch.web import charts, queries
from councilwatch.web.routes import kb, render, path_part

router = APIRouter(prefix="/agenda", include_in_schema=False)


@router.get("")
def index(request: Request):
    return render(request, "agenda_index.html", {"items": queries.agenda_items(kb(request))})


@router.get("/{item:path}")
def item(request: Request, item: str):
    found = queries.agenda_item(kb(request), item)  # any of its names; UnknownName (404) with candidates otherwise
    if found["id"] != item:
        return RedirectResponse(f"/agenda/{path_part(found['id'])}", status_code=307)
    chart = charts.yearly_counts([m["date"] for m in found["meetings"]])
    return render(request, "agenda_item.html", {"item": found, "chart": chart})
