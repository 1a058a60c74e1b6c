"""Logging in with the write token (sets the signed session cookie) and out."""

from __future__ import annotations

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import RedirectResponse

from councilwatch.web.routes import render
from councilwatch.web.security import check_csrf, csrf_token

router = APIRouter(include_in_schema=False)


def _local(path: str | None) -> str:
    """Only a path on this site: never an open redirect to another host."""
    if not path or not path.startswith("/") or path.startswith("//") or "\\" in path:
        return "/review"
    return path


@router.get("/login")
def login_form(request: Request, next: str | None = Query(None, max_length=500)):
    return render(request, "login.html", {"csrf": csrf_token(request), "next": _local(next), "failed": False})


@router.post("/login")
def login(request: Request, token: str = Form(..., max_length=500), csrf: str = Form("", max_length=200),
          next: str = Form("/review", max_length=500)):
    check_csrf(request, csrf)
    auth = request.app.state.auth
    if not auth.log_in(request, token):
        message = "writes are disabled on this server" if not auth.writes_enabled else "that token is not right"
        return render(request, "login.html", {"csrf": csrf_token(request), "next": _local(next), "failed": message},
                      status=403)
    return RedirectResponse(_local(next), status_code=303)


@router.post("/logout")
def logout(request: Request, csrf: str = Form("", max_length=200)):
    check_csrf(request, csrf)
    request.app.state.auth.log_out(request)
    return RedirectResponse("/", status_code=303)
