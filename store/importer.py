"""Importing students, contacts and register marks from the CSV files an MIS exports.

Header-driven (column names as SIMS, Bromcom, Arbor, Wonde or Xporter spell them, see
`store/columns.py`), UTF-8 with or without a byte-order mark, comma, semicolon or tab separated.
Each row is checked, then written inside its own savepoint, so a row is written whole or not
at all; a bad row is reported with its line number and the others go in, or nothing goes in
with `all_or_nothing`. Every write compares first: importing the same file again changes no
row and adds no audit entry. Imports add and update; they never delete.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, SQLModel, select

from store.audit import audit
from store.clock import Clock
from store.columns import (
    ColumnMap,
    match_columns,
    parse_flag,
    parse_language,
    parse_priority,
    parse_upn,
    parse_year_group,
)
from store.contacts import normalise_email, normalise_phone
from store.database import Database, insert_rows
from store.errors import InvalidCode, InvalidInput, NotFound
from store.marks import (
    MarkOutcome,
    RegisterEntry,
    insert_register_marks,
    marks_by_key,
    register_entry,
    unwritten_outcome,
    write_register_mark,
)
from store.models import AuditEntry, Contact, School, Student, StudentContact

KINDS = ("students", "contacts", "marks")
ACTOR = "import"


@dataclass(frozen=True, slots=True)
class RowError:
    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass(slots=True)
class ImportReport:
    """What an import did: counts of rows by outcome, and every row it refused."""

    kind: str
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    kept: int = 0  # marks whose collected reason an incoming N did not overwrite
    errors: list[RowError] = field(default_factory=list)
    ignored_columns: tuple[str, ...] = ()
    applied: bool = True  # False when all-or-nothing refused the whole file

    def count(self, outcome: MarkOutcome) -> None:
        setattr(self, outcome.value, getattr(self, outcome.value) + 1)

    def refuse(self, line: int, message: str) -> None:
        self.errors.append(RowError(line, message))


Row = tuple[int, list[str]]  # (line number where the row starts, cells)


class _Refused(Exception):
    """Raised inside the transaction to roll an all-or-nothing import back."""


def import_csv(database: Database, clock: Clock, *, kind: str, school_id: int, data: bytes,
               all_or_nothing: bool = False) -> ImportReport:
    """Import one CSV file of `kind` for a school, in one transaction.

    Raises InvalidInput for a file that cannot be read at all (not UTF-8, no header, a required
    column missing) and NotFound for an unknown school; both change nothing.
    """
    if kind not in KINDS:
        raise InvalidInput(f"cannot import {kind!r}: one of {', '.join(KINDS)}")
    headers, rows = read_csv(data)
    report = ImportReport(kind=kind)
    try:
        with database.transaction() as session:
            if session.get(School, school_id) is None:
                raise NotFound(f"no school with id {school_id}")
            _IMPORTERS[kind](session, clock, school_id=school_id, headers=headers, rows=rows,
                             report=report)
            if all_or_nothing and report.errors:
                raise _Refused
    except _Refused:
        report.applied = False
        report.created = report.updated = report.kept = 0
    except IntegrityError as error:
        # Rows are checked before they are written, so this is a store rule we did not foresee:
        # the transaction is rolled back whole and nothing of the file is written.
        raise InvalidInput(f"the store refused the file, nothing was imported ({error.orig})"
                           ) from None
    return report


def read_csv(data: bytes) -> tuple[list[str], list[Row]]:
    """The header and the non-blank rows, each with the line it starts on."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        raise InvalidInput(f"line {line}: the file is not UTF-8 (save it as CSV UTF-8)") from None
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records: list[Row] = []
    start = 1
    try:
        for cells in reader:
            if any(c.strip() for c in cells):
                records.append((start, cells))
            start = reader.line_num + 1
    except csv.Error as error:
        raise InvalidInput(f"line {reader.line_num}: {error}") from None
    if not records:
        raise InvalidInput("the file is empty: it needs a header row")
    (_, headers), *rows = records
    return headers, rows


def _each_row(rows: list[Row], report: ImportReport) -> Iterator[Row]:
    report.rows = len(rows)
    yield from rows


def _written(session: Session, report: ImportReport, line: int,
             write: Callable[[], MarkOutcome], *, nothing: MarkOutcome | None = None) -> None:
    """Run one row's writes in a savepoint: the row lands whole or not at all. `nothing` is
    the outcome when a comparison already showed the row would change nothing (no savepoint,
    no statement)."""
    if nothing is not None:
        report.count(nothing)
        return
    try:
        with session.begin_nested():
            report.count(write())
    except (InvalidInput, InvalidCode) as error:
        report.refuse(line, str(error))
    except IntegrityError as error:
        report.refuse(line, f"the store refused the row ({error.orig})")


