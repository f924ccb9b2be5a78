"""Importing contacts: one CSV row per student and contact; siblings' rows share a contact."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import partial
from typing import Any

from sqlmodel import Session, select

from store.addresses import ADDRESS_FIELDS, address_lines
from store.clock import Clock
from store.columns import (
    ALIASES,
    ColumnMap,
    match_columns,
    parse_flag,
    parse_known_flag,
    parse_language,
    parse_priority,
)
from store.contact_matching import ContactMatcher
from store.contacts import normalise_email, set_court_order, whatsapp_choice
from store.errors import InvalidInput
from store.import_rows import (
    ACTOR,
    ImportReport,
    Planned,
    Row,
    duplicate,
    each_row,
    insert_new,
    planned,
    set_fields,
    unchanged,
    written,
)
from store.institutions import EMPLOYER, SELF, relationship_of
from store.marks import MarkOutcome
from store.models.people import Contact, Student, StudentContact
from store.models.schools import School
from store.phones import contact_phones, region_of
from store.profiles import Columns

CONTACT_FIELDS = ("student_id", "contact_id", "contact_name", "contact_first_name",
                  "contact_last_name", "title", "relationship", "priority",
                  "parental_responsibility", "mobile", "phone", "email", "telegram_chat_id",
                  "whatsapp", "language", "no_contact", "tell_absence", "tell_reason",
                  "court_order", *ADDRESS_FIELDS)


def import_contacts(session: Session, clock: Clock, *, school_id: int, headers: list[str],
                    rows: list[Row], report: ImportReport, aliases: Columns) -> None:
    """Contacts and their links to students, from one file (see store/importer.py)."""
    columns = match_columns(headers, fields=CONTACT_FIELDS, aliases=aliases,
                            required=("student_id",))
    if not (columns.has("contact_name") or columns.has("contact_last_name")):
        raise InvalidInput("no contact name column (accepted: Contact Name, DisplayName, or "
                           "Forename + Surname)", problem="no_contact_name_column")
    report.reads(columns)
    school = session.get(School, school_id)
    region = region_of(school.country) if school else "GB"
    students = dict(session.exec(select(Student.mis_id, Student.id)
                                 .where(Student.school_id == school_id)).all())
    mis_ids = {student_id: mis_id for mis_id, student_id in students.items()}
    contacts = {c.external_id: c for c in session.exec(select(Contact)
                                                       .where(Contact.school_id == school_id))}
    # Keyed by (student id, contact id); looked up with a loaded contact's `id`, typed optional.
    links: dict[tuple[int, int | None], StudentContact] = {
        (link.student_id, link.contact_id): link for link in session.exec(
            select(StudentContact).join(Contact).where(Contact.school_id == school_id))}
    matcher = ContactMatcher(contacts.values(), links)
    first_seen: dict[str, tuple[int, dict[str, Any]]] = {}
    seen_links: dict[Any, int] = {}
    new_contacts: dict[str, dict[str, Any]] = {}
    new_links: list[tuple[int, str, dict[str, Any]]] = []
    court_orders: set[str] = set()
    for line, cells in each_row(rows, report):
        try:
            student_id, contact_values, link_values = _contact_values(
                columns, cells, students, region=region)
        except InvalidInput as error:
            report.refuse(line, error)
            continue
        restricted = contact_values.pop("court_order")
        for where, why in contact_values.pop("dropped_phones"):
            report.warn(line, InvalidInput(
                f"column {where!r}: {why}; the number was left out, the rest of the row "
                "imported", problem="phone_left_out", column=where, reason=why.problem or "",
                english=str(why), **why.values))
        external_id = contact_values.pop("external_id") or matcher.external_id(
            name=contact_values["name"], values=contact_values, student_id=student_id
        ) or _derived_id(contact_values)
        if problem := _conflict(first_seen, external_id, line, contact_values) or duplicate(
                seen_links, (student_id, external_id), line, f"contact {external_id} for "
                "this student", problem="contact_twice", contact=external_id):
            report.refuse(line, problem)
            continue

        if restricted:
            court_orders.add(external_id)
        contact = contacts.get(external_id)
        subject = f"{contact_values['name']} ({mis_ids[student_id]})"
        if contact is None or (unchanged(contact, contact_values)
                               and (student_id, contact.id) not in links):
            adds = {} if contact is not None or external_id in new_contacts else contact_values
            new_contacts.setdefault(external_id, {"school_id": school_id,
                                                  "external_id": external_id, **contact_values})
            new_links.append((student_id, external_id, link_values))
            report.note(line, MarkOutcome.CREATED, subject=subject, changes=planned(None, {
                **adds, "student_id": mis_ids[student_id], **link_values}))
            continue

        def write(contact: Contact = contact, student_id: int = student_id,
                  contact_values: dict[str, Any] = contact_values,
                  link_values: dict[str, Any] = link_values) -> MarkOutcome:
            contact_outcome = set_fields(session, clock, row=contact, values=contact_values,
                                          entity="contact", school_id=school_id)
            link = links.get((student_id, contact.id)) or StudentContact(
                student_id=student_id, contact_id=contact.id or 0)
            link_outcome = set_fields(session, clock, row=link, values=link_values,
                                       entity="student_contact", school_id=school_id)
            links[(student_id, contact.id)] = link
            return _combined(contact_outcome, link_outcome)

        link = links.get((student_id, contact.id))
        same = unchanged(contact, contact_values) and unchanged(link, link_values)
        written(session, report, line, write, subject=subject,
                nothing=MarkOutcome.UNCHANGED if same else None,
                what=partial(_planned_row, contact, contact_values, link, {
                    "student_id": mis_ids[student_id], **link_values}))
    for external_id in court_orders:
        if external_id in new_contacts:
            new_contacts[external_id]["court_order"] = True
    _insert_new_contacts(session, clock, school_id=school_id, contacts=contacts,
                         new_contacts=new_contacts, new_links=new_links)
    report.created += len(new_links)
    for external_id in court_orders & contacts.keys():
        set_court_order(session, clock, contacts[external_id], restricted=True, actor=ACTOR)


def _insert_new_contacts(session: Session, clock: Clock, *, school_id: int,
                         contacts: dict[str, Contact], new_contacts: dict[str, dict[str, Any]],
                         new_links: list[tuple[int, str, dict[str, Any]]]) -> None:
    """New contacts, then the new links to them and to known contacts, set-wise."""
    fresh = [c for ext, c in new_contacts.items() if ext not in contacts]
    ids = insert_new(session, clock, model=Contact, entity="contact", school_id=school_id,
                      rows=fresh)
    contact_ids = {ext: c.id for ext, c in contacts.items()}
    contact_ids.update(zip((c["external_id"] for c in fresh), ids, strict=True))
    insert_new(session, clock, model=StudentContact, entity="student_contact",
                school_id=school_id, rows=[
                    {"student_id": student_id, "contact_id": contact_ids[ext], **values}
                    for student_id, ext, values in new_links])


def _contact_values(columns: ColumnMap, cells: list[str], students: dict[str, int | None],
                    *, region: str) -> tuple[int, dict[str, Any], dict[str, Any]]:
    mis_id = columns.value(cells, "student_id")
    student_id = students.get(mis_id)
    if student_id is None:
        if not mis_id:
            raise InvalidInput("the student id is empty", problem="no_student_id",
                               field="student_id")
        raise InvalidInput(f"no student with id {mis_id!r} (import students first)",
                           problem="unknown_student_import_first", student=mis_id,
                           field="student_id")
    name = columns.value(cells, "contact_name") or " ".join(
        part for part in (columns.value(cells, "title"),
                          columns.value(cells, "contact_first_name"),
                          columns.value(cells, "contact_last_name")) if part)
    if not name:
        raise InvalidInput("the contact's name is empty", problem="no_contact_name")
    values: dict[str, Any] = {"name": name}
    phones = contact_phones(columns.cells(cells, "mobile") + columns.cells(cells, "phone"),
                            region=region)
    if columns.has("mobile") or columns.has("phone"):
        values.update(phones.fields())
    if columns.has("email"):
        values["email"] = _checked(normalise_email, columns.value(cells, "email"), "email")
    if columns.has("telegram_chat_id"):
        values["telegram_chat_id"] = columns.value(cells, "telegram_chat_id") or None
    if columns.has("whatsapp"):
        values |= whatsapp_choice(columns.read(cells, "whatsapp",
                                               partial(parse_flag, field="whatsapp")))
    if columns.has("language"):
        values["language"] = columns.read(cells, "language", parse_language)
    if columns.has("no_contact"):
        values["no_contact"] = parse_flag(columns.value(cells, "no_contact"), field="no_contact")
    if any(columns.has(field) for field in ADDRESS_FIELDS):
        values["postal_address"] = address_lines(
            {field: columns.value(cells, field) for field in ADDRESS_FIELDS})
    # Apart from the other details: an import records a court order but never lifts one
    # (a person does, in the console), and one sibling's row saying so is enough.
    values["court_order"] = columns.has("court_order") and parse_flag(
        columns.value(cells, "court_order"), field="court_order")
    values["external_id"] = columns.value(cells, "contact_id") or None
    values["dropped_phones"] = phones.dropped
    link: dict[str, Any] = {}
    if columns.has("relationship"):
        link["relationship"] = relationship_of(columns.value(cells, "relationship")) or "contact"
    link |= _agreement(columns, cells, employer=link.get("relationship") == EMPLOYER)
    if columns.has("priority"):
        link["priority"] = columns.read(cells, "priority", parse_priority)
    if columns.has("parental_responsibility"):
        link["parental_responsibility"] = parse_known_flag(
            columns.value(cells, "parental_responsibility"), field="parental_responsibility")
    return student_id, values, link


def _agreement(columns: ColumnMap, cells: list[str], *, employer: bool) -> dict[str, bool]:
    """What the contact may be told. An employer is told only what the apprenticeship
    agreement allows: nothing it does not say yes to. Anyone else, all unless a cell says no."""
    told: dict[str, bool] = {}
    for name in ("tell_absence", "tell_reason"):
        cell = columns.value(cells, name) if columns.has(name) else ""
        if cell:
            told[name] = parse_flag(cell, field=name)
        elif employer:
            told[name] = False
    return told


def _checked(normalise: Callable[[str], str], raw: str, what: str) -> str | None:
    if not raw:
        return None
    try:
        return normalise(raw)
    except InvalidInput as error:
        raise InvalidInput(f"{what} {raw!r}: {error}", problem="not_an_email",
                           field=what) from None


def _derived_id(values: dict[str, Any]) -> str:
    """An id for a new contact the file gives none for, the same on every sibling's row: its
    name and addresses. A stored contact keeps the id it has (store/contact_matching.py)."""
    basis = "|".join(str(values.get(k) or "") for k in ("name", "phone", "email"))
    return "auto:" + hashlib.sha256(basis.lower().encode()).hexdigest()[:16]


def _conflict(first_seen: dict[str, tuple[int, dict[str, Any]]], external_id: str, line: int,
              values: dict[str, Any]) -> InvalidInput | None:
    """Siblings share a contact; the same contact with other details on two lines is refused."""
    if external_id not in first_seen:
        first_seen[external_id] = (line, values)
        return None
    first_line, first_values = first_seen[external_id]
    if first_values != values:
        return InvalidInput(f"contact {external_id} has other details on line {first_line}",
                            problem="contact_differs", contact=external_id,
                            line=str(first_line))
    return None


def _planned_row(contact: Contact, contact_values: dict[str, Any], link: StudentContact | None,
                 link_values: dict[str, Any]) -> Planned:
    """What a row changes on a known contact, and on its link to the student (all of the
    link's values when the link is new; the student only then)."""
    on_link = planned(link, link_values if link is None else {
        k: v for k, v in link_values.items() if k != "student_id"})
    return {**planned(contact, contact_values), **on_link}


def _combined(*outcomes: MarkOutcome) -> MarkOutcome:
    for outcome in (MarkOutcome.CREATED, MarkOutcome.UPDATED):
        if outcome in outcomes:
            return outcome
    return MarkOutcome.UNCHANGED



_OWN_HEADERS = ["Student ID", "Contact ID", "Contact Name", "Relationship", "Priority",
                "Mobile", "Email"]


def import_own_contacts(session: Session, clock: Clock, *, school_id: int,
                        report: ImportReport, rows: list[Row], columns: ColumnMap) -> None:
    """Students as their own contacts (relationship `self`), from a students file's student
    email and mobile columns, through the contacts import. A cell it cannot use (a number that
    is not one) is a warning on the student's line: the student is imported all the same."""
    own: list[Row] = []
    for line, cells in rows:
        email, mobile = (columns.value(cells, "student_email"),
                         columns.value(cells, "student_mobile"))
        if not (email or mobile):
            continue
        mis_id = columns.value(cells, "student_id")
        name = " ".join(part for part in (
            columns.value(cells, "preferred_name") or columns.value(cells, "first_name"),
            columns.value(cells, "last_name")) if part)
        own.append((line, [mis_id, f"self:{mis_id}", name, SELF, "1", mobile, email]))
    contacts = ImportReport(kind="contacts", lines=None if report.lines is None else [])
    import_contacts(session, clock, school_id=school_id, headers=_OWN_HEADERS, rows=own,
                    report=contacts, aliases=ALIASES)
    for problem in contacts.errors + contacts.warnings:
        english = f"the student's own contact: {problem.message}"
        report.warn(problem.line, english if problem.problem is None else InvalidInput(
            english, problem="own_contact", own_reason=problem.problem,
            own_english=problem.message, **dict(problem.values)))
    if report.lines is not None:  # a preview shows the own contacts a line adds or changes
        report.lines += [outcome for outcome in contacts.outcomes()
                         if outcome.outcome in (MarkOutcome.CREATED, MarkOutcome.UPDATED)]
