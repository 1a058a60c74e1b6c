"""Rendered pieces of pages that change only with their data: kept by what they show, not for a time.

A membership timeline costs more to place and draw than the rest of its page.
Its key is everything it shows (each period's lane, label, status and dates, the
caption, and today, which ends the open bars), so a cached chart is never stale:
new data makes a new key, and the oldest charts fall out of the bounded cache.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from datetime import date

from markupsafe import Markup

from councilwatch.web import charts


class Fragments:
    """A bounded, thread-safe cache of rendered timelines over one Jinja environment."""

    def __init__(self, env, max_entries: int = 512):
        self.env, self.max_entries = env, max_entries
        self._entries: OrderedDict[tuple, Markup] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def timeline(self, periods: list[dict], lane_key: str, label_key: str, href_prefix: str, caption: str,
                 today: date | None = None) -> Markup:
        """The SVG timeline of `periods` (one lane per `lane_key`, links to href_prefix + lane), as markup."""
        today = today or date.today()
        key = (lane_key, label_key, href_prefix, caption, today,
               tuple((p[lane_key], p[label_key], p["status"], p.get("since"), p.get("until")) for p in periods))
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
                self.hits += 1
                return found
        chart = charts.timeline(periods, lane_key, label_key, {p[lane_key]: href_prefix + p[lane_key] for p in periods}, today)
        html = Markup(self.env.get_template("_macros.html").module.timeline(chart, caption))
        with self._lock:
            self.misses += 1
            self._entries[key] = html
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)
        return html
