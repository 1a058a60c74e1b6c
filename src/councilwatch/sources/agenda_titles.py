"""Printed agenda titles -> canonical agenda items.

The same agenda item is printed many ways: "Afghanistan" and "The situation in
Afghanistan"; "Non-proliferation/Democratic People's Republic of Korea" and
"Non-proliferation - DPRK"; "Letter dated 28 February 2014 from the Permanent
Representative of Ukraine ... ( S/2014/136)" with and without its date. This
module gives each item one key (a slug such as ``afghanistan``,
``non-proliferation-dprk``, ``letters-ukraine-2014``) and one display title.

How a title is read (`normalised_title`, then `classify`):

1. Unicode dashes, quotes and accents are folded, case is dropped, document
   symbols and the parentheses around them are removed ("( S/2014/136)").
2. Framing words that the tables add or leave out are dropped: a leading
   "the situation in/concerning", "the question concerning", "the", a trailing
   "situation" ("Middle East situation").
3. The reviewed aliases (``data/agenda_aliases.csv``: ``pattern,key,title,note,source``)
   are tried in file order; the first whose regular expression matches the
   normalised title gives the key and the display title. Whatever follows the
   match after a separator (" - ", ":", "(") is kept as the subtitle
   ("Peace and security in Africa — Ebola" -> ``peace-and-security-in-africa``,
   subtitle "Ebola").
4. A letter ("Letter dated ... from the Permanent Representative of X ...")
   without an alias becomes ``letters-<x>-<year>``: letters from one state in
   one year are grouped, letters on different subjects years apart are not.
5. Anything else gets the slug of its normalised title, so an item nobody has
   reviewed still gets a stable key; its display title is the printed title.
   A key longer than `MAX_KEY` (160, the store's column) is cut and ends in a
   short hash of the whole (`bounded_key`), so long titles that share their
   first 150 characters stay apart.

Items that differ in substance keep different keys even when one title
contains the other: "The situation in the Middle East" and "The situation in
the Middle East, including the Palestinian question" are two agenda items.
"""

from __future__ import annotations

import csv
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from councilwatch.symbols import find_symbols

__all__ = ["AgendaItem", "Alias", "AliasFileError", "classify", "canonical_key", "display_title",
           "normalised_title", "slug", "bounded_key", "load_aliases", "ALIASES_PATH", "MAX_KEY"]

ALIASES_PATH = Path(__file__).resolve().parent.parent / "data" / "agenda_aliases.csv"
MAX_KEY = 160  # agenda_items.id is VARCHAR(160)


@dataclass(frozen=True)
class AgendaItem:
    key: str  # slug identifying the agenda item: "middle-east-palestinian-question"
    title: str  # display title: the reviewed official title, or the printed one when unreviewed
    subtitle: str | None = None  # what the printed title adds: "Ebola", "Cyprus" (mission of a TCC meeting)
    reviewed: bool = False  # True when a reviewed alias gave the key


@dataclass(frozen=True)
class Alias:
    pattern: re.Pattern
    key: str
    title: str
    note: str
    line: int


_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")
_QUOTES = dict.fromkeys(map(ord, "\u2018\u2019\u02bc\u00b4`"), "'")
_FRAMING = re.compile(
    r"^(?:the\s+)?(?:situation|question)\s+(?:in|concerning|of|on)\s+(?:the\s+)?|^the\s+(?!situation|question)"
)
_TRAILING = re.compile(r"\s+situation$")
_SLUG = re.compile(r"[^a-z0-9]+")
_EMPTIED = re.compile(r"\(\s*(?:,|and|\s)*\)")
_SPACED_DASH = re.compile(r"\s*-\s+|\s+-\s*")
_SEPARATOR = re.compile(r"^\s*(?:[-:/,(]|\band\b)?\s*")


def normalised_title(title: str) -> str:
    """The title folded for matching: lower case, no accents or symbols, framing words dropped."""
    text = unicodedata.normalize("NFKC", title).translate(_DASHES).translate(_QUOTES)
    # Remove document symbols ("(S/2014/136)") before case folding: they name documents, not items.
    spans = [(a, b) for a, b, _ in find_symbols(text)]
    for a, b in reversed(spans):
        text = text[:a] + " " + text[b:]
    if not text.isascii():
        text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    text = text.lower()
    text = _EMPTIED.sub(" ", text)  # parentheses emptied by the symbol removal
    text = _SPACED_DASH.sub(" - ", text)  # a dash with a space beside it separates; "non-proliferation" stays
    text = " ".join(text.split()).strip(" .;,")
    text = _FRAMING.sub("", text)
    text = _TRAILING.sub("", text)
    return text.strip()


def slug(text: str) -> str:
    """A URL-safe key: lower-case ASCII words joined by '-'."""
    if not text.isascii():
        text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return _SLUG.sub("-", text.lower().replace("'", "")).strip("-")


def bounded_key(key: str) -> str:
    """The key as it fits the store: at most MAX_KEY characters, a longer one cut and ending in a hash of the whole."""
    if len(key) <= MAX_KEY:
        return key
    return key[:MAX_KEY - 9].rstrip("-") + "-" + hashlib.sha1(key.encode()).hexdigest()[:8]


