"""Correlates of War IGO v3 (1816-2014) -> membership periods with origin 'cow-igo'.

Reads a directory holding `igo_membership_spells.csv` (one row per run of
consecutive years a state held one status in one IGO), `igo_list.csv` (the IGOs)
and `states2016.csv` (COW state codes and names).

Organisations. `data/cow_igo_map.csv` maps the COW ionames the curated set
shares (LOAS -> LAS, OAU -> AU, EEC -> EU, SADCC -> SADC ...; each with the
reason). Their periods join the curated organisation; curated periods win per
organisation + state (store/organisations.py), so COW only fills gaps there and
`councilwatch check` lists where the two disagree. A map row with an empty
organisation says the IGO is deliberately *not* the curated one it resembles
(ECSC is not the EU; EAEC, the Eurasian Economic Community, joins the curated EURASEC, not the EAEU). Every other IGO becomes an organisation of kind
"other", id = its ioname in capitals (prefixed "COW-" if that id is taken).
GUAM, CELAC, BRICS and the EAEU are not in COW v3.

States. A COW code becomes an ISO3 code by its states2016 name, matched exactly
(case, accents and punctuation folded) against the knowledge base's state names
and aliases; `data/cow_state_map.csv` overrides that, by year where COW keeps one
code for successive states (365: SUN to 1990, RUS from 1991), and lists the
historical states deliberately left out (their spells are reported as rejected).

Statuses. COW 1 full -> member, 2 associate -> associate_member, 3 observer -> observer.

Dates. COW observes a status per year (every fifth year before 1965). A spell
from year A to year B becomes:
  start = the year A (EDTF "A", year precision); for A <= 1965 after the IGO's
          first year, the interval "A-4/A": COW's five-year steps only say the
          status began after the previous observation;
  end   = the year B+1 (exclusive end: the status was last seen in B) - for
          B < 1965 the interval "B+1/B+5"; none when the spell runs to the last
          year of a living IGO (2014, the end of COW v3: "observed to 2014").
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from councilwatch.dates import FuzzyDate, Precision
from councilwatch.errors import ImportRejected
from councilwatch.model import ImportReport, MembershipStatus, OrgKind
from councilwatch.sources import base

ORIGIN = "cow-igo"
SOURCE = ("Correlates of War IGO v3 (Pevehouse, Nordstrom, McManus & Jamison 2020, doi:10.1177/0022343319881175), "
          "https://correlatesofwar.org/data-sets/igos/")
DATA_DIR = Path(__file__).resolve().parent.parent / "data"
LAST_YEAR = 2014  # the last year COW v3 observes
ANNUAL_FROM = 1965  # before this, observations every fifth year
STATUS = {"1": MembershipStatus.MEMBER, "2": MembershipStatus.ASSOCIATE_MEMBER, "3": MembershipStatus.OBSERVER}
SPELLS, IGOS, STATES = "igo_membership_spells.csv", "igo_list.csv", "states2016.csv"
_ACRONYM_SUFFIX = re.compile(r"\s*\([^()]*\)\s*$")


@dataclass(frozen=True)
class StateRule:
    ccode: str
    first: int | None
    last: int | None
    iso3: str  # "" = deliberately not imported
    note: str


def read_org_map(path: Path = DATA_DIR / "cow_igo_map.csv") -> dict[str, tuple[str, str]]:
    """ioname -> (organisation id or "" for 'not the curated one', note)."""
    return {row["ioname"]: (row["organisation"].strip(), row["note"].strip())
            for _, row in base.read_csv(path, ["ioname", "organisation", "note", "source"])}


def read_state_map(path: Path = DATA_DIR / "cow_state_map.csv") -> dict[str, list[StateRule]]:
    rules: dict[str, list[StateRule]] = defaultdict(list)
    for _, row in base.read_csv(path, ["ccode", "from_year", "to_year", "iso3", "note", "source"]):
        first, last = row["from_year"].strip(), row["to_year"].strip()
        rules[row["ccode"].strip()].append(StateRule(row["ccode"].strip(), int(first) if first else None,
                                                     int(last) if last else None, row["iso3"].strip(), row["note"]))
    return rules


def _int(text: str | None) -> int | None:
    """COW numbers come as '1976.0'; '' is missing."""
    t = (text or "").strip()
    if not t or t.upper() == "NA":
        return None
    return int(float(t))


def _year_span(first: int, last: int) -> FuzzyDate:
    return FuzzyDate(FuzzyDate.year(first).earliest, FuzzyDate.year(last).latest, Precision.YEAR)


def spell_dates(start: int, end: int, open_ended: bool, igo_first: int) -> tuple[FuzzyDate, FuzzyDate | None]:
    """(start, exclusive end) of a spell observed from `start` to `end` (see the module docstring)."""
    if start <= ANNUAL_FROM and start > igo_first:
        begin = _year_span(max(start - 4, igo_first), start)
    else:
        begin = FuzzyDate.year(start)
    if open_ended:
        return begin, None
    if end < ANNUAL_FROM:
        return begin, _year_span(end + 1, min(end + 5, ANNUAL_FROM))
    return begin, FuzzyDate.year(end + 1)


def _fuzzy(name: str, fd: FuzzyDate | None) -> dict:
    if fd is None:
        return {name: None, f"{name}_earliest": None, f"{name}_latest": None}
    return {name: fd.edtf(), f"{name}_earliest": fd.earliest, f"{name}_latest": fd.latest}


def _segments(rules: list[StateRule], start: int, end: int) -> list[tuple[StateRule, int, int]]:
    """The parts of the years start..end each rule covers."""
    out = []
    for r in rules:
        a, b = max(start, r.first or start), min(end, r.last or end)
        if a <= b:
            out.append((r, a, b))
    return out


def build_batch(directory: str | Path, known_states: dict[str, list[str]], org_ids: dict[str, str]) -> base.Batch:
    """Validate the COW files into organisations and memberships.

    known_states: iso3 -> its names (the store's state name index); org_ids: id -> origin of the store's organisations.
    """
    from councilwatch.resolve import fold
    from councilwatch.store import schema

    d = Path(directory)
    if not d.is_dir():
        raise ImportRejected(f"{d}: not a directory (give the folder holding {SPELLS}, {IGOS} and {STATES})")
    spells = base.read_csv(d / SPELLS, ["ioname", "ccode", "state", "status", "start_year", "end_year",
                                        "ongoing_at_igo_last_year"])
    igos = base.read_csv(d / IGOS, ["ioname", "orgname", "first_year", "last_year", "longorgname", "deaddate"])
    cow_states = base.read_csv(d / STATES, ["ccode", "statenme"])
    org_map, state_map = read_org_map(), read_state_map()

    batch = base.Batch("cow-igo", d / SPELLS)
    now = base.now()
    batch.meta["cow-igo:last_year"] = str(LAST_YEAR)

    # States: exact folded-name match, then the reviewed map.
    by_name = {fold(n): iso for iso, names in known_states.items() for n in names if n}
    names: dict[str, str] = {}
    rules: dict[str, list[StateRule]] = {}
    for _, row in cow_states:
        cc = row["ccode"].strip()
        names[cc] = row["statenme"].strip()
        if cc in state_map:
            rules[cc] = state_map[cc]
        elif fold(row["statenme"]) in by_name:
            rules[cc] = [StateRule(cc, None, None, by_name[fold(row["statenme"])], "matched by name")]

    # Organisations.
    orgs = batch.table(schema.organisations, key=("id",), scope={"origin": ORIGIN})
    igo: dict[str, dict] = {}
    for line, row in igos:
        name = row["ioname"].strip()
        first, last = _int(row["first_year"]), _int(row["last_year"])
        if not name or first is None or last is None:
            batch.reject(f"line {line}", "IGO without ioname or years", IGOS)
            continue
        target, note = org_map.get(name, ("", ""))
        oid = target
        if not target:
            oid = name.upper()[:16]
            if org_ids.get(oid, ORIGIN) != ORIGIN:
                oid = f"COW-{name.upper()}"[:16]
            dead = _int(row["deaddate"])
            long_name = _ACRONYM_SUFFIX.sub("", row["longorgname"].strip()) or row["orgname"].strip()
            aliases = list(dict.fromkeys(a for a in (name, row["orgname"].strip()) if a and a != long_name))
            batch.add(orgs, {
                "id": oid, "name": long_name, "aliases": aliases, "kind": OrgKind.OTHER.value,
                **_fuzzy("founded", FuzzyDate.year(first)),
                **_fuzzy("dissolved", FuzzyDate.year(dead) if dead and last < LAST_YEAR else None),
                "description": f"Intergovernmental organisation in the Correlates of War IGO v3 data set ({name}). {note}".strip(),
                **base.provenance(SOURCE, ORIGIN, f"{IGOS}:{line}", now),
            }, f"line {line}", IGOS)
        igo[name] = {"id": oid, "first": first, "last": last, "mapped": bool(target)}

    # Memberships.
    mships = batch.table(schema.memberships, key=("organisation", "state", "status", "start"), scope={"origin": ORIGIN})
    for line, row in spells:
        pos = f"line {line}"
        name, cc = row["ioname"].strip(), row["ccode"].strip()
        info = igo.get(name)
        if info is None:
            batch.reject(pos, f"IGO {name!r} is not in {IGOS}")
            continue
        status = STATUS.get(row["status"].strip())
        if status is None:
            batch.reject(pos, f"status {row['status']!r} is not 1 (full), 2 (associate) or 3 (observer)")
            continue
        try:
            start, end = int(row["start_year"]), int(row["end_year"])
        except (TypeError, ValueError):
            batch.reject(pos, f"years {row['start_year']!r}-{row['end_year']!r} are not numbers")
            continue
        if not 1816 <= start <= end <= LAST_YEAR:
            batch.reject(pos, f"years {start}-{end} outside 1816-{LAST_YEAR} or reversed")
            continue
        state_rules = rules.get(cc)
        if state_rules is None:
            batch.reject(pos, f"COW state {names.get(cc, row['state'])!r} ({cc}) has no ISO3 code: "
                         "add it to data/cow_state_map.csv")
            continue
        open_end = row["ongoing_at_igo_last_year"].strip() in ("1", "1.0") and info["last"] >= LAST_YEAR
        for rule, a, b in _segments(state_rules, start, end):
            if not rule.iso3:
                batch.reject(pos, f"{names.get(cc, cc)} ({cc}) {a}-{b} left out: {rule.note}")
                continue
            if rule.iso3 not in known_states:
                batch.reject(pos, f"{rule.iso3} (COW {cc}) is not a state in the knowledge base")
                continue
            begin, until = spell_dates(a, b, open_end and b == end, info["first"])
            seen = f"{a}" if a == b else f"{a}-{b}"
            note = f"COW IGO v3 {name}: {status.label} {seen}" + ("; observed to 2014, the end of COW v3" if until is None else "")
            batch.add(mships, {
                "organisation": info["id"], "state": rule.iso3, "status": status.value,
                **_fuzzy("start", begin), **_fuzzy("end", until), "note": note,
                **base.provenance(SOURCE, ORIGIN, f"{SPELLS}:{line}", now),
            }, pos)
    return batch


def import_dir(store, directory: str | Path) -> ImportReport:
    """Import a COW IGO v3 folder into the store; returns the report."""
    from councilwatch.store import states
    from councilwatch.store.sql import fetch

    with store.query() as conn:
        known = {iso: names for iso, names in states.name_index(conn)}
        org_ids = {r["id"]: r["origin"] for r in fetch(conn, "SELECT id, origin FROM organisations")}
    return base.apply(store, build_batch(directory, known, org_ids))
