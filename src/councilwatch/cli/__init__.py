"""The councilwatch command line: thin click commands over the library.

Every command takes `--db` (a path to an SQLite file or a database URL; default
COUNCILWATCH_DB, then the user data directory) and, where it prints data,
`--format table|json|csv`. Exit codes: 0 success, 2 a user error (one line on
stderr, never a traceback), 1 an internal failure.
"""

from __future__ import annotations

import sys

import click

from councilwatch.errors import CouncilwatchError


class Group(click.Group):
    """Turns user errors into one readable line and exit code 2."""

    def main(self, *args, **kwargs):  # noqa: ANN002, ANN003 - click's signature
        kwargs["standalone_mode"] = False
        try:
            rv = super().main(*args, **kwargs)
        except click.exceptions.Exit as exc:
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("councilwatch: aborted", err=True)
            sys.exit(1)
        except click.UsageError as exc:
            hint = f" (see 'councilwatch {exc.ctx.command_path.partition(' ')[2] + ' ' if exc.ctx and ' ' in exc.ctx.command_path else ''}--help')"
            click.echo(f"councilwatch: error: {exc.format_message()}{hint.replace('  ', ' ')}", err=True)
            sys.exit(2)
        except click.ClickException as exc:
            click.echo(f"councilwatch: error: {exc.format_message()}", err=True)
            sys.exit(exc.exit_code)
        except CouncilwatchError as exc:
            click.echo(f"councilwatch: error: {exc}", err=True)
            sys.exit(exc.exit_code)
        except BrokenPipeError:
            sys.exit(0)
        if isinstance(rv, int):
            sys.exit(rv)
        sys.exit(0)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="councilwatch", prog_name="councilwatch")
def cli() -> None:
    """Follow the UN Security Council and its work with regional organisations.

    \b
    Start with:
      councilwatch presidency 2024-07
      councilwatch members CSTO --on 2024-07-01
      councilwatch overlap CSTO SCO CIS --on 2024-07-01 --matrix
    """


def main() -> None:
    from councilwatch.cli import kb  # noqa: F401 - registers the commands

    for name in ("imports", "check", "data", "texts", "forecasting", "publishing", "web"):
        try:
            __import__(f"councilwatch.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"councilwatch.cli.{name}":
                raise
    cli.main(prog_name="councilwatch")
