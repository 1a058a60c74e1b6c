"""The shared importer shape: idempotent upserts, duplicates rejected, one transaction, a run per import."""

from __future__ import annotations

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


def _batch(titles: dict[str, str], extra: list[tuple[str, str]] = ()) -> base.Batch:
    b = base.Batch("test", "/some/where/export.csv")
    docs = b.table(schema.documents, key=("symbol",))
    now = base.now()
    for i, (symbol, title) in enumerate([*titles.items(), *extra], start=2):
        b.add(docs, {"symbol": symbol, "kind": "document", "title": title, "subjects": ["X"],
                     **base.provenance("test", "test", f"line {i}", now)}, f"line {i}")
    return b


def _count(store, table) -> int:
    from sqlalchemy import func, select

    with store.read() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar()


def test_insert_then_unchanged_then_updated(store):
    first = base.apply(store, _batch({"S/2020/1": "a", "S/2020/2": "b"}))
    assert (first.inserted, first.updated, first.unchanged) == (2, 0, 0)
    again = base.apply(store, _batch({"S/2020/1": "a", "S/2020/2": "b"}))
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 2)
    changed = base.apply(store, _batch({"S/2020/1": "a", "S/2020/2": "new title"}))
    assert (changed.inserted, changed.updated, changed.unchanged) == (0, 1, 1)
    with store.read() as conn:
        from sqlalchemy import select

        assert conn.execute(select(schema.documents.c.title).where(schema.documents.c.symbol == "S/2020/2")).scalar() == "new title"
    runs = base.last_runs(store, "test")
    assert len(runs) == 3 and runs[0]["report"]["updated"] == 1 and runs[0]["report"]["file"] == "export.csv"


def test_duplicate_key_is_rejected_with_file_position_and_reason(store):
    report = base.apply(store, _batch({"S/2020/1": "a"}, extra=[("S/2020/1", "other")]))
    assert report.inserted == 1
    assert report.rejected == [{"file": "export.csv", "position": "line 3",
                                "reason": "duplicate S/2020/1: differs in title from line 2; the first is kept"}]


def test_failure_midway_leaves_the_store_as_before(store):
    base.apply(store, _batch({"S/2020/1": "a"}))
    before = _count(store, schema.documents), _count(store, schema.import_runs)
    b = _batch({"S/2020/1": "changed", "S/2020/9": "new"})
    # A membership naming an unknown organisation and state: the foreign keys refuse it after the documents were written.
    m = b.table(schema.memberships, key=("organisation", "state", "status", "start"))
    b.add(m, {"organisation": "NOPE", "state": "ZZZ", "status": "member", "start": "2000",
              "start_earliest": __import__("datetime").date(2000, 1, 1), "start_latest": __import__("datetime").date(2000, 12, 31),
              **base.provenance("t", "test", None, base.now())}, "line 9")
    with pytest.raises(ImportRejected, match="nothing was written"):
        base.apply(store, b)
    assert (_count(store, schema.documents), _count(store, schema.import_runs)) == before
    with store.read() as conn:
        from sqlalchemy import select

        assert conn.execute(select(schema.documents.c.title).where(schema.documents.c.symbol == "S/2020/1")).scalar() == "a"


def test_bulk_upsert_beyond_one_chunk(store):
    titles = {f"S/2019/{i}": f"t{i}" for i in range(1, 1203)}
    assert base.apply(store, _batch(titles)).inserted == 1202
    titles["S/2019/700"] = "changed"
    r = base.apply(store, _batch(titles))
    assert (r.inserted, r.updated, r.unchanged) == (0, 1, 1201)


@pytest.mark.parametrize("content,match", [
    (b"", "empty"),
    (b"PK\x03\x04garbage", "expected a text file"),
    (b"a,b\n\xff\xfe\xfa,1\n", "not utf-8-sig text"),
    (b"x,y\n1,2\n", "header lacks column"),
])
def test_read_csv_refuses_bad_files(tmp_path, content, match):
    p = tmp_path / "in.csv"
    p.write_bytes(content)
    with pytest.raises(ImportRejected, match=match):
        base.read_csv(p, ["a", "b"])


@pytest.mark.parametrize("values", [
    ["SC/6981"], ["SC/1", "SC/2/Corr.1"], [""], ["USA", "SUN"],
    ['say "no"'], ["back\\slash"], ["Leño"], ["tab\there"], ["del\x7f"], ["S/1", 2], [None], [["nested"]],
])
def test_json_lists_are_written_as_json_dumps_writes_them(values):
    import json

    fast = base._json_strings(values)
    assert fast is None or fast == json.dumps(values)
    assert (fast is not None) == all(isinstance(v, str) and v.isascii() and v.isprintable()
                                     and '"' not in v and "\\" not in v for v in values)


def test_many_rows_go_in_few_statements_with_the_same_result(store):
    titles = {f"S/2019/{i}": f"t{i} \u00e9" for i in range(1, 1203)}  # three statements of at most 500 rows
    b = _batch(titles)
    assert base.apply(store, b).inserted == 1202
    with store.read() as conn:
        from sqlalchemy import select

        got = dict(conn.execute(select(schema.documents.c.symbol, schema.documents.c.title)).all())
    assert got == titles