def _set_fields(session: Session, clock: Clock, *, row: SQLModel, values: dict[str, Any],
                entity: str, school_id: int) -> MarkOutcome:
    """Create or update `row` with `values`, compare-before-write, audited."""
    is_new = getattr(row, "id", None) is None
    changed = values if is_new else _changes(row, values)
    if not changed and not is_new:
        return MarkOutcome.UNCHANGED
    old = None if is_new else {k: getattr(row, k) for k in changed}
    for name, value in changed.items():
        setattr(row, name, value)
    session.add(row)
    session.flush()
    audit(session, clock, actor=ACTOR, action=f"{entity}.{'created' if is_new else 'updated'}",
          entity=entity, entity_id=getattr(row, "id", None), school_id=school_id,
          old=json.dumps(old, sort_keys=True, default=str) if old else None,
          new=json.dumps(changed, sort_keys=True, default=str))
    return MarkOutcome.CREATED if is_new else MarkOutcome.UPDATED


def _insert_new(session: Session, clock: Clock, *, model: type[SQLModel], entity: str,
                school_id: int, rows: list[dict[str, Any]]) -> list[int]:
    """Insert rows that are new to the store set-wise, each with its audit entry: a school's
    first import in a few statements rather than a flush per row."""
    ids = insert_rows(session, model, rows)
    insert_rows(session, AuditEntry, [
        dict(at=clock.now(), actor=ACTOR, action=f"{entity}.created", entity=entity,
             entity_id=str(row_id), school_id=school_id,
             new_value=json.dumps({k: v for k, v in row.items() if k != "school_id"},
                                  sort_keys=True, default=str))
        for row_id, row in zip(ids, rows, strict=True)])
    return ids


def _changes(row: SQLModel, values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if getattr(row, k) != v}


def _unchanged(row: SQLModel | None, values: dict[str, Any]) -> bool:
    return row is not None and getattr(row, "id", None) is not None and not _changes(row, values)


def _duplicate(seen: dict[Any, int], key: Any, line: int, what: str) -> str | None:
    if key in seen:
        return f"{what} is also on line {seen[key]}; each may appear once"
    seen[key] = line
    return None


# --- students ------------------------------------------------------------------------------

STUDENT_FIELDS = ("student_id", "upn", "first_name", "preferred_name", "last_name",
                  "year_group", "reg_group", "course")


def _import_students(session: Session, clock: Clock, *, school_id: int, headers: list[str],
                     rows: list[Row], report: ImportReport) -> None:
    columns = match_columns(headers, fields=STUDENT_FIELDS,
                            required=("student_id", "first_name", "last_name"))
    report.ignored_columns = columns.ignored
    known = {s.mis_id: s for s in session.exec(select(Student)
                                               .where(Student.school_id == school_id))}
    seen: dict[Any, int] = {}
    new: list[dict[str, Any]] = []
    for line, cells in _each_row(rows, report):
        try:
            values = _student_values(columns, cells)
        except InvalidInput as error:
            report.refuse(line, str(error))
            continue
        mis_id = values["mis_id"]
        if problem := _duplicate(seen, mis_id, line, f"student {mis_id}"):
            report.refuse(line, problem)
            continue
        student = known.get(mis_id)
        if student is None:
            new.append({"school_id": school_id, **values})
            continue

        def write(student: Student = student, values: dict[str, Any] = values) -> MarkOutcome:
            return _set_fields(session, clock, row=student, values=values, entity="student",
                               school_id=school_id)

        _written(session, report, line, write, nothing=MarkOutcome.UNCHANGED
                 if _unchanged(student, values) else None)
    report.created += len(_insert_new(session, clock, model=Student, entity="student",
                                      school_id=school_id, rows=new))


def _student_values(columns: ColumnMap, cells: list[str]) -> dict[str, Any]:
    values: dict[str, Any] = {"mis_id": columns.value(cells, "student_id")}
    for name in ("first_name", "last_name"):
        values[name] = columns.value(cells, name)
        if not values[name] or not values["mis_id"]:
            missing = "student id" if not values["mis_id"] else name.replace("_", " ")
            raise InvalidInput(f"the {missing} is empty")
    parsers: dict[str, Callable[[str], Any]] = {
        "upn": parse_upn, "year_group": parse_year_group,
        "preferred_name": lambda v: v or None, "reg_group": lambda v: v or None,
        "course": lambda v: v or None}
    for name, parse in parsers.items():
        if columns.has(name):
            values[name] = parse(columns.value(cells, name))
    return values


