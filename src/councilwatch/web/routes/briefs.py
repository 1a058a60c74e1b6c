"""Briefs: the list, each rendered as HTML, its PDF, and the Atom feed."""

from __future__ import annotations

import re

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from councilwatch.web import providers
from councilwatch.web.routes import kb, render

router = APIRouter(prefix="/briefs", include_in_schema=False)

_SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,120}$")


def _slug(slug: str) -> str:
    from councilwatch.errors import UnknownName

    if not _SLUG.match(slug):
        raise UnknownName("brief", slug, [])
    return slug


@router.get("")
def index(request: Request):
    return render(request, "briefs.html", {"briefs": providers.briefs(kb(request))})


@router.get("/feed.atom")
def feed(request: Request):
    body = providers.briefs_feed(kb(request), str(request.base_url).rstrip("/"))
    return Response(body, media_type="application/atom+xml; charset=utf-8")


@router.get("/{slug}.pdf")
def pdf(request: Request, slug: str):
    from councilwatch.errors import UnknownName

    data = providers.brief_pdf(kb(request), _slug(slug))
    if data is None:
        raise UnknownName("brief", slug, [])
    return Response(data, media_type="application/pdf",
                    headers={"Content-Disposition": f'attachment; filename="councilwatch-{slug}.pdf"'})


@router.get("/{slug}")
def brief(request: Request, slug: str):
    from councilwatch.errors import UnknownName

    html = providers.brief_html(kb(request), _slug(slug))
    if html is None:
        raise UnknownName("brief", slug, [])
    # The publish module renders a whole document and escapes its own source text.
    return HTMLResponse(html)
