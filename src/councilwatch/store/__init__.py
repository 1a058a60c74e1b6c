"""The knowledge base: tables, migrations and the functions that read and write facts."""

from councilwatch.store.db import Store

__all__ = ["Store"]
