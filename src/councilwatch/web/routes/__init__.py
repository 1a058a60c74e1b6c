"""Routes by resource. Every handler is a plain `def`: FastAPI runs it in its thread pool,
so the synchronous store calls never block the event loop."""

from __future__ import annotations

from fastapi import Request


def kb(request: Request):
    """The app's one KnowledgeBase (its name indexes are built once, not per request)."""
    return request.app.state.kb


def render(request: Request, template: str, context: dict, status: int = 200, headers: dict | None = None):
    return request.app.state.templates.TemplateResponse(request, template, context, status_code=status, headers=headers)
