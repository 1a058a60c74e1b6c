"""Configuration in one place: options first, then environment, then defaults."""

from __future__ import annotations

import os
from pathlib import Path

ENV_DB = "COUNCILWATCH_DB"
ENV_CACHE = "COUNCILWATCH_CACHE"
ENV_TOKEN = "COUNCILWATCH_TOKEN"


def default_db_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("councilwatch", appauthor=False)) / "councilwatch.sqlite"


def database_url(option: str | None = None) -> str:
    """The SQLAlchemy URL for the store: a URL, or a path to an SQLite file."""
    value = option or os.environ.get(ENV_DB) or str(default_db_path())
    if "://" in value:
        return value
    path = Path(value).expanduser()
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def cache_dir(option: str | None = None) -> Path:
    from platformdirs import user_cache_dir

    path = Path(option or os.environ.get(ENV_CACHE) or user_cache_dir("councilwatch", appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def token() -> str | None:
    """The write token of the web application, if one is configured."""
    return os.environ.get(ENV_TOKEN) or None
