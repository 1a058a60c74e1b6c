"""Shared fixtures: real stores on SQLite and PostgreSQL, the real data in ../shared."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
PG_ADMIN_URL = os.environ.get("COUNCILWATCH_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """../shared/data, read in place; tests skip with the reason when it is absent."""
    path = SHARED / "data"
    if not path.is_dir():
        pytest.skip(f"real data not found at {path} (the project reads ../shared/data in place)")
    return path


@pytest.fixture(scope="session")
def seed_text() -> str:
    files = sorted((SHARED / "seed").glob("*.txt")) if (SHARED / "seed").is_dir() else []
    if not files:
        pytest.skip(f"seed entry not found in {SHARED / 'seed'}")
    return files[0].read_text(encoding="utf-8")


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'kb.sqlite'}"


def _pg_available() -> bool:
    try:
        import psycopg

        with psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=test", connect_timeout=3):
            return True
    except Exception:  # noqa: BLE001
        return False


@pytest.fixture
def postgres_url() -> str:
    """A fresh PostgreSQL schema for one test (isolated, safe under xdist), dropped afterwards."""
    if not _pg_available():
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL at 127.0.0.1:5432 is not reachable in CI")
        pytest.skip("PostgreSQL at 127.0.0.1:5432 is not reachable")
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=test", autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    yield f"{PG_ADMIN_URL}?options=-csearch_path%3D{schema}"
    with psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=test", autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The same test on the embedded SQLite default and on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'kb.sqlite'}"
    return request.getfixturevalue("postgres_url")


@pytest.fixture(scope="session")
def curated_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An SQLite knowledge base with the packaged curated facts, built once per session."""
    from councilwatch.api import open_store

    path = tmp_path_factory.mktemp("curated") / "kb.sqlite"
    open_store(f"sqlite:///{path}").dispose()
    return path


@pytest.fixture
def kb_path(curated_db: Path, tmp_path: Path) -> Path:
    """A private copy of the curated knowledge base, free to write to."""
    path = tmp_path / "kb.sqlite"
    shutil.copy(curated_db, path)
    return path


@pytest.fixture
def kb(kb_path: Path):
    from councilwatch.api import KnowledgeBase

    return KnowledgeBase.open(str(kb_path))


def run_cli(*args: str, db: Path | str | None = None, input: str | None = None, env: dict | None = None):
    """Run `python -m councilwatch ARGS` as a user would; returns the CompletedProcess."""
    full_env = {**os.environ, **(env or {})}
    full_env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + full_env.get("PYTHONPATH", "")
    if db is not None:
        full_env["COUNCILWATCH_DB"] = str(db)
    return subprocess.run(
        [sys.executable, "-m", "councilwatch", *args],
        capture_output=True, text=True, input=input, env=full_env, timeout=300,
    )


@pytest.fixture
def cli(kb_path: Path):
    """Run the CLI against a private copy of the curated knowledge base."""

    def _run(*args: str, **kwargs):
        kwargs.setdefault("db", kb_path)
        return run_cli(*args, **kwargs)

    return _run
