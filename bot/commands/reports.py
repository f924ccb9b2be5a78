"""`rollcall report cohorts|student`: a college's or university's engagement reports as files,
for whoever answers an ad hoc request outside the console (the same figures and history as the
console's Cohorts page and a student's page)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Annotated

import typer

from bot.commands import open_store
from bot.engagement_pdf import history_pdf
from store import calendar
from store.clock import SystemClock
from store.engagement_reports import (
    COHORT_FIELDS,
    COHORTS,
    HISTORY_DAYS,
    HISTORY_FIELDS,
    WINDOW_DAYS,
    cohort_engagement,
    engagement_history,
)
from store.models.schools import School
from store.schools import school_by_id
from store.spreadsheet import dataclass_csv
from store.staff import staff_names
from store.students import student_by_id, student_ids_by_mis_id

SchoolArg = Annotated[int, typer.Option("--school", help="The college's or university's id.")]
FromOpt = Annotated[str | None, typer.Option("--from", help="First day (YYYY-MM-DD).")]
ToOpt = Annotated[str | None, typer.Option("--to", help="Last day (YYYY-MM-DD); default today.")]


def register(app: typer.Typer) -> None:
    report_app = typer.Typer(help="Engagement reports of a college or university.",
                             no_args_is_help=True)

    @report_app.command("cohorts")
    def cohorts(school: SchoolArg, by: Annotated[str, typer.Option(
            help=f"Group by {', '.join(COHORTS)}.")] = "course",
            start: FromOpt = None, end: ToOpt = None) -> None:
        """Attendance at timetabled events per cohort, as CSV on standard output (four weeks
        to today unless told)."""
        if by not in COHORTS:
            raise typer.BadParameter(f"one of {', '.join(COHORTS)}", param_hint="--by")
        database = open_store()
        try:
            with database.transaction() as session:
                found = _institution(school_by_id(session, school))
                first, last = _window(found, start, end, WINDOW_DAYS)
                lines = cohort_engagement(session, school_id=school, start=first, end=last,
                                          by=by)
        finally:
            database.dispose()
        typer.echo(dataclass_csv(lines, COHORT_FIELDS), nl=False)

    @report_app.command("student")
    def student(school: SchoolArg, student_id: Annotated[str, typer.Argument(
            help="The student's id as imported (their MIS id).")],
            pdf: Annotated[Path | None, typer.Option(
                "--pdf", help="Write the PDF here instead of CSV on standard output.")] = None,
            language: Annotated[str, typer.Option(help="The PDF's language.")] = "en",
            start: FromOpt = None, end: ToOpt = None) -> None:
        """One student's engagement and intervention history (the last year unless told):
        every event with its attendance, self-certifications, meetings and messages.
        Safeguarding conversations are left out: they are read in the console by those who
        may."""
        database = open_store()
        try:
            with database.transaction() as session:
                found = _institution(school_by_id(session, school))
                wanted = student_ids_by_mis_id(session, school).get(student_id)
                who = student_by_id(session, wanted) if wanted else None
                if who is None:
                    raise typer.BadParameter(f"no student {student_id!r} at school {school}")
                first, last = _window(found, start, end, HISTORY_DAYS)
                lines = engagement_history(session, student=who, timezone=found.timezone,
                                           start=first, end=last, reads_safeguarding=False,
                                           reader=None)
                if pdf is not None:
                    tutors = staff_names(session, {who.personal_tutor_id, who.senior_tutor_id})
                    pdf.write_bytes(history_pdf(student=who, school=found.name, start=first,
                                                end=last, lines=lines, tutors=tutors,
                                                language=language))
        finally:
            database.dispose()
        if pdf is None:
            typer.echo(dataclass_csv(lines, HISTORY_FIELDS), nl=False)
        else:
            typer.echo(f"{pdf}: {len(lines)} lines, {first} to {last}")

    app.add_typer(report_app, name="report")


def _institution(school: School | None) -> School:
    if school is None or school.setting == "school":
        raise typer.BadParameter("not a college or university (rollcall school set ID "
                                 "--setting university)", param_hint="--school")
    return school


def _window(school: School, start: str | None, end: str | None, days: int) -> tuple[date, date]:
    try:
        last = date.fromisoformat(end) if end else calendar.local_day(school, SystemClock().now())
        return (date.fromisoformat(start) if start else last - timedelta(days=days)), last
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--from/--to") from None
