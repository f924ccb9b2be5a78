"""Importing students, contacts and register marks from the CSV files an MIS exports.

Header-driven (column names as SIMS, Bromcom, Arbor, Wonde or Xporter spell them, see
`store/columns.py`), UTF-8 with or without a byte-order mark, comma, semicolon or tab separated.
Each row is checked, then written inside its own savepoint, so a row is written whole or not
at all; a bad row is reported with its line number and the others go in, or nothing goes in
with `all_or_nothing`. Every write compares first: importing the same file again changes no
row and adds no audit entry. Imports add and update; they never delete.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import SessionTransaction
from sqlmodel import Session, select

from store.clock import Clock
from store.columns import (
    ColumnMap,
    match_columns,
    parse_date,
    parse_flag,
    parse_upn,
    parse_year_group,
)
from store.contact_import import import_contacts, import_own_contacts
from store.database import Database
from store.errors import InvalidCode, InvalidInput, NoMarkYet, NotFound
from store.event_import import import_event_attendance, import_events
from store.export_reader import Table, read_export
from store.import_rows import (
    ACTOR,
    ImportReport,
    Row,
    RowError,
    duplicate,
    each_row,
    insert_new,
    planned,
    set_fields,
    unchanged,
    written,
)
from store.institutions import age_decides
from store.marks import (
    MarkOutcome,
    RegisterEntry,
    insert_register_marks,
    marks_by_key,
    register_entry,
    unwritten_outcome,
    write_register_mark,
)
from store.models.marks import Mark
from store.models.people import Student
from store.models.schools import School
from store.profiles import Columns
from store.staff import tutor_ids

KINDS = ("students", "contacts", "marks", "events", "event-attendance")

__all__ = ["KINDS", "ImportReport", "PreviewOutdated", "RowError", "apply_import", "import_csv",
           "import_export", "preview_import"]


class _Refused(Exception):
    """Raised inside the transaction to roll an all-or-nothing import back."""


class PreviewOutdated(InvalidInput):
    """Applying an import would not do what its preview showed (the store changed since):
    nothing was written; `report` is what it would do now."""

    def __init__(self, report: ImportReport) -> None:
        super().__init__("the store has changed since the preview: nothing was imported; "
                         "check the new preview")
        self.report = report


def import_csv(database: Database, clock: Clock, *, kind: str, school_id: int, data: bytes,
               all_or_nothing: bool = False, profile: str | None = None) -> ImportReport:
    """Import one CSV (or JSON) file of `kind` for a school, in one transaction."""
    return import_export(database, clock, kind=kind, school_id=school_id, files=[data],
                         all_or_nothing=all_or_nothing, profile=profile)


def import_export(database: Database, clock: Clock, *, kind: str, school_id: int,
                  files: list[bytes], all_or_nothing: bool = False,
                  profile: str | None = None) -> ImportReport:
    """Import the file(s) of one export of `kind` for a school, in one transaction: read by
    `profile` (store/profiles.py), by the profile its header shows, or as a plain CSV.

    Raises InvalidInput for a file that cannot be read at all (not UTF-8, no header, a required
    column missing, an unknown profile) and NotFound for an unknown school; both change nothing.
    """
    table = _table(files, kind=kind, profile=profile)
    report = ImportReport(kind=kind, profile=table.profile)
    try:
        with database.transaction() as session:
            _import(session, clock, school_id=school_id, table=table, report=report,
                    all_or_nothing=all_or_nothing)
            if not report.applied:
                raise _Refused
    except _Refused:
        report.created = report.updated = report.kept = 0
    except IntegrityError as error:
        raise _store_refused(error) from None
    return report


def preview_import(session: Session, clock: Clock, *, kind: str, school_id: int,
                   files: list[bytes], all_or_nothing: bool = False,
                   profile: str | None = None) -> ImportReport:
    """What importing the file(s) would do, line by line (`report.outcomes()`), with nothing
    written: the import itself, run in a savepoint of the caller's transaction that is then
    rolled back. `applied` is False when all-or-nothing would refuse the whole file."""
    report, savepoint = _in_savepoint(session, clock, kind=kind, school_id=school_id,
                                      files=files, all_or_nothing=all_or_nothing, profile=profile)
    savepoint.rollback()
    return report


def apply_import(session: Session, clock: Clock, *, kind: str, school_id: int,
                 files: list[bytes], expected: str, all_or_nothing: bool = False,
                 profile: str | None = None) -> ImportReport:
    """Import the file(s) as previewed, in the caller's transaction: kept only when every line
    does what the preview showed (`expected`, its `digest()`). Otherwise, or when all-or-nothing
    refuses the file, nothing is written; PreviewOutdated carries what it would do now."""
    report, savepoint = _in_savepoint(session, clock, kind=kind, school_id=school_id,
                                      files=files, all_or_nothing=all_or_nothing, profile=profile)
    if report.digest() != expected:
        savepoint.rollback()
        raise PreviewOutdated(report)
    if not report.applied:
        savepoint.rollback()
        raise InvalidInput("all or nothing: a row is refused, so nothing was imported",
                           problem="all_or_nothing")
    savepoint.commit()
    return report


def _in_savepoint(session: Session, clock: Clock, *, kind: str, school_id: int,
                  files: list[bytes], all_or_nothing: bool,
                  profile: str | None) -> tuple[ImportReport, SessionTransaction]:
    """The import, each line's outcome kept, in a savepoint the caller ends."""
    table = _table(files, kind=kind, profile=profile)
    report = ImportReport(kind=kind, profile=table.profile, lines=[])
    savepoint = session.begin_nested()
    try:
        _import(session, clock, school_id=school_id, table=table, report=report,
                all_or_nothing=all_or_nothing)
    except IntegrityError as error:
        savepoint.rollback()
        raise _store_refused(error) from None
    except BaseException:
        savepoint.rollback()
        raise
    return report, savepoint


