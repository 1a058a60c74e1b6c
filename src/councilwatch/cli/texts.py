"""Commands over texts: extract facts, ingest documents as claims, review claims, score extraction."""

from __future__ import annotations

import click

from councilwatch.cli import cli
from councilwatch.cli.output import db_option, emit, format_option


def _day(value: str | None):  # noqa: ANN202
    from councilwatch.dates import parse_day

    return parse_day(value) if value else None


def _extractor(db: str | None):  # noqa: ANN202
    from councilwatch import config
    from councilwatch.api import open_store
    from councilwatch.extract.pipeline import Extractor

    store = open_store(config.database_url(db))
    return store, Extractor.from_store(store)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--doc-date", metavar="YYYY-MM-DD", help="The document's date (default: read from the text, then the file).")
@format_option(("json", "table"), default="json")
@db_option
def extract(files: tuple[str, ...], doc_date: str | None, fmt: str, db: str | None) -> None:
    """Read FILES (plain text, HTML or PDF) and print the symbols, dates, entities,
    memberships, events and stances found in each.

    \b
    JSON (the default) is one object per file, an array for several files:
      {"document": {...}, "symbols": [...], "dates": [...], "entities": [...],
       "memberships": [...], "events": [...], "stances": [...]}
    Offsets (start, end) are character positions in the text as read (after
    HTML stripping). See docs/extraction.md.

    \b
    Examples:
      councilwatch extract report.pdf
      councilwatch extract forecast.html --doc-date 2024-07-01 --format table
    """
    day = _day(doc_date)
    _, ex = _extractor(db)
    results = [ex.extract_file(f, day) for f in files]
    if fmt == "json":
        data = [r.as_dict() for r in results]
        emit(data[0] if len(data) == 1 else data, "json")
        return
    for r in results:
        rows = [{"kind": "symbol", "text": s.text, "value": s.symbol, "at": s.start} for s in r.symbols]
        rows += [{"kind": "date", "text": d.text, "value": str(d.value), "at": d.start} for d in r.dates]
        rows += [{"kind": e.kind, "text": e.text, "value": e.id, "at": e.start} for e in r.entities]
        rows += [{"kind": "membership", "text": r.quote(m.start, m.end)[:80], "value": f"{m.state} {m.status} {m.organisation} {m.when}", "at": m.start} for m in r.memberships]
        rows += [{"kind": "event", "text": e.summary[:80], "value": f"{e.when} {','.join(e.actors)}", "at": e.start} for e in r.events]
        rows += [{"kind": "stance", "text": r.quote(s.start, s.end)[:80], "value": f"{','.join(s.actors)} {s.polarity} {s.target}", "at": s.start} for s in r.stances]
        emit(rows, "table", ["kind", "text", "value", "at"],
             title=f"{r.source} ({r.doc_date}, {r.doc_date_basis}; {r.words} words)")


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--doc-date", metavar="YYYY-MM-DD", help="The documents' date (default: read from each text, then the file).")
@format_option()
@db_option
def ingest(files: tuple[str, ...], doc_date: str | None, fmt: str, db: str | None) -> None:
    """Extract FILES and store them with their claims in the knowledge base.

    Each document is stored with its full text (searchable) and each claim with
    its document, character span and quote. Claims that agree with known facts
    are linked to them; the others wait for 'councilwatch review', among them
    memberships marked doubtful: statuses the knowledge base never held, which
    'extract' does not report. Ingesting a document again adds nothing. One
    transaction per file: a file that fails leaves nothing behind.
    """
    from councilwatch.sources.ingest import ingest_file

    day = _day(doc_date)
    store, ex = _extractor(db)
    reports = [ingest_file(store, ex, f, day) for f in files]
    emit(reports, fmt, ["document", "source", "doc_date", "new_document", "claims", "new_claims", "linked", "pending"])


def _claim_row(c: dict) -> dict:
    facts = c["payload"]["facts"]
    if c["kind"] == "membership":
        what = "; ".join(f"{f['state']} {f['status']} {f['organisation']} {f['earliest']}" + (" (doubtful)" if f.get("doubt") else "")
                         for f in facts)
    elif c["kind"] == "stance":
        what = "; ".join(f"{','.join(f['actors'])} {f['polarity']} {f['target']}" for f in facts)
    elif c["kind"] == "event":
        what = "; ".join(f"{f['earliest']} {f['kind']} {','.join(f['actors'])}" for f in facts)
    elif c["kind"] == "meeting":
        what = "; ".join(f"{f['record']} {f['date']}" for f in facts)
    else:
        what = "; ".join(f"{f['symbol']} {f.get('date') or ''}" for f in facts)
    return {"id": c["id"], "kind": c["kind"], "state": c["state"], "claim": what, "document": c["document"],
            "span": f"{c['start']}-{c['end']}", "quote": " ".join(c["quote"].split())[:160], "fact": c["fact"] or ""}


