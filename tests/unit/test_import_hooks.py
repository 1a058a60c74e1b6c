"""The importer's transaction hook, the bulk insert's stored values, and agenda item keys bounded in one place."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from councilwatch.errors import ImportRejected
from councilwatch.sources import base
from councilwatch.store import schema


@pytest.fixture
def store(store_url):
    from councilwatch.api import open_store

    s = open_store(store_url, load_curated=False)
    yield s
    s.dispose()


def _docs(titles: dict[str, str], at: datetime | None = None) -> base.Batch:
    b = base.Batch("test", "export.csv")
    docs = b.table(schema.documents, key=("symbol",))
    for i, (symbol, title) in enumerate(titles.items(), start=2):
        b.add(docs, {"symbol": symbol, "kind": "document", "title": title, "date": date(2020, 1, i), "subjects": [],
                     **base.provenance("test", "test", f"line {i}", at or base.now())}, f"line {i}")
    return b


def _titles(store) -> dict[str, str]:
    from sqlalchemy import select

    with store.read() as conn:
        return dict(conn.execute(select(schema.documents.c.symbol, schema.documents.c.title)).all())


def test_prepare_runs_inside_the_transaction_before_the_upserts(store):
    base.apply(store, _docs({"S/2020/1": "old"}))
    seen = []

    def prepare(conn, batch, report):
        from sqlalchemy import select

        # The store as it was, on the import's own connection; the batch can still be changed.
        seen.append(conn.execute(select(schema.documents.c.title)).scalars().all())
        batch.tables[0].rows[("S/2020/1",)]["title"] = "merged"
        report.unchanged += 7

    b = _docs({"S/2020/1": "new"})
    b.prepare = prepare
    report = base.apply(store, b)
    assert seen == [["old"]]
    assert (report.updated, report.unchanged) == (1, 7)
    assert _titles(store) == {"S/2020/1": "merged"}


def test_a_failing_prepare_or_write_leaves_the_store_as_it_was(store):
    from sqlalchemy import text

    base.apply(store, _docs({"S/2020/1": "a"}))

    def prepare(conn, batch, report):
        conn.execute(text("DELETE FROM documents"))  # undone with the rest
        conn.execute(text("INSERT INTO meta (key, value) VALUES ('x', NULL)"))  # NOT NULL: the store refuses

    b = _docs({"S/2020/2": "b"})
    b.prepare = prepare
    with pytest.raises(ImportRejected, match="nothing was written"):
        base.apply(store, b)

    def write(conn, tb, report):
        base.upsert(conn, tb, report)
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        base.apply(store, _docs({"S/2020/3": "c"}), write=write)
    assert _titles(store) == {"S/2020/1": "a"}
    assert len(base.last_runs(store, "test")) == 1


def test_bulk_insert_stores_what_table_insert_stores(sqlite_url):
    """SQLite's fast path writes days, times and JSON as SQLAlchemy does (not the driver's "+00:00" times)."""
    import sqlite3

    from councilwatch.api import open_store

    at = datetime(2024, 7, 1, 9, 30, 5, 123456, tzinfo=timezone.utc)
    store = open_store(sqlite_url, load_curated=False)
    base.apply(store, _docs({"S/2020/1": "bulk"}, at))  # through _insert_sqlite
    with store.write() as conn:
        conn.execute(schema.documents.insert().values(
            symbol="S/2020/9", kind="document", title="core", date=date(2020, 1, 2), subjects=[],
            **base.provenance("test", "test", "line 2", at)))
    store.dispose()
    with sqlite3.connect(sqlite_url.removeprefix("sqlite:///")) as raw:
        rows = raw.execute("SELECT date, subjects, recorded_at FROM documents ORDER BY symbol").fetchall()
    assert rows[0] == rows[1] == ("2020-01-02", "[]", "2024-07-01 09:30:05.123456")


def test_long_agenda_titles_get_one_bounded_key_everywhere():
    from councilwatch.sources.agenda_titles import (
        MAX_KEY,
        bounded_key,
        canonical_key,
        classify,
    )
    from councilwatch.sources.curated import agenda_item_id

    stem = "Consultations of the Ruritanian commission on the boundary rivers, " + "the matter of the boundary " * 8
    one, two = stem + "in Ruritania", stem + "in Freedonia"  # unreviewed: keys are slugs of the whole title
    keys = {canonical_key(one), canonical_key(two)}
    assert len(keys) == 2 and all(len(k) <= MAX_KEY for k in keys)  # cut, yet still apart
    assert classify(one).key == canonical_key(one) == agenda_item_id(one)
    assert canonical_key("The situation in Afghanistan") == "afghanistan"  # short keys are left alone
    assert bounded_key("x" * MAX_KEY) == "x" * MAX_KEY
    assert bounded_key("x" * (MAX_KEY + 1)) == bounded_key("x" * (MAX_KEY + 1))  # stable across runs
