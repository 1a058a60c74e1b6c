"""Finding dates in running text: days, months, years, parts of years and ranges, with bounds.

A day and month without a year ("On 22 March") is the latest such day on or
before the document date, unless its sentence looks ahead ("will", "is
expected to", "next", "expires"), in which case it is the first such day on or
after it; but when its sentence has already given a year and the document date
would put the day more than a year away from it ("in December 2017, after a
launch in late November"), it takes that year, and "June of that year" takes the
last year written. In "from 1 June to 30 November 2023" each end is a date and
the first takes the year of the second.
Vague phrases ("lately", "in recent years", "since then") are not dates, and
neither are numbers inside document symbols or a resolution's "(2023)".
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from councilwatch.dates import MONTHS, FuzzyDate, Precision, _last_day, resolve_day_month
from councilwatch.errors import BadDate

FIRST_YEAR, LAST_YEAR = 1800, 2099

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December" \
         r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
_YEAR = r"(?:1[89]|20)\d\d"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_WEEKDAY = r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?),?\s+)?"
_DASH = r"\s*(?:-|–|—|to|and)\s*"
_DASH_SEP = r"\s*(?P<sep>-|–|—|to|and)\s*"  # kept: "3 and 4 July" is a span, "3 and 10 July" two days
_PART = (r"(?P<part>(?:the\s+)?(?:first|second|last)\s+half\s+of|(?:the\s+)?(?:first|second|third|fourth|last)\s+quarter\s+of"
         r"|(?:the\s+)?(?:beginning|start|middle|end)\s+of|early|mid|late)")
_SEASON = r"(?P<season>spring|summer|autumn|fall|winter)"
_B = r"(?<![\w/.\-])"  # not inside a word, a symbol or a number
_E = r"(?!\d|/|-\d)(?!(?-i:[a-z]))"  # "2022S/2022/606" (a table cell run-in) still ends a date

# One alternation, longest forms first, so each piece of text is read once.
_FORMS = [
    ("dd_m_y", rf"(?P<d1>{_DAY}){_DASH_SEP}(?P<d2>{_DAY})\s+(?P<m>{_MONTH}),?\s+(?P<y>{_YEAR})"),
    ("d_m_y", rf"{_WEEKDAY}(?P<d>{_DAY})\s+(?:of\s+)?(?P<m>{_MONTH}),?\s+(?P<y>{_YEAR})"),
    ("m_d_y", rf"{_WEEKDAY}(?P<m>{_MONTH})\s+(?P<d>{_DAY}),\s*(?P<y>{_YEAR})"),
    ("m_dd_y", rf"(?P<m>{_MONTH})\s+(?P<d1>{_DAY}){_DASH_SEP}(?P<d2>{_DAY}),\s*(?P<y>{_YEAR})"),
    ("iso", rf"(?P<y>{_YEAR})-(?P<mm>0[1-9]|1[0-2])-(?P<dd>0[1-9]|[12]\d|3[01])"),
    ("m_m_y", rf"(?P<pre>between\s+|from\s+)?(?P<m1>{_MONTH})\s*(?P<msep>-|–|—|to|and)\s*(?P<m2>{_MONTH})\s+(?P<y>{_YEAR})"),
    ("part_m_y", rf"(?P<pm>early|mid|late|the\s+(?:beginning|end|middle)\s+of)[\s\-]+(?P<m>{_MONTH}),?\s+(?P<y>{_YEAR})"),
    ("part_m", rf"(?P<pm>early|mid|late|the\s+(?:beginning|end|middle)\s+of)[\s\-]+(?P<m>{_MONTH})"),
    ("m_y", rf"(?P<m>{_MONTH}),?\s+(?P<y>{_YEAR})"),
    ("part_y", rf"{_PART}[\s\-]*(?P<y>{_YEAR})"),
    ("winter_yy", rf"(?:the\s+)?winter\s+(?:of\s+)?(?P<y1>{_YEAR})\s*[-–/]\s*(?P<y2>{_YEAR}|\d\d)"),
    ("season_y", rf"(?:the\s+)?{_SEASON}\s+(?:of\s+)?(?P<y>{_YEAR})"),
    ("y_between", rf"between\s+(?P<y1>{_YEAR})\s+and\s+(?P<y2>{_YEAR})"),
    # (not across a line: "2005\n- 12 November" is a year heading and an item)
    ("y_range", rf"(?:from\s+)?(?P<y1>{_YEAR})(?:[ \t]*(?:-|–|—)[ \t]*|\s+(?:to|until|through)\s+)(?P<y2>{_YEAR}|\d\d(?!\d))"),
    ("decade", r"(?:the\s+)?(?P<dec>(?:19|20)\d0)['’]?s"),
    ("dd_m", rf"(?P<d1>{_DAY}){_DASH_SEP}(?P<d2>{_DAY})\s+(?P<m>{_MONTH})"),
    ("m_dd", rf"(?P<m>{_MONTH})\s+(?P<d1>{_DAY}){_DASH_SEP}(?P<d2>{_DAY})(?!\s*(?:%|per|million|billion|people|members))"),
    ("d_m", rf"{_WEEKDAY}(?P<d>{_DAY})\s+(?:of\s+)?(?P<m>{_MONTH})"),
    ("m_d", rf"(?P<m>{_MONTH})\s+(?P<d>{_DAY})(?!\s*(?:%|per|million|billion|people|members))"),
    ("year", rf"(?P<y>{_YEAR})"),
    ("month", rf"(?P<m>{_MONTH})"),
]
def _build() -> re.Pattern:
    parts = []
    for name, pattern in _FORMS:
        inner = re.sub(r"\(\?P<(\w+)>", lambda m: f"(?P<{name}__{m.group(1)}>", pattern)
        parts.append(f"(?P<{name}>{_B}{inner}){_E}")
    return re.compile("|".join(parts), re.I)


_RE = _build()
# For each kind (the outer named group), its own groups: "dmy__d" -> "d".
_GROUPS: dict[str, tuple[tuple[str, str], ...]] = {}
for _name in _RE.groupindex:
    if "__" in _name:
        _kind, _short = _name.split("__", 1)
        _GROUPS.setdefault(_kind, ())
        _GROUPS[_kind] += ((_name, _short),)
_PARTS = {"early": (1, 4), "beginning of": (1, 4), "start of": (1, 4), "mid": (5, 8), "middle of": (5, 8),
          "late": (9, 12), "end of": (9, 12), "first half of": (1, 6), "second half of": (7, 12),
          "first quarter of": (1, 3), "second quarter of": (4, 6), "third quarter of": (7, 9),
          "fourth quarter of": (10, 12), "last half of": (7, 12), "last quarter of": (10, 12)}
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 14)}  # 14: February next year
# A sentence that looks ahead makes "22 March" the next 22 March, not the last.
_FUTURE = re.compile(r"\b(?:will|shall|(?:is|are)\s+(?:expected|scheduled|due|set\s+to|urged\s+to|to\s+be\s+held)|upcoming|"
                     r"forthcoming|next|planned\s+for|agreed\s+to|takes?\s+over|expires?|runs?\s+until|ends?\s+on)\b", re.I)
_RESOLUTION_YEAR = re.compile(r"\b(?:resolutions?|resolution\s+\d{1,4}(?:\s*\(\d{4}\))?(?:,|\s+and))\s+\d{1,4}\s*$", re.I)


@dataclass(frozen=True)
class DateMention:
    text: str
    value: FuzzyDate
    start: int
    end: int

    def as_dict(self) -> dict:
        return {"text": self.text, "earliest": self.value.earliest.isoformat(), "latest": self.value.latest.isoformat(),
                "precision": self.value.precision.value, "start": self.start, "end": self.end}


def _month(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")]


_DIGITS = re.compile(r"\d+")


def _day(text: str) -> int:
    return int(_DIGITS.match(text).group(0))


_SENTENCE_END = re.compile(r"\.(?:\s|$)|\n")


def _looks_ahead(text: str, start: int) -> bool:
    sent_start = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    end = _SENTENCE_END.search(text, start)
    sent_end = end.start() if end else len(text)
    return bool(_FUTURE.search(text, sent_start, min(sent_end, start + 200)))


def _resolve_month(month: int, ref: date, ahead: bool) -> int:
    if ahead:
        return ref.year if month >= ref.month else ref.year + 1
    return ref.year if month <= ref.month else ref.year - 1


YEARLESS = frozenset({"d_m", "m_d", "dd_m", "m_dd", "month", "part_m"})


def _part_of_month(word: str, y: int, m: int) -> FuzzyDate:
    word = " ".join(word.lower().split()).replace("the ", "")
    first, last = {"early": (1, 10), "beginning of": (1, 10), "mid": (11, 20), "middle of": (11, 20)}.get(word, (21, None))
    end = _last_day(y, m) if last is None else date(y, m, last)
    return FuzzyDate(date(y, m, first), end, Precision.DAY)


def _season(word: str, y: int) -> FuzzyDate:
    first, last = _SEASONS[word.lower()]
    if last > 12:  # winter runs from December into the next year
        return FuzzyDate(date(y, first, 1), _last_day(y + 1, last - 12), Precision.PART_OF_YEAR)
    return FuzzyDate(date(y, first, 1), _last_day(y, last), Precision.PART_OF_YEAR)


def _value(kind: str, g: dict, text: str, start: int, ref: date | None, anchor: int | None = None) -> FuzzyDate | None:
    """The bounds of one match; `anchor` is the year a yearless date takes from its sentence ("in March 2022 ... on 17 May")."""
    y = int(g["y"]) if g.get("y") else None
    if kind == "d_m_y":
        return FuzzyDate.day(date(y, _month(g["m"]), _day(g["d"])))
    if kind == "m_d_y":
        return FuzzyDate.day(date(y, _month(g["m"]), _day(g["d"])))
    if kind in ("dd_m_y", "m_dd_y"):
        m = _month(g["m"])
        a, b = date(y, m, _day(g["d1"])), date(y, m, _day(g["d2"]))
        return FuzzyDate(a, b, Precision.DAY) if a <= b else None
    if kind == "iso":
        return FuzzyDate.day(date(y, int(g["mm"]), int(g["dd"])))
    if kind == "m_m_y":
        a, b = _month(g["m1"]), _month(g["m2"])
        return FuzzyDate(date(y, a, 1), _last_day(y, b), Precision.MONTH) if a <= b else None
    if kind == "part_m_y":
        return _part_of_month(g["pm"], y, _month(g["m"]))
    if kind == "m_y":
        return FuzzyDate.month(y, _month(g["m"]))
    if kind == "part_y":
        word = " ".join(g["part"].lower().split())
        word = word[4:] if word.startswith("the ") else word
        first, last = _PARTS[word]
        return FuzzyDate(date(y, first, 1), _last_day(y, last), Precision.PART_OF_YEAR)
    if kind == "season_y":
        return _season(g["season"], y)
    if kind == "winter_yy":
        y1, y2 = int(g["y1"]), g["y2"]
        y2 = int(y2) if len(y2) == 4 else (y1 // 100) * 100 + int(y2)
        return _season("winter", y1) if y2 == y1 + 1 else None
    if kind in ("y_range", "y_between"):
        y1, y2 = int(g["y1"]), g["y2"]
        y2 = int(y2) if len(y2) == 4 else (y1 // 100) * 100 + int(y2)
        if not (FIRST_YEAR <= y1 < y2 <= LAST_YEAR):
            return None
        return FuzzyDate(date(y1, 1, 1), date(y2, 12, 31), Precision.YEAR)
    if kind == "decade":
        d = int(g["dec"])
        return FuzzyDate(date(d, 1, 1), date(d + 9, 12, 31), Precision.YEAR)
    if kind == "year":
        if not FIRST_YEAR <= y <= LAST_YEAR:
            return None
        return FuzzyDate.year(y)
    if anchor is not None:
        return _anchored(kind, g, anchor)
    if ref is None:
        return None  # a day or month without a year, and nothing to anchor it
    ahead = _looks_ahead(text, start)
    if kind in ("dd_m", "m_dd"):
        first = _value("d_m", {"d": g["d1"], "m": g["m"]}, text, start, ref)
        return None if first is None else _anchored(kind, g, first.earliest.year)
    if kind == "part_m":
        month = _month(g["m"])
        return _part_of_month(g["pm"], _resolve_month(month, ref, ahead), month)
    if kind in ("d_m", "m_d"):
        day, month = _day(g["d"]), _month(g["m"])
        if ahead:
            for year in (ref.year, ref.year + 1):
                try:
                    d = date(year, month, day)
                except ValueError:
                    continue
                if d >= ref:
                    return FuzzyDate.day(d)
            return None
        return FuzzyDate.day(resolve_day_month(day, month, ref))
    if kind == "month":
        month = _month(g["m"])
        return FuzzyDate.month(_resolve_month(month, ref, ahead), month)
    return None


def _anchored(kind: str, g: dict, y: int) -> FuzzyDate | None:
    """A yearless date in a given year."""
    m = _month(g["m"])
    if kind in ("d_m", "m_d"):
        return FuzzyDate.day(date(y, m, _day(g["d"])))
    if kind in ("dd_m", "m_dd"):
        a, b = date(y, m, _day(g["d1"])), date(y, m, _day(g["d2"]))
        return FuzzyDate(a, b, Precision.DAY) if a <= b else None
    if kind == "part_m":
        return _part_of_month(g["pm"], y, m)
    return FuzzyDate.month(y, m)


def _excluded_year(text: str, start: int, end: int) -> bool:
    """A bare year that is really part of something else: "(2023)" after a resolution number."""
    before = text[max(0, start - 40):start]
    if before.endswith("(") and text[end:end + 1] == ")":
        return bool(re.search(r"\d\s*\($", before)) or bool(_RESOLUTION_YEAR.search(before[:-1].rstrip()))
    # "the 2030 Agenda": a name, not a date.
    return bool(re.match(r"\s+Agenda\b", text[end:end + 8]))


_MONTH_PREP = re.compile(r"\b(?:in|since|until|till|by|during|from|before|after|through|throughout|the|last|next"
                         r"|this|of|early|late|mid|until|between|and|or|to)[\s\-]+$", re.I)


def _month_alone_is_date(text: str, start: int, word: str) -> bool:
    """A month name alone is a date after a preposition ("in July", "the July meeting"); "May" must be capitalised."""
    if word[0].islower():
        return False
    return bool(_MONTH_PREP.search(text, max(0, start - 20), start))


# Every date starts with a digit, a month, a weekday or one of a few words ("early", "between",
# "the first half of"): the full pattern is tried only there, which makes a megabyte fast
# (the alternation is costly when tried at every position).
_STARTER = re.compile(
    r"(?<![\w/.\-])(?:\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)"
    r"|(?:early|mid|late|between|from|spring|summer|autumn|fall|first|second|third|fourth|beginning|start|middle|end)\b"
    r"|(?:winter|last)\b|the(?=\s+(?:first|second|third|fourth|last|beginning|start|middle|end|spring|summer|autumn|fall|winter|\d)))", re.I)


def _matches(text: str):
    last = 0
    match = _RE.match
    for s in _STARTER.finditer(text):
        pos = s.start()
        if pos < last:
            continue
        m = match(text, pos)
        if m is not None:
            last = m.end()
            yield m


_SENTENCE_BREAK = re.compile(r"[.!?]\s|\n")
_OLD_YEAR_CUE = re.compile(r"\b(?:in|since|from|by|of|until|before|after|between|and|to|year)\s+$|[-–]\s*$", re.I)
_THAT_YEAR = re.compile(r"\s+(?:of\s+)?that\s+year\b", re.I)
# "from 1 June to 31 August 2024", "between March and June 2024": the range's year is written once, at its end.
_RANGE_OPEN = re.compile(r"\b(?:from|between)\s+$", re.I)
_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|to|until|till|through|and)\s*", re.I)


@dataclass
class _Found:
    kind: str
    groups: dict
    start: int
    end: int
    value: FuzzyDate

    @property
    def has_year(self) -> bool:
        return self.kind not in YEARLESS


# A chronology's year heading: a line that is only a year ("1997", "1997:"); the lines under it, up to a blank line or
# the next heading, give their days and months that year.
_YEAR_HEADING = re.compile(rf"^[ \t]*(?P<y>{_YEAR})[ \t]*:?[ \t]*\n(?P<body>(?:[ \t]*\S.*(?:\n|$))+)", re.M)


def _heading_years(text: str) -> list[tuple[int, int, int]]:
    return [(m.start("body"), m.end("body"), int(m.group("y"))) for m in _YEAR_HEADING.finditer(text)]


def find_dates(text: str, ref: date | None = None, skip: list[tuple[int, int]] | None = None) -> list[DateMention]:
    """Every date in `text`, left to right; `skip` are spans (document symbols) that hold no dates."""
    found: list[_Found] = []
    headings = _heading_years(text) if "\n" in text else []
    skip = sorted(skip or [])
    si = 0
    sent_last: date | None = None  # the end of the last date with a year in this sentence
    last_year: int | None = None  # ... anywhere before ("in June of that year")
    prev_end = 0
    for m in _matches(text):
        kind = m.lastgroup
        start, end = m.span(kind)
        while si < len(skip) and skip[si][1] <= start:
            si += 1
        if si < len(skip) and skip[si][0] < end:
            continue
        if _SENTENCE_BREAK.search(text, prev_end, start):
            sent_last = None
        groups = {short: v for name, short in _GROUPS.get(kind, ()) if (v := m.group(name)) is not None}
        if kind == "month" and not _month_alone_is_date(text, start, groups["m"]):
            continue
        if kind == "year" and _excluded_year(text, start, end):
            continue
        if kind == "year" and text[start:start + 2] == "18" and not _OLD_YEAR_CUE.search(text, max(0, start - 12), start):
            continue  # "1850 troops": a number; "in 1889", "since 1890" are years
        if kind == "m_d" and groups["m"].lower().startswith("may") and groups["m"][0] == "m":
            continue  # "may 5" in lower case is a verb and a number
        anchor = None
        if kind in YEARLESS:
            under = next((y for a, b, y in headings if a <= start < b), None) if headings else None
            if under is not None:
                anchor = under  # "1997\n- 6 June: ..."
            elif _THAT_YEAR.match(text, end):
                anchor = last_year
            elif sent_last is not None and ref is not None:
                # "in December 2017, when ... after a launch in late November": the sentence's year wins
                # when the document's date would put the day more than a year away from it.
                try:
                    plain = _value(kind, groups, text, start, ref)
                except (ValueError, BadDate, KeyError):
                    plain = None
                if plain is None or (plain.earliest - sent_last).days > 365:
                    anchor = sent_last.year
        try:
            if kind in ("dd_m_y", "m_dd_y", "dd_m", "m_dd") and _separate_days(groups):
                # "on 3 and 10 June": two days, not a span
                one = {**groups, "d": groups["d1"]}
                two = {**groups, "d": groups["d2"]}
                single = "d_m_y" if kind in ("dd_m_y", "m_dd_y") else "d_m"
                for g, a, b in ((one, start, start + len(groups["d1"])), (two, start, end)):
                    v = _value(single, g, text, start, ref, anchor)
                    if v is not None:
                        found.append(_Found(single, g, a, b, v))
                prev_end = end
                continue
            if kind == "m_m_y" and _two_months(groups):
                # "from February to August 2011", "in February and August 2011": two months, the first taking the
                # year written once at the end ("March and April 2024", "March-April 2024" stay one span)
                y = int(groups["y"])
                m2_start = start + m.group(kind).lower().rfind(groups["m2"].lower())
                for g, a, b in (({"m": groups["m1"]}, start + len(groups.get("pre", "")), start + len(groups.get("pre", ""))
                                 + len(groups["m1"])), ({"m": groups["m2"]}, m2_start, end)):
                    found.append(_Found("m_y", {**g, "y": str(y)}, a, b, FuzzyDate.month(y, _month(g["m"]))))
                sent_last, last_year = _last_day(y, _month(groups["m2"])), y
                prev_end = end
                continue
            value = _value(kind, groups, text, start, ref, anchor)
        except (ValueError, BadDate, KeyError):
            value = None
        if value is None:
            continue
        item = _Found(kind, groups, start, end, value)
        if item.has_year:
            sent_last, last_year = value.latest, value.latest.year
        found.append(item)
        prev_end = end
    return [DateMention(text[f.start:f.end], f.value, f.start, f.end) for f in _ranges(text, _consecutive(text, found), ref)]


def _two_months(groups: dict) -> bool:
    """"from February to August 2011" and "February and August 2011" are two months; "between March and June 2024",
    "March-April 2024" and "March and April 2024" (consecutive) one span."""
    sep, pre = groups.get("msep", "").lower(), groups.get("pre", "").strip().lower()
    if pre == "between":
        return False
    if pre == "from" or sep == "to":
        return True
    return sep == "and" and _month(groups["m2"]) != _month(groups["m1"]) + 1


def _separate_days(groups: dict) -> bool:
    return groups.get("sep", "").lower() == "and" and _day(groups["d2"]) != _day(groups["d1"]) + 1


_AND = re.compile(r"\s+and\s+", re.I)


def _consecutive(text: str, found: list[_Found]) -> list[_Found]:
    """"On 31 August and 1 September 2025": two consecutive days across a month's end are one span, like "3 and 4 July"."""
    out: list[_Found] = []
    for f in found:
        prev = out[-1] if out else None
        if prev is not None and not prev.has_year and prev.kind in ("d_m", "m_d") and f.kind in ("d_m_y", "m_d_y") \
                and _AND.fullmatch(text, prev.end, f.start):
            first = _anchored(prev.kind, prev.groups, f.value.earliest.year)
            if first is not None and (f.value.earliest - first.earliest).days == 1:
                out[-1] = _Found(f.kind, f.groups, prev.start, f.end, FuzzyDate(first.earliest, f.value.latest, Precision.DAY))
                continue
        out.append(f)
    return out


