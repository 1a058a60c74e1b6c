"""The newest schema revision, importable without SQLAlchemy (a test checks it matches the migrations)."""

SCHEMA_REVISION = "0001"
