"""Opening the store: the engine, transactions and migrations."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from sqlalchemy import Connection, Engine, create_engine, event, select

from councilwatch.store import schema

MIGRATIONS = Path(__file__).parent / "migrations"


class Store:
    """A knowledge base at a database URL (SQLite file or PostgreSQL)."""

    def __init__(self, url: str, engine: Engine | None = None):
        self.url = url
        self.engine = engine or make_engine(url)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    @contextmanager
    def write(self) -> Iterator[Connection]:
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
        from sqlalchemy.exc import DBAPIError

        try:
            with self.engine.connect() as conn:
                return conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == key)).scalar()
        except DBAPIError:
            return None

    def set_meta(self, conn: Connection, key: str, value: str) -> None:
        conn.execute(schema.meta.delete().where(schema.meta.c.key == key))
        conn.execute(schema.meta.insert().values(key=key, value=value))

    def dispose(self) -> None:
        self.engine.dispose()


def make_engine(url: str) -> Engine:
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


