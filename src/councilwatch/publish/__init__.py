"""Briefs: Monthly-Forecast entries and whole forecasts as Markdown, HTML and PDF, and their Atom feed.

    >>> from councilwatch.publish import render_brief
    >>> html = render_brief(kb, "CSTO SCO CIS", "2024-07", "html")

Heavy modules (Jinja2, matplotlib, WeasyPrint) load on first use.
"""

from __future__ import annotations

from councilwatch.publish.api import (  # noqa: F401 - the public interface
    atom_feed,
    list_briefs,
    record_brief,
    render_brief,
    render_html,
    render_monthly,
    render_pdf,
)
