"""`make demo`: build a fresh knowledge base from the packaged curated facts and write the
July 2024 entry on cooperation between the UN and the CSTO, the SCO and the CIS to ./out/
as Markdown, HTML and PDF."""

from __future__ import annotations

import os
import sys
from pathlib import Path

TOPIC, MONTH = "un-csto-sco-cis", "2024-07"
LESS_CURATED = "un-au"  # an item with little curated data: the demo shows what its entry says is missing


def fresh_db(path: Path) -> Path:
    """Remove an SQLite file (and its WAL files) so the knowledge base is built from scratch."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return path


def main(out_dir: str = "out") -> int:
    from councilwatch.api import KnowledgeBase
    from councilwatch.errors import CouncilwatchError
    from councilwatch.publish.api import record_brief
    from councilwatch.publish.assemble import assemble_brief
    from councilwatch.publish.render import render

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    db = fresh_db(out / "councilwatch-demo.sqlite")
    try:
        kb = KnowledgeBase.open(str(db))
        print(f"knowledge base (fresh, from the packaged curated facts): {db}")
        brief = assemble_brief(kb, TOPIC, MONTH)
        paths = []
        for fmt in ("md", "html", "pdf"):
            path = out / f"{brief.slug}.{fmt}"
            data = render(brief, fmt)
            path.write_bytes(data) if isinstance(data, bytes) else path.write_text(data, encoding="utf-8")
            paths.append(path)
        record_brief(kb, brief)
    except CouncilwatchError as exc:
        print(f"demo: error: {exc}", file=sys.stderr)
        return 2
    print(f"\n{brief.title} — {brief.month_label}")
    for path in paths:
        print(f"  wrote {path} ({path.stat().st_size:,} bytes)")
    print(f"\n{brief.presidency.text if brief.presidency else 'presidency unknown'}")
    for org in brief.background:
        special = [f"{m.name} ({m.status})" for m in org.members if m.status != "member"
                   and m.status not in ("observer", "dialogue partner")]
        belong = sum(n for status, n in org.counts.items() if status in ("member", "participation_frozen", "suspended"))
        print(f"  {org.id} on {brief.as_of}: {belong} members"
              + (f"; {', '.join(special)}" if special else ""))
    meetings = [f for f in brief.developments + brief.in_month if f.kind == "meeting"]
    print(f"  Council meetings on the item: {', '.join(f'{f.when}' for f in meetings)}")
    print(f"  {len(brief.developments)} recent developments, {len(brief.stances)} stances, "
          f"{sum(len(d) for _, d in brief.documents)} documents, {len(brief.citations)} sources")
    for section, notes in brief.missing.items():
        for note in notes:
            print(f"  missing ({section}): {note}")
    thin = assemble_brief(kb, LESS_CURATED, MONTH)
    print(f"\nAn item with less curated data, {thin.title} ({MONTH}), still gets an entry that says what is missing:")
    for notes in thin.missing.values():
        for note in notes:
            print(f"  - {note}")
    return 0


if __name__ == "__main__":
    os.environ.pop("COUNCILWATCH_DB", None)  # the demo always builds its own fresh knowledge base
    sys.exit(main())
