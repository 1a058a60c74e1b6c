"""The application factory: one KnowledgeBase per app, routes by resource, errors as pages or JSON."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.sessions import SessionMiddleware

from councilwatch.errors import BadDate, CouncilwatchError, MissingData, UnknownName
from councilwatch.web.cache import PageCache, Pages
from councilwatch.web.fragments import Fragments
from councilwatch.web.security import SESSION_AGE, SESSION_COOKIE, Auth, Limits, WriteRefused, session_secret
from councilwatch.web.templating import make_templates

STATIC = Path(__file__).parent / "static"
CACHE_ENV = "COUNCILWATCH_WEB_CACHE_SECONDS"


def create_app(db_url: str | None = None, token: str | None = None, *, load_curated: bool = True, kb=None,
               cache_seconds: float = 5.0) -> FastAPI:
    """The web application over the knowledge base at `db_url` (default: as the CLI's --db).

    `token` enables writes (the review queue); without one the app is read-only.
    `load_curated=False` serves a store as it is, without migrating or loading the packaged facts.
    `cache_seconds` keeps anonymous pages that long (0: no page cache; see cache.py).
    """
    from councilwatch import config
    from councilwatch.api import KnowledgeBase, open_store

    if kb is None:
        kb = KnowledgeBase(open_store(config.database_url(db_url), load_curated=load_curated))
    _warm(kb)

    app = FastAPI(
        title="councilwatch",
        summary="The UN Security Council and regional organisations: sourced, dated facts.",
        description=(
            "Read-only JSON over the councilwatch knowledge base (the same data as the command line), "
            "plus the review queue, whose writes need `Authorization: Bearer <COUNCILWATCH_TOKEN>`. "
            "Errors are `{\"error\": message, \"status\": code}`: 404 for an unknown name (with `candidates`) "
            "or for data the knowledge base lacks (with `\"missing\": true`, e.g. a forecast for a month after "
            "the meeting record ends), 422 for a bad date or parameter."
        ),
        version=_version(),
        docs_url="/api/docs",
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.kb = kb
    app.state.auth = Auth(token)
    app.state.templates = make_templates()
    app.state.fragments = Fragments(app.state.templates.env)

    app.add_middleware(SessionMiddleware, secret_key=session_secret(token), session_cookie=SESSION_COOKIE,
                       max_age=SESSION_AGE, same_site="strict", https_only=False)
    app.state.pages = Pages(cache_seconds)
    app.add_middleware(PageCache, pages=app.state.pages)
    app.add_middleware(Limits)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    from councilwatch.web.routes import agenda, api, briefs, documents, home, organisations, review, session, states

    for module in (api, home, session, organisations, states, agenda, documents, briefs, review):
        app.include_router(module.router)
    _error_handlers(app)
    return app


def _warm(kb) -> None:
    """Build the name indexes once, before the first request, rather than racing on it."""
    for fn in (kb.organisation_id, kb.state_id):
        try:
            fn("-")
        except CouncilwatchError:
            pass


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("councilwatch")
    except PackageNotFoundError:
        return "0"


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api")


def error_response(request: Request, status: int, message: str, extra: dict | None = None,
                   headers: dict | None = None) -> Response:
    """The same error as JSON under /api, as a page elsewhere."""
    if wants_json(request):
        return JSONResponse({"error": message, "status": status, **(extra or {})}, status_code=status, headers=headers)
    templates = request.app.state.templates
    return templates.TemplateResponse(request, "error.html", {"status": status, "message": message, **(extra or {})},
                                      status_code=status, headers=headers)


def _error_handlers(app: FastAPI) -> None:
    @app.exception_handler(UnknownName)
    async def unknown(request: Request, exc: UnknownName):
        return error_response(request, 404, str(exc), {"candidates": exc.candidates})

    @app.exception_handler(BadDate)
    async def bad_date(request: Request, exc: BadDate):
        return error_response(request, 422, str(exc))

    @app.exception_handler(MissingData)
    async def missing(request: Request, exc: MissingData):
        # The request was fine; what it asks for is not in this knowledge base (yet): a 404 that says why.
        return error_response(request, 404, str(exc), {"missing": True})

    @app.exception_handler(CouncilwatchError)
    async def user_error(request: Request, exc: CouncilwatchError):
        return error_response(request, 422, str(exc))

    @app.exception_handler(WriteRefused)
    async def refused(request: Request, exc: WriteRefused):
        headers = {"WWW-Authenticate": 'Bearer realm="councilwatch"'} if exc.status == 401 else None
        return error_response(request, exc.status, exc.message, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        problems = []
        for e in exc.errors():
            where = ".".join(str(p) for p in e.get("loc", ()) if p not in ("query", "path", "body"))
            problems.append(f"{where}: {e.get('msg')}" if where else str(e.get("msg")))
        return error_response(request, 422, "; ".join(problems) or "invalid request")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}"
        return error_response(request, exc.status_code, message, headers=getattr(exc, "headers", None))


def app_from_environment() -> FastAPI:
    """The app as `councilwatch serve` builds it in each worker: database and token from the environment."""
    from councilwatch import config

    import os

    return create_app(config.database_url(), config.token(), cache_seconds=float(os.environ.get(CACHE_ENV, "5")))
