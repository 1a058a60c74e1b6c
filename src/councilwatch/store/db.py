"""Opening the store: the engine, transactions and migrations.

SQLAlchemy is imported only when an engine is needed: read-only commands on the
embedded SQLite default go through `query()`, a bare sqlite3 connection, and so
start fast (see store/sql.py).
"""

from __future__ import annotations

import sqlite3
import threading
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import Any, Iterator

MIGRATIONS = Path(__file__).parent / "migrations"


class Store:
    """A knowledge base at a database URL (SQLite file or PostgreSQL)."""

    def __init__(self, url: str):
        self.url = url
        # One read-only sqlite3 connection per thread: opening one re-reads the schema,
        # which costs more than a typical query.
        self._local = threading.local()

    @cached_property
    def engine(self):  # -> sqlalchemy.Engine
        return make_engine(self.url)

    @property
    def dialect(self) -> str:
        return "sqlite" if self.url.startswith("sqlite") else self.engine.dialect.name

    @property
    def sqlite_path(self) -> str | None:
        """The file of an SQLite store, else None."""
        if not self.url.startswith("sqlite:///"):
            return None
        path = self.url[len("sqlite:///"):]
        return path if path and path != ":memory:" else None

    @contextmanager
    def read(self) -> Iterator[Any]:
        """A SQLAlchemy connection for reading."""
        with self.engine.connect() as conn:
            yield conn

    @contextmanager
    def query(self) -> Iterator[Any]:
        """The lightest connection for the read queries of store/sql.py."""
        path = self.sqlite_path
        if path is None:
            with self.engine.connect() as conn:
                yield conn
            return
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            self._local.conn = conn
            self._open_readers.append(conn)
        yield conn

    @contextmanager
    def write(self) -> Iterator[Any]:
        """One transaction: everything in the block lands, or nothing does."""
        with self.engine.begin() as conn:
            yield conn

    def migrate(self) -> None:
        """Bring the schema to the newest migration."""
        from alembic import command
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        with self.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")

    def meta_value(self, key: str) -> str | None:
        """A value of the meta table; None when unset or when the store is not set up yet."""
        path = self.sqlite_path
        if path is not None:
            if not Path(path).exists():
                return None
            try:
                with self.query() as conn:
                    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
                    return row[0] if row else None
            except sqlite3.Error:
                return None
        from sqlalchemy import select
        from sqlalchemy.exc import DBAPIError

        from councilwatch.store import schema

        try:
            with self.engine.connect() as conn:
                return conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == key)).scalar()
        except DBAPIError:
            return None

    def set_meta(self, conn: Any, key: str, value: str) -> None:
        from councilwatch.store import schema

        conn.execute(schema.meta.delete().where(schema.meta.c.key == key))
        conn.execute(schema.meta.insert().values(key=key, value=value))

    @cached_property
    def _open_readers(self) -> list:
        return []

    def dispose(self) -> None:
        for conn in self._open_readers:
            conn.close()
        self._open_readers.clear()
        self._local = threading.local()
        if "engine" in self.__dict__:
            self.engine.dispose()


def make_engine(url: str):
    from sqlalchemy import create_engine, event

    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _record):  # noqa: ANN001 - DB-API objects
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()

        return engine
    return create_engine(url, pool_pre_ping=True)