# --- contacts ------------------------------------------------------------------------------

CONTACT_FIELDS = ("student_id", "contact_id", "contact_name", "contact_first_name",
                  "contact_last_name", "title", "relationship", "priority",
                  "parental_responsibility", "mobile", "phone", "email", "telegram_chat_id",
                  "language", "no_contact")


def _import_contacts(session: Session, clock: Clock, *, school_id: int, headers: list[str],
                     rows: list[Row], report: ImportReport) -> None:
    columns = match_columns(headers, fields=CONTACT_FIELDS, required=("student_id",))
    if not (columns.has("contact_name") or columns.has("contact_last_name")):
        raise InvalidInput("no contact name column (accepted: Contact Name, DisplayName, or "
                           "Forename + Surname)")
    report.ignored_columns = columns.ignored
    students = dict(session.exec(select(Student.mis_id, Student.id)
                                 .where(Student.school_id == school_id)).all())
    contacts = {c.external_id: c for c in session.exec(select(Contact)
                                                       .where(Contact.school_id == school_id))}
    links = {(link.student_id, link.contact_id): link for link in session.exec(
        select(StudentContact).join(Contact).where(Contact.school_id == school_id))}
    first_seen: dict[str, tuple[int, dict[str, Any]]] = {}
    seen_links: dict[Any, int] = {}
    new_contacts: dict[str, dict[str, Any]] = {}
    new_links: list[tuple[int, str, dict[str, Any]]] = []
    for line, cells in _each_row(rows, report):
        try:
            student_id, contact_values, link_values = _contact_values(columns, cells, students)
        except InvalidInput as error:
            report.refuse(line, str(error))
            continue
        external_id = contact_values.pop("external_id")
        if problem := _conflict(first_seen, external_id, line, contact_values) or _duplicate(
                seen_links, (student_id, external_id), line, f"contact {external_id} for "
                "this student"):
            report.refuse(line, problem)
            continue

        contact = contacts.get(external_id)
        if contact is None or (_unchanged(contact, contact_values)
                               and (student_id, contact.id) not in links):
            new_contacts.setdefault(external_id, {"school_id": school_id,
                                                  "external_id": external_id, **contact_values})
            new_links.append((student_id, external_id, link_values))
            continue

        def write(contact: Contact = contact, student_id: int = student_id,
                  contact_values: dict[str, Any] = contact_values,
                  link_values: dict[str, Any] = link_values) -> MarkOutcome:
            contact_outcome = _set_fields(session, clock, row=contact, values=contact_values,
                                          entity="contact", school_id=school_id)
            link = links.get((student_id, contact.id)) or StudentContact(
                student_id=student_id, contact_id=contact.id or 0)
            link_outcome = _set_fields(session, clock, row=link, values=link_values,
                                       entity="student_contact", school_id=school_id)
            links[(student_id, contact.id)] = link
            return _combined(contact_outcome, link_outcome)

        same = _unchanged(contact, contact_values) and _unchanged(
            links.get((student_id, contact.id)), link_values)
        _written(session, report, line, write, nothing=MarkOutcome.UNCHANGED if same else None)
    _insert_new_contacts(session, clock, school_id=school_id, contacts=contacts,
                         new_contacts=new_contacts, new_links=new_links)
    report.created += len(new_links)


def _insert_new_contacts(session: Session, clock: Clock, *, school_id: int,
                         contacts: dict[str, Contact], new_contacts: dict[str, dict[str, Any]],
                         new_links: list[tuple[int, str, dict[str, Any]]]) -> None:
    """New contacts, then the new links to them and to known contacts, set-wise."""
    fresh = [c for ext, c in new_contacts.items() if ext not in contacts]
    ids = _insert_new(session, clock, model=Contact, entity="contact", school_id=school_id,
                      rows=fresh)
    contact_ids = {ext: c.id for ext, c in contacts.items()}
    contact_ids.update(zip((c["external_id"] for c in fresh), ids, strict=True))
    _insert_new(session, clock, model=StudentContact, entity="student_contact",
                school_id=school_id, rows=[
                    {"student_id": student_id, "contact_id": contact_ids[ext], **values}
                    for student_id, ext, values in new_links])


