"""Briefs: the list, each rendered as HTML, its PDF, and the Atom feed (all from councilwatch.publish)."""

from __future__ import annotations

import re

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from councilwatch.web.routes import kb, render
from councilwatch.web.security import BRIEF_CSP

router = APIRouter(prefix="/briefs", include_in_schema=False)

_SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,120}$")


def _slug(slug: str) -> str:
    from councilwatch.errors import UnknownName

    if not _SLUG.match(slug):
        raise UnknownName("brief", slug, [])
    return slug


@router.get("")
def index(request: Request):
    from councilwatch.publish import list_briefs

    return render(request, "briefs.html", {"briefs": list_briefs(kb(request))})


@router.get("/feed.atom")
def feed(request: Request):
    from councilwatch.publish import atom_feed

    body = atom_feed(kb(request), str(request.base_url).rstrip("/"))
    return Response(body, media_type="application/atom+xml; charset=utf-8")


@router.get("/{slug}.pdf")
def pdf(request: Request, slug: str):
    from councilwatch.errors import UnknownName
    from councilwatch.publish import render_pdf

    data = render_pdf(kb(request), _slug(slug))
    if data is None:
        raise UnknownName("brief", slug, [])
    return Response(data, media_type="application/pdf",
                    headers={"Content-Disposition": f'attachment; filename="councilwatch-{slug}.pdf"'})


@router.get("/{slug}")
def brief(request: Request, slug: str):
    from councilwatch.errors import UnknownName
    from councilwatch.publish import render_html

    html = render_html(kb(request), _slug(slug))
    if html is None:
        raise UnknownName("brief", slug, [])
    # The publish module renders a whole document and escapes its own source text.
    return HTMLResponse(html, headers={"Content-Security-Policy": BRIEF_CSP})
