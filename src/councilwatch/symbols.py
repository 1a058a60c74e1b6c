"""UN document symbols: parse, normalise, classify, link to undocs.org.

A symbol names one UN document: ``S/2022/606`` (a Security Council document),
``S/PV.9678 (Resumption 1)`` (a meeting record), ``S/RES/2719 (2023)``
(a resolution), ``SC/15432`` (a press release) ...  ``parse`` reads a symbol
as people type it (lower case, stray or non-breaking spaces, en dashes,
``(Resumption1)``) and gives a `Symbol` whose ``str()`` is the one normal
spelling; ``find_symbols`` finds symbols in running text.

The normal spelling follows the UN's printed form: components joined by ``/``
without spaces, the year of a resolution and the resumption or part of a
meeting in parentheses after one space: ``S/RES/2719 (2023)``,
``S/PV.4820 (Part II)``, ``A/RES/181 (II)``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Iterator

from councilwatch.errors import CouncilwatchError

__all__ = ["BadSymbol", "Symbol", "parse", "normalise", "find_symbols", "KINDS"]


class BadSymbol(CouncilwatchError, ValueError):
    """Text that is not a UN document symbol; the message says why."""

    def __init__(self, text: str, reason: str):
        self.text, self.reason = text, reason
        super().__init__(f"bad symbol {text!r}: {reason}")


# Organs and offices whose documents carry symbols, and the press-release
# series of the Department of Global Communications (SC/..., SG/SM/...).
DOCUMENT_ORGANS = {"S": "Security Council", "A": "General Assembly", "E": "Economic and Social Council",
                   "T": "Trusteeship Council", "ST": "Secretariat"}
PRESS_SERIES = {"SC": "Security Council", "GA": "General Assembly", "SG": "Secretary-General",
                "ECOSOC": "Economic and Social Council", "HR": "human rights", "DC": "disarmament",
                "L": "legal", "ORG": "organisational", "OBV": "observances", "PI": "public information",
                "IHA": "humanitarian affairs"}

KINDS = ("document", "meeting_record", "resolution", "presidential_statement", "press_release",
         "draft", "ga_resolution", "ecosoc_resolution", "agenda", "information", "summary_record", "other")

# Modifiers written as a trailing component (/Add.1) or in parentheses ((Resumption 1)).
SLASH_MODIFIERS = ("Add", "Rev", "Corr", "Amend")
PAREN_MODIFIERS = ("Resumption", "Part")
_MOD_CANON = {m.upper(): m for m in SLASH_MODIFIERS + PAREN_MODIFIERS}
# Words that keep their capitalisation inside a normal symbol (everything else is upper case).
_MIXED_CASE = {"AGENDA": "Agenda", **_MOD_CANON}

FIRST_YEAR = 1946  # the first Security Council meeting, S/PV.1, 17 January 1946


_LAST_YEAR_AT_IMPORT = date.today().year + 1


def _last_year() -> int:
    """The latest year a symbol may carry: documents are numbered at most into next year."""
    return date.today().year + 1


def _year_ok(y: int) -> bool:
    # The bound read at import serves the common case without asking the clock each time.
    return FIRST_YEAR <= y <= _LAST_YEAR_AT_IMPORT or FIRST_YEAR <= y <= _last_year()


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _roman_to_int(text: str) -> int | None:
    text = text.upper()
    if not text or any(ch not in _ROMAN for ch in text):
        return None
    total = 0
    for i, ch in enumerate(text):
        v = _ROMAN[ch]
        total += -v if i + 1 < len(text) and _ROMAN[text[i + 1]] > v else v
    return total if _int_to_roman(total) == text else None


def _int_to_roman(n: int) -> str:
    out = []
    for v, s in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out.append(s)
            n -= v
    return "".join(out)


@dataclass(frozen=True)
class Symbol:
    """One parsed symbol. ``str()`` gives the normal spelling; equal symbols are equal objects."""

    organ: str  # S, A, E, T, ST, or a press series: SC, GA, SG ...
    kind: str  # one of KINDS
    body: str  # the symbol without year-in-parentheses and modifiers: "S/RES/2719", "S/PV.9678"
    year: int | None = None  # resolution year, S/YYYY/N year, PRST year; None for S/PV and A documents
    number: int | None = None  # the running number inside its series
    modifiers: tuple[tuple[str, int], ...] = ()  # ("Rev", 1), ("Resumption", 2) in printed order
    session: str | None = None  # General Assembly session: "77", "ES-11", "S-27" (old style "II" -> "2")

    def __str__(self) -> str:
        out = self.body
        if self.kind == "resolution" and self.year is not None:
            out += f" ({self.year})"
        elif self.kind == "ga_resolution" and self._old_style_ga():
            out += f" ({_session_roman(self.session)})"
        for name, n in self.modifiers:
            if name == "Part":
                out += f" (Part {_int_to_roman(n)})"
            elif name == "Resumption":
                out += f" (Resumption {n})"
            else:
                out += f"/{name}.{n}"
        return out

    def _old_style_ga(self) -> bool:
        # A/RES/181 (II): before the 31st session GA resolutions had no session component.
        return self.body.count("/") == 2

    @property
    def compact(self) -> str:
        """The symbol without spaces, as the UN's document system spells it: S/RES/2719(2023)."""
        return str(self).replace(" ", "")

    @property
    def base(self) -> "Symbol":
        """The same symbol without modifiers (the original of a revision, the meeting of a resumption)."""
        return Symbol(self.organ, self.kind, self.body, self.year, self.number, (), self.session)

    @property
    def url(self) -> str | None:
        """The undocs.org link to the English document; None for press releases (not served there)."""
        if self.kind == "press_release":
            return None
        return f"https://undocs.org/en/{self.compact}"

    @property
    def is_press_release(self) -> bool:
        return self.kind == "press_release"


