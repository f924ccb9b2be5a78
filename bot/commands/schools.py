"""`rollcall school add|list|token|alert-detail`: the schools this rollcall serves, their API
tokens and how much their urgent alerts name."""

from __future__ import annotations

from typing import Annotated

import typer

from bot.commands import open_store
from store.clock import SystemClock
from store.schools import ALERT_DETAILS, add_school, all_schools, issue_api_token, set_alert_detail


def register(app: typer.Typer) -> None:
    school_app = typer.Typer(help="Schools and their REST API tokens.", no_args_is_help=True)

    @school_app.command("add")
    def school_add(
        name: Annotated[str, typer.Argument(help="The school's name as families know it.")],
        timezone: Annotated[str, typer.Option(help="IANA time zone of the school.")]
        = "Europe/London",
    ) -> None:
        """Create a school; prints its id and a new API token (shown only this once)."""
        database = open_store()
        with database.transaction() as session:
            school, token = add_school(session, SystemClock(), name=name, timezone=timezone)
        typer.echo(f"school {school.id}: {school.name} ({school.timezone})")
        typer.echo(f"API token (store it now; it is not shown again): {token}")

    @school_app.command("list")
    def school_list() -> None:
        """Every school: id, name, time zone."""
        database = open_store()
        with database.transaction() as session:
            for school in all_schools(session):
                typer.echo(f"{school.id}\t{school.name}\t{school.timezone}")

    @school_app.command("token")
    def school_token(school_id: Annotated[int, typer.Argument(help="The school's id.")]) -> None:
        """Issue a new API token for a school; the old one stops working at once."""
        database = open_store()
        with database.transaction() as session:
            token = issue_api_token(session, SystemClock(), school_id=school_id)
        typer.echo(f"API token for school {school_id} (the old one no longer works): {token}")

    @school_app.command("alert-detail")
    def school_alert_detail(
        school_id: Annotated[int, typer.Argument(help="The school's id.")],
        detail: Annotated[str, typer.Argument(help=f"One of: {', '.join(ALERT_DETAILS)}.")],
    ) -> None:
        """How much the school's urgent alerts to staff name: full (the child, the concern and
        the family's number; the default), concern (no child) or minimal (none of these)."""
        database = open_store()
        with database.transaction() as session:
            set_alert_detail(session, SystemClock(), school_id=school_id, detail=detail)
        typer.echo(f"school {school_id}: urgent alerts name {detail}")

    app.add_typer(school_app, name="school")
