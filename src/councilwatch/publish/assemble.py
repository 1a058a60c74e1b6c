"""A brief as data: every fact the entry states, each with the numbers of its sources.

Nothing here invents: a section without facts in the knowledge base gets a
`missing` note saying what is absent ("no forecast: no meetings known after
...") instead of text. Rendering (render.py) only lays these facts out.
"""

from __future__ import annotations

import calendar
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timezone
from typing import Any

from councilwatch.dates import month_bounds, month_text, parse_edtf, parse_month
from councilwatch.errors import BadDate, CouncilwatchError, MissingData, UnknownName
from councilwatch.model import MEMBERSHIP_STATUSES, MembershipStatus
from councilwatch.publish import facts
from councilwatch.publish.citations import Citation, SourceList, undocs

# Groups of Council members a stance may be held by; the label names them the way briefs do.
GROUPS = {
    ("FRA", "GBR", "USA"): "the P3 (France, the United Kingdom and the United States)",
    ("CHN", "FRA", "GBR", "RUS", "USA"): "the five permanent members",
}
GROUP_IDS = {"P3": "the P3 (France, the United Kingdom and the United States)", "P5": "the five permanent members",
             "A3": "the A3 (the African members)", "A3+": "the A3+ (the African members and a Caribbean member)",
             "E10": "the ten elected members"}

DOCUMENT_GROUPS = [
    ("sg_report", "Secretary-General's Reports"),
    ("meeting_record", "Security Council Meeting Records"),
    ("resolution", "Security Council Resolutions"),
    ("presidential_statement", "Security Council Presidential Statements"),
    ("letter", "Security Council Letters and Concept Notes"),
    ("ga_resolution", "General Assembly Resolutions"),
    ("other", "Other Documents"),
]
_KIND_GROUP = {"concept_note": "letter", "note": "letter", "prst": "presidential_statement", "report": "sg_report"}
# An SG report older than this many days before the month is "not recent" and the brief says so.
SG_REPORT_STALE_DAYS = 2 * 365


@dataclass
class Fact:
    """One statement with its date and the numbers of its sources in the brief's source list."""

    text: str
    sources: list[int]
    when: str = ""  # as the reader sees it: "22 March 2024", "May 2018"
    day: date | None = None  # for ordering and the timeline
    kind: str = ""


@dataclass
class MemberRow:
    state: str
    name: str
    status: str
    since: str
    footnote: int | None = None


@dataclass
class OrganisationBackground:
    id: str
    name: str
    founded: str
    description: Fact | None
    caption: str
    members: list[MemberRow]
    footnotes: list[Fact]
    sources: list[int]
    counts: dict[str, int]


@dataclass
class DocumentEntry:
    symbol: str
    title: str
    when: str
    url: str | None
    sources: list[int]
    note: str = ""


@dataclass
class Brief:
    slug: str
    topic: dict
    title: str
    month: str
    month_label: str
    as_of: str  # the first day of the month: the membership tables and "recent" are as of this day
    generated: str
    presidency: Fact | None
    expected: list[Fact]
    in_month: list[Fact]
    background: list[OrganisationBackground]
    developments: list[Fact]
    stances: list[Fact]
    votes: list[Fact]
    ga_votes: list[Fact]
    documents: list[tuple[str, list[DocumentEntry]]]
    missing: dict[str, list[str]]
    citations: list[Citation]
    matrix: dict | None = None  # kb.overlap(..., any_status=True) on as_of
    timeline: list[dict] = field(default_factory=list)  # [{"day", "label", "kind"}]
    forecast_item: dict | None = None
    topic_cites: list[int] = field(default_factory=list)
    fn: str = "s"  # Markdown footnote prefix, unique per entry within one document

    @property
    def summary(self) -> str:
        parts = [f"{self.title}, {self.month_label}"]
        if self.presidency:
            parts.append(self.presidency.text)
        parts.append(f"{len(self.developments)} recent developments, {sum(len(d) for _, d in self.documents)} documents")
        gaps = sum(len(v) for v in self.missing.values())
        if gaps:
            parts.append(f"{gaps} gaps stated")
        return "; ".join(parts) + "."

    def as_dict(self) -> dict:
        out = asdict(self)
        out["summary"] = self.summary
        return out


# -- dates as readers write them ------------------------------------------------------------------
def day_text(d: date) -> str:
    return f"{d.day} {calendar.month_name[d.month]} {d.year}"