def _session_roman(session: str | None) -> str:
    if session and session.isdigit():
        return _int_to_roman(int(session))
    if session and session.startswith("ES-") and session[3:].isdigit():
        return "ES-" + _int_to_roman(int(session[3:]))
    return session or ""


# --- cleaning --------------------------------------------------------------------------

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2212\ufe63\uff0d"), "-")
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u3000\t\r\n"), " ")
_SLASHES = dict.fromkeys(map(ord, "\uff0f\u2215\u2044"), "/")
_OTHER = {ord("\u200b"): None, ord("\ufeff"): None, ord("\uff08"): "(", ord("\uff09"): ")", ord("\uff0e"): "."}
_TRANSLATE = {**_DASHES, **_SPACES, **_SLASHES, **_OTHER}

# A component is a word (RES, AGENDA), a number, a dotted series (PV.9678, AC.26, CN.4, SUB.2) or a
# session (ES-11, S-27); "11CLOSED" is not (it is a number run into the next word).
_COMPONENT = re.compile(r"^(?:[A-Z]+|[0-9]+|[A-Z]+(?:\.[0-9]+)+|(?:ES|S)-[0-9]+)$")
_PAREN = re.compile(r"\(([^()]*)\)")
_NUM = re.compile(r"^[1-9][0-9]{0,5}$")
_DOTTED = re.compile(r"^([A-Z]+)\.([1-9][0-9]{0,5})$")  # PV.8967, L.15, SR.5
_SESSION = re.compile(r"^(?:[1-9][0-9]{0,2}|ES-[1-9][0-9]?|S-[1-9][0-9]?)$")
_RESUMPTION = re.compile(r"^RESUMPTION(?:([1-9][0-9]?)|([IVX]+))?$")
_PART = re.compile(r"^PART([1-9][0-9]?|[IVX]+)$")
_MOD_NO_DOT = re.compile(r"^(ADD|REV|CORR|AMEND)([0-9])")
_SLASH_MOD = re.compile(r"^(ADD|REV|CORR|AMEND)\.?([1-9][0-9]?)$")


def _clean(text: str) -> str:
    if not isinstance(text, str):
        raise BadSymbol(repr(text), "not text")
    return re.sub(r"\s+", "", text.translate(_TRANSLATE))


def _canon_component(comp: str) -> str:
    return _MIXED_CASE.get(comp, comp)


# --- parsing ---------------------------------------------------------------------------


def parse(text: str) -> Symbol:
    """Read a symbol written any common way; raise `BadSymbol` with the reason if it is not one."""
    compact = _clean(text)
    original = text if isinstance(text, str) else repr(text)
    if not compact:
        raise BadSymbol(original, "empty")
    return _fast(compact) or _parse_general(original, compact)