def _table(files: list[bytes], *, kind: str, profile: str | None) -> Table:
    if kind not in KINDS:
        raise InvalidInput(f"cannot import {kind!r}: one of {', '.join(KINDS)}",
                           problem="import_kind")
    return read_export(files, kind=kind, profile=profile)


def _import(session: Session, clock: Clock, *, school_id: int, table: Table,
            report: ImportReport, all_or_nothing: bool) -> None:
    """The one import every entry point runs; `report.applied` False when all-or-nothing
    refuses the file (the caller rolls it back)."""
    if session.get(School, school_id) is None:
        raise NotFound(f"no school with id {school_id}")
    _IMPORTERS[report.kind](session, clock, school_id=school_id, headers=table.headers,
                            rows=table.rows, report=report, aliases=table.columns)
    report.applied = not (all_or_nothing and report.errors)


def _store_refused(error: IntegrityError) -> InvalidInput:
    # Rows are checked before they are written, so this is a store rule we did not foresee:
    # the transaction is rolled back whole and nothing of the file is written.
    return InvalidInput(f"the store refused the file, nothing was imported ({error.orig})",
                        problem="store_refused_file")


# --- students ------------------------------------------------------------------------------

STUDENT_FIELDS = ("student_id", "upn", "first_name", "preferred_name", "last_name",
                  "year_group", "reg_group", "course", "department", "date_of_birth",
                  "personal_tutor", "senior_tutor", "visa_sponsored", "student_email",
                  "student_mobile")


def _import_students(session: Session, clock: Clock, *, school_id: int, headers: list[str],
                     rows: list[Row], report: ImportReport, aliases: Columns) -> None:
    columns = match_columns(headers, fields=STUDENT_FIELDS, aliases=aliases,
                            required=("student_id", "first_name", "last_name"))
    report.reads(columns)
    known = {s.mis_id: s for s in session.exec(select(Student)
                                               .where(Student.school_id == school_id))}
    tutors = tutor_ids(session) if columns.has("personal_tutor") or columns.has(
        "senior_tutor") else {}
    seen: dict[Any, int] = {}
    new: list[dict[str, Any]] = []
    school = session.get(School, school_id)
    ages = school is not None and age_decides(school)
    for line, cells in each_row(rows, report):
        try:
            values = _student_values(columns, cells) | _tutors(columns, cells, tutors)
        except InvalidInput as error:
            report.refuse(line, error)
            continue
        mis_id = values["mis_id"]
        if problem := duplicate(seen, mis_id, line, f"student {mis_id}",
                                problem="student_twice", student=mis_id):
            report.refuse(line, problem)
            continue
        student = known.get(mis_id)
        born = values.get("date_of_birth", student.date_of_birth if student else None)
        if ages and born is None:
            report.no_birth_date.append(line)
        subject = f"{mis_id} {values['first_name']} {values['last_name']}"
        if student is None:
            new.append({"school_id": school_id, **values})
            report.note(line, MarkOutcome.CREATED, subject=subject, changes=planned(None, values))
            continue

        if values["first_name"] == student.preferred_name != student.first_name:
            # A file whose first-name column holds the known-as name ("Amy") never overwrites
            # the legal one ("Amelia") the store already has.
            values = {k: v for k, v in values.items() if k != "first_name"}

        def write(student: Student = student, values: dict[str, Any] = values) -> MarkOutcome:
            return set_fields(session, clock, row=student, values=values, entity="student",
                               school_id=school_id)

        written(session, report, line, write, subject=subject,
                nothing=MarkOutcome.UNCHANGED if unchanged(student, values) else None,
                what=partial(planned, student, values))
    report.created += len(insert_new(session, clock, model=Student, entity="student",
                                      school_id=school_id, rows=new))
    if columns.has("student_email") or columns.has("student_mobile"):
        refused = {error.line for error in report.errors}
        import_own_contacts(session, clock, school_id=school_id, report=report, rows=[
            (line, cells) for line, cells in rows if line not in refused], columns=columns)


