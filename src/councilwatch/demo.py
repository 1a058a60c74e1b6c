"""`make demo`: a tour of the knowledge base on the embedded default (SQLite, curated facts)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def main() -> None:
    from councilwatch.api import KnowledgeBase

    db = os.environ.get("COUNCILWATCH_DB") or str(Path(tempfile.gettempdir()) / "councilwatch-demo.sqlite")
    kb = KnowledgeBase.open(db)
    print(f"knowledge base: {db}")
    p = kb.presidency("2024-07")
    print(f"\nPresidency of July 2024: {p.name} ({p.basis})")
    for org in ("CSTO", "SCO", "CIS"):
        rows = kb.members(org, "2024-07-01")
        listed = ", ".join(f"{r['name']}" + ("" if r["status"] == "member" else f" [{r['status'].replace('_', ' ')}]") for r in rows)
        print(f"{org} on 2024-07-01 ({len(rows)}): {listed}")
    both = kb.overlap(["CSTO", "SCO", "CIS"], "2024-07-01")["in_all"]
    print(f"In all three: {', '.join(s['name'] for s in both)}")
    print("\nCouncil members on 2024-07-01:")
    print(", ".join(m["name"] for m in kb.composition(on="2024-07-01")))


if __name__ == "__main__":
    main()
