"""Scoring extraction against gold files: precision, recall and F1 per kind of fact.

A development set is a directory of NAME.txt + NAME.gold.json. A gold file lists,
for its text, the document date (optional) and the sets to find:

    {"doc_date": "2024-07-01",
     "symbols": ["S/2022/606"], "states": ["ARM"], "organisations": ["CSTO"],
     "dates": [{"text": "early 2023", "earliest": "2023-01-01", "latest": "2023-04-30"}],
     "memberships": [{"organisation": "CSTO", "state": "ARM", "status": "participation_frozen"}]}

Each kind is scored as sets per document (a date by its exact bounds), summed over documents.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from councilwatch.errors import CouncilwatchError

KINDS = ("symbols", "states", "organisations", "dates", "memberships")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list = field(default_factory=list)
    extras: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def found_sets(ex) -> dict[str, set]:  # noqa: ANN001 - Extraction
    return {
        "symbols": {s.symbol for s in ex.symbols},
        "states": {e.id for e in ex.entities if e.kind == "state"},
        "organisations": {e.id for e in ex.entities if e.kind == "organisation"},
        "dates": {(d.value.earliest.isoformat(), d.value.latest.isoformat()) for d in ex.dates},
        "memberships": {(m.organisation, m.state, m.status) for m in ex.memberships},
    }


def gold_sets(gold: dict) -> dict[str, set]:
    return {
        "symbols": set(gold.get("symbols", [])),
        "states": set(gold.get("states", [])),
        "organisations": set(gold.get("organisations", [])),
        "dates": {(d["earliest"], d["latest"]) for d in gold.get("dates", [])},
        "memberships": {(m["organisation"], m["state"], m["status"]) for m in gold.get("memberships", [])},
    }


def gold_pairs(directory: Path, texts: dict[str, Path] | None = None) -> list[tuple[Path, Path]]:
    """(text, gold) pairs of a directory; `texts` gives texts kept elsewhere (the seed) by name."""
    if not directory.is_dir():
        raise CouncilwatchError(f"{directory}: not a directory of NAME.txt + NAME.gold.json files")
    pairs = []
    for gold in sorted(directory.glob("*.gold.json")):
        name = gold.name[: -len(".gold.json")]
        text = (texts or {}).get(name) or directory / f"{name}.txt"
        if text.exists():
            pairs.append((text, gold))
    if not pairs:
        raise CouncilwatchError(f"{directory}: no NAME.txt with a NAME.gold.json")
    return pairs


def evaluate(extractor, pairs: list[tuple[Path, Path]]) -> tuple[dict[str, Score], list[dict]]:  # noqa: ANN001
    """Scores per kind over all pairs, and per-document details."""
    totals = {k: Score() for k in KINDS}
    per_doc = []
    for text, gold_path in pairs:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc_date = date.fromisoformat(gold["doc_date"]) if gold.get("doc_date") else None
        ex = extractor.extract_file(text, doc_date)
        got, want = found_sets(ex), gold_sets(gold)
        row = {"document": text.name}
        for k in KINDS:
            s = totals[k]
            tp = got[k] & want[k]
            s.tp += len(tp)
            s.fp += len(got[k] - want[k])
            s.fn += len(want[k] - got[k])
            s.misses.extend((text.name, x) for x in sorted(want[k] - got[k], key=str))
            s.extras.extend((text.name, x) for x in sorted(got[k] - want[k], key=str))
            row[k] = f"{len(tp)}/{len(want[k])} (+{len(got[k] - want[k])})"
        per_doc.append(row)
    return totals, per_doc
