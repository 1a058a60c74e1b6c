"""What the CLI and the web application call: render a brief or a month, record it, list and feed them."""

from __future__ import annotations

import hashlib
import json
import re
from datetime import datetime, timezone
from typing import Any

from councilwatch.publish.assemble import UNSET

_SLUG = re.compile(r"^(\d{4}-\d{2})-(.+)$")
MONTHLY_SUFFIX = "monthly-forecast"


def render_brief(kb, item: str, month: str, fmt: str = "md", forecast: Any = UNSET) -> str | bytes:
    """The entry on ITEM (agenda item or topic, matched leniently) for MONTH (YYYY-MM) as md, html or pdf."""
    from councilwatch.publish.assemble import assemble_brief
    from councilwatch.publish.render import render

    return render(assemble_brief(kb, item, month, forecast=forecast), fmt)


def render_monthly(kb, month: str, fmt: str = "md", forecast: Any = UNSET) -> str | bytes:
    """The whole Monthly Forecast for MONTH: overview and one entry per expected item."""
    from councilwatch.publish.assemble import assemble_monthly
    from councilwatch.publish.render import render

    return render(assemble_monthly(kb, month, forecast=forecast), fmt)


def _assemble_slug(kb, slug: str):
    from councilwatch.errors import UnknownName
    from councilwatch.publish.assemble import assemble_brief, assemble_monthly

    m = _SLUG.match(slug)
    if not m:
        return None
    month, rest = m.groups()
    if rest == MONTHLY_SUFFIX:
        return assemble_monthly(kb, month)
    try:
        from councilwatch.publish.assemble import topic_index

        known, _ = topic_index(kb)
        if rest not in known:
            return None
        return assemble_brief(kb, rest, month, topic=known[rest])
    except UnknownName:
        return None


def render_html(kb, slug: str) -> str | None:
    """The brief or month a slug names ('2024-07-un-csto-sco-cis', '2024-07-monthly-forecast') as HTML; None if unknown."""
    from councilwatch.publish.render import render

    obj = _assemble_slug(kb, slug)
    return None if obj is None else render(obj, "html")


def render_pdf(kb, slug: str) -> bytes | None:
    from councilwatch.publish.render import render

    obj = _assemble_slug(kb, slug)
    return None if obj is None else render(obj, "pdf")


def digest(obj) -> str:
    """A fingerprint of what a brief says (not of when it was generated)."""
    data = obj.as_dict()

    def drop(value):
        if isinstance(value, dict):
            return {k: drop(v) for k, v in value.items() if k != "generated"}
        if isinstance(value, list):
            return [drop(v) for v in value]
        return value

    return hashlib.sha256(json.dumps(drop(data), sort_keys=True, default=str).encode()).hexdigest()


def record_brief(kb, obj) -> dict:
    """Record a generated Brief or Monthly for the feed; `updated` moves only when its content changed."""
    from sqlalchemy import select

    from councilwatch.publish.assemble import Monthly
    from councilwatch.store import schema as t

    now = datetime.now(timezone.utc)
    fp = digest(obj)
    row = {"slug": obj.slug, "kind": "monthly" if isinstance(obj, Monthly) else "entry",
           "topic": None if isinstance(obj, Monthly) else obj.topic["id"], "month": obj.month,
           "title": obj.title if isinstance(obj, Monthly) else f"{obj.title} ({obj.month_label})",
           "summary": obj.summary, "digest": fp}
    with kb.store.write() as conn:
        old = conn.execute(select(t.briefs.c.digest, t.briefs.c.published).where(t.briefs.c.slug == obj.slug)).first()
        if old is None:
            conn.execute(t.briefs.insert().values(**row, published=now, updated=now))
        elif old.digest != fp:
            conn.execute(t.briefs.update().where(t.briefs.c.slug == obj.slug).values(**row, updated=now))
    return row


def list_briefs(kb) -> list[dict]:
    """Recorded briefs, newest first: slug, kind, month, title, summary, published, updated."""
    from councilwatch.publish import facts

    with kb.store.query() as conn:
        return facts.published(conn)


def atom_feed(kb, base_url: str) -> str:
    """An Atom 1.0 feed (RFC 4287) of the recorded briefs, linking to base_url/briefs/SLUG."""
    from councilwatch.publish.feed import atom

    return atom(list_briefs(kb), base_url)