def month_label(year: int, month: int) -> str:
    return f"{calendar.month_name[month]} {year}"


def fuzzy_text(edtf: str | None) -> str:
    """'2024-03-22' -> '22 March 2024', '2018-05' -> 'May 2018', '2016/2024' -> '2016–2024'."""
    if not edtf:
        return ""
    if "/" in edtf:
        a, _, b = edtf.partition("/")
        return f"{fuzzy_text(a)}–{fuzzy_text(b)}"
    try:
        fd = parse_edtf(edtf)
    except BadDate:
        return edtf
    p = fd.precision.value
    if p == "day":
        return day_text(fd.earliest)
    if p == "month":
        return month_label(fd.earliest.year, fd.earliest.month)
    if p == "part_of_year":
        start, end = fd.earliest.month, fd.latest.month
        word = {1: "early", 5: "mid", 9: "late"}.get(start) if end - start == 3 else None
        return f"{word} {fd.earliest.year}" if word else f"{calendar.month_name[start]}–{calendar.month_name[end]} {fd.earliest.year}"
    return str(fd.earliest.year)


# -- items and topics ------------------------------------------------------------------------------
def topic_index(kb) -> tuple[dict[str, dict], list[tuple[str, list[str]]]]:
    """Topics and agenda items by id, and the names each is known by."""
    with kb.store.query() as conn:
        topics, items = facts.topics(conn), facts.agenda_items(conn)
    known: dict[str, dict] = {t["id"]: t for t in topics}
    for a in items:
        if a["id"] not in known:
            known[a["id"]] = {"id": a["id"], "title": a["title"], "aliases": a["aliases"] or [], "organisations": [],
                              "agenda_items": [a["id"]], "description": "", "source": a["source"]}
    names = [(k, [k, t["title"], *(t["aliases"] or [])]) for k, t in known.items()]
    return known, names


def resolve_topic(kb, item: str) -> dict:
    """The topic or agenda item ITEM names, leniently; UnknownName with the nearest candidates otherwise."""
    from councilwatch.resolve import NameIndex

    known, names = topic_index(kb)
    if not known:
        raise UnknownName("agenda item or topic", item, [])
    return known[NameIndex("agenda item or topic", names).resolve(item)]


# -- the forecast ----------------------------------------------------------------------------------
UNSET: Any = object()


def load_forecast(kb, month: str) -> tuple[dict | None, str | None]:
    """The forecaster's result for the month, or None and why there is none."""
    import importlib

    try:
        module = importlib.import_module("councilwatch.forecast")
    except ModuleNotFoundError as exc:
        if exc.name and "councilwatch.forecast".startswith(exc.name):
            return None, "the forecaster (councilwatch.forecast) is not installed"
        raise
    fn = getattr(module, "forecast_month", None)
    if fn is None:
        return None, "councilwatch.forecast has no forecast_month()"
    try:
        result = fn(kb, month)
    except CouncilwatchError as exc:
        return None, str(exc)
    if not result or not result.get("items"):
        return None, "the forecaster expects no item for the month"
    return result, None


def _no_forecast_reason(kb, first: date, reason: str | None) -> str:
    with kb.store.query() as conn:
        latest = facts.latest_meeting(conn)
    if latest is None:
        return f"no forecast: no Council meetings are recorded in the knowledge base ({reason})" if reason else \
            "no forecast: no Council meetings are recorded in the knowledge base"
    if latest < first:
        return f"no forecast: no meetings known after {day_text(latest)}" + (f" ({reason})" if reason else "")
    return f"no forecast: {reason}" if reason else "no forecast for this item"


def forecast_items_for(topic: dict, forecast: dict | None) -> list[dict]:
    if not forecast:
        return []
    from councilwatch.resolve import fold

    titles = {fold(topic["title"])}
    return [i for i in forecast.get("items", [])
            if i.get("agenda_item") in topic["agenda_items"] or i.get("agenda_item") == topic["id"]
            or fold(str(i.get("title", ""))) in titles]


def _listing(values: list) -> list[str]:
    out = []
    for v in values or []:
        if isinstance(v, dict):
            bits = [str(v.get(k)) for k in ("kind", "symbol", "title", "due", "date") if v.get(k)]
            out.append(" ".join(bits) if bits else str(v))
        else:
            out.append(str(v))
    return out


