"""Agenda items: meetings over time, outcomes, votes and vetoes, documents."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Request

from councilwatch.web import charts, providers
from councilwatch.web.routes import kb, render

router = APIRouter(prefix="/agenda", include_in_schema=False)


@router.get("")
def index(request: Request):
    return render(request, "agenda_index.html", {"items": providers.agenda_items(kb(request))})


@router.get("/{item:path}")
def item(request: Request, item: str):
    from councilwatch.errors import UnknownName

    found = providers.agenda_item(kb(request), item)
    if found is None:
        raise UnknownName("agenda item", item, [])
    dates = [m["date"] if isinstance(m["date"], date) else date.fromisoformat(str(m["date"])[:10])
             for m in found.get("meetings", [])]
    return render(request, "agenda_item.html", {"item": found, "chart": charts.yearly_counts(dates)})