def _ranges(text: str, found: list[_Found], ref: date | None) -> list[_Found]:
    """In "from 1 June to 30 November 2023" the first end takes the year of the second; each end stays a date of its own
    (a span is one date only when written as one: "15-16 September", "between 2016 and 2019", "2015-2021")."""
    out = list(found)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        # "on 30 June and 2 July 2024": a list of days writes its year once too.
        if a.has_year or not b.has_year or not _RANGE_JOIN.fullmatch(text, a.end, b.start) \
                or not (_RANGE_OPEN.search(text, max(0, a.start - 10), a.start) or _AND.fullmatch(text, a.end, b.start)):
            continue
        y = b.value.latest.year
        first = _anchored(a.kind, a.groups, y)
        if first is not None and first.earliest > b.value.latest:
            first = _anchored(a.kind, a.groups, y - 1)
        if first is not None:
            out[i] = _Found(a.kind, a.groups, a.start, a.end, first)
    return out


# --- the document's own date -------------------------------------------------------------------

_DOC_DATE_CUES = [
    # "July 2024 Monthly Forecast": a forecast for a month is dated at that month's first day.
    re.compile(rf"^\s*(?P<text>{_MONTH}\s+{_YEAR})\s+Monthly\s+Forecast", re.I | re.M),
    # "Posted 28 September 2018", "Letter dated 3 May 2021 from ..." at the start of a line; not a
    # reference in running text ("pursuant to the letter dated 25 November 2021 from ...").
    re.compile(rf"^[ \t]*(?:(?:Identical\s+)?(?:Letters?|Note(?:\s+verbale)?)\s+)?(?:Posted|Published|Issued|Dated|Date|Updated)"
               rf"\s*(?:on)?:?\s*(?P<text>{_WEEKDAY}{_DAY}\s+{_MONTH},?\s+{_YEAR}|{_MONTH}\s+{_DAY},\s*{_YEAR}|{_YEAR}-\d\d-\d\d)",
               re.I | re.M),
    # "Background series, last updated 30 October 2025", "Fact sheet | Updated: 1 September 2025": a revision date in a
    # header line, after "last" or a separator.
    re.compile(rf"(?:\blast\s+|[|·•–—(;,][ \t]*)(?:updated|revised)\s*(?:on)?:?\s*(?P<text>{_DAY}\s+{_MONTH},?\s+{_YEAR}|{_MONTH}\s+{_DAY},\s*{_YEAR})",
               re.I),
    # A dateline: "NEW YORK, 14 March 2023 —", "Geneva, 3 May 2021:", "Jeddah, Kingdom of Saudi Arabia, 19 May 2023".
    re.compile(rf"^[A-Z][A-Za-z .'-]{{1,30}}(?:,\s+[A-Z][A-Za-z .'-]{{1,40}})?,\s+(?P<text>{_DAY}\s+{_MONTH},?\s+{_YEAR}|{_MONTH}\s+{_DAY},\s*{_YEAR})\s*(?:[-–—:]|$)", re.M),
    # A header line that is only a date (UN reports: "Distr.: General\n8 August 2022"), or a date after a short label
    # ("News | 25 May 2022", "Press release – 3 May 2021").
    re.compile(rf"^[ \t]*(?:[A-Z][\w ]{{0,30}}?[ \t]*[|·•–—][ \t]*)?(?P<text>{_WEEKDAY}{_DAY}\s+{_MONTH},?\s+{_YEAR}|{_MONTH}\s+{_DAY},\s*{_YEAR})\s*$", re.M | re.I),
]
HEAD_CHARS = 1500


def document_date(text: str) -> tuple[date, str] | None:
    """The date a text gives itself near its top, and the phrase it was read from."""
    from councilwatch.dates import parse_text

    head = text[:HEAD_CHARS]
    for cue in _DOC_DATE_CUES:
        m = cue.search(head)
        if not m:
            continue
        raw = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", m.group("text"))
        raw = re.sub(r"^(?:\w+day|Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?,?\s+", "", raw)
        try:
            return parse_text(raw).earliest, m.group("text")
        except BadDate:
            continue
    return None


__all__ = ["DateMention", "find_dates", "document_date", "calendar"]