def _parse_general(original: str, compact: str) -> Symbol:
    """The full grammar (``parse`` tries the common shapes first)."""

    def bad(reason: str) -> BadSymbol:
        return BadSymbol(original, reason)

    # Split into components; each may carry parenthesised groups: "PV.9678(Resumption1)".
    # `events` keeps components and groups in printed order, so modifiers keep their order.
    comps: list[str] = []
    events: list[tuple[str, str]] = []  # ("comp", text) or ("group", text)
    for raw in compact.split("/"):
        head = raw.split("(", 1)[0]
        tail = raw[len(head):]
        if _PAREN.sub("", tail):
            raise bad(f"unbalanced or misplaced parentheses in {raw!r}")
        if head:
            head = _MOD_NO_DOT.sub(r"\1.\2", head.upper())  # "Add1" -> "ADD.1"
            comps.append(head)
            events.append(("comp", head))
        elif not tail or not comps:
            raise bad("empty component (doubled, leading or trailing '/')")
        events.extend(("group", g.upper()) for g in _PAREN.findall(tail))
    for c in comps:
        if not _COMPONENT.match(c):
            raise bad(f"unexpected characters in {c!r}")
    if len(comps) < 2:
        raise bad("a symbol has at least an organ and one more component")

    organ = comps[0]
    if organ not in DOCUMENT_ORGANS and organ not in PRESS_SERIES:
        raise bad(f"unknown organ {organ!r}")

    # Trailing /Add.1, /Rev.2, /Corr.1 ... (several may follow each other) are modifiers.
    core_len = len(comps)
    while core_len > 2 and _SLASH_MOD.match(comps[core_len - 1]):
        core_len -= 1

    ordered: list[tuple[str, int]] = []
    year_in_paren: int | None = None
    roman_session: str | None = None
    seen = 0
    for what, val in events:
        if what == "comp":
            seen += 1
            if seen > core_len:
                m = _SLASH_MOD.match(val)
                ordered.append((_MOD_CANON[m.group(1)], int(m.group(2))))
            continue
        if re.fullmatch(r"[0-9]{4}", val):
            if year_in_paren is not None:
                raise bad("two years in parentheses")
            year_in_paren = _check_year(int(val), bad)
        elif m := _RESUMPTION.match(val):
            n = int(m.group(1)) if m.group(1) else (_roman_to_int(m.group(2)) if m.group(2) else 1)
            if not n:
                raise bad(f"bad resumption number in ({val})")
            ordered.append(("Resumption", n))
        elif m := _PART.match(val):
            part = m.group(1)
            n = int(part) if part.isdigit() else _roman_to_int(part)
            if not n:
                raise bad(f"bad part number in ({val})")
            ordered.append(("Part", n))
        elif _roman_to_int(val) or re.fullmatch(r"(?:ES|S)-[IVX]+", val) and _roman_to_int(val.split("-")[1]):
            roman_session = val
        else:
            raise bad(f"unexpected ({val.lower()}) in a symbol")
    core = [_canon_component(c) for c in comps[:core_len]]

    if organ in PRESS_SERIES and organ not in DOCUMENT_ORGANS:
        sym = _press(organ, core, bad)
    elif organ == "S":
        sym = _security_council(core, year_in_paren, bad)
    elif organ == "A":
        sym = _general_assembly(core, roman_session, bad)
    elif organ == "E":
        sym = _ecosoc(core, bad)
    else:
        sym = _generic(organ, core, None, bad)

    if year_in_paren is not None and sym.kind != "resolution":
        raise bad(f"a year in parentheses belongs only to a Security Council resolution, not a {sym.kind}")
    if roman_session is not None and not (sym.kind == "ga_resolution" and sym.body.count("/") == 2):
        raise bad(f"unexpected ({roman_session}) in a symbol")
    if sym.kind == "ga_resolution" and sym.body.count("/") == 2 and sym.session is None:
        raise bad("old-style General Assembly resolution needs its session in parentheses: A/RES/181 (II)")
    if any(name in PAREN_MODIFIERS for name, _ in ordered) and sym.kind != "meeting_record":
        raise bad(f"resumptions and parts belong to meeting records, not a {sym.kind}")
    if ordered:
        sym = Symbol(sym.organ, sym.kind, sym.body, sym.year, sym.number, tuple(ordered), sym.session)
    return sym


# The shapes met most often, read without the general machinery (tables have thousands).
_FAST = re.compile(
    r"S/PV\.([1-9][0-9]{0,5})|S/RES/([1-9][0-9]{0,5})\(([0-9]{4})\)|S/PRST/([0-9]{4})/([1-9][0-9]{0,5})"
    r"|S/([0-9]{4})/([1-9][0-9]{0,5})|S/([1-9][0-9]{0,5})|SC/([1-9][0-9]{0,5})"
)


