#!/usr/bin/env python3
"""Consistency checks for the curated Security Council data.

- council_terms.csv: 6 elected members in every year 1946-1965, 10 in every
  year 1966-2027, no state twice in a year, every state known in states.csv.
- presidencies.csv: the rotation rule (monthly, in English alphabetical order
  of the members' names as the UN writes them, continuing across the change
  of year) applied to council_terms.csv reproduces every recorded month from
  the month after the first record; disagreements are printed.

Only reads the repository's own data files.  Exit status 1 on any problem.
"""
from __future__ import annotations

import csv
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "src" / "councilwatch" / "data"


def load(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def sort_key(name: str) -> str:
    """English alphabetical order: accents folded (Türkiye sorts as Turkiye)."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return s.casefold()


def members_on(terms: list[dict[str, str]], day: str) -> set[str]:
    out = set()
    for t in terms:
        if t["start"] <= day and (not t["end"] or day <= t["end"]):
            out.add(t["state"])
    return out


def main() -> int:
    states = {r["iso3"]: r for r in load("states.csv")}
    terms = load("council_terms.csv")
    pres = load("presidencies.csv")
    problems = 0

    # --- composition ---------------------------------------------------
    by_year: dict[int, list[str]] = defaultdict(list)
    for t in terms:
        if t["state"] not in states:
            print(f"council_terms: unknown state {t['state']}")
            problems += 1
        if t["seat"] == "elected":
            for y in range(int(t["start"][:4]), int(t["end"][:4]) + 1):
                by_year[y].append(t["state"])
    for y in range(1946, 2028):
        want = 6 if y <= 1965 else 10
        got = by_year[y]
        if len(got) != want or len(set(got)) != len(got):
            print(f"composition {y}: {len(got)} elected {sorted(got)} (want {want})")
            problems += 1
    for y in range(1946, 2028):
        n = len(members_on(terms, f"{y}-06-30"))
        if n != (11 if y <= 1965 else 15):
            print(f"composition {y}-06-30: {n} members")
            problems += 1

    # --- presidency rotation -------------------------------------------
    pres.sort(key=lambda r: r["month"])
    rec = {r["month"]: r["state"] for r in pres}
    disagreements = 0
    checked = 0
    for prev, cur in zip(pres, pres[1:]):
        y, m = int(cur["month"][:4]), int(cur["month"][5:7])
        py, pm = (y, m - 1) if m > 1 else (y - 1, 12)
        if prev["month"] != f"{py}-{pm:02d}":
            continue  # gap in the record: nothing to derive from
        members = members_on(terms, f"{y}-{m:02d}-15")
        if cur["state"] not in members:
            print(f"presidency {cur['month']}: {cur['state']} is not a Council member then")
            problems += 1
        order = sorted(members, key=lambda s: sort_key(states[s]["name"]))
        last = sort_key(states[prev["state"]]["name"])
        after = [s for s in order if sort_key(states[s]["name"]) > last]
        expected = after[0] if after else order[0]
        checked += 1
        if expected != cur["state"]:
            disagreements += 1
            print(f"presidency {cur['month']}: rule gives {expected} "
                  f"({states[expected]['name']}), record has {cur['state']} "
                  f"({states[cur['state']]['name']})")
    months = sorted(rec)
    print(f"composition: years 1946-2027 checked; presidencies: {len(rec)} months "
          f"{months[0]}..{months[-1]}, {checked} derived by the rule, "
          f"{disagreements} disagreement(s)")
    return 1 if (problems or disagreements) else 0


if __name__ == "__main__":
    sys.exit(main())