# -- the brief -------------------------------------------------------------------------------------
def actor_label(actors: list[str], states: dict[str, str], orgs: dict[str, str]) -> str:
    key = tuple(sorted(actors))
    if key in GROUPS:
        return GROUPS[key]
    names = [GROUP_IDS.get(a) or states.get(a) or orgs.get(a) or a for a in actors]
    names = [("the " + n) if n in orgs.values() and not n.startswith("the ") else n for n in names]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def assemble_brief(kb, item: str, month: str, forecast: Any = UNSET, topic: dict | None = None) -> Brief:
    """The entry on ITEM for MONTH (YYYY-MM), from the knowledge base and the forecast."""
    year, mon = parse_month(month)
    month = month_text(year, mon)
    first, last = month_bounds(year, mon)
    topic = topic or resolve_topic(kb, item)
    src = SourceList()
    topic_cites = src.cite(topic.get("source")) if topic.get("description") else []
    missing: dict[str, list[str]] = {}
    label = month_label(year, mon)
    orgs = list(topic["organisations"] or [])
    subjects = {topic["id"], *orgs}
    items = set(topic["agenda_items"] or [])
    whole_item = not orgs

    with kb.store.query() as conn:
        states = facts.state_names(conn)
        org_names = facts.organisation_names(conn)
        meetings = facts.meetings(conn, subjects, items, whole_item, last)
        events = facts.events(conn, subjects, last)
        docs = facts.documents(conn, subjects, items, whole_item)
        outcomes = facts.outcomes(conn, [m["record"] for m in meetings])
        targets = subjects | {d["symbol"] for d in docs}
        stance_rows = facts.stances(conn, targets)

    # Presidencies of the months the brief mentions, computed once each.
    presidencies: dict[str, Any] = {}

    def presidency_of(key: str):
        if key not in presidencies:
            try:
                presidencies[key] = kb.presidency(key)
            except MissingData:
                presidencies[key] = None
        return presidencies[key]

    # Expected Council action ------------------------------------------------------------------
    p = presidency_of(month)
    presidency = None
    if p is not None:
        how = "" if p.basis == "record" else " (by the rotation rule)"
        presidency = Fact(f"The {p.name} holds the Council presidency in {label}{how}.", src.cite(p.source))
    else:
        missing.setdefault("expected", []).append(f"no presidency on record or by rule for {label}")

    if forecast is UNSET:
        forecast, reason = load_forecast(kb, month)
    else:
        reason = None if forecast else "no forecast was given"
    expected: list[Fact] = []
    matched = forecast_items_for(topic, forecast)
    if matched:
        fc_cite = Citation(f"councilwatch forecast for {month}, as of {forecast.get('as_of', '?')}")
        for fi in sorted(matched, key=lambda i: -float(i.get("probability") or 0)):
            kinds = ", ".join(_listing(fi.get("expected"))) or "a meeting"
            text = f"Expected: {kinds} on \u201c{fi.get('title') or topic['title']}\u201d"
            if fi.get("probability") is not None:
                text += f" (probability {float(fi['probability']):.0%})"
            expected.append(Fact(text + ".", src.cite(fc_cite), kind="forecast"))
            for what, heading in (("outcomes", "Outcomes expected"), ("mandates_expiring", "Mandates expiring"),
                                  ("documents_due", "Reports due"), ("reasons", "Why")):
                listed = _listing(fi.get(what))
                if listed:
                    expected.append(Fact(f"{heading}: {'; '.join(listed)}.", src.cite(fc_cite), kind=what))
            if not fi.get("mandates_expiring"):
                missing.setdefault("expected", []).append("no mandate on this item recorded as expiring in the month")
            if not fi.get("documents_due"):
                missing.setdefault("expected", []).append("no report on this item recorded as due in the month")
    else:
        if forecast and not reason:
            reason = f"the forecast for {month} expects no meeting on this item"
        missing.setdefault("expected", []).append(_no_forecast_reason(kb, first, reason))

    # Facts dated inside the month: meetings held, programme announcements, events.
    in_month: list[Fact] = []
    for m in meetings:
        if first <= m["date"] <= last:
            in_month.append(_meeting_fact(m, src, presidency_of))
    for e in events:
        if e["when_earliest"] >= first and e["when_earliest"] <= last:
            in_month.append(Fact(e["summary"], src.cite(e["source"]), fuzzy_text(e["when"]), e["when_earliest"], e["kind"]))
    in_month.sort(key=lambda f: f.day or first)

    # Background: the organisations and who belongs to them on the first day of the month ---------
    background = [_organisation(kb, oid, first, src) for oid in orgs]

    # Key recent developments: Council meetings and events before the month, oldest first ----------
    developments = [_meeting_fact(m, src, presidency_of) for m in meetings if m["date"] < first]
    developments += [Fact(e["summary"], src.cite(e["source"]), fuzzy_text(e["when"]), e["when_earliest"], e["kind"])
                     for e in events if e["when_earliest"] < first]
    developments.sort(key=lambda f: f.day or first)
    if not any(m["date"] < first for m in meetings):
        missing.setdefault("developments", []).append(f"no Council meeting on this item recorded before {day_text(first)}")
    if not any(e["when_earliest"] < first for e in events):
        missing.setdefault("developments", []).append(f"no event concerning this item recorded before {day_text(first)}")

    # Council and wider dynamics ---------------------------------------------------------------
    stances = []
    for s in stance_rows:
        who = actor_label(s["actors"], states, org_names)
        on = "" if s["target"] == topic["id"] else f", on {org_names.get(s['target'], s['target'])}"
        text = f"{who[0].upper() + who[1:]} ({s['polarity'].replace('_', ' ')}{on}): {s['summary']}"
        stances.append(Fact(text, src.cite(s["source"]), fuzzy_text(s["when"]), s["when_earliest"], s["polarity"]))
    if not stances:
        missing.setdefault("dynamics", []).append("no stance of a Council member on this item recorded")
    votes = []
    for o in outcomes:
        if o["kind"] not in ("resolution", "draft_not_adopted") and not o["vetoed_by"]:
            continue
        what = o["symbol"] or o["text"] or o["kind"]
        text = f"{what}: " + ("adopted" if o["kind"] == "resolution" else "not adopted")
        if o["vote"]:
            text += f" by {_vote_words(o['vote'])}"
        if o["vetoed_by"]:
            text += "; vetoed by " + actor_label(o["vetoed_by"], states, org_names)
        votes.append(Fact(text + ".", src.cite(o["source"]), day_text(o["date"]), o["date"], "vote"))
    for d in docs:
        if d["kind"] == "resolution" and d["vote"] and d["date"] and not any(o["symbol"] == d["symbol"] for o in outcomes):
            votes.append(Fact(f"{d['symbol']} ({d['title']}): adopted by {_vote_words(d['vote'])}.",
                              src.cite(d["source"]), day_text(d["date"]), d["date"], "vote"))
    if not votes:
        missing.setdefault("dynamics", []).append("no Council vote, veto or abstention on this item recorded")
    ga_votes = [Fact(f"The General Assembly adopted {d['symbol']} ({d['title']}) by {_vote_words(d['vote'])}.",
                     src.cite(d["source"]), day_text(d["date"]) if d["date"] else "", d["date"], "ga_vote")
                for d in docs if d["kind"] == "ga_resolution" and d["vote"]]
    if not ga_votes:
        missing.setdefault("dynamics", []).append("no related General Assembly vote recorded")

    # Documents --------------------------------------------------------------------------------
    grouped: dict[str, list[DocumentEntry]] = {}
    for d in docs:
        if d["date"] and d["date"] > last:
            continue
        group = d["kind"] if d["kind"] in dict(DOCUMENT_GROUPS) else _KIND_GROUP.get(d["kind"], "other")
        grouped.setdefault(group, []).append(DocumentEntry(
            d["symbol"], d["title"], day_text(d["date"]) if d["date"] else "date not recorded", undocs(d["symbol"]),
            src.cite(d["source"]), f"vote {d['vote']}" if d["vote"] else ""))
    for m in meetings:
        grouped.setdefault("meeting_record", []).append(DocumentEntry(
            m["record"], m["summary"] or m["item_title"] or "", day_text(m["date"]), undocs(m["record"]),
            src.cite(m["source"]), m["kind"] or ""))
    documents = [(title, grouped[key]) for key, title in DOCUMENT_GROUPS if grouped.get(key)]
    reports = [d for d in docs if d["kind"] in ("sg_report", "report") and d["date"] and d["date"] <= last]
    if not reports:
        missing.setdefault("documents", []).append("no Secretary-General report on this item recorded")
    else:
        latest = max(reports, key=lambda d: d["date"])
        if (first - latest["date"]).days > SG_REPORT_STALE_DAYS:
            missing.setdefault("documents", []).append(
                f"no Secretary-General report on this item recorded since {day_text(latest['date'])} ({latest['symbol']})")

    # Charts -----------------------------------------------------------------------------------
    matrix = kb.overlap(orgs, first, any_status=True) if orgs else None
    timeline = [{"day": m["date"], "label": m["record"], "kind": "meeting"} for m in meetings]
    timeline += [{"day": e["when_earliest"], "label": _short(e["kind"]), "kind": "event"} for e in events]
    timeline.sort(key=lambda t: t["day"])

    return Brief(
        slug=f"{month}-{topic['id']}", topic=topic, title=topic["title"], month=month, month_label=label,
        as_of=first.isoformat(), generated=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        presidency=presidency, expected=expected, in_month=in_month, background=background,
        developments=developments, stances=stances, votes=votes, ga_votes=ga_votes, documents=documents,
        missing=missing, citations=list(src.items), matrix=matrix, timeline=timeline,
        forecast_item=matched[0] if matched else None, topic_cites=topic_cites,
    )


