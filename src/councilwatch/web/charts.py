"""Chart geometry for server-rendered SVG: membership timelines and yearly counts.

The templates draw the shapes; this module only places them, so charts need no
JavaScript and every label passes through the template's escaping.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from councilwatch.dates import parse_edtf
from councilwatch.errors import BadDate

WIDTH = 900
LABEL_WIDTH = 190
LANE_HEIGHT = 18
AXIS_HEIGHT = 24


@dataclass
class Bar:
    x: float
    width: float
    status: str
    title: str
    fuzzy_width: float = 0.0  # the start is only known to lie somewhere in this band


@dataclass
class Lane:
    label: str
    href: str | None
    y: float
    bars: list[Bar] = field(default_factory=list)


@dataclass
class Timeline:
    width: int
    height: int
    label_width: int
    lane_height: int
    lanes: list[Lane]
    ticks: list[tuple[float, int]]
    statuses: list[str]

    @property
    def has_fuzzy(self) -> bool:
        return any(b.fuzzy_width > 0.5 for lane in self.lanes for b in lane.bars)


def _span(text: str | None) -> tuple[date, date] | None:
    if not text:
        return None
    try:
        fd = parse_edtf(text)
    except BadDate:
        return None
    return fd.earliest, fd.latest


def timeline(periods: list[dict], lane_key: str, label_key: str, href: dict[str, str] | None = None,
             today: date | None = None) -> Timeline | None:
    """Lanes of dated status periods (`since`/`until` as EDTF), one lane per `lane_key` value."""
    today = today or date.today()
    spans = []
    for p in periods:
        start = _span(p.get("since"))
        if start is None:
            continue
        end = _span(p.get("until"))
        spans.append((p, start, end[0] if end else today))
    if not spans:
        return None
    first = min(s[1][0] for s in spans)
    last = max(today, max(s[2] for s in spans))
    first_year, last_year = first.year, last.year + 1
    lo, hi = date(first_year, 1, 1).toordinal(), date(last_year, 1, 1).toordinal()
    plot = WIDTH - LABEL_WIDTH - 10

    def x(d: date) -> float:
        return round(LABEL_WIDTH + (d.toordinal() - lo) / (hi - lo) * plot, 1)

    lanes: dict[str, Lane] = {}
    for p, (start_lo, start_hi), end in spans:
        key = p[lane_key]
        lane = lanes.get(key)
        if lane is None:
            lane = lanes[key] = Lane(p[label_key], (href or {}).get(key), AXIS_HEIGHT + len(lanes) * LANE_HEIGHT)
        x0, x1 = x(start_lo), x(max(end, start_lo))
        title = f"{p[label_key]}: {p['status'].replace('_', ' ')} {p.get('since')} – {p.get('until') or 'now'}"
        lane.bars.append(Bar(x0, max(x1 - x0, 1.5), p["status"], title, max(x(start_hi) - x0, 0.0)))
    years = last_year - first_year
    step = next(s for s in (1, 2, 5, 10, 20, 25, 50, 100) if years / s <= 10)
    ticks = [(x(date(y, 1, 1)), y) for y in range(first_year, last_year + 1) if y % step == 0]
    statuses = sorted({p["status"] for p, _, _ in spans})
    height = AXIS_HEIGHT + len(lanes) * LANE_HEIGHT + 6
    return Timeline(WIDTH, height, LABEL_WIDTH, LANE_HEIGHT, list(lanes.values()), ticks, statuses)


@dataclass
class Column:
    x: float
    y: float
    width: float
    height: float
    year: int
    count: int


@dataclass
class YearlyChart:
    width: int
    height: int
    columns: list[Column]
    ticks: list[tuple[float, int]]
    max_count: int


def yearly_counts(dates: list[date], height: int = 160) -> YearlyChart | None:
    """A column per year from the first to the last date, its height the number of dates in it."""
    if not dates:
        return None
    counts: dict[int, int] = {}
    for d in dates:
        counts[d.year] = counts.get(d.year, 0) + 1
    first, last = min(counts), max(counts)
    n = last - first + 1
    plot_w, plot_h, left = WIDTH - 50, height - 30, 40
    slot = plot_w / n
    top = max(counts.values())
    columns = []
    for i, year in enumerate(range(first, last + 1)):
        c = counts.get(year, 0)
        h = round(c / top * plot_h, 1)
        columns.append(Column(round(left + i * slot, 1), round(10 + plot_h - h, 1), max(round(slot * 0.8, 1), 1.0), h, year, c))
    step = next(s for s in (1, 2, 5, 10, 20, 25, 50) if n / s <= 12)
    ticks = [(round(left + i * slot + slot / 2, 1), y) for i, y in enumerate(range(first, last + 1)) if y % step == 0]
    return YearlyChart(WIDTH, height, columns, ticks, top)
