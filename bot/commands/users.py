"""`rollcall user ...`: staff accounts for the console."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from sqlmodel import Session

from bot.settings import load_settings
from channels.catalogs import SUPPORTED_LANGUAGES
from store.clock import SystemClock
from store.database import Database
from store.errors import InvalidInput, NotFound
from store.staff import (
    Role,
    add_user,
    deactivate_user,
    set_password,
    unlock_user,
    user_by_email,
)
from store.staff_accounts import change_role, turn_off_two_factor

EmailArg = Annotated[str, typer.Argument(help="The email they sign in with.")]
PasswordStdin = Annotated[bool, typer.Option(
    "--password-stdin", help="Read the password from standard input.")]


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return str(typer.prompt("Password", hide_input=True, confirmation_prompt=True))


def _user_id(session: Session, email: str) -> int:
    user = user_by_email(session, email)
    if user is None or user.id is None:
        raise NotFound(f"no staff user with email {email}")
    return user.id


def register(app: typer.Typer) -> None:
    user_app = typer.Typer(help="Staff who sign in to the console.", no_args_is_help=True)

    @user_app.command("add")
    def user_add(
        email: Annotated[str, typer.Argument(help="Their email: what they sign in with.")],
        name: Annotated[str, typer.Option(help="Their name, as colleagues see it.")],
        role: Annotated[str, typer.Option(help=f"One of: {', '.join(Role)}.")] = Role.OFFICER,
        school: Annotated[list[int], typer.Option(
            help="A school id they may see (repeat for several).")] = [],  # noqa: B006
        password_stdin: PasswordStdin = False,
        phone: Annotated[str | None, typer.Option(
            help="Their own mobile (E.164): urgent alerts come by SMS too, and ACK from it "
                 "acknowledges.")] = None,
        language: Annotated[str | None, typer.Option(
            help="Their language (en, cy, pl, ...): the console's and their alerts'. Without "
                 "it the console follows their browser and alerts go in English; they can "
                 "choose on the console's account page.")] = None,
    ) -> None:
        """Create a member of staff with a password (asked for, or read from stdin)."""
        if language is not None and language not in SUPPORTED_LANGUAGES:
            raise InvalidInput(f"unknown language {language!r} (one of: "
                               f"{', '.join(SUPPORTED_LANGUAGES)})")
        password = _read_password(password_stdin)
        database = Database(load_settings().database_url)
        with database.transaction() as session:
            user = add_user(session, SystemClock(), email=email, name=name, role=role,
                            school_ids=school, password=password, phone=phone,
                            language=language)
        typer.echo(f"user {user.id} added: {user.email} ({user.role}), schools {school}")

    @user_app.command("password")
    def user_password(email: EmailArg, password_stdin: PasswordStdin = False) -> None:
        """Set a new password; every console session of theirs ends at once."""
        password = _read_password(password_stdin)
        with Database(load_settings().database_url).transaction() as session:
            set_password(session, SystemClock(), user_id=_user_id(session, email),
                         password=password)
        typer.echo(f"password changed for {email}; their sessions have ended")

    @user_app.command("unlock")
    def user_unlock(email: EmailArg) -> None:
        """Clear the sign-in backoff after wrong passwords (someone locked out in a hurry)."""
        with Database(load_settings().database_url).transaction() as session:
            unlock_user(session, SystemClock(), user_id=_user_id(session, email))
        typer.echo(f"{email} may sign in again now")

    @user_app.command("deactivate")
    def user_deactivate(email: EmailArg) -> None:
        """Stop them signing in; every console session of theirs ends at once."""
        with Database(load_settings().database_url).transaction() as session:
            deactivate_user(session, SystemClock(), user_id=_user_id(session, email))
        typer.echo(f"{email} deactivated; their sessions have ended")

    @user_app.command("role")
    def user_role(email: EmailArg,
                  role: Annotated[str, typer.Argument(help=f"One of: {', '.join(Role)}.")]
                  ) -> None:
        """Give them another role (from their next request on)."""
        with Database(load_settings().database_url).transaction() as session:
            change_role(session, SystemClock(), user_id=_user_id(session, email), role=role,
                        actor="cli")
        typer.echo(f"{email} is now {role}")

    @user_app.command("two-factor-off")
    def user_two_factor_off(email: EmailArg) -> None:
        """Password only again (a lost phone; the recovery path when no admin can sign in)."""
        with Database(load_settings().database_url).transaction() as session:
            turn_off_two_factor(session, SystemClock(), user_id=_user_id(session, email),
                                actor="cli")
        typer.echo(f"{email}: two-factor sign-in is off; their sessions have ended")

    app.add_typer(user_app, name="user")
