"""`rollcall user ...`: staff accounts for the console."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from bot.settings import load_settings
from store.clock import SystemClock
from store.database import Database
from store.staff import Role, add_user


def register(app: typer.Typer) -> None:
    user_app = typer.Typer(help="Staff who sign in to the console.", no_args_is_help=True)

    @user_app.command("add")
    def user_add(
        email: Annotated[str, typer.Argument(help="Their email: what they sign in with.")],
        name: Annotated[str, typer.Option(help="Their name, as colleagues see it.")],
        role: Annotated[str, typer.Option(help=f"One of: {', '.join(Role)}.")] = Role.OFFICER,
        school: Annotated[list[int], typer.Option(
            help="A school id they may see (repeat for several).")] = [],  # noqa: B006
        password_stdin: Annotated[bool, typer.Option(
            "--password-stdin", help="Read the password from standard input.")] = False,
    ) -> None:
        """Create a member of staff with a password (asked for, or read from stdin)."""
        if password_stdin:
            password = sys.stdin.readline().rstrip("\r\n")
        else:
            password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
        database = Database(load_settings().database_url)
        with database.transaction() as session:
            user = add_user(session, SystemClock(), email=email, name=name, role=role,
                            school_ids=school, password=password)
        typer.echo(f"user {user.id} added: {user.email} ({user.role}), schools {school}")

    app.add_typer(user_app, name="user")