# --- aliases ---------------------------------------------------------------------------------


class AliasFileError(ValueError):
    """A bad row in the alias file; names the line and the problem."""


def load_aliases(path: Path = ALIASES_PATH) -> tuple[Alias, ...]:
    """Read and check the reviewed alias file (pattern,key,title,note,source)."""
    aliases: list[Alias] = []
    titles: dict[str, str] = {}
    with path.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames != ["pattern", "key", "title", "note", "source"]:
            raise AliasFileError(f"{path.name}:1: header must be pattern,key,title,note,source, not {reader.fieldnames}")
        for row in reader:
            line = reader.line_num
            pattern, key, title = row["pattern"].strip(), row["key"].strip(), row["title"].strip()
            if not pattern or not key or not title or not (row.get("source") or "").strip():
                raise AliasFileError(f"{path.name}:{line}: pattern, key, title and source are required")
            if slug(key) != key:
                raise AliasFileError(f"{path.name}:{line}: key {key!r} is not a slug (try {slug(key)!r})")
            if len(key) > MAX_KEY:
                raise AliasFileError(f"{path.name}:{line}: key {key[:20]!r}... is longer than {MAX_KEY} characters")
            try:
                compiled = re.compile(pattern)
            except re.error as exc:
                raise AliasFileError(f"{path.name}:{line}: bad pattern {pattern!r}: {exc}") from exc
            if titles.setdefault(key, title) != title:
                raise AliasFileError(f"{path.name}:{line}: key {key!r} already has the title {titles[key]!r}")
            aliases.append(Alias(compiled, key, title, row.get("note") or "", line))
    return tuple(aliases)


@lru_cache(maxsize=1)
def _aliases() -> tuple[Alias, ...]:
    return load_aliases()


# --- classification --------------------------------------------------------------------------

_LETTER = re.compile(r"^(?:identical\s+)?letters?\b")
_SENDER = re.compile(
    r"\bfrom\s+(?:the\s+)?(?:(?:permanent\s+representative|permanent\s+observer|charge d'affaires(?:\s+a\.i\.)?"
    r"|representative|minister[\w\s]*?|president|head)\s+(?:of\s+the\s+permanent\s+mission\s+)?of\s+)?"
    r"(?:the\s+)?(.+?)(?:\s+to\s+(?:the\s+)?(?:united nations|president|secretary-general|security council)"
    r"|\s+addressed|\s+concerning|\s+transmitting|\s+forwarding|,|\(|$)"
)
_YEAR = re.compile(r"\b(19[4-9]\d|20\d\d)\b")
_SHORT_STATES = {
    "united kingdom of great britain and northern ireland": "united kingdom",
    "united states of america": "united states",
    "democratic people's republic of korea": "dprk",
}


def classify(title: str) -> AgendaItem:
    """The agenda item a printed title names."""
    return _classify(" ".join(title.split()))


@lru_cache(maxsize=4096)
def _classify(title: str) -> AgendaItem:
    norm = normalised_title(title)
    for alias in _aliases():
        m = alias.pattern.search(norm)
        if m:
            rest = norm[m.end():]
            sub = _SEPARATOR.sub("", rest).strip(" )") or None
            subtitle = _printed_tail(title, sub) if sub else None
            return AgendaItem(alias.key, alias.title, subtitle, True)
    if _LETTER.match(norm):
        return AgendaItem(bounded_key(_letter_key(title, norm)), title, None, False)
    return AgendaItem(bounded_key(slug(norm) or "untitled"), title, None, False)


def _printed_tail(title: str, folded_tail: str) -> str:
    """The subtitle as printed (case and accents kept) when it can be found, else as folded."""
    words = re.findall(r"[a-z0-9']+", folded_tail)
    if not words:
        return folded_tail
    folded = "".join(ch for ch in unicodedata.normalize("NFKD", title) if not unicodedata.combining(ch)).lower()
    if len(folded) != len(title):  # characters that fold to several: positions would not line up
        return folded_tail
    matches = list(re.finditer(r"\W+".join(map(re.escape, words)), folded.translate(_QUOTES)))
    if not matches:
        return folded_tail
    m = matches[-1]
    return title[m.start():m.end()]


def _letter_key(title: str, norm: str) -> str:
    m = _SENDER.search(norm)
    sender = m.group(1).strip() if m else "unknown"
    sender = _SHORT_STATES.get(sender, sender)
    # The year of the letter's symbol (S/2014/136) is surest; else a year in the text.
    years = [sym.year for _, _, sym in find_symbols(title) if sym.year] or [int(y) for y in _YEAR.findall(norm)]
    year = f"-{years[0]}" if years else ""
    return f"letters-{slug(sender)}{year}"


def canonical_key(title: str) -> str:
    """The key of the agenda item a printed title names (at most MAX_KEY characters):
    canonical_key("Afghanistan") == "afghanistan"."""
    return classify(title).key


def display_title(title: str) -> str:
    """The one title shown for the item a printed title names (the reviewed title when there is one)."""
    return classify(title).title
