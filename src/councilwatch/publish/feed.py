"""The Atom feed (RFC 4287) of generated briefs, written with the standard library's XML tools."""

from __future__ import annotations

from datetime import datetime, timezone
from xml.etree import ElementTree as ET

ATOM = "http://www.w3.org/2005/Atom"
FEED_ID = "tag:councilwatch,2024:briefs"


def _stamp(value) -> str:
    """RFC 3339 time with a zone, from a datetime or the text a store returns."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value.replace("Z", "+00:00").replace(" ", "T", 1))
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


def atom(briefs: list[dict], base_url: str) -> str:
    ET.register_namespace("", ATOM)
    base = base_url.rstrip("/")
    feed = ET.Element(f"{{{ATOM}}}feed")

    def sub(parent, tag: str, text: str | None = None, **attrs) -> ET.Element:
        el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            el.text = text
        return el

    sub(feed, "id", FEED_ID)
    sub(feed, "title", "councilwatch briefs")
    sub(feed, "subtitle", "Monthly-Forecast entries on the Security Council, assembled from a sourced knowledge base")
    updated = max((_stamp(b["updated"]) for b in briefs), default=_stamp(datetime(2024, 1, 1, tzinfo=timezone.utc)))
    sub(feed, "updated", updated)
    sub(feed, "link", href=f"{base}/briefs/feed.atom", rel="self", type="application/atom+xml")
    sub(feed, "link", href=f"{base}/briefs", rel="alternate", type="text/html")
    author = sub(feed, "author")
    sub(author, "name", "councilwatch")
    sub(feed, "generator", "councilwatch")
    for b in briefs:
        entry = sub(feed, "entry")
        sub(entry, "id", f"{FEED_ID}:{b['slug']}")
        sub(entry, "title", b["title"])
        sub(entry, "updated", _stamp(b["updated"]))
        sub(entry, "published", _stamp(b["published"]))
        sub(entry, "link", href=f"{base}/briefs/{b['slug']}", rel="alternate", type="text/html")
        sub(entry, "link", href=f"{base}/briefs/{b['slug']}.pdf", rel="enclosure", type="application/pdf")
        sub(entry, "category", term=b["kind"])
        sub(entry, "summary", b["summary"], type="text")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"
