"""The Jinja2 environment: autoescaping everywhere, and the filters pages share."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from urllib.parse import quote

import jinja2
from starlette.templating import Jinja2Templates

TEMPLATES = Path(__file__).parent / "templates"


def short_url(url: str) -> str:
    """'https://www.un.org/en/about-us/member-states' -> 'un.org/en/about-us/member-…'."""
    from urllib.parse import unquote, urlsplit

    parts = urlsplit(url)
    host = parts.netloc.removeprefix("www.")
    path = unquote(parts.path).rstrip("/")
    text = host + path
    return text if len(text) <= 48 else text[:47] + "…"


def source_links(source: str | None) -> list[tuple[str, str | None]]:
    """Split a source field ("url ; S/2022/606 ; file.csv:5") into (text, link or None).

    Only http(s) URLs and UN document symbols become links: a source is data and
    must never become a javascript: or other active URL.
    """
    from councilwatch import symbols

    out: list[tuple[str, str | None]] = []
    for part in (source or "").split(";"):
        part = part.strip()
        if not part:
            continue
        lower = part.lower()
        if lower.startswith(("http://", "https://")) and not any(c in part for c in ' "<>\\`'):
            out.append((short_url(part), part))
            continue
        try:
            out.append((part, "https://undocs.org/" + quote(symbols.normalise(part), safe="/()")))
        except (ValueError, symbols.BadSymbol):
            out.append((part, None))
    return out


def label(value: str | None) -> str:
    return (value or "").replace("_", " ")


def day(value: date | datetime | str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def path_part(value: str) -> str:
    """A symbol or id as a URL path, slashes kept (/documents/S/2022/606)."""
    return quote(str(value), safe="/()")


def marked(snippet: str | None) -> list[tuple[str, bool]]:
    """Search snippets mark matches as [word]: (text, is_match) pieces for the template to escape."""
    import re

    out = []
    for i, piece in enumerate(re.split(r"\[([^\[\]]*)\]", snippet or "")):
        if piece:
            out.append((piece, i % 2 == 1))
    return out


def percent(value: float | None) -> str:
    return "" if value is None else f"{round(float(value) * 100)}%"


def _context(request) -> dict:
    auth = request.app.state.auth
    return {"is_writer": auth.is_writer(request), "writes_enabled": auth.writes_enabled}


def make_templates() -> Jinja2Templates:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,  # every template, whatever its extension
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.filters.update(marked=marked, sources=source_links, label=label, day=day, path=path_part, percent=percent)
    return Jinja2Templates(env=env, context_processors=[_context])
