"""Where the sources disagree: COW vs curated memberships, elected-member tables vs the
curated composition, UN membership tables vs curated admission dates, and symbols cited
in outcomes that no stored document has.

Reads the store only. Memberships are compared year by year over the years COW observes
annually (1965 to its last year), as membership statuses (member, participation frozen,
suspended): a year counts as a disagreement when COW records membership and the curated
periods cover no day of it, or the curated periods cover all of it and COW records none.
Boundary years, where either side changes during the year, are thus never reported. The
table cross-checks are the findings of the latest import of each file.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from councilwatch.store.sql import fetch

_MEMBER = ("member", "participation_frozen", "suspended")


def _ranges(years: list[int]) -> str:
    out, run = [], []
    for y in sorted(years):
        if run and y != run[-1] + 1:
            out.append(run)
            run = []
        run.append(y)
    if run:
        out.append(run)
    return ", ".join(f"{r[0]}" if len(r) == 1 else f"{r[0]}-{r[-1]}" for r in out)


def cow_vs_curated(conn: Any, last_year: int = 2014) -> list[dict]:
    """One finding per organisation, state and direction where COW and curated memberships differ."""
    statuses = ", ".join(f"'{s}'" for s in _MEMBER)
    rows = fetch(conn, f"""SELECT organisation, state, origin, start_earliest, start_latest, end_earliest
        FROM memberships WHERE origin IN ('curated', 'cow-igo') AND status IN ({statuses})
        AND organisation IN (SELECT organisation FROM memberships WHERE origin = 'curated')
        AND organisation IN (SELECT organisation FROM memberships WHERE origin = 'cow-igo')""",
                 dates=("start_earliest", "start_latest", "end_earliest"))
    pairs: dict[tuple[str, str], dict[str, list[dict]]] = {}
    for r in rows:
        pairs.setdefault((r["organisation"], r["state"]), {"curated": [], "cow-igo": []})[r["origin"]].append(r)
    # Compare only years COW observes the organisation at all (COW's CSTO starts at the 2002 Charter).
    org_first: dict[str, int] = {}
    for r in rows:
        if r["origin"] == "cow-igo":
            org_first[r["organisation"]] = min(org_first.get(r["organisation"], 9999), r["start_earliest"].year)
    findings = []
    for (org, state), by in sorted(pairs.items()):
        cow, cur = by["cow-igo"], by["curated"]
        span = range(max(1965, org_first.get(org, 1965)), last_year + 1)
        if not cur:
            years = [y for y in span if _cow_in(cow, y)]
            if years:
                findings.append({"check": "cow-igo vs curated", "subject": f"{org} {state}",
                                 "detail": f"COW: member {_ranges(years)}; curated: no membership (COW fills the gap)",
                                 "source": "cow-igo"})
            continue
        cow_only = [y for y in span if _cow_in(cow, y) and not _touches(cur, y)]
        cur_only = [y for y in span if _covers(cur, y) and not _cow_in(cow, y)]
        if cow_only:
            findings.append({"check": "cow-igo vs curated", "subject": f"{org} {state}",
                             "detail": f"COW: member {_ranges(cow_only)}; curated: not a member then",
                             "source": "cow-igo"})
        if cur_only:
            findings.append({"check": "cow-igo vs curated", "subject": f"{org} {state}",
                             "detail": f"curated: member {_ranges(cur_only)}; COW: not a member then",
                             "source": "cow-igo"})
    return findings


def _cow_in(rows: list[dict], y: int) -> bool:
    return any(r["start_latest"].year <= y and (r["end_earliest"] is None or y < r["end_earliest"].year) for r in rows)


def _touches(rows: list[dict], y: int) -> bool:
    first, last = date(y, 1, 1), date(y, 12, 31)
    return any(r["start_earliest"] <= last and (r["end_earliest"] is None or r["end_earliest"] > first) for r in rows)


def _covers(rows: list[dict], y: int) -> bool:
    first, last = date(y, 1, 1), date(y, 12, 31)
    return any(r["start_latest"] <= first and (r["end_earliest"] is None or r["end_earliest"] > last) for r in rows)


def table_findings(conn: Any) -> list[dict]:
    """The disagreements recorded by the latest council-terms and un-members import of each file."""
    runs = fetch(conn, "SELECT id, source, report FROM import_runs WHERE source IN ('council-terms', 'un-members') "
                 "ORDER BY id DESC", json_columns=("report",))
    latest: dict[tuple[str, str], dict] = {}
    for run in runs:
        latest.setdefault((run["source"], run["report"].get("file", "")), run)
    out = []
    for (source, file), run in sorted(latest.items()):
        for n in run["report"].get("notes", []):
            where = f"{file}:{n['line']}" if n.get("line") else file
            if n.get("check") == "council_terms":
                out.append({"check": "elected members vs curated", "subject": f"{n['year']} {n['state']}",
                            "detail": f"table: {n['table']}; curated: {n['curated']} ({n['action']})", "source": where})
            else:
                out.append({"check": "UN admission vs curated", "subject": n["state"],
                            "detail": f"table: {n['table'] or 'not listed'}; curated: {n['curated'] or 'none'} "
                                      f"({n['action']})", "source": where})
    return out


def missing_documents(conn: Any) -> list[dict]:
    """Symbols that outcomes cite but the documents table lacks."""
    rows = fetch(conn, """SELECT o.symbol, MIN(o.date) AS first, COUNT(*) AS n FROM outcomes o
        WHERE o.symbol IS NOT NULL AND o.symbol <> '' AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.symbol = o.symbol)
        GROUP BY o.symbol ORDER BY MIN(o.date), o.symbol""", dates=("first",))
    return [{"check": "outcome symbol without document", "subject": r["symbol"],
             "detail": f"cited by {r['n']} outcome(s) from {r['first']}; no document with this symbol", "source": "outcomes"}
            for r in rows]


def disagreements(store: Any) -> list[dict]:
    """Every finding of every check: check, subject, detail, source."""
    last = int(store.meta_value("cow-igo:last_year") or 2014)
    with store.query() as conn:
        return cow_vs_curated(conn, last) + table_findings(conn) + missing_documents(conn)