@cli.group(invoke_without_command=True)
@click.option("--state", "state", type=click.Choice(["pending", "linked", "accepted", "rejected", "all"]), default="pending",
              show_default=True, help="Which claims to list.")
@click.option("--document", metavar="KEY", help="Only the claims of one document.")
@format_option()
@db_option
@click.pass_context
def review(ctx: click.Context, state: str, document: str | None, fmt: str, db: str | None) -> None:
    """List claims waiting for a decision (or others with --state); decide with
    'review accept ID' or 'review reject ID'.

    Accepted claims become facts of the knowledge base with the document as their source.
    """
    ctx.ensure_object(dict)
    ctx.obj["db"] = db
    if ctx.invoked_subcommand is not None:
        return
    from councilwatch.store import claims as cq

    store = _store(db)
    with store.read() as conn:
        rows = cq.list_claims(conn, None if state == "all" else state, document)
    emit([_claim_row(c) for c in rows], fmt, ["id", "kind", "state", "claim", "quote", "fact"])


def _store(db: str | None):  # noqa: ANN202
    from councilwatch import config
    from councilwatch.api import open_store

    return open_store(config.database_url(db))


def _decide(ctx: click.Context, claim_id: int, db: str | None, fmt: str, accept: bool) -> None:
    from councilwatch.store import claims as cq

    store = _store(db or ctx.obj.get("db"))
    with store.write() as conn:
        row = cq.accept(conn, claim_id) if accept else cq.reject(conn, claim_id)
    emit(_claim_row(row), fmt, ["id", "kind", "state", "claim", "fact"])


@review.command("accept")
@click.argument("claim_id", metavar="ID", type=int)
@format_option()
@db_option
@click.pass_context
def review_accept(ctx: click.Context, claim_id: int, fmt: str, db: str | None) -> None:
    """Accept pending claim ID: its facts enter the knowledge base, sourced to its document."""
    _decide(ctx, claim_id, db, fmt, True)


@review.command("reject")
@click.argument("claim_id", metavar="ID", type=int)
@format_option()
@db_option
@click.pass_context
def review_reject(ctx: click.Context, claim_id: int, fmt: str, db: str | None) -> None:
    """Reject pending claim ID: it stays on record as rejected and changes no fact."""
    _decide(ctx, claim_id, db, fmt, False)


@cli.command("eval-extract")
@click.argument("gold_dir", type=click.Path(file_okay=False))
@click.option("--seed", "seed", type=click.Path(dir_okay=False, exists=True),
              help="Text for GOLD_DIR/seed.gold.json, read in place (the seed is never copied).")
@click.option("--details", is_flag=True, help="Also list every miss and every extra finding.")
@format_option()
@db_option
def eval_extract(gold_dir: str, seed: str | None, details: bool, fmt: str, db: str | None) -> None:
    """Score extraction against GOLD_DIR (NAME.txt + NAME.gold.json): precision, recall and F1
    for symbols, states, organisations, dates (exact bounds) and memberships.

    \b
    Example:
      councilwatch eval-extract devset --seed ../shared/seed/000_189a6a25cb422106.txt
    """
    from pathlib import Path

    from councilwatch.extract.evaluate import evaluate, gold_pairs

    _, ex = _extractor(db)
    pairs = gold_pairs(Path(gold_dir), {"seed": Path(seed)} if seed else None)
    totals, per_doc = evaluate(ex, pairs)
    rows = [{"kind": k, "precision": round(s.precision, 3), "recall": round(s.recall, 3), "f1": round(s.f1, 3),
             "tp": s.tp, "fp": s.fp, "fn": s.fn} for k, s in totals.items()]
    if fmt == "json":
        emit({"documents": len(pairs), "scores": rows, "per_document": per_doc,
              **({"misses": {k: s.misses for k, s in totals.items()}, "extras": {k: s.extras for k, s in totals.items()}}
                 if details else {})}, "json")
        return
    emit(rows, fmt, ["kind", "precision", "recall", "f1", "tp", "fp", "fn"], title=f"{len(pairs)} documents")
    if details and fmt == "table":
        for k, s in totals.items():
            for doc, x in s.misses:
                click.echo(f"miss  {k:13} {doc}: {x}")
            for doc, x in s.extras:
                click.echo(f"extra {k:13} {doc}: {x}")