def _contact_values(columns: ColumnMap, cells: list[str],
                    students: dict[str, int | None]) -> tuple[int, dict[str, Any],
                                                              dict[str, Any]]:
    mis_id = columns.value(cells, "student_id")
    student_id = students.get(mis_id)
    if student_id is None:
        raise InvalidInput(f"no student with id {mis_id!r} (import students first)" if mis_id
                           else "the student id is empty")
    name = columns.value(cells, "contact_name") or " ".join(
        part for part in (columns.value(cells, "title"),
                          columns.value(cells, "contact_first_name"),
                          columns.value(cells, "contact_last_name")) if part)
    if not name:
        raise InvalidInput("the contact's name is empty")
    values: dict[str, Any] = {"name": name}
    raw_phone = columns.value(cells, "mobile") or columns.value(cells, "phone")
    if columns.has("mobile") or columns.has("phone"):
        values["phone"] = _checked(normalise_phone, raw_phone, "phone")
    if columns.has("email"):
        values["email"] = _checked(normalise_email, columns.value(cells, "email"), "email")
    if columns.has("telegram_chat_id"):
        values["telegram_chat_id"] = columns.value(cells, "telegram_chat_id") or None
    if columns.has("language"):
        values["language"] = parse_language(columns.value(cells, "language"))
    if columns.has("no_contact"):
        values["no_contact"] = parse_flag(columns.value(cells, "no_contact"), field="no_contact")
    values["external_id"] = columns.value(cells, "contact_id") or _derived_id(values)
    link: dict[str, Any] = {}
    if columns.has("relationship"):
        link["relationship"] = columns.value(cells, "relationship").lower() or "contact"
    if columns.has("priority"):
        link["priority"] = parse_priority(columns.value(cells, "priority"))
    if columns.has("parental_responsibility"):
        link["parental_responsibility"] = parse_flag(
            columns.value(cells, "parental_responsibility"), field="parental_responsibility")
    return student_id, values, link


def _checked(normalise: Callable[[str], str], raw: str, what: str) -> str | None:
    if not raw:
        return None
    try:
        return normalise(raw)
    except InvalidInput as error:
        raise InvalidInput(f"{what} {raw!r}: {error}") from None


def _derived_id(values: dict[str, Any]) -> str:
    """A stable id for a contact the file gives none for: its name and addresses."""
    basis = "|".join(str(values.get(k) or "") for k in ("name", "phone", "email"))
    return "auto:" + hashlib.sha256(basis.lower().encode()).hexdigest()[:16]


def _conflict(first_seen: dict[str, tuple[int, dict[str, Any]]], external_id: str, line: int,
              values: dict[str, Any]) -> str | None:
    """Siblings share a contact; the same contact with other details on two lines is refused."""
    if external_id not in first_seen:
        first_seen[external_id] = (line, values)
        return None
    first_line, first_values = first_seen[external_id]
    if first_values != values:
        return f"contact {external_id} has other details on line {first_line}"
    return None


def _combined(*outcomes: MarkOutcome) -> MarkOutcome:
    for outcome in (MarkOutcome.CREATED, MarkOutcome.UPDATED):
        if outcome in outcomes:
            return outcome
    return MarkOutcome.UNCHANGED


# --- marks ---------------------------------------------------------------------------------

def _import_marks(session: Session, clock: Clock, *, school_id: int, headers: list[str],
                  rows: list[Row], report: ImportReport) -> None:
    columns = match_columns(headers, fields=("student_id", "date", "session", "code"),
                            required=("student_id", "date", "session", "code"))
    report.ignored_columns = columns.ignored
    students = dict(session.exec(select(Student.mis_id, Student.id)
                                 .where(Student.school_id == school_id)).all())
    entries: list[tuple[int, RegisterEntry]] = []
    seen: dict[Any, int] = {}
    for line, cells in _each_row(rows, report):
        try:
            entry = register_entry(students, student=columns.value(cells, "student_id"),
                                   day=columns.value(cells, "date"),
                                   session=columns.value(cells, "session"),
                                   code=columns.value(cells, "code"))
        except (InvalidInput, InvalidCode) as error:
            report.refuse(line, str(error))
            continue
        if problem := _duplicate(seen, entry.key, line, "this student's session"):
            report.refuse(line, problem)
            continue
        entries.append((line, entry))
    stored = marks_by_key(session, school_id=school_id, days=(e.day for _, e in entries))
    new = [entry for _, entry in entries if entry.key not in stored]
    report.created += insert_register_marks(session, clock, school_id=school_id, entries=new,
                                            actor=ACTOR)
    for line, entry in entries:
        if entry.key not in stored:
            continue
        def write(entry: RegisterEntry = entry) -> MarkOutcome:
            outcome, _ = write_register_mark(session, clock, school_id=school_id, entry=entry,
                                             existing=stored.get(entry.key), actor=ACTOR)
            return outcome

        _written(session, report, line, write,
                 nothing=unwritten_outcome(stored.get(entry.key), entry))


_IMPORTERS: dict[str, Callable[..., None]] = {
    "students": _import_students, "contacts": _import_contacts, "marks": _import_marks}
