"""Fuzzy dates: a span of days known to contain the date, and how precisely it is known.

"early 2023" is 2023-01-01..2023-04-30 (part of year), "September 2022" is
2022-09-01..2022-09-30 (month). ISO/EDTF text goes in and out: `2024-02-22`,
`2022-09`, `2023`, `2023-37` (early: EDTF quadrimester 1), `2023-40` (first half),
`2023-33` (first quarter) and intervals `2016/2019`.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from councilwatch.errors import BadDate


class Precision(str, Enum):
    DAY = "day"
    MONTH = "month"
    PART_OF_YEAR = "part_of_year"
    YEAR = "year"

    def __str__(self) -> str:
        return self.value


MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9

# EDTF level-2 sub-year groupings: quarters 33-36, quadrimesters 37-39, semesters 40-41.
_PARTS: dict[int, tuple[int, int]] = {
    33: (1, 3), 34: (4, 6), 35: (7, 9), 36: (10, 12),
    37: (1, 4), 38: (5, 8), 39: (9, 12),
    40: (1, 6), 41: (7, 12),
}
_PART_OF = {span: code for code, span in _PARTS.items()}
_WORD_PARTS = {
    "early": 37, "beginning of": 37, "start of": 37,
    "mid": 38, "mid-": 38, "middle of": 38, "midway through": 38,
    "late": 39, "end of": 39,
    "first half of": 40, "the first half of": 40, "h1": 40,
    "second half of": 41, "the second half of": 41, "h2": 41,
    "first quarter of": 33, "second quarter of": 34, "third quarter of": 35, "fourth quarter of": 36,
}
MIN_YEAR, MAX_YEAR = 1, 9999


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _check_year(year: int) -> int:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise BadDate(f"year {year} is out of range")
    return year


@dataclass(frozen=True, order=True)
class FuzzyDate:
    """A date known to lie between `earliest` and `latest` (inclusive)."""

    earliest: date
    latest: date
    precision: Precision = Precision.DAY

    def __post_init__(self) -> None:
        if self.latest < self.earliest:
            raise BadDate(f"{self.latest} is before {self.earliest}")

    # -- constructors -------------------------------------------------------
    @classmethod
    def day(cls, d: date) -> FuzzyDate:
        return cls(d, d, Precision.DAY)

    @classmethod
    def month(cls, year: int, month: int) -> FuzzyDate:
        _check_year(year)
        if not 1 <= month <= 12:
            raise BadDate(f"month {month} does not exist")
        return cls(date(year, month, 1), _last_day(year, month), Precision.MONTH)

    @classmethod
    def year(cls, year: int) -> FuzzyDate:
        _check_year(year)
        return cls(date(year, 1, 1), date(year, 12, 31), Precision.YEAR)

    @classmethod
    def part(cls, year: int, code: int) -> FuzzyDate:
        """A part of a year by its EDTF code (33-41)."""
        _check_year(year)
        first, last = _PARTS[code]
        return cls(date(year, first, 1), _last_day(year, last), Precision.PART_OF_YEAR)

    # -- views ----------------------------------------------------------------
    @property
    def is_exact(self) -> bool:
        return self.earliest == self.latest

    def contains(self, d: date) -> bool:
        return self.earliest <= d <= self.latest

    def edtf(self) -> str:
        """ISO/EDTF text; parse(edtf()) gives this date back."""
        one = self._single_edtf()
        if one is not None:
            return one
        return f"{_bound_text(self.earliest, self.precision, True)}/{_bound_text(self.latest, self.precision, False)}"

    def _single_edtf(self) -> str | None:
        e, l = self.earliest, self.latest
        p = self.precision
        if p is Precision.DAY and e == l:
            return e.isoformat()
        if p is Precision.MONTH and e.day == 1 and (e.year, e.month) == (l.year, l.month) and l == _last_day(l.year, l.month):
            return f"{e.year:04d}-{e.month:02d}"
        if p is Precision.YEAR and e == date(e.year, 1, 1) and l == date(e.year, 12, 31):
            return f"{e.year:04d}"
        if p is Precision.PART_OF_YEAR and e.year == l.year and e.day == 1 and l == _last_day(l.year, l.month):
            code = _PART_OF.get((e.month, l.month))
            if code is not None:
                return f"{e.year:04d}-{code}"
        return None

    def __str__(self) -> str:
        return self.edtf()


def _bound_text(d: date, precision: Precision, start: bool) -> str:
    if precision is Precision.YEAR and (d.month, d.day) == ((1, 1) if start else (12, 31)):
        return f"{d.year:04d}"
    if precision in (Precision.MONTH, Precision.PART_OF_YEAR, Precision.YEAR) and (
        d.day == 1 if start else d == _last_day(d.year, d.month)
    ):
        return f"{d.year:04d}-{d.month:02d}"
    return d.isoformat()


_EDTF_ONE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _parse_edtf_one(text: str) -> FuzzyDate | None:
    m = _EDTF_ONE.match(text)
    if not m:
        return None
    year = _check_year(int(m.group(1)))
    if m.group(2) is None:
        return FuzzyDate.year(year)
    sub = int(m.group(2))
    if m.group(3) is None:
        if sub in _PARTS:
            return FuzzyDate.part(year, sub)
        if not 1 <= sub <= 12:
            raise BadDate(f"{text!r}: month {sub} does not exist")
        return FuzzyDate.month(year, sub)
    try:
        return FuzzyDate.day(date(year, sub, int(m.group(3))))
    except ValueError as exc:
        raise BadDate(f"{text!r}: {exc}") from None


def parse_edtf(text: str) -> FuzzyDate:
    """Parse ISO/EDTF text (a day, month, year, part of year, or an interval `a/b`)."""
    text = text.strip()
    if "/" in text:
        left, _, right = text.partition("/")
        a, b = _parse_edtf_one(left.strip()), _parse_edtf_one(right.strip())
        if a is None or b is None:
            raise BadDate(f"{text!r} is not an ISO/EDTF interval")
        if b.latest < a.earliest:
            raise BadDate(f"{text!r}: the interval ends before it starts")
        return FuzzyDate(a.earliest, b.latest, max(a.precision, b.precision, key=_coarseness))
    one = _parse_edtf_one(text)
    if one is None:
        raise BadDate(f"{text!r} is not an ISO/EDTF date (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-37 ...)")
    return one


def _coarseness(p: Precision) -> int:
    return [Precision.DAY, Precision.MONTH, Precision.PART_OF_YEAR, Precision.YEAR].index(p)


_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_PART_RE = "|".join(sorted((re.escape(w) for w in _WORD_PARTS), key=len, reverse=True))
_TEXT_FORMS = [
    (re.compile(rf"^(\d{{1,2}})\s+({_MONTH_RE})\.?,?\s+(\d{{4}})$", re.I), "dmy"),
    (re.compile(rf"^({_MONTH_RE})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})$", re.I), "mdy"),
    (re.compile(rf"^(\d{{1,2}})\s+({_MONTH_RE})\.?$", re.I), "dm"),
    (re.compile(rf"^({_MONTH_RE})\.?\s+(\d{{1,2}})$", re.I), "md"),
    (re.compile(rf"^({_MONTH_RE})\.?,?\s+(\d{{4}})$", re.I), "my"),
    (re.compile(rf"^(?:in\s+)?({_PART_RE})\s*-?\s*(\d{{4}})$", re.I), "part"),
    (re.compile(r"^(?:between\s+|from\s+)?(\d{4})\s*(?:and|to|-|–|—)\s*(\d{4})$", re.I), "range"),
]


def resolve_day_month(day: int, month: int, ref: date) -> date:
    """The latest `day month` on or before `ref` (documents speak of the past)."""
    for year in (ref.year, ref.year - 1, ref.year - 2, ref.year - 3, ref.year - 4):
        try:
            d = date(year, month, day)
        except ValueError:
            continue  # 29 February in a common year
        if d <= ref:
            return d
    raise BadDate(f"day {day} of month {month} does not exist")


def parse_text(text: str, ref: date | None = None) -> FuzzyDate:
    """Parse one date expression in English or ISO/EDTF; `ref` resolves a day and month without a year."""
    raw = " ".join(text.replace("\u00a0", " ").split()).strip().rstrip(".")
    if not raw:
        raise BadDate("empty date")
    try:
        return parse_edtf(raw)
    except BadDate as exc:
        if _EDTF_ONE.match(raw) or re.match(r"^\d{4}-\d{2}(-\d{2})?/", raw):
            raise exc
    for pattern, form in _TEXT_FORMS:
        m = pattern.match(raw)
        if not m:
            continue
        g = m.groups()
        try:
            if form == "dmy":
                return FuzzyDate.day(date(int(g[2]), MONTHS[g[1].lower()], int(g[0])))
            if form == "mdy":
                return FuzzyDate.day(date(int(g[2]), MONTHS[g[0].lower()], int(g[1])))
            if form in ("dm", "md"):
                day, month = (int(g[0]), MONTHS[g[1].lower()]) if form == "dm" else (int(g[1]), MONTHS[g[0].lower()])
                if ref is None:
                    raise BadDate(f"{text!r} has no year and no reference date was given")
                return FuzzyDate.day(resolve_day_month(day, month, ref))
            if form == "my":
                return FuzzyDate.month(int(g[1]), MONTHS[g[0].lower()])
            if form == "part":
                return FuzzyDate.part(int(g[1]), _WORD_PARTS[g[0].lower().strip()])
            if form == "range":
                a, b = FuzzyDate.year(int(g[0])), FuzzyDate.year(int(g[1]))
                if b.earliest < a.earliest:
                    raise BadDate(f"{text!r}: the range ends before it starts")
                return FuzzyDate(a.earliest, b.latest, Precision.YEAR)
        except ValueError as exc:
            if isinstance(exc, BadDate):
                raise
            raise BadDate(f"{text!r}: {exc}") from None
    raise BadDate(f"cannot read {text!r} as a date")


def parse_day(text: str) -> date:
    """A single exact day (YYYY-MM-DD or '22 March 2024'), as the CLI's --on takes it."""
    fd = parse_text(text)
    if not fd.is_exact:
        raise BadDate(f"{text!r} is not a single day (use YYYY-MM-DD)")
    return fd.earliest


_MONTH_ARG = re.compile(r"^(\d{4})-(\d{1,2})$")


def parse_month(text: str) -> tuple[int, int]:
    """A month as YYYY-MM; raises BadDate for '2024-13' or 'July'."""
    m = _MONTH_ARG.match(text.strip())
    if not m:
        raise BadDate(f"{text!r} is not a month (use YYYY-MM, e.g. 2024-07)")
    year, month = int(m.group(1)), int(m.group(2))
    if not 1 <= month <= 12:
        raise BadDate(f"{text!r}: month {month} does not exist")
    _check_year(year)
    return year, month


def month_text(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1


def month_bounds(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), _last_day(year, month)


def day_before(d: date) -> date:
    return d - timedelta(days=1)
