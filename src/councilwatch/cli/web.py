"""`councilwatch serve`: the web application on uvicorn."""

from __future__ import annotations

import click

from councilwatch.cli import cli
from councilwatch.cli.output import db_option


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to listen on; 0.0.0.0 to serve the whole network (put it behind TLS).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="TCP port.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Worker processes (each keeps its own cached knowledge base).")
@click.option("--log-level", default="info", show_default=True,
              type=click.Choice(["critical", "error", "warning", "info", "debug"]), help="uvicorn's log level.")
@click.option("--cache-seconds", default=5.0, show_default=True, type=click.FloatRange(0, 3600),
              help="Keep anonymous pages this long (0 turns the page cache off); writes through the app clear it.")
@db_option
def serve(host: str, port: int, workers: int, log_level: str, cache_seconds: float, db: str | None) -> None:
    """Serve the web application and the JSON API (pages at /, API at /api, docs at /api/docs).

    Reading is public. Writes (accepting or rejecting claims in the review queue)
    need the token in $COUNCILWATCH_TOKEN, sent as 'Authorization: Bearer TOKEN'
    or entered once in the login form; without it the server is read-only.

    \b
    Examples:
      councilwatch serve
      COUNCILWATCH_TOKEN=$(openssl rand -hex 24) councilwatch serve --host 0.0.0.0 --port 8080 \\
          --db postgresql+psycopg://councilwatch@db/councilwatch --workers 2
    """
    import os

    import uvicorn

    from councilwatch import config
    from councilwatch.api import open_store

    url = config.database_url(db)
    open_store(url).dispose()  # migrate and load once here, not in every worker
    from councilwatch.web.app import CACHE_ENV

    os.environ[config.ENV_DB] = url
    os.environ[CACHE_ENV] = str(cache_seconds)
    click.echo(f"councilwatch: serving on http://{host}:{port}/ ({'writes need the token' if config.token() else 'read-only: no COUNCILWATCH_TOKEN'})", err=True)
    uvicorn.run("councilwatch.web.app:app_from_environment", factory=True, host=host, port=port, workers=workers,
                log_level=log_level, proxy_headers=False, server_header=False,
                limit_concurrency=1000, timeout_keep_alive=5, h11_max_incomplete_event_size=16 * 1024)
