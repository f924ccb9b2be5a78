"""`rollcall demo`: a made-up school on a school day, served with simulated channels."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer

from bot.background import run_config
from bot.commands.serve import HostOpt, PortOpt, prepared_database, run_app
from bot.settings import Settings, load_settings
from scheduling.casework import casework_pass
from scheduling.demo_morning import demo_clock, run_the_evening, run_the_morning
from scheduling.demo_replies import send_family_replies
from scheduling.engagement import engagement_pass
from store.calendar import local_now
from store.clock import Clock, SystemClock
from store.database import Database
from store.demo import SCHOOL_NAME, DemoSummary, create_demo, store_is_empty
from store.demo_university import InstitutionSummary, create_institution_demo
from store.schools import all_schools

DEMO_PASSWORD = "rollcall-demo"


def register(app: typer.Typer) -> None:
    @app.command("demo")
    def demo(
        no_serve: Annotated[bool, typer.Option(
            "--no-serve", help="Only prepare the demo data and print what was made.")] = False,
        host: HostOpt = None, port: PortOpt = None,
        history: Annotated[bool, typer.Option(
            "--history", help="Also the school year's registers so far, and the weekly "
                              "casework pass over them (letters to approve, reviews).")] = False,
        university: Annotated[bool, typer.Option(
            "--university", help="A made-up university instead: a faculty's courses and "
                                 "modules, 2,000 students, their tutors and a week of "
                                 "timetabled events with attendance.")] = False,
        college: Annotated[bool, typer.Option(
            "--college", help="A made-up further-education college instead, most students "
                              "under 18 (their parents told too), apprentices' employers."
                              )] = False,
    ) -> None:
        """Create a made-up school (if the store is empty) and serve it, channels simulated."""
        # `demo` makes the app simulate every channel and show the demo phone.
        settings = load_settings(demo=True)
        database = prepared_database(settings)
        institution = university or college
        with database.transaction() as session:
            summary: DemoSummary | InstitutionSummary | None = None
            if store_is_empty(session) and institution:
                summary = create_institution_demo(session, SystemClock(), password=DEMO_PASSWORD,
                                                  college=college)
            elif store_is_empty(session):
                summary = create_demo(session, SystemClock(), password=DEMO_PASSWORD,
                                      history=history)
        if summary is None:
            typer.echo("the store already has data: no demo added "
                       f"(database: {settings.database_url})")
        else:
            for line in summary.lines(DEMO_PASSWORD):
                typer.echo(line)
        if history and isinstance(summary, DemoSummary):
            report = casework_pass(database, SystemClock(), school_id=summary.school_id,
                                   day=date.fromisoformat(summary.day),
                                   rolling_weeks=settings.casework_rolling_weeks)
            typer.echo(f"  casework: {dict(report.crossed)} crossed, {report.drafted} "
                       f"letters to approve, {report.reviews} framework reviews")
        if isinstance(summary, InstitutionSummary) and summary.days:
            for run in run_the_evening(database, SystemClock(), school_id=summary.school_id,
                                       day=summary.days[-1], config=run_config(settings)):
                typer.echo(f"  {run.kind} run for {run.day}: {run.outcome}, {run.composed} "
                           "messages")
            for track in engagement_pass(database, SystemClock(), school_id=summary.school_id,
                                         day=summary.days[-1]):
                moved = ", ".join(f"{n} {status}" for status, n in track.moved.items())
                typer.echo(f"  {track.track} statuses: {track.students} students, "
                           f"{moved or 'none moved'}; {track.tasks} tasks")
        if not no_serve:
            clock = SystemClock() if institution else _school_morning(settings, database)
            typer.echo(f"serving on http://{host or settings.host}:{port or settings.port} "
                       "(all channels simulated; Ctrl-C to stop)")
            run_app(settings, database, host=host, port=port, clock=clock)


def _school_morning(settings: Settings, database: Database) -> Clock:
    """The demo school's morning: its clock (moved to a school morning on a weekend, a
    holiday or at night) with the morning's runs fired, so there is something to see at once."""
    clock: Clock = SystemClock()
    with database.transaction() as session:
        school = next((s for s in all_schools(session) if s.name == SCHOOL_NAME), None)
        if school is None or school.id is None:  # not the demo's store: the real time
            return clock
        school_id, clock = school.id, demo_clock(session, school, clock)
        if not isinstance(clock, SystemClock):
            typer.echo("outside school hours: the demo's clock runs from "
                       f"{local_now(school, clock.now()):%A %d %B %H:%M}, the absence run of "
                       "the latest school day")
    for run in run_the_morning(database, clock, school_id=school_id,
                               config=run_config(settings)):
        typer.echo(f"{run.kind} run for {run.day}: {run.outcome}, {run.composed} messages")
    # Families answer through the inbound path, so the console's inbox has work at once.
    replies = send_family_replies(database, clock, school_id=school_id)
    typer.echo(f"family replies to the absence run: {replies} new")
    return clock