def _short(kind: str) -> str:
    return kind.replace("_", " ")


def _vote_words(vote: str) -> str:
    parts = vote.split("-")
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        return f"{parts[0]} votes in favour, {parts[1]} against and {parts[2]} abstentions"
    return vote


def _meeting_fact(m: dict, src: SourceList, presidency_of) -> Fact:
    p = presidency_of(month_text(m["date"].year, m["date"].month))
    kind = (m["kind"] or "meeting").capitalize()
    text = f"{kind} ({m['record']})"
    cites = src.cite(m["source"])
    if p is not None:
        text += f", during the presidency of the {p.name}"
        cites += [n for n in src.cite(p.source) if n not in cites]
    text += f": {m['summary'] or m['item_title'] or ''}".rstrip(": ")
    return Fact(text, cites, day_text(m["date"]), m["date"], "meeting")


def _organisation(kb, oid: str, first: date, src: SourceList) -> OrganisationBackground:
    org = kb.organisation(oid)
    members = kb.members(oid, first)
    rows, footnotes, cites = [], [], []
    counts: dict[str, int] = {}
    for m in members:
        counts[m["status"]] = counts.get(m["status"], 0) + 1
        for n in src.cite(m["source"]):
            if n not in cites:
                cites.append(n)
        row = MemberRow(m["state"], m["name"], MembershipStatus(m["status"]).label, fuzzy_text(m["since"]))
        if m["status"] != MembershipStatus.MEMBER.value:
            footnotes.append(Fact(f"{m['name']}: {row.status} since {row.since}.", src.cite(m["source"]),
                                  row.since, m.get("start_earliest")))
            row.footnote = len(footnotes)
        rows.append(row)
    belong = sum(v for k, v in counts.items() if MembershipStatus(k) in MEMBERSHIP_STATUSES)
    founded = fuzzy_text(org.get("founded"))
    description = Fact(org["description"], src.cite(org["source"])) if org.get("description") else None
    caption = (f"{org['name']} ({oid}) on {day_text(first)}, the first day of the month: {belong} states belong"
               f" (member, participation frozen or suspended)"
               + (f", {len(rows) - belong} with another status" if len(rows) > belong else "") + ".")
    return OrganisationBackground(oid, org["name"], founded, description, caption, rows, footnotes, cites, counts)


