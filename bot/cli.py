"""The `rollcall` command line. Each command group lives in `bot/commands/`."""

from __future__ import annotations

import sys

import typer

from bot.commands import (
    calendar,
    casework,
    classify,
    database,
    demo,
    email,
    engagement,
    imports,
    mis,
    replay,
    reports,
    run,
    schools,
    serve,
    telegram,
    users,
    whatsapp,
    worker,
)
from store.errors import RollcallError

app = typer.Typer(help="rollcall: attendance messaging and reason conversations.",
                  no_args_is_help=True, add_completion=False,
                  pretty_exceptions_enable=False)
database.register(app)
imports.register(app)
mis.register(app)
schools.register(app)
calendar.register(app)
casework.register(app)
engagement.register(app)
users.register(app)
worker.register(app)
serve.register(app)
demo.register(app)
classify.register(app)
run.register(app)
replay.register(app)
reports.register(app)
telegram.register(app)
email.register(app)
whatsapp.register(app)


def main() -> None:
    """Entry point: a RollcallError becomes one clear line on stderr and a non-zero exit."""
    try:
        app()
    except RollcallError as error:
        print(f"rollcall: {error}", file=sys.stderr)
        sys.exit(2)
