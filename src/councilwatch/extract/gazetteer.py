"""The gazetteer: every name the knowledge base knows, found in text with one Aho-Corasick pass.

Names come from the store (states' names and aliases, organisations' names and
aliases), the curated people file, the group phrases in patterns/groups.json,
adjectives of states (patterns/state_adjectives.csv) and, for organisations
the store does not hold yet, patterns/organisations_fallback.csv. Acronyms
("US", "CIS") match case-sensitively; other names case-insensitively but must
start with a capital in the text. Misspelt state names ("Tadjikistan") are
caught by rapidfuzz against the single-word names.
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

PATTERNS = Path(__file__).resolve().parent / "patterns"
PEOPLE = Path(__file__).resolve().parent.parent / "data" / "people.csv"
TERRITORIES = Path(__file__).resolve().parent.parent / "data" / "territories.csv"

# rapidfuzz must score a capitalised word at least this against a state's name.
FUZZY_MIN = 90
FUZZY_MIN_LEN = 6
# "South American states", "the inter-American system", "Latin American": a region's adjective, not the United States'.
_REGIONAL = re.compile(r"(?:south|north|latin|central|meso|pan|inter|afro|anglo|ibero)[ -]$")
# Organisations of these kinds (UN offices, missions, funds, organs) have no member states: a status said without an
# organisation never belongs to one of them.
MEMBERLESS_KINDS = frozenset({"un_office"})
# Operations, missions and forces deployed by an organisation have contributors, not members ("SADC Mission in the DRC");
# offices, programmes, funds, departments and mechanisms have none either. UN bodies with member states (the IAEA, the
# Human Rights Council, the specialised agencies) keep them.
_OPERATION = re.compile(r"\b(?:Mission|Force|Operation|Office|Brigade|Programme|(?<!Monetary )Fund|Department|Mechanism|Centre)\b")
_ORG_HEADS = re.compile(r"\b(?:Organi[sz]ation|Union|Community|Initiative|Alliance|Forum|Association|League|Commonwealth"
                        r"|Conference|Office|Agency|Programme|Program|Committee|Centre|Center|Mission|Bank|Treaty|Fund"
                        r"|Partnership|Pact|Council|Authority|Group|Assembly|Commission|Court|Secretariat)\b")
# Words of a country's own institutions, and of international ones ("UN Transitional Assistance Mission" is both).
_NATIONAL = re.compile(r"\b(?:Transitional|Presidential|National|Sovereignty|Federal|Provisional|Revolutionary|Patriotic"
                       r"|Parliament|Parliamentary|Party|Front|Movement|Ministry|Army)\b")
_INTERNATIONAL = re.compile(r"\b(?:United\s+Nations|UN|International|Intergovernmental|Regional|African\s+Union|European"
                            r"|Mission|Office|Agency|Programme|Fund|Organi[sz]ation|Community)\b")
# The principal organs of the United Nations and its councils, which an acronym may define too.
_UN_ORGAN = re.compile(r"(?:(?:United\s+Nations|UN)\s+)?(?:Security\s+Council|General\s+Assembly|Economic\s+and\s+Social\s+Council"
                       r"|Secretariat|International\s+Court\s+of\s+Justice|Human\s+Rights\s+Council|Peacebuilding\s+Commission)$")
# Names of meetings, which an acronym may define too.
_EVENT = re.compile(r"\b(?:Meeting|Summit|Session|Retreat|Talks)$")
# "(IsDB)", "(SADC)"; not "(Legal)": an acronym has two capitals at least.
_ACRONYM_DEF = re.compile(r"\s\((?:the\s+)?([A-Z][a-z]{0,3}[A-Z][A-Za-z]{0,7}\+?)\)")
# The long name before "(ACR)": capitalised words and the small words between them, read backwards.
_LONG_NAME = re.compile(r"((?:[A-Z][\w’'\-]*|of|for|and|the|on|in|to|de|&)(?:\s+(?:[A-Z][\w’'\-]*|of|for|and|the|on|in|to|de|&))*)$")
LONG_NAME_CHARS = 120
# "... members of the West African ... Union (WAEMU)": the name starts at its first capital.
_ARTICLE = re.compile(r"^(?:(?:of|for|and|the|on|in|to|de|&)\s+)+", re.I)
_APOS = str.maketrans({"’": "'", "‘": "'", "\u2010": "-", "\u2011": "-", "–": "-"})


@dataclass(frozen=True)
class Entry:
    kind: str  # state, organisation, person, group (territory: matched, never reported)
    id: str
    members: tuple[str, ...] = ()
    state: str | None = None  # a person's state
    rule: str | None = None  # a group's composition rule ("council:elected:africa")


@dataclass(frozen=True)
class EntityMention:
    text: str
    entry: Entry
    start: int
    end: int

    @property
    def kind(self) -> str:
        return self.entry.kind

    @property
    def id(self) -> str:
        return self.entry.id

    def as_dict(self) -> dict:
        return {"text": self.text, "kind": self.entry.kind, "id": self.entry.id,
                "members": list(self.entry.members), "start": self.start, "end": self.end}


def _lower_same_length(text: str) -> str:
    """Lower case that keeps every offset ("İ".lower() is two characters)."""
    low = text.lower()
    if len(low) == len(text):
        return low.translate(_APOS)
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text).translate(_APOS)


def _variants(name: str) -> set[str]:
    name = " ".join(name.split()).translate(_APOS)
    out = {name}
    swaps = [("Organization", "Organisation"), ("Organisation", "Organization"), ("Co-operation", "Cooperation"),
             ("Cooperation", "Co-operation"), ("Centre", "Center"), ("Center", "Centre"), (" and ", " & "),
             ("United Nations ", "UN "), ("UN ", "United Nations ")]
    for a, b in swaps:
        for n in list(out):
            if a in n:
                out.add(n.replace(a, b))
    return {_ARTICLE.sub("", n) for n in out}


def _is_acronym(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(name) <= 8 and " " not in name


@dataclass
class CouncilYears:
    """The Council's composition by year, for the groups whose members change (A3, E10)."""

    terms: list[tuple[str, str, date, date | None]] = field(default_factory=list)  # state, seat, start, end
    africa: frozenset[str] = frozenset()
    caribbean: frozenset[str] = frozenset()

    def members(self, rule: str, year: int) -> tuple[str, ...]:
        first, last = date(year, 1, 1), date(year, 12, 31)
        sitting = [(s, seat) for s, seat, a, b in self.terms if a <= last and (b is None or b >= first)]
        parts = rule.split(":")
        if parts[1] == "all":
            chosen = {s for s, _ in sitting}
        else:
            chosen = {s for s, seat in sitting if seat == "elected"}
        if len(parts) > 2:
            regions = parts[2].split("+")
            chosen = {s for s in chosen if any(s in getattr(self, r) for r in regions)}
        return tuple(sorted(chosen))