# -- the month ---------------------------------------------------------------------------------
@dataclass
class Monthly:
    slug: str
    month: str
    month_label: str
    title: str
    generated: str
    presidency: Fact | None
    signature: list[Fact]
    items: list[dict]  # [{"title", "probability", "slug", "basis"}] in order of probability
    mandates: list[str]
    reports_due: list[str]
    missing: list[str]
    citations: list[Citation]
    entries: list[Brief]

    @property
    def summary(self) -> str:
        who = self.presidency.text if self.presidency else "presidency unknown"
        return f"{self.title}: {who} {len(self.entries)} expected items." + (
            f" {len(self.missing)} gaps stated." if self.missing else "")

    def as_dict(self) -> dict:
        out = asdict(self)
        out["summary"] = self.summary
        return out


def topic_for_agenda_item(kb, agenda_item: str, title: str, month: str) -> dict:
    """The topic an expected agenda item is briefed under: a focused topic with facts in the month, else the item."""
    known, _ = topic_index(kb)
    year, mon = parse_month(month)
    first, last = month_bounds(year, mon)
    candidates = [t for t in known.values() if agenda_item in (t["agenda_items"] or []) and t["organisations"]]
    with kb.store.query() as conn:
        for t in candidates:
            subjects = {t["id"], *t["organisations"]}
            if any(first <= m["date"] for m in facts.meetings(conn, subjects, set(), False, last)) or \
                    any(e["when_earliest"] >= first for e in facts.events(conn, subjects, last)):
                return t
    if agenda_item in known:
        return known[agenda_item]
    return {"id": agenda_item, "title": title or agenda_item, "aliases": [], "organisations": [],
            "agenda_items": [agenda_item], "description": "", "source": ""}


