"""Filling a fresh store with a replay script's school, people and registers."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlmodel import Session

from bot.replay.script import Script
from store.clock import Clock
from store.contacts import normalise_email
from store.database import add_row
from store.marks import RegisterEntry, upsert_mark
from store.models.people import Contact, Student, StudentContact
from store.models.schools import School
from store.models.staff import StaffSchool, StaffUser
from store.phones import read_phone


@dataclass(slots=True)
class SeededIds:
    """The store's ids for the script's ids."""

    school: int
    students: dict[str, int] = field(default_factory=dict)
    contacts: dict[str, int] = field(default_factory=dict)
    users: dict[str, int] = field(default_factory=dict)


def seed(session: Session, clock: Clock, script: Script) -> SeededIds:
    """Write the script's school, students, contacts, staff and marks; return their ids."""
    spec = script.school
    school = School(name=spec.name, timezone=spec.timezone, country=_country(spec.country),
                    welsh_bilingual=spec.welsh_bilingual, auto_confirm=list(spec.auto_confirm),
                    phone="01632 960000", setting=spec.setting,
                    self_cert_max_days=spec.self_cert_max_days,
                    self_cert_reasons=_listed(spec.self_cert_reasons),
                    self_cert_evidence_reasons=_listed(spec.self_cert_evidence_reasons))
    add_row(session, school)
    assert school.id is not None
    ids = SeededIds(school=school.id)
    for raw in script.students:
        student = Student(school_id=school.id, mis_id=raw["id"], first_name=raw["first_name"],
                          last_name=str(raw.get("last_name", "")),
                          preferred_name=raw.get("preferred_name"),
                          year_group=_optional(raw.get("year")),
                          date_of_birth=raw.get("date_of_birth"))
        add_row(session, student)
        assert student.id is not None
        ids.students[raw["id"]] = student.id
    for raw in script.contacts:
        ids.contacts[raw["id"]] = _contact(session, school.id, raw, ids)
    _staff(session, script, ids)
    for raw in script.marks:
        # The same path as a CSV import or the REST API: a register line, audited.
        entry = RegisterEntry(student_id=ids.students[str(raw["student"])], day=raw["date"],
                              session=str(raw["session"]), code=str(raw["code"]))
        upsert_mark(session, clock, school_id=school.id, entry=entry, actor="import")
    return ids


def _contact(session: Session, school_id: int, raw: dict[str, Any], ids: SeededIds) -> int:
    channels = raw.get("channels") or [c for c in ("sms", "email", "telegram")
                                       if raw.get({"sms": "phone"}.get(c, c))]
    phone = read_phone(str(raw["phone"])) if raw.get("phone") else None
    # A script that lists WhatsApp among a contact's channels means they opted in to it.
    contact = Contact(school_id=school_id, external_id=raw["id"],
                      name=str(raw.get("name", raw["id"])),
                      phone=phone.e164 if phone and phone.textable else None,
                      landline=phone.e164 if phone and not phone.textable else None,
                      email=normalise_email(str(raw["email"])) if raw.get("email") else None,
                      telegram_chat_id=str(raw["telegram"]) if raw.get("telegram") else None,
                      language=str(raw.get("language", "en")), channels=[str(c) for c in channels],
                      whatsapp_opt_in="whatsapp" in channels)
    add_row(session, contact)
    assert contact.id is not None
    for priority, student in enumerate(raw["students"], 1):
        add_row(session, StudentContact(
            student_id=ids.students[str(student)], contact_id=contact.id,
            relationship=str(raw.get("relationship", "parent")), priority=priority,
            parental_responsibility=True))
    return contact.id


def _staff(session: Session, script: Script, ids: SeededIds) -> None:
    users = list(script.users)
    if not any(u["role"] in ("admin", "officer") for u in users):
        # A staff step without a user acts as the first admin or officer, made up if none.
        users.append({"id": "__officer__", "name": "Attendance Officer", "role": "officer",
                      "email": "attendance.officer@example.org"})
    for raw in users:
        user = StaffUser(email=normalise_email(str(raw.get("email")
                                                   or f"{raw['id'].lower()}@example.org")),
                         name=str(raw["name"]), role=str(raw["role"]),
                         phone=read_phone(str(raw["phone"])).e164 if raw.get("phone") else None,
                         external_id=raw["id"])
        add_row(session, user)
        assert user.id is not None
        add_row(session, StaffSchool(user_id=user.id, school_id=ids.school))
        ids.users[raw["id"]] = user.id


def default_staff_user(script: Script, ids: SeededIds) -> int:
    """The first admin or officer: who acts in a `staff:` step that names no user."""
    for raw in script.users:
        if raw["role"] in ("admin", "officer"):
            return ids.users[raw["id"]]
    return ids.users["__officer__"]


def _country(country: str) -> str:
    # The format says "GB" for the United Kingdom; the bank holidays differ by nation.
    return "GB-ENG" if country.upper() in ("GB", "UK") else country


def _listed(values: tuple[str, ...] | None) -> list[str] | None:
    return None if values is None else list(values)


EVENT_COLUMNS = ("Event ID", "Student ID", "Module", "Event Type", "Event Name", "Start", "End",
                 "Room", "Attendance")


def attendance_csv(rows: list[tuple[dict[str, Any], str, str]]) -> bytes:
    """An event-attendance file (plain CSV) of (event, student id, status) rows, so that a
    script's events go in exactly as an import brings them."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(EVENT_COLUMNS)
    for event, student, status in rows:
        end = event.get("end")
        writer.writerow([event["id"], student, event.get("module", ""), event.get("type", ""),
                         event.get("name", ""), event["start"].isoformat(timespec="minutes"),
                         end.isoformat(timespec="minutes") if end else "",
                         event.get("room", ""), status.replace("_", " ")])
    return out.getvalue().encode("utf-8")


def _optional(value: Any) -> str | None:
    return None if value is None else str(value)


def parse_day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))
