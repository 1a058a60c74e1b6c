"""Charts for briefs: the membership matrix (states × organisations) and the timeline of meetings and events.

Drawn with matplotlib's object API (no pyplot, no global state) as SVG: inlined
in HTML and kept as vectors in the PDF. Labels come from the knowledge base,
so they are passed as plain text (mathtext off) and matplotlib escapes them
for XML.
"""

from __future__ import annotations

import io
import re
from datetime import date

from councilwatch.model import MembershipStatus

# One colour per status, readable in print and by most colour-blind readers (Okabe-Ito based).
STATUS_COLOURS = {
    MembershipStatus.MEMBER.value: "#0072B2",
    MembershipStatus.PARTICIPATION_FROZEN.value: "#D55E00",
    MembershipStatus.SUSPENDED.value: "#CC79A7",
    MembershipStatus.ACCESSION_INITIATED.value: "#009E73",
    MembershipStatus.ASSOCIATE_MEMBER.value: "#56B4E9",
    MembershipStatus.OBSERVER.value: "#E69F00",
    MembershipStatus.DIALOGUE_PARTNER.value: "#F0E442",
    MembershipStatus.PARTNER.value: "#999999",
    MembershipStatus.WITHDRAWN.value: "#FFFFFF",
}
KIND_COLOURS = {"meeting": "#0072B2", "event": "#D55E00"}


def _figure(width: float, height: float):
    import matplotlib

    matplotlib.rcParams.update({"svg.fonttype": "none", "svg.hashsalt": "councilwatch", "text.usetex": False,
                                "font.family": "DejaVu Sans", "font.size": 8})
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height))


def _plain(text: str) -> str:
    # '$' would start mathtext; data is never maths.
    return str(text).replace("$", r"\$")


def _svg(fig) -> str:
    from matplotlib.backends.backend_svg import FigureCanvasSVG

    buf = io.StringIO()
    FigureCanvasSVG(fig).print_svg(buf, metadata={"Date": None, "Creator": None, "Format": None, "Type": None})
    text = buf.getvalue()
    # Inline SVG in HTML: no XML prolog, doctype or RDF metadata, and a size the page can scale.
    text = text[text.index("<svg"):]
    text = re.sub(r"<metadata>.*?</metadata>", "", text, flags=re.S)
    return text


def membership_matrix(matrix: dict) -> str | None:
    """SVG: one row per state, one column per organisation, each cell coloured by the state's status."""
    rows, orgs = matrix["matrix"], matrix["organisations"]
    if not rows or not orgs:
        return None
    from matplotlib.patches import Patch, Rectangle

    fig = _figure(1.6 + 0.9 * len(orgs) + 1.9, 0.6 + 0.19 * len(rows))
    ax = fig.add_axes([0.30, 0.02, 0.38, 0.90])
    used: list[str] = []
    for y, row in enumerate(rows):
        for x, org in enumerate(orgs):
            status = row.get(org)
            if status:
                ax.add_patch(Rectangle((x, y), 0.92, 0.86, color=STATUS_COLOURS.get(status, "#000000"), linewidth=0))
                if status not in used:
                    used.append(status)
    ax.set_xlim(0, len(orgs))
    ax.set_ylim(len(rows), 0)
    ax.set_xticks([x + 0.46 for x in range(len(orgs))], [_plain(o) for o in orgs])
    ax.xaxis.tick_top()
    ax.set_yticks([y + 0.43 for y in range(len(rows))], [_plain(r["name"]) for r in rows])
    ax.tick_params(length=0)
    for side in ax.spines.values():
        side.set_visible(False)
    order = [s for s in STATUS_COLOURS if s in used]
    fig.legend(handles=[Patch(color=STATUS_COLOURS[s], label=s.replace("_", " ")) for s in order],
               loc="upper left", bbox_to_anchor=(0.70, 0.92), frameon=False)
    return _svg(fig)


def timeline(points: list[dict], until: date | None = None) -> str | None:
    """SVG: Council meetings above the axis and events below it, labelled, in date order."""
    if not points:
        return None
    import matplotlib.dates as mdates

    first = min(p["day"] for p in points)
    last = max([p["day"] for p in points] + ([until] if until else []))
    span = max((last - first).days, 60)
    x0, x1 = mdates.date2num(first) - span * 0.03, mdates.date2num(last) + span * 0.25
    width_in = 7.2 * 0.94
    per_char = (x1 - x0) * (6.5 * 0.62 / 72) / width_in  # data units per character of a 6.5 pt label
    # Greedy rows: a label goes on the first row (above for meetings, below for events) it does not overlap.
    rows: dict[str, list[float]] = {"meeting": [], "event": []}
    placed = []
    for p in points:
        kind = p["kind"] if p["kind"] in rows else "event"
        x = mdates.date2num(p["day"])
        label = _plain(f"{p['day']:%b %Y} {p['label']}")
        ends = rows[kind]
        i = next((j for j, end in enumerate(ends) if x > end), len(ends))
        if i == len(ends):
            ends.append(0.0)
        ends[i] = x + (len(label) + 2) * per_char
        placed.append((kind, x, i, label))
    up, down = max(len(rows["meeting"]), 1), max(len(rows["event"]), 1)
    step = 0.32
    fig = _figure(7.2, 0.9 + 0.22 * (up + down))
    ax = fig.add_axes([0.03, 0.5 / (0.9 + 0.22 * (up + down)), 0.94, 1 - 0.7 / (0.9 + 0.22 * (up + down))])
    for kind, x, i, label in placed:
        lv = step * (i + 1) * (1 if kind == "meeting" else -1)
        ax.vlines(x, 0, lv, color=KIND_COLOURS[kind], linewidth=0.8)
        ax.plot([x], [0], "o", color=KIND_COLOURS[kind], markersize=3)
        ax.annotate(label, (x, lv), xytext=(2, 0), textcoords="offset points", fontsize=6.5, va="center",
                    color="#222222")
    ax.axhline(0, color="#444444", linewidth=0.8)
    ax.set_ylim(-step * (down + 0.8), step * (up + 0.8))
    ax.set_xlim(x0, x1)
    ax.xaxis.set_major_locator(mdates.AutoDateLocator(maxticks=10))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.yaxis.set_visible(False)
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    ax.text(0.0, 1.0, "Council meetings", transform=ax.transAxes, color=KIND_COLOURS["meeting"], fontsize=7, va="top")
    ax.text(0.0, 0.02, "events", transform=ax.transAxes, color=KIND_COLOURS["event"], fontsize=7, va="bottom")
    return _svg(fig)
