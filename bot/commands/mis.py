"""`rollcall mis link|sync|status|check`: a school's MIS, both ways (Wonde)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer

from bot.commands import open_store
from bot.settings import load_settings
from scheduling.mis.sync import SyncOutcome, sync_linked
from store.clock import SystemClock
from store.errors import InvalidInput
from store.mis_links import link_school, mis_links
from store.mis_push import queue_counts, recent_failures
from store.reconciliation import disagreements, disagreements_csv

SchoolOpt = Annotated[int | None, typer.Option("--school", help="One school's id (default: "
                                                                "every linked school).")]


def register(app: typer.Typer) -> None:
    mis_app = typer.Typer(help="The school's MIS through Wonde: pull what changed, write "
                               "confirmed reasons back, and see how that stands.",
                          no_args_is_help=True)

    @mis_app.command("link")
    def mis_link(school: Annotated[int, typer.Option("--school", help="The school's id.")],
                 mis_school: Annotated[str, typer.Option(
                     "--mis-school", help="The school's id in Wonde (A1930499544).")],
                 provider: Annotated[str, typer.Option(help="The connector.")] = "wonde"
                 ) -> None:
        """Link a school to its MIS; its token goes in ROLLCALL_WONDE_TOKENS. The next sync
        is a full pull."""
        database = open_store()
        with database.transaction() as session:
            link_school(session, SystemClock(), school_id=school, provider=provider,
                        mis_school_id=mis_school)
        typer.echo(f"school {school}: linked to {provider} school {mis_school}")

    @mis_app.command("sync")
    def mis_sync(school: SchoolOpt = None) -> None:
        """Pull what changed in the MIS now (students, contacts, codes, marks)."""
        database = open_store()
        try:
            outcomes = sync_linked(database, SystemClock(), load_settings(), school_id=school)
        finally:
            database.dispose()
        if not outcomes:
            typer.echo("no school is linked to an MIS yet: `rollcall mis link`")
        for outcome in outcomes:
            typer.echo(_sync_line(outcome))
            for why in (outcome.summary.skipped[:20] if outcome.summary else []):
                typer.echo(f"  not written: {why}")
        if any(o.error for o in outcomes):
            raise typer.Exit(1)

    @mis_app.command("status")
    def mis_status(school: SchoolOpt = None) -> None:
        """Last pull, last push, the push queue and recent failures of each linked school."""
        database = open_store()
        with database.transaction() as session:
            for link in mis_links(session, school_id=school):
                counts = queue_counts(session, school_id=link.school_id)
                typer.echo(f"school {link.school_id} ({link.provider} {link.mis_school_id})")
                typer.echo(f"  last pull: {_when(link.last_pull_at)}"
                           + (f" (failed: {link.last_pull_error})" if link.last_pull_error
                              else ""))
                typer.echo(f"  last push: {_when(link.last_push_at)}")
                oldest = f", oldest {_when(counts.oldest_pending)}" if counts.pending else ""
                typer.echo(f"  queue: {counts.pending} waiting ({counts.failing} retrying"
                           f"{oldest}), {counts.written} written, {counts.refused} refused")
                for push in recent_failures(session, school_id=link.school_id):
                    typer.echo(f"  push {push.id} mark {push.mark_id} {push.day} {push.session} "
                               f"{push.code}: {push.status}, {push.last_error}")
        database.dispose()

    @mis_app.command("check")
    def mis_check(day: Annotated[str | None, typer.Option(
                      "--date", help="YYYY-MM-DD (default: today, UTC).")] = None,
                  school: SchoolOpt = None) -> None:
        """The day's sessions where rollcall and the MIS disagree, as CSV on stdout (the
        console's MIS check page shows the same)."""
        wanted = _day(day)
        database = open_store()
        with database.transaction() as session:
            school_ids = [link.school_id for link in mis_links(session, school_id=school)]
            rows = disagreements(session, school_ids=school_ids, day=wanted)
        database.dispose()
        typer.echo(disagreements_csv(rows), nl=False)

    app.add_typer(mis_app, name="mis")


def _day(value: str | None) -> date:
    if value is None:
        return SystemClock().now().date()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(f"--date {value!r} is not a date (YYYY-MM-DD)") from None


def _sync_line(outcome: SyncOutcome) -> str:
    if outcome.summary is None:
        return f"school {outcome.school_id}: not pulled: {outcome.error}"
    s = outcome.summary
    line = (f"school {outcome.school_id}: {outcome.requests} requests in "
            f"{outcome.seconds:.1f} s; changed {s.students} students, {s.contacts} contacts, "
            f"{s.links} links, {s.marks} marks, {s.codes} codes")
    return line + (f"; {len(s.skipped)} not written" if s.skipped else "")


def _when(moment: object) -> str:
    return "never" if moment is None else str(moment)[:19]
