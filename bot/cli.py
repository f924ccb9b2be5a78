"""The `rollcall` command line. Each command group lives in `bot/commands/`."""

from __future__ import annotations

import importlib
import sys

import typer

from store.errors import RollcallError

# Each command and its module in bot/commands/, in the order `rollcall --help` lists them. A
# `rollcall` process imports only the module of the command it runs: every module's imports
# (the engine, the channels, the PDF fonts, the scheduler) took ~2 s of CPU a process.
COMMANDS = {
    "db": "database", "import": "imports", "mis": "mis", "school": "schools",
    "calendar": "calendar", "casework": "casework", "engagement": "engagement",
    "user": "users", "worker": "worker", "serve": "serve", "demo": "demo",
    "classify": "classify", "run": "run", "replay": "replay", "report": "reports",
    "telegram": "telegram", "email": "email", "whatsapp": "whatsapp",
}


def build_app(command: str | None = None) -> typer.Typer:
    """The app with `command` alone, or with every command when it is None or not one of
    them (no command, `--help`, a mistyped name: Typer lists them all)."""
    app = typer.Typer(help="rollcall: attendance messaging and reason conversations.",
                      callback=_a_group, no_args_is_help=True, add_completion=False,
                      pretty_exceptions_enable=False)
    modules = [COMMANDS[command]] if command in COMMANDS else COMMANDS.values()
    for module in modules:
        importlib.import_module(f"bot.commands.{module}").register(app)
    return app


def _a_group() -> None:
    """Nothing to do before a command. Being there keeps `rollcall` a group of commands when
    only one is registered (Typer would make a lone command the whole program)."""


def main() -> None:
    """Entry point: a RollcallError becomes one clear line on stderr and a non-zero exit."""
    app = build_app(sys.argv[1] if len(sys.argv) > 1 else None)
    try:
        app()
    except RollcallError as error:
        print(f"rollcall: {error}", file=sys.stderr)
        sys.exit(2)