def _tutors(columns: ColumnMap, cells: list[str], tutors: dict[str, int]) -> dict[str, Any]:
    """The student's Personal Tutor and Senior Tutor, as staff accounts (by email or id)."""
    values: dict[str, Any] = {}
    for name in ("personal_tutor", "senior_tutor"):
        if not columns.has(name):
            continue
        cell = columns.value(cells, name)
        values[f"{name}_id"] = tutors.get(cell.lower()) if cell else None
        if cell and values[f"{name}_id"] is None:
            raise InvalidInput(f"no staff account for the {name.replace('_', ' ')} {cell!r} "
                               "(add it with `rollcall user add`, by email or staff id)",
                               problem="no_staff_account", value=cell, field=name)
    return values


def _student_values(columns: ColumnMap, cells: list[str]) -> dict[str, Any]:
    values: dict[str, Any] = {"mis_id": columns.value(cells, "student_id")}
    for name in ("first_name", "last_name"):
        values[name] = columns.value(cells, name)
        if not values[name] or not values["mis_id"]:
            missing = "student id" if not values["mis_id"] else name.replace("_", " ")
            raise InvalidInput(f"the {missing} is empty", problem=f"no_{name}"
                               if values["mis_id"] else "no_student_id",
                               field=name if values["mis_id"] else "student_id")
    parsers: dict[str, Callable[[str], Any]] = {
        "upn": parse_upn, "year_group": parse_year_group,
        "preferred_name": lambda v: v or None, "reg_group": lambda v: v or None,
        "course": lambda v: v or None, "department": lambda v: v or None,
        "date_of_birth": lambda v: parse_date(v) if v else None,
        "visa_sponsored": lambda v: parse_flag(v, field="visa_sponsored")}
    for name, parse in parsers.items():
        if columns.has(name):
            values[name] = columns.read(cells, name, parse)
    return values


# --- marks ---------------------------------------------------------------------------------

def _import_marks(session: Session, clock: Clock, *, school_id: int, headers: list[str],
                  rows: list[Row], report: ImportReport, aliases: Columns) -> None:
    columns = match_columns(headers, fields=("student_id", "date", "session", "code"),
                            aliases=aliases, required=("student_id", "date", "session", "code"))
    report.reads(columns)
    students = dict(session.exec(select(Student.mis_id, Student.id)
                                 .where(Student.school_id == school_id)).all())
    entries: list[tuple[int, RegisterEntry]] = []
    subjects: dict[int, str] = {}  # line -> the student id as the file gives it
    seen: dict[Any, int] = {}
    for line, cells in each_row(rows, report):
        try:
            entry = register_entry(students, student=columns.value(cells, "student_id"),
                                   day=columns.value(cells, "date"),
                                   session=columns.value(cells, "session"),
                                   code=columns.value(cells, "code"))
        except NoMarkYet:
            report.not_taken += 1
            report.note(line, "not_taken", subject=_session_of(columns, cells))
            continue
        except (InvalidInput, InvalidCode) as error:
            report.refuse(line, error)
            continue
        if problem := duplicate(seen, entry.key, line, "this student's session",
                                problem="session_twice"):
            report.refuse(line, problem)
            continue
        entries.append((line, entry))
        subjects[line] = columns.value(cells, "student_id")
    stored = marks_by_key(session, school_id=school_id, days=(e.day for _, e in entries))
    new = [entry for _, entry in entries if entry.key not in stored]
    report.created += insert_register_marks(session, clock, school_id=school_id, entries=new,
                                            actor=ACTOR)
    for line, entry in entries:
        existing = stored.get(entry.key)
        subject = f"{subjects[line]} {entry.day.isoformat()} {entry.session}"
        if existing is None:
            report.note(line, MarkOutcome.CREATED, subject=subject,
                        changes={"code": (None, entry.code)})
            continue
        def write(entry: RegisterEntry = entry, existing: Mark = existing) -> MarkOutcome:
            outcome, _ = write_register_mark(session, clock, school_id=school_id, entry=entry,
                                             existing=existing, actor=ACTOR)
            return outcome

        written(session, report, line, write, subject=subject,
                nothing=unwritten_outcome(existing, entry),
                what=partial(planned, existing, {"code": entry.code}))


def _session_of(columns: ColumnMap, cells: list[str]) -> str:
    """A register line as its file names it: student, date, session."""
    return " ".join(columns.value(cells, name) for name in ("student_id", "date", "session"))


_IMPORTERS: dict[str, Callable[..., None]] = {
    "students": _import_students, "contacts": import_contacts, "marks": _import_marks,
    "events": import_events, "event-attendance": import_event_attendance}
