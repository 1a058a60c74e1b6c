"""Lay a brief out as Markdown, standalone HTML (inline CSS and SVG, no external requests) or PDF.

Source-derived text is data: Jinja2 autoescapes it in HTML (and so in the PDF,
which WeasyPrint renders from that HTML); in Markdown `md` neutralises the
characters that would become markup when the Markdown is turned into HTML.
"""

from __future__ import annotations

import base64
import re
from functools import lru_cache
from pathlib import Path

TEMPLATES = Path(__file__).parent / "templates"
FORMATS = ("md", "html", "pdf")

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def md_escape(text) -> str:
    """Markdown-safe text: no raw HTML, links, emphasis or table breaks from data."""
    return _MD_SPECIAL.sub(lambda m: {"<": "&lt;", ">": "&gt;"}.get(m.group(1), "\\" + m.group(1)), str(text))


def md_url(url) -> str:
    """A URL safe inside Markdown's <...> and (...): characters that could end it are percent-encoded."""
    from urllib.parse import quote

    return quote(str(url), safe=":/?#@!$&'*+,;=%~-._")


@lru_cache(maxsize=1)
def environment():
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=lambda name: bool(name) and ".html" in name,
                      undefined=StrictUndefined, trim_blocks=False, lstrip_blocks=False, keep_trailing_newline=True)
    env.filters["md"] = md_escape
    env.filters["mdurl"] = md_url
    return env


@lru_cache(maxsize=1)
def css() -> str:
    return (TEMPLATES / "style.css").read_text(encoding="utf-8")


def _tidy_md(text: str) -> str:
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def _as_image(svg: str | None, alt: str) -> str | None:
    # For the PDF: an SVG image is drawn by WeasyPrint's SVG renderer (still vectors) without running
    # the CSS cascade over every path, which inline SVG costs.
    if svg is None:
        return None
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return f'<img alt="{alt}" style="width:100%" src="data:image/svg+xml;base64,{data}">'


def brief_charts(brief, for_pdf: bool = False) -> dict:
    """Chart markup (our own SVG, safe to insert): inline for HTML, as data-URI images for the PDF."""
    from councilwatch.publish import charts

    matrix = charts.membership_matrix(brief.matrix) if brief.matrix else None
    line = charts.timeline(brief.timeline)
    if for_pdf:
        return {"matrix": _as_image(matrix, "membership matrix"), "timeline": _as_image(line, "timeline")}
    return {"matrix": matrix, "timeline": line}


def brief_markdown(brief) -> str:
    return _tidy_md(environment().get_template("brief.md.j2").render(b=brief))


def brief_html(brief, for_pdf: bool = False) -> str:
    return environment().get_template("brief.html.j2").render(b=brief, charts=brief_charts(brief, for_pdf), css=css())


def monthly_markdown(monthly) -> str:
    return _tidy_md(environment().get_template("monthly.md.j2").render(m=monthly))


def monthly_html(monthly, for_pdf: bool = False) -> str:
    charts = [brief_charts(b, for_pdf) for b in monthly.entries]
    return environment().get_template("monthly.html.j2").render(m=monthly, charts=charts, css=css())


def html_to_pdf(html: str) -> bytes:
    import logging

    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    # Briefs are standalone: nothing is fetched while rendering, whatever the data says; only our
    # own data: URIs (the charts) are read.
    fetcher = URLFetcher(allowed_protocols={"data"})
    return HTML(string=html, url_fetcher=fetcher, base_url=str(TEMPLATES)).write_pdf()


def render(obj, fmt: str) -> str | bytes:
    """A Brief or Monthly in one of FORMATS: str for md/html, bytes for pdf."""
    from councilwatch.publish.assemble import Monthly

    if fmt not in FORMATS:
        from councilwatch.errors import CouncilwatchError

        raise CouncilwatchError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    monthly = isinstance(obj, Monthly)
    if fmt == "md":
        return monthly_markdown(obj) if monthly else brief_markdown(obj)
    for_pdf = fmt == "pdf"
    html = monthly_html(obj, for_pdf) if monthly else brief_html(obj, for_pdf)
    return html_to_pdf(html) if for_pdf else html
