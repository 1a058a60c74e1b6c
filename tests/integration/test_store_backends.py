"""The same store behaviour on the embedded SQLite default and on PostgreSQL."""

from pathlib import Path

import pytest
from sqlalchemy import func, select

from councilwatch.api import KnowledgeBase, open_store
from councilwatch.sources import curated
from councilwatch.store import Store, schema
from councilwatch.store.revision import SCHEMA_REVISION


def counts(store: Store) -> dict[str, int]:
    with store.read() as conn:
        return {t.name: conn.execute(select(func.count()).select_from(t)).scalar()
                for t in (schema.states, schema.organisations, schema.memberships, schema.council_terms,
                          schema.presidencies)}


def test_open_loads_curated_facts_and_answers(store_url):
    kb = KnowledgeBase(open_store(store_url))
    assert kb.presidency("2024-07").name == "Russian Federation"
    rows = {r["state"]: r for r in kb.members("CSTO", "2024-07-01")}
    assert rows["ARM"]["status"] == "participation_frozen" and rows["ARM"]["since"] == "2024-02-22"
    assert "UZB" not in rows
    assert len(kb.composition(on="2024-07-01")) == 15
    assert kb.overlap(["CSTO", "SCO", "CIS"], "2024-07-01")["in_all"] == [
        {"state": "KAZ", "name": "Kazakhstan"}, {"state": "KGZ", "name": "Kyrgyzstan"},
        {"state": "RUS", "name": "Russian Federation"}, {"state": "TJK", "name": "Tajikistan"}]
    history = kb.history("CSTO")
    assert [h for h in history if h["state"] == "ARM"][-1]["status"] == "participation_frozen"
    kb.store.dispose()


def test_reopening_changes_nothing(store_url):
    store = open_store(store_url)
    before = counts(store)
    digest = store.meta_value("curated_digest")
    with store.read() as conn:
        recorded = conn.execute(select(func.max(schema.memberships.c.recorded_at))).scalar()
    store.dispose()
    again = open_store(store_url)
    assert counts(again) == before
    assert again.meta_value("curated_digest") == digest
    with again.read() as conn:
        assert conn.execute(select(func.max(schema.memberships.c.recorded_at))).scalar() == recorded
    again.dispose()


def test_a_failed_load_leaves_the_store_as_it_was(store_url, monkeypatch):
    store = open_store(store_url)
    before = counts(store)
    real_insert = schema.council_terms.insert

    def broken(*args, **kwargs):
        raise RuntimeError("disk full (injected)")

    monkeypatch.setattr(schema.council_terms, "insert", broken)
    with pytest.raises(RuntimeError, match="injected"):
        curated.load(store)
    monkeypatch.setattr(schema.council_terms, "insert", real_insert)
    assert counts(store) == before
    store.dispose()


def test_a_newer_package_brings_its_facts_in(store_url, tmp_path: Path):
    import shutil

    data = tmp_path / "data"
    shutil.copytree(curated.DATA_DIR, data)
    store = open_store(store_url)
    n = counts(store)["memberships"]
    with (data / "memberships" / "CSTO.csv").open("a", encoding="utf-8") as f:
        f.write("SRB,observer,2013-04,,test row,https://example.org/test\n")
    assert curated.package_digest(data) != store.meta_value("curated_digest")
    curated.load(store, data)
    assert counts(store)["memberships"] == n + 1
    assert "SRB" in {m["state"] for m in KnowledgeBase(store).members("CSTO", "2024-01-01")}
    store.dispose()


def test_schema_revision_matches_migrations():
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from councilwatch.store.db import MIGRATIONS

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    assert ScriptDirectory.from_config(cfg).get_heads() == [SCHEMA_REVISION]


def test_migrated_schema_matches_tables(store_url):
    """The migrations build exactly the tables schema.py declares (no drift)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    store = open_store(store_url, load_curated=False)
    with store.read() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), schema.metadata)
    assert diff == []
    store.dispose()


def test_a_store_from_an_older_schema_is_refused_in_one_line(tmp_path):
    import sqlite3

    from councilwatch.errors import CouncilwatchError

    path = tmp_path / "old.sqlite"
    open_store(f"sqlite:///{path}").dispose()
    con = sqlite3.connect(path)
    con.execute("DROP TABLE topics")
    con.execute("UPDATE meta SET value = 'older' WHERE key = 'curated_digest'")
    con.commit()
    con.close()
    with pytest.raises(CouncilwatchError, match="older development version .*no table topics"):
        open_store(f"sqlite:///{path}")
