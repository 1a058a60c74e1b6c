"""The Jinja2 environment: autoescaping everywhere, and the filters pages share."""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

import jinja2
from markupsafe import Markup
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


@lru_cache(maxsize=4096)
def undocs(symbol: str | None) -> str | None:
    """The undocs.org address of a UN document symbol (S/PV.8967, S/RES/1322 (2000)); None for anything else."""
    from councilwatch import symbols

    try:
        return "https://undocs.org/" + quote(symbols.normalise(symbol or ""), safe="/()")
    except (ValueError, symbols.BadSymbol):
        return None


@lru_cache(maxsize=4096)
def source_links(source: str | None) -> tuple[tuple[str, str | None], ...]:
    """Split a source field ("url ; S/2022/606 ; file.csv:5") into (text, link or None).

    Only http(s) URLs and UN document symbols become links: a source is data and
    must never become a javascript: or other active URL.
    """
    out: list[tuple[str, str | None]] = []
    for part in (source or "").split(";"):
        part = part.strip()
        if not part:
            continue
        lower = part.lower()
        if lower.startswith(("http://", "https://")) and not any(c in part for c in ' "<>\\`'):
            out.append((short_url(part), part))
            continue
        out.append((part, undocs(part)))
    return tuple(out)


@lru_cache(maxsize=4096)
def sources_html(source: str | None) -> Markup:
    """A source field as escaped links; cached, since a page repeats a few sources many times."""
    pieces = []
    for text, href in source_links(source):
        if href:
            pieces.append(Markup('<a href="{0}" title="{0}" rel="noopener noreferrer nofollow">{1}</a>').format(href, text))
        else:
            pieces.append(Markup("<span>{0}</span>").format(text))
    return Markup('<span class="sources">') + Markup("; ").join(pieces) + Markup("</span>")


@lru_cache(maxsize=256)
def status_html(value: str | None) -> Markup:
    return Markup('<span class="status st-{0}">{1}</span>').format(value or "", label(value))


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
    return quote(str(value), safe="/():")


def marked(snippet: str | None) -> list[tuple[str, bool]]:
    """Search snippets mark matches as [word]: (text, is_match) pieces for the template to escape."""
    import re

    out = []
    for i, piece in enumerate(re.split(r"\[([^\[\]]*)\]", snippet or "")):
        if piece:
            out.append((piece, i % 2 == 1))
    return out


def month_label(month: str) -> str:
    """'2018-06' -> 'June 2018'."""
    from councilwatch.dates import parse_month

    year, mon = parse_month(month)
    return date(year, mon, 1).strftime("%B %Y")


def fact_text(kind: str, fact: dict) -> str:
    """One line for a claim's fact: 'ARM participation frozen in CSTO from 2024-02-22'."""
    f = fact or {}
    if kind == "membership":
        when = f.get("earliest") if f.get("earliest") == f.get("latest") else f"{f.get('earliest')}–{f.get('latest')}"
        return f"{f.get('state')} {label(f.get('status'))} in {f.get('organisation')} ({when})"
    if kind == "meeting":
        return f"meeting {f.get('record')} on {f.get('date')} ({label(f.get('meeting_kind'))})"
    if kind == "document":
        return f"document {f.get('symbol')}" + (f" of {f['date']}" if f.get("date") else "")
    if kind == "stance":
        return f"{', '.join(f.get('actors') or []) or 'someone'} {f.get('polarity')} of {f.get('target')}"
    if kind == "event":
        when = f.get("earliest") if f.get("earliest") == f.get("latest") else f"{f.get('earliest')} – {f.get('latest')}"
        return f"{label(f.get('kind'))} {when}" + (f" · {', '.join(f['topics'])}" if f.get("topics") else "")
    return ", ".join(f"{k}: {v}" for k, v in f.items() if isinstance(v, (str, int)))


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
    env.filters.update(marked=marked, sources=source_links, sources_html=sources_html, status_html=status_html,
                       label=label, day=day, path=path_part, percent=percent, month_label=month_label,
                       undocs=undocs, fact=fact_text)
    return Jinja2Templates(env=env, context_processors=[_context])