class Gazetteer:
    """Find states, organisations, people and groups in text."""

    def __init__(self, names: list[tuple[str, Entry]], council: CouncilYears | None = None,
                 fuzzy_names: dict[str, str] | None = None):
        import ahocorasick

        self.council = council or CouncilYears()
        self._exact = ahocorasick.Automaton()  # acronyms, on the text as written
        self._folded = ahocorasick.Automaton()  # names, on the lower-cased text
        self.by_id: dict[tuple[str, str], Entry] = {}
        self.org_names: dict[str, str] = {}
        self.memberless: set[str] = set()
        self.adjectives: frozenset[str] = frozenset()  # "Kenyan", "Burkinabe": a state named by its adjective
        for name, entry in names:
            self.by_id.setdefault((entry.kind, entry.id), entry)
            if entry.kind == "organisation":  # "the bank", "the Community": which organisation a head noun can name
                self.org_names[entry.id] = f"{self.org_names.get(entry.id, '')} {name.lower()}".strip()
            for variant in _variants(name):
                if len(variant) < 2:
                    continue
                if _is_acronym(variant):
                    self._exact.add_word(variant, (len(variant), entry))
                else:
                    key = _lower_same_length(variant)
                    if key not in self._folded:
                        self._folded.add_word(key, (len(key), entry))
        self._exact.make_automaton()
        self._folded.make_automaton()
        self._fuzzy_names = fuzzy_names or {}
        self._fuzzy_cache: dict[str, str | None] = {}

    # -- building -------------------------------------------------------------
    @classmethod
    def from_store(cls, store) -> Gazetteer:  # noqa: ANN001 - councilwatch.store.Store
        from sqlalchemy import select

        from councilwatch.store import schema as t

        with store.read() as conn:
            states = [tuple(r) for r in conn.execute(select(t.states.c.iso3, t.states.c.name, t.states.c.short_name, t.states.c.aliases))]
            rows = list(conn.execute(select(t.organisations.c.id, t.organisations.c.name, t.organisations.c.aliases,
                                            t.organisations.c.kind)))
            orgs = [(r[0], r[1], r[2]) for r in rows]
            terms = [tuple(r) for r in conn.execute(select(t.council_terms.c.state, t.council_terms.c.seat,
                                                           t.council_terms.c.start, t.council_terms.c.end))]
        gaz = cls.from_rows(states, orgs, terms)
        gaz.memberless |= {r[0] for r in rows if r[3] in MEMBERLESS_KINDS or _OPERATION.search(r[1] or "")}
        return gaz

    @classmethod
    def from_rows(cls, states: list[tuple], orgs: list[tuple], terms: list[tuple]) -> Gazetteer:
        names: list[tuple[str, Entry]] = []
        fuzzy: dict[str, str] = {}
        known_states = set()
        with open(TERRITORIES, encoding="utf-8") as f:
            territories = {row["iso3"] for row in csv.DictReader(f)}
        for iso3, name, short, aliases in states:
            known_states.add(iso3)
            # A dependent territory is not a state: its name is still matched, so that "the British Virgin Islands"
            # is not read as "British", and then left out of what is found.
            e = Entry("territory" if iso3 in territories else "state", iso3)
            for n in {name, short, *(aliases or [])}:
                if n and n != iso3:
                    names.append((n, e))
                    if " " not in n and len(n) >= FUZZY_MIN_LEN and e.kind == "state":
                        fuzzy[_lower_same_length(n)] = iso3
            # "Iran (Islamic Republic of)": the UN's inverted names are also written without the brackets.
            if "(" in name:
                names.append((name.split("(")[0].strip(), e))
        adjectives = set()
        with open(PATTERNS / "state_adjectives.csv", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                if row["iso3"] in known_states:
                    for adj in row["adjectives"].split("|"):
                        names.append((adj, Entry("state", row["iso3"])))
                        adjectives.add(adj.lower())
        known_orgs = set()
        for oid, name, aliases in orgs:
            known_orgs.add(oid)
            e = Entry("organisation", oid)
            for n in {oid, name, *(aliases or [])}:
                if n:
                    names.append((n, e))
        memberless = set()
        with open(PATTERNS / "organisations_fallback.csv", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                e = Entry("organisation", row["id"])
                if (row["kind"] in MEMBERLESS_KINDS or _OPERATION.search(row["name"])) and row["id"] not in known_orgs:
                    memberless.add(row["id"])
                # For an organisation the store holds, the file adds the names of its organs ("European Commission").
                extra = {row["id"], row["name"]} if row["id"] not in known_orgs else set()
                for n in extra | set(row["aliases"].split("|")):
                    if n:
                        names.append((n, e))
        if PEOPLE.exists():
            with open(PEOPLE, encoding="utf-8") as f:
                for row in csv.DictReader(f):
                    e = Entry("person", row["id"], state=row["state"] or None)
                    for n in {row["name"], *(row["aliases"] or "").split("|")}:
                        if n:
                            names.append((n, e))
        spec = json.loads((PATTERNS / "groups.json").read_text(encoding="utf-8"))
        regions = spec["regions"]
        council = CouncilYears(
            [(s, seat, a, b) for s, seat, a, b in terms],
            frozenset(regions["africa"]), frozenset(regions["caribbean"]),
        )
        for g in spec["groups"]:
            members = g["members"]
            e = Entry("group", g["id"], tuple(members) if isinstance(members, list) else (),
                      rule=members if isinstance(members, str) else None)
            for phrase in g["phrases"]:
                names.append((phrase, e))
        gaz = cls(names, council, fuzzy)
        gaz.memberless = memberless
        gaz.adjectives = frozenset(adjectives)
        return gaz

    # -- finding ----------------------------------------------------------------
    def find(self, text: str, year: int | None = None, skip: list[tuple[int, int]] | None = None) -> list[EntityMention]:
        """Entities in `text`, longest match first, not overlapping `skip` (document symbols)."""
        low = _lower_same_length(text)
        cands: list[tuple[int, int, Entry]] = []
        n = len(text)
        for end, (length, entry) in self._exact.iter(text):
            start = end - length + 1
            if _bounded(text, start, end + 1, n) and not self._inside_code(text, start):
                cands.append((start, end + 1, entry))
        for end, (length, entry) in self._folded.iter(low):
            start = end - length + 1
            if text[start].isupper() or text[start].isdigit():
                if _bounded(low, start, end + 1, n) and not (low.startswith("americ", start)
                                                             and _REGIONAL.search(low, max(0, start - 8), start)):
                    cands.append((start, end + 1, entry))
        cands.extend(self._definitions(text, cands))
        cands.sort(key=lambda c: (c[0], -(c[1] - c[0])))
        out: list[EntityMention] = []
        taken_to = -1
        skipped = Spans(skip or [])
        for start, end, entry in cands:
            if start < taken_to or skipped.overlaps(start, end):
                continue
            # "the P3": groups keep their article, as people write and read them.
            if entry.kind == "group" and start >= 4 and low[start - 4:start] == "the ":
                start -= 4
            out.append(EntityMention(text[start:end], self._resolved(entry, year), start, end))
            taken_to = end
        out.extend(self._fuzzy(text, out, skip))
        out.sort(key=lambda m: m.start)
        return [m for m in out if m.kind != "territory"]

    def _inside_code(self, text: str, start: int) -> bool:
        """An acronym hyphened onto capitals that name nothing we know ("BIST-EC") is part of another name;
        "UN-EU", "AU-EU" and "pro-EU" keep theirs."""
        if start < 2 or text[start - 1] != "-":
            return False
        head = re.search(r"([A-Za-z]+)$", text[max(0, start - 12):start - 1])
        return bool(head) and len(head.group(1)) >= 3 and head.group(1).isupper() and head.group(1) not in self._exact

    def _resolved(self, entry: Entry, year: int | None) -> Entry:
        if entry.rule is None or year is None:
            return entry
        return Entry(entry.kind, entry.id, self.council.members(entry.rule, year), rule=entry.rule)

    def _definitions(self, text: str, found: list[tuple[int, int, Entry]]) -> list[tuple[int, int, Entry]]:
        """Organisations the text itself defines: "the Central European Initiative (CEI)"."""
        known = Spans([(s, e) for s, e, _ in found])
        extra: list[tuple[int, int, Entry]] = []
        defined: dict[str, Entry] = {}
        for m in _ACRONYM_DEF.finditer(text):
            acronym = m.group(1)
            if ("organisation", acronym) in self.by_id or known.overlaps(m.start(1), m.end(1)):
                continue
            head_start = max(0, m.start() - LONG_NAME_CHARS)
            ln = _LONG_NAME.search(text, head_start, m.start())
            if ln is None:
                continue
            long = _ARTICLE.sub("", ln.group(1))
            if not _ORG_HEADS.search(long):
                continue
            if _NATIONAL.search(long) and not _INTERNATIONAL.search(long):
                continue  # "Transitional Presidential Council (TPC)": a country's own institution
            if _EVENT.search(long):
                continue  # "Commonwealth Heads of Government Meeting (CHOGM)": a meeting, not an organisation
            if _UN_ORGAN.match(long):
                continue  # "the UN Security Council (UNSC)": an organ of the UN, whose members are no membership
            entry = defined.setdefault(acronym, Entry("organisation", acronym.upper()))  # "IsDB" -> id ISDB
            if _OPERATION.search(long):
                self.memberless.add(entry.id)  # "ECOWAS Stabilisation Support Mission in Guinea-Bissau (ESSMGB)"
            lstart = ln.end(1) - len(long)
            extra.append((lstart, lstart + len(long), entry))
        if defined:
            # Every later use of a defined acronym, in one pass over the text.
            alt = "|".join(sorted(map(re.escape, defined), key=len, reverse=True))
            for am in re.finditer(rf"(?<![\w/])(?:{alt})(?![\w/])", text):
                extra.append((am.start(), am.end(), defined[am.group(0)]))
        return extra

    def _fuzzy(self, text: str, found: list[EntityMention], skip: list[tuple[int, int]]) -> list[EntityMention]:
        if not self._fuzzy_names:
            return []
        from rapidfuzz import fuzz, process

        spans = Spans([(m.start, m.end) for m in found] + list(skip or []))
        out = []
        for m in re.finditer(r"\b[A-Z][a-z]{%d,}\b" % (FUZZY_MIN_LEN - 1), text):
            word = m.group(0)
            if word in _COMMON:
                continue
            key = word.lower()
            if key not in self._fuzzy_cache:
                hit = process.extractOne(key, self._fuzzy_names.keys(), scorer=fuzz.ratio, score_cutoff=FUZZY_MIN)
                self._fuzzy_cache[key] = self._fuzzy_names[hit[0]] if hit else None
            iso3 = self._fuzzy_cache[key]
            if iso3 is None or spans.overlaps(m.start(), m.end()):
                continue
            out.append(EntityMention(word, Entry("state", iso3), m.start(), m.end()))
        return out


_COMMON = frozenset("""Council Security General Assembly Secretary United Nations Office Regional Central Republic
Islamic Russian Chinese Minister President Committee Organization Organisation Union States Statement Resolution
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April August September October
November December Members Member Meeting Report Forecast Western Eastern Northern Southern Assistance Mission
Prime Foreign Affairs Ministry Government Parliament Special Representative Coordinator Commission Initiative
Strategy Charter Community Cooperation Development Conference International Military Support Peace""".split())


class Spans:
    """A set of character spans that answers "does (a, b) overlap any?" in O(log n)."""

    def __init__(self, spans: list[tuple[int, int]]):
        merged: list[list[int]] = []
        for a, b in sorted(spans):
            if merged and a < merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self.starts = [a for a, _ in merged]
        self.ends = [b for _, b in merged]

    def overlaps(self, a: int, b: int) -> bool:
        import bisect

        i = bisect.bisect_left(self.starts, b) - 1
        return i >= 0 and self.ends[i] > a


def _bounded(text: str, start: int, end: int, n: int) -> bool:
    """The match is a whole word: no letter or digit touches it on either side."""
    if start > 0:
        c = text[start - 1]
        if c.isalnum() or c in "/_":
            return False
    if end < n:
        c = text[end]
        if c.isalnum() or c == "_":
            return False
        # "US-led" is fine, "UN-" names are not ours to judge; "CIS/2020" is part of a code.
        if c == "/" and end + 1 < n and text[end + 1].isalnum():
            return False
    return True


def fold_name(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()
