"""`rollcall engagement run`: a college's or university's engagement statuses recomputed now
(the nightly job's work, by hand)."""

from __future__ import annotations

import typer

from bot.commands import DayOpt, SchoolArg, open_store, school_day
from scheduling.engagement import engagement_pass
from store.clock import SystemClock


def register(app: typer.Typer) -> None:
    engagement_app = typer.Typer(help="Colleges and universities: students' engagement "
                                      "status and visa compliance.", no_args_is_help=True)

    @engagement_app.command("run")
    def run(school: SchoolArg, day: DayOpt = None) -> None:
        """Recompute every student's status from the attendance up to the day: who is at risk,
        re-engaged, or crossed the visa sponsor's policy (tasks opened). Safe to repeat."""
        database = open_store()
        clock = SystemClock()
        try:
            when = school_day(database, clock, school_id=school, day=day)
            found = engagement_pass(database, clock, school_id=school, day=when)
        finally:
            database.dispose()
        if not found:
            typer.echo(f"school {school}: not a college or university (its setting is school)")
        for track in found:
            moved = ", ".join(f"{status} {n}" for status, n in sorted(track.moved.items()))
            typer.echo(f"school {school} {when} {track.track}: {track.students} students with "
                       f"attendance, {track.met} meeting a rule; moved: {moved or 'none'}; "
                       f"tasks {track.tasks}")

    app.add_typer(engagement_app, name="engagement")
