"""Ingest texts: extract, store the document with its full text, and store claims with provenance.

One transaction per document: the document, the symbols it names, and every
claim land together or not at all. Claims that agree with known facts are
linked to them; the others wait in the review queue (`councilwatch review`),
with the memberships a cue read but the knowledge base contradicts (not in
`extract`'s output, marked "doubt" here) so that nothing read is lost.
Ingesting the same text again adds nothing.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from datetime import datetime, timezone
from pathlib import Path

from councilwatch.extract.results import Extraction

ORIGIN = "ingest"
_SYMBOL_LINE = re.compile(r"^\s*((?:S|A|E|SC|GA|SG)/\S+(?:\s\(\w+\))?)\s*$", re.M)
_AFTER = re.compile(r"^\s*(?:,\s*)?(?:of|dated|issued\s+on|adopted\s+on|of\s+the|\()\s*$", re.I)
_MEETING_KIND = re.compile(r"\b(open debate|debate|briefing|adoption|consultations|meeting)\b", re.I)


def document_key(ex: Extraction) -> tuple[str, str]:
    """(key, kind): the text's own symbol when its header is one, else a content hash."""
    head = "\n".join(ex.text.splitlines()[:6])
    m = _SYMBOL_LINE.search(head)
    if m:
        own = [s for s in ex.symbols if s.start == m.start(1)]
        if own:
            return own[0].symbol, own[0].kind
    kind = "forecast" if re.search(r"Monthly Forecast|What.s in Blue", ex.text[:500]) else "text"
    return "text:" + hashlib.sha256(ex.text.encode("utf-8")).hexdigest()[:16], kind


def _title(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return " ".join(line.split())[:200]
    return ""


def symbol_dates(ex: Extraction) -> dict[int, object]:
    """The date written next to each symbol ("8 August 2022 S/2022/606", "S/2022/606 of 8 August 2022")."""
    out = {}
    for s in ex.symbols:
        for d in ex.dates:
            if d.value.precision.value != "day" or not d.value.is_exact:
                continue
            if 0 <= s.start - d.end <= 3 or (0 <= d.start - s.end <= 25 and _AFTER.match(ex.text[s.end:d.start])):
                out[s.start] = d.value
                break
    return out


_DOUBT = "the knowledge base never held this status for the state in the organisation"


def claims_of(ex: Extraction) -> list[tuple[str, list[dict], int, int, tuple[int, int]]]:
    """(kind, facts, start, end, sentence) for every claim the extraction supports."""
    from councilwatch.symbols import parse

    out = []
    groups: dict[tuple, list] = defaultdict(list)
    doubtful = {id(m) for m in ex.doubtful}
    for m in ex.memberships + ex.doubtful:
        groups[("membership", m.start, m.end)].append(m)
    for s in ex.stances:
        groups[("stance", s.start, s.end)].append(s)
    for (kind, start, end), items in groups.items():
        if kind == "membership":
            facts = [{**m.as_dict(), "basis": m.basis} | ({"doubt": _DOUBT} if id(m) in doubtful else {}) for m in items]
        else:
            facts = [{**s.as_dict(), "summary": ex.quote(s.start, s.end)[:300]} for s in items]
        for f in facts:
            f.pop("start", None), f.pop("end", None)
        out.append((kind, facts, start, end, ex.sentence_of(start, end)))
    for e in ex.events:
        fact = {**e.as_dict(), "kind": e.kind, "topics": list(e.topics)}
        fact.pop("start"), fact.pop("end")
        out.append(("event", [fact], e.start, e.end, e.sentence))
    dated = symbol_dates(ex)
    for s in ex.symbols:
        when = dated.get(s.start)
        sym = parse(s.symbol)
        out.append(("document", [{"symbol": s.symbol, "kind": s.kind, "date": when.earliest.isoformat() if when else None,
                                  "url": sym.url}], s.start, s.end, ex.sentence_of(s.start, s.end)))
        if s.kind == "meeting_record" and when is not None:
            mk = _MEETING_KIND.search(ex.text, s.end, min(len(ex.text), s.end + 120))
            out.append(("meeting", [{"record": str(sym.base), "number": sym.number, "date": when.earliest.isoformat(),
                                     "meeting_kind": mk.group(1).lower() if mk else None}], s.start, s.end,
                        ex.sentence_of(s.start, s.end)))
    return out


def ingest_extraction(store, ex: Extraction, source: str | None = None) -> dict:  # noqa: ANN001 - Store
    """Store the document and its claims in one transaction; returns what was done."""
    from councilwatch.store import claims as cq
    from councilwatch.store import search

    key, kind = document_key(ex)
    now = datetime.now(timezone.utc)
    report = {"document": key, "source": source or ex.source, "doc_date": ex.doc_date.isoformat(), "new_document": False,
              "claims": 0, "new_claims": 0, "linked": 0, "pending": 0, "accepted": 0, "rejected": 0}
    with store.write() as conn:
        row = {"symbol": key, "kind": kind, "title": _title(ex.text), "date": ex.doc_date, "subjects": [],
               "url": None, "full_text": ex.text, "source": source or ex.source, "origin": ORIGIN,
               "locator": None, "recorded_at": now}
        report["new_document"] = cq.upsert_document(conn, row, [(s.start, s.end, s.symbol) for s in ex.symbols])
        if report["new_document"]:
            search.index_document(conn, key, ex.text)
        for ckind, facts, start, end, sentence in claims_of(ex):
            quote = ex.text[sentence[0]:sentence[1]]
            _, state, created = cq.add_claim(conn, key, ckind, facts, start, end, quote, sentence)
            report["claims"] += 1
            report["new_claims"] += int(created)
            report[state] = report.get(state, 0) + 1
    return report


def ingest_file(store, extractor, path: str | Path, doc_date=None) -> dict:  # noqa: ANN001
    """Read, extract and ingest one file."""
    ex = extractor.extract_file(path, doc_date)
    return ingest_extraction(store, ex, str(path))