def assemble_monthly(kb, month: str, forecast: Any = UNSET) -> Monthly:
    """The whole month: overview and one entry per expected item (or per item with meetings on record)."""
    year, mon = parse_month(month)
    month = month_text(year, mon)
    first, last = month_bounds(year, mon)
    label = month_label(year, mon)
    src = SourceList()
    missing: list[str] = []
    try:
        p = kb.presidency(month)
        presidency = Fact(f"The {p.name} holds the Council presidency in {label}.", src.cite(p.source))
    except MissingData as exc:
        presidency = None
        missing.append(str(exc))
    if forecast is UNSET:
        forecast, reason = load_forecast(kb, month)
    else:
        reason = None if forecast else "no forecast was given"

    entries: list[Brief] = []
    listed: list[dict] = []
    mandates: list[str] = []
    reports: list[str] = []
    if forecast:
        for fi in sorted(forecast.get("items", []), key=lambda i: -float(i.get("probability") or 0)):
            topic = topic_for_agenda_item(kb, fi.get("agenda_item", ""), fi.get("title", ""), month)
            one = {**forecast, "items": [{**fi, "agenda_item": topic["agenda_items"][0] if topic["agenda_items"] else topic["id"]}]}
            brief = assemble_brief(kb, topic["id"], month, forecast=one, topic=topic)
            brief.fn = f"e{len(entries) + 1}"
            entries.append(brief)
            listed.append({"title": brief.title, "probability": fi.get("probability"), "slug": brief.slug, "basis": "forecast"})
            mandates += [f"{brief.title}: {x}" for x in _listing(fi.get("mandates_expiring"))]
            reports += [f"{brief.title}: {x}" for x in _listing(fi.get("documents_due"))]
    else:
        missing.append(_no_forecast_reason(kb, first, reason))
        # Without a forecast, the items with Council meetings on record in the month still get entries.
        known, _ = topic_index(kb)
        seen = set()
        for t in known.values():
            subjects = {t["id"], *t["organisations"]}
            with kb.store.query() as conn:
                held = [m for m in facts.meetings(conn, subjects, set(t["agenda_items"] or []), not t["organisations"], last)
                        if m["date"] >= first]
            if held and not (set(t["agenda_items"] or []) & seen and not t["organisations"]):
                brief = assemble_brief(kb, t["id"], month, forecast=None, topic=t)
                brief.fn = f"e{len(entries) + 1}"
                entries.append(brief)
                listed.append({"title": t["title"], "probability": None, "slug": brief.slug,
                               "basis": f"{len(held)} meeting(s) on record in the month"})
                if t["organisations"]:
                    seen |= set(t["agenda_items"] or [])
        if not entries:
            missing.append(f"no Council meeting recorded in {label}")
    if not mandates:
        missing.append("no mandate recorded as expiring in the month")
    if not reports:
        missing.append("no report recorded as due in the month")
    with kb.store.query() as conn:
        signature = [Fact(e["summary"], src.cite(e["source"]), fuzzy_text(e["when"]), e["when_earliest"], e["kind"])
                     for e in _programme_events(conn, first, last)]
    return Monthly(f"{month}-monthly-forecast", month, label, f"{label} Monthly Forecast",
                   datetime.now(timezone.utc).isoformat(timespec="seconds"), presidency, signature, listed,
                   mandates, reports, missing, list(src.items), entries)


def _programme_events(conn, first: date, last: date) -> list[dict]:
    from councilwatch.store.sql import fetch

    return fetch(conn, """SELECT "when", when_earliest, kind, summary, source FROM events
        WHERE kind = 'programme' AND when_earliest >= :first AND when_earliest <= :last ORDER BY when_earliest""",
                 {"first": first, "last": last}, dates=("when_earliest",))