def _fast(compact: str) -> Symbol | None:
    m = _FAST.fullmatch(compact)
    if not m:
        return None
    g = m.groups()
    if g[0]:
        return Symbol("S", "meeting_record", compact, None, int(g[0]))
    if g[1]:
        y = int(g[2])
        return Symbol("S", "resolution", f"S/RES/{g[1]}", y, int(g[1])) if _year_ok(y) else None
    if g[3]:
        y = int(g[3])
        return Symbol("S", "presidential_statement", compact, y, int(g[4])) if _year_ok(y) else None
    if g[5]:
        y = int(g[5])
        return Symbol("S", "document", compact, y, int(g[6])) if _year_ok(y) else None
    if g[7]:
        return Symbol("S", "document", compact, None, int(g[7]))
    return Symbol("SC", "press_release", compact, None, int(g[8]))


def _check_year(y: int, bad) -> int:
    if not _year_ok(y):
        raise bad(f"year {y} out of range {FIRST_YEAR}-{_last_year()}")
    return y


def _int(comp: str, what: str, bad) -> int:
    if not _NUM.match(comp):
        raise bad(f"{what} must be a number, not {comp!r}")
    return int(comp)


def _security_council(core: list[str], year_in_paren: int | None, bad) -> Symbol:
    body = "/".join(core)
    rest = core[1:]
    head = rest[0]
    if head == "RES":
        if len(rest) != 2:
            raise bad("a resolution is S/RES/<number> (<year>)")
        return Symbol("S", "resolution", body, year_in_paren, _int(rest[1], "resolution number", bad))
    if head == "PRST":
        if len(rest) != 3:
            raise bad("a presidential statement is S/PRST/<year>/<number>")
        y = _check_year(_int(rest[1], "year", bad), bad)
        return Symbol("S", "presidential_statement", body, y, _int(rest[2], "statement number", bad))
    if head == "Agenda":
        if len(rest) != 2:
            raise bad("an agenda is S/Agenda/<meeting number>")
        return Symbol("S", "agenda", body, None, _int(rest[1], "meeting number", bad))
    if m := _DOTTED.match(head):
        if m.group(1) == "PV":
            if len(rest) != 1:
                raise bad("a meeting record is S/PV.<number>")
            return Symbol("S", "meeting_record", body, None, int(m.group(2)))
    if head == "INF":
        return _generic("S", core, "information", bad)
    if head.isdigit():
        if len(rest) == 1:  # S/1234: documents before 1994 were numbered without a year
            return Symbol("S", "document", body, None, _int(head, "document number", bad))
        if len(rest) == 2 and rest[1].isdigit():
            y = _check_year(_int(head, "year", bad), bad)
            return Symbol("S", "document", body, y, _int(rest[1], "document number", bad))
        raise bad("a Security Council document is S/<year>/<number> or S/<number>")
    return _generic("S", core, None, bad)


def _general_assembly(core: list[str], roman_session: str | None, bad) -> Symbol:
    body = "/".join(core)
    rest = core[1:]
    if rest[0] == "RES":
        if len(rest) == 2:  # A/RES/181 (II)
            session = None
            if roman_session:
                if roman_session.startswith(("ES-", "S-")):
                    prefix, num = roman_session.split("-", 1)
                    session = f"{prefix}-{_roman_to_int(num)}"
                else:
                    session = str(_roman_to_int(roman_session))
            return Symbol("A", "ga_resolution", body, None, _int(rest[1], "resolution number", bad), session=session)
        if len(rest) == 3:
            if not _SESSION.match(rest[1]):
                raise bad(f"unknown General Assembly session {rest[1]!r}")
            return Symbol("A", "ga_resolution", body, None, _int(rest[2], "resolution number", bad), session=rest[1])
        raise bad("a General Assembly resolution is A/RES/<session>/<number>")
    # A/77/L.15, A/C.1/77/L.5, A/ES-11/PV.1, A/77/1
    i = 1
    if re.match(r"^C\.[1-6]$", rest[0]) or rest[0] in ("BUR", "INF", "HRC"):
        i = 2
    if i < len(core) and _SESSION.match(core[i]):
        session = core[i]
        tail = core[i + 1:]
        if len(tail) == 1:
            if m := _DOTTED.match(tail[0]):
                kind = {"L": "draft", "PV": "meeting_record", "SR": "summary_record"}.get(m.group(1))
                if kind:
                    return Symbol("A", kind, body, None, int(m.group(2)), session=session)
            elif tail[0].isdigit():
                kind = "information" if core[1] == "INF" else "document"
                return Symbol("A", kind, body, None, _int(tail[0], "document number", bad), session=session)
        sym = _generic("A", core, None, bad)
        return Symbol(sym.organ, sym.kind, sym.body, sym.year, sym.number, session=session)
    return _generic("A", core, None, bad)


