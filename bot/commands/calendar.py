"""`rollcall calendar list|import`: a school's terms, INSET days, holidays and closures from the
command line, for schools that script their setup (the console's Calendar page does the same)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from bot.commands import open_store
from store.calendar_entries import already_there, entries_between, import_entries
from store.calendar_import import plan_csv, plan_ics
from store.clock import SystemClock
from store.errors import InvalidInput, NotFound
from store.schools import school_by_id


def register(app: typer.Typer) -> None:
    calendar_app = typer.Typer(
        help="A school's calendar: terms, INSET days, holidays, closures.", no_args_is_help=True
    )

    @calendar_app.command("list")
    def calendar_list(
        school_id: Annotated[int, typer.Argument(help="The school's id.")],
        start: Annotated[
            str, typer.Option("--from", help="First day (YYYY-MM-DD).")
        ] = "2000-01-01",
        end: Annotated[str, typer.Option("--to", help="Last day (YYYY-MM-DD).")] = "2100-12-31",
    ) -> None:
        """The school's entries touching the days from --from to --to: kind, first, last, note."""
        with open_store().transaction() as session:
            for entry in entries_between(
                session, school_id=school_id, start=_day(start), end=_day(end)
            ):
                typer.echo(f"{entry.kind}\t{entry.start}\t{entry.end}\t{entry.note or ''}")

    @calendar_app.command("import")
    def calendar_import(
        school_id: Annotated[int, typer.Argument(help="The school's id.")],
        file: Annotated[
            Path, typer.Argument(help="An iCalendar (.ics) file or a CSV of start,end,kind[,note].")
        ],
        apply: Annotated[
            bool,
            typer.Option("--apply", help="Write the new entries (without it, only the preview)."),
        ] = False,
    ) -> None:
        """Preview each line's outcome (new, already, skipped and why); --apply adds the new."""
        raw = file.read_bytes()
        with open_store().transaction() as session:
            school = school_by_id(session, school_id)
            if school is None:
                raise NotFound(f"no school with id {school_id}")
            plans = (
                plan_csv(raw)
                if file.suffix.lower() == ".csv"
                else plan_ics(raw, timezone=school.timezone, country=school.country)
            )
            for plan in plans:
                outcome = (
                    f"skipped: {plan.skipped}"
                    if not plan.adds
                    else "already"
                    if already_there(session, school_id=school_id, plan=plan)
                    else "new"
                )
                typer.echo(
                    f"{outcome}\t{plan.kind or ''}\t{plan.start or ''}\t{plan.end or ''}"
                    f"\t{plan.source}"
                )
            if apply:
                done = import_entries(
                    session, SystemClock(), school_id=school_id, plans=plans, actor="cli"
                )
                typer.echo(f"added {done.added}, already {done.already}, skipped {done.skipped}")

    app.add_typer(calendar_app, name="calendar")


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidInput(f"{text!r} is not a date (YYYY-MM-DD)") from None
