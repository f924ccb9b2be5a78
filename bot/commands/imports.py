"""`rollcall import students|contacts|marks|events|event-attendance FILE... --school ID
[--profile P]`: the school's MIS exports (CSV, or an MIS's JSON), and a college's or
university's timetable and event attendance, read by an export profile when one is named or
shown."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from bot.commands import open_store
from store.clock import SystemClock
from store.errors import InvalidInput
from store.importer import ImportReport, import_export
from store.profiles import PROFILES

FileArg = Annotated[list[Path], typer.Argument(
    help="The export: a CSV file (UTF-8, with a header row) or an MIS's JSON; Xporter's "
         "contacts are its StudentContacts, Contacts and PersonComms files together.",
    exists=True, dir_okay=False, readable=True)]
ProfileOpt = Annotated[str | None, typer.Option(
    "--profile", help=f"The MIS the export comes from: {', '.join(PROFILES)}. Left out, a "
                      "header only one MIS writes picks it; otherwise a plain CSV.")]
SchoolOpt = Annotated[int, typer.Option("--school", help="The school's id (rollcall school list).")]
AllOrNothingOpt = Annotated[bool, typer.Option(
    "--all-or-nothing", help="Import nothing at all when any row is bad.")]


def register(app: typer.Typer) -> None:
    import_app = typer.Typer(
        help="Import students, contacts, register marks, timetabled events or event attendance "
             "from an MIS CSV export. Re-importing "
             "a file changes nothing; bad rows are reported with their line numbers.",
        no_args_is_help=True)

    @import_app.command("students")
    def import_students(file: FileArg, school: SchoolOpt, all_or_nothing: AllOrNothingOpt = False,
                        profile: ProfileOpt = None) -> None:
        """Students: id and names; UPN, year, registration group, course if present; for a
        college or university also date of birth, Personal and Senior Tutor (a staff account's
        email or staff id), visa sponsorship, and the student's own email and mobile (the
        student becomes their own contact)."""
        _run("students", file, school=school, all_or_nothing=all_or_nothing, profile=profile)

    @import_app.command("contacts")
    def import_contacts(file: FileArg, school: SchoolOpt, all_or_nothing: AllOrNothingOpt = False,
                        profile: ProfileOpt = None) -> None:
        """Contacts, one row per student and contact (siblings share a contact id)."""
        _run("contacts", file, school=school, all_or_nothing=all_or_nothing, profile=profile)

    @import_app.command("marks")
    def import_marks(file: FileArg, school: SchoolOpt, all_or_nothing: AllOrNothingOpt = False,
                     profile: ProfileOpt = None) -> None:
        """Register marks: student id, date, session (AM/PM/lesson) and code."""
        _run("marks", file, school=school, all_or_nothing=all_or_nothing, profile=profile)

    @import_app.command("events")
    def import_events(file: FileArg, school: SchoolOpt, all_or_nothing: AllOrNothingOpt = False,
                      profile: ProfileOpt = None) -> None:
        """Timetabled events: event id and start; course, module, type, end, room and staff if
        present. A row naming a student schedules the student for the event."""
        _run("events", file, school=school, all_or_nothing=all_or_nothing, profile=profile)

    @import_app.command("event-attendance")
    def import_event_attendance(file: FileArg, school: SchoolOpt,
                                all_or_nothing: AllOrNothingOpt = False,
                                profile: ProfileOpt = None) -> None:
        """Attendance per event and student: present, absent, late, authorised or not taken
        yet; rows describing an event not yet known create it."""
        _run("event-attendance", file, school=school, all_or_nothing=all_or_nothing,
             profile=profile)

    app.add_typer(import_app, name="import")


def _run(kind: str, files: list[Path], *, school: int, all_or_nothing: bool,
         profile: str | None) -> None:
    name = ", ".join(file.name for file in files)
    database = open_store()
    try:
        report = import_export(database, SystemClock(), kind=kind, school_id=school,
                               files=[file.read_bytes() for file in files],
                               all_or_nothing=all_or_nothing, profile=profile)
    except InvalidInput as error:
        raise InvalidInput(f"{name}: {error}") from None
    finally:
        database.dispose()
    for line in summary(report, name=name):
        typer.echo(line)
    if report.errors:
        raise typer.Exit(1)


def summary(report: ImportReport, *, name: str) -> list[str]:
    """What an import did, for a person: counts, then every refused row with its line."""
    if report.applied:
        counts = (f"{report.created} created, {report.updated} updated, "
                  f"{report.unchanged} unchanged")
        if report.kind == "marks":
            counts += (f", {report.kept} kept (reason already given), {report.not_taken} "
                       "not taken yet (- or blank)")
        if report.kind == "events":
            counts += f"; {report.scheduled} students put on events"
        if report.kind == "event-attendance":
            counts += (f", {report.kept} kept (reason already given); "
                       f"{report.events_created} events created")
    else:
        counts = "nothing imported (--all-or-nothing)"
    read_as = f" (read as {report.profile})" if report.profile else ""
    lines = [f"{name}{read_as}: {report.rows} rows of {report.kind}: {counts}; "
             f"{len(report.errors)} refused"]
    lines += [f"  {error}" for error in report.errors]
    if report.warnings:
        lines.append(f"{len(report.warnings)} cells left out of rows that were imported:")
        lines += [f"  {warning}" for warning in report.warnings]
    if report.no_birth_date:
        lines.append(f"{len(report.no_birth_date)} students with no date of birth (lines "
                     f"{', '.join(map(str, report.no_birth_date))}): counted as adults, so their "
                     "parents and carers are not contacted; add it in the MIS")
    if report.ignored_columns:
        lines.append(f"ignored columns: {', '.join(report.ignored_columns)}")
    return lines