def _ecosoc(core: list[str], bad) -> Symbol:
    body = "/".join(core)
    rest = core[1:]
    if rest[0] == "RES" and len(rest) == 3 and rest[1].isdigit():
        y = _check_year(_int(rest[1], "year", bad), bad)
        return Symbol("E", "ecosoc_resolution", body, y, _int(rest[2], "resolution number", bad))
    if rest[0].isdigit() and len(rest[0]) == 4 and len(rest) == 2:
        y = _check_year(int(rest[0]), bad)
        if m := _DOTTED.match(rest[1]):
            kind = {"L": "draft", "SR": "summary_record", "PV": "meeting_record"}.get(m.group(1), "other")
            return Symbol("E", kind, body, y, int(m.group(2)))
        return Symbol("E", "document", body, y, _int(rest[1], "document number", bad))
    return _generic("E", core, None, bad)


def _press(organ: str, core: list[str], bad) -> Symbol:
    body = "/".join(core)
    rest = core[1:]
    if not rest[-1].isdigit():
        raise bad(f"a press release ends with its number: {organ}/<number>")
    if len(rest) > 2 or (len(rest) == 2 and not re.fullmatch(r"[A-Z]{1,4}", rest[0])):
        raise bad(f"a press release is {organ}/<number> or {organ}/<series>/<number>")
    return Symbol(organ, "press_release", body, None, _int(rest[-1], "press release number", bad))


def _generic(organ: str, core: list[str], kind: str | None, bad) -> Symbol:
    """Other series (S/AC.26/..., A/HRC/..., ST/SGB/...): kept whole, classified 'other'."""
    body = "/".join(core)
    number = None
    year = None
    for c in reversed(core[1:]):
        if c.isdigit() or _DOTTED.match(c):
            number = int(c.rsplit(".", 1)[-1])
            break
    for c in core[1:-1]:
        if c.isdigit() and len(c) == 4 and _year_ok(int(c)):
            year = int(c)
            break
    if number is None and not any(ch.isdigit() for ch in body):
        raise bad("no number in symbol")
    return Symbol(organ, kind or "other", body, year, number)


def normalise(text: str) -> str:
    """The normal spelling of a symbol: normalise('s/res/2719(2023)') == 'S/RES/2719 (2023)'."""
    return str(parse(text))


# --- finding symbols in running text -----------------------------------------------------

_ORGAN_ALT = "|".join(sorted(set(DOCUMENT_ORGANS) | set(PRESS_SERIES), key=len, reverse=True))
_WORD = r"[A-Za-z0-9]+(?:[.\-\u2013][A-Za-z0-9]+)*"
_SP = r"[ \u00a0\u202f]?"
_GROUP = (r"[ \u00a0\u202f]?\((?:[0-9]{4}|[Rr]esumption[ \u00a0]?(?:[0-9]{1,2}|[IVX]{1,4})?"
          r"|[Pp]art[ \u00a0]?(?:[0-9]{1,2}|[IVX]{1,4})|(?:ES-)?[IVX]{1,6})\)")
_FIND = re.compile(
    rf"(?<![A-Za-z0-9/.])(?:{_ORGAN_ALT}){_SP}/{_SP}{_WORD}(?:{_SP}/{_SP}{_WORD})*(?:{_GROUP})*(?:/{_WORD})*"
)


def find_symbols(text: str) -> Iterator[tuple[int, int, Symbol]]:
    """Yield (start, end, Symbol) for each symbol in running text, left to right."""
    pos = 0
    while m := _FIND.search(text, pos):
        start, cand = m.start(), m.group(0)
        pos = m.end()
        # A candidate may run on into the next words ("SC/15432 / A/77/1", "SG/2030-SC/6292", "A/79/318–S/2024/630",
        # "S/PV.11closed"): try shorter prefixes, cut at '/', '(', '-' or where digits meet
        # letters, and scan again after the one that parses.
        cuts = [len(cand)] + sorted(
            {i for i, ch in enumerate(cand) if i > 0 and (ch in "/(-\u2013\u2014" or (ch.isalpha() and cand[i - 1].isdigit()))},
            reverse=True,
        )
        for cut in cuts:
            piece = cand[:cut].rstrip(" /\u00a0\u202f")
            try:
                sym = parse(piece)
            except BadSymbol:
                continue
            yield start, start + len(piece), sym
            pos = start + len(piece)
            break
