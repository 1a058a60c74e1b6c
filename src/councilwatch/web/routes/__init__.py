"""Routes by resource.

Two kinds of handler. Questions about organisations, states and the Council are
`@quick`: each is a few indexed queries and 0.2-2 ms of Python. On the embedded
SQLite store they run on the event loop, since for a plain `def` FastAPI hops to
its thread pool and back twice (the handler, then the response validation), which
costs more than the work and buys nothing under the GIL; on a database server the
queries wait on the network, so there they go to the thread pool like the rest.
Anything that can take long (forecasts, briefs and PDFs, search, the agenda
record, writes) is a plain `def`, run in the thread pool so it never stalls the
other requests.
"""

from __future__ import annotations

import functools
from typing import Any, Callable

from fastapi import Request
from starlette.concurrency import run_in_threadpool

from councilwatch.web.templating import path_part  # noqa: F401 - for routes building links


def kb(request: Request):
    """The app's one KnowledgeBase (its name indexes are built once, not per request)."""
    return request.app.state.kb


def render(request: Request, template: str, context: dict, status: int = 200, headers: dict | None = None):
    return request.app.state.templates.TemplateResponse(request, template, context, status_code=status, headers=headers)


def quick(handler: Callable[..., Any]) -> Callable[..., Any]:
    """Run a short store-bound handler inline on SQLite, in the thread pool on a database server."""
    import inspect

    if "request" not in inspect.signature(handler).parameters:
        raise TypeError(f"@quick handler {handler.__name__} needs a `request: Request` parameter")

    @functools.wraps(handler)  # FastAPI reads the parameters through __wrapped__
    async def endpoint(*args: Any, **kwargs: Any) -> Any:
        if kwargs["request"].app.state.kb.store.dialect == "sqlite":
            return handler(*args, **kwargs)
        return await run_in_threadpool(handler, *args, **kwargs)

    return endpoint
