"""`rollcall run absence|late|chase|...`: run a daily job by hand, with a progress bar and a
summary; `--dry-run` shows what would be sent and writes nothing."""

from __future__ import annotations

from datetime import date

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn
from rich.table import Table

from bot.background import run_config
from bot.settings import load_settings
from scheduling.runs import KINDS, RunSummary, by_hand, start_run
from store import calendar
from store.clock import SystemClock
from store.database import Database
from store.errors import InvalidInput, NotFound
from store.models.schools import School
from store.schools import all_schools, school_by_id


def register(app: typer.Typer) -> None:
    @app.command("run")
    def run(kind: str = typer.Argument(..., help="absence, late, chase, pm_absence, catch_up, "
                                                 "pm_catch_up, call_list or digest"),
            day: str | None = typer.Option(None, "--date", help="YYYY-MM-DD (default: today "
                                                                 "in each school's timezone)"),
            school_id: int | None = typer.Option(None, "--school", help="one school's id "
                                                                        "(default: all)"),
            dry_run: bool = typer.Option(False, "--dry-run",
                                         help="show what would be sent; write nothing")) -> None:
        """Run one daily job now. Safe to repeat: a run that already happened sends nothing."""
        if kind not in KINDS:
            raise InvalidInput(f"unknown run {kind!r}: one of {', '.join(KINDS)}")
        wanted = _parse_day(day)
        settings = load_settings()
        database, clock = Database(settings.database_url), SystemClock()
        config = run_config(settings)
        console = Console()
        for school in _schools(database, school_id):
            assert school.id is not None
            when = wanted or calendar.local_day(school, clock.now())
            key = by_hand(kind, school, clock.now())
            with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                          console=console, transient=True) as bar:
                task = bar.add_task(f"{school.name}: writing", total=None)

                def show(done: int, total: int | None, task: TaskID = task) -> None:
                    bar.update(task, completed=done, total=total)

                summary = start_run(database, clock, school_id=school.id, day=when, kind=key,
                                    dry_run=dry_run, config=config, progress=show)
            console.print(_summary_table(school, summary))


def _summary_table(school: School, summary: RunSummary) -> Table:
    table = Table(title=f"{school.name} ({school.id}) {summary.kind} {summary.day}: "
                        f"{summary.outcome}", show_header=False)
    table.add_row("messages composed", str(summary.composed))
    for channel, count in sorted(summary.per_channel.items()):
        table.add_row(f"  on {channel}", str(count))
    if summary.escalated:
        table.add_row("children put on the call list", str(summary.escalated))
    for why, count in sorted(summary.skipped.items()):
        if count:
            table.add_row(f"children skipped: {why}", str(count))
    return table


def _schools(database: Database, school_id: int | None) -> list[School]:
    with database.transaction() as session:
        found = school_by_id(session, school_id) if school_id is not None else None
        schools = all_schools(session) if school_id is None else [found] if found else []
    if not schools:
        raise NotFound(f"no school with id {school_id}" if school_id is not None
                       else "no schools yet: add one with `rollcall school add`")
    return schools


def _parse_day(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(f"--date {value!r} is not a date (YYYY-MM-DD)") from None
