"""A small school for the loop's tests, and events stored exactly as a channel stores them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session

from channels.base import InboundMessage
from channels.events import store_received
from store.clock import Clock
from store.database import Database
from store.models.marks import Mark
from store.models.people import Contact, Student, StudentContact
from store.models.schools import School
from store.models.staff import StaffSchool, StaffUser

MONDAY = date(2026, 11, 23)
JANE = "+447700900001"


@dataclass
class World:
    school_id: int
    students: dict[str, int] = field(default_factory=dict)  # first name -> id
    contacts: dict[str, int] = field(default_factory=dict)  # external id -> id
    staff: dict[str, int] = field(default_factory=dict)  # name -> id


def build_school(db: Database) -> World:
    """Demo Academy: Amy and Ben Smith (Jane is their mother), both absent (N) this morning,
    one safeguarding lead and one attendance officer."""
    with db.transaction() as session:
        school = School(name="Demo Academy", phone="01632 960000")
        session.add(school)
        session.flush()
        assert school.id is not None
        world = World(school_id=school.id)
        for first in ("Amy", "Ben"):
            world.students[first] = add_student(session, school.id, first, "Smith")
        world.contacts["P1"] = add_contact(session, school.id, "P1", "Jane Smith", phone=JANE,
                                           email="jane.smith@example.org",
                                           students=[world.students["Amy"],
                                                     world.students["Ben"]])
        for first in ("Amy", "Ben"):
            add_mark(session, school.id, world.students[first], MONDAY, "AM", "N")
        world.staff["Sam"] = add_staff(session, school.id, "Sam Carter", "dsl",
                                       email="sam.carter@example.org", phone="+447700900950")
        world.staff["Olu"] = add_staff(session, school.id, "Olu Hart", "officer",
                                       email="olu.hart@example.org")
    return world


def add_student(session: Session, school_id: int, first: str, last: str) -> int:
    student = Student(school_id=school_id, mis_id=f"S-{first}-{last}", first_name=first,
                      last_name=last)
    session.add(student)
    session.flush()
    assert student.id is not None
    return student.id


def add_contact(session: Session, school_id: int, external_id: str, name: str, *,
                students: list[int], phone: str | None = None, email: str | None = None,
                relationship: str = "mother") -> int:
    contact = Contact(school_id=school_id, external_id=external_id, name=name, phone=phone,
                      email=email)
    session.add(contact)
    session.flush()
    assert contact.id is not None
    for priority, student_id in enumerate(students, 1):
        session.add(StudentContact(student_id=student_id, contact_id=contact.id,
                                   relationship=relationship, priority=priority))
    return contact.id


def add_mark(session: Session, school_id: int, student_id: int, day: date, register: str,
             code: str) -> None:
    session.add(Mark(school_id=school_id, student_id=student_id, day=day, session=register,
                     code=code, source="import", set_by="import"))


def add_staff(session: Session, school_id: int, name: str, role: str, *, email: str,
              phone: str | None = None) -> int:
    user = StaffUser(email=email, name=name, role=role, phone=phone)
    session.add(user)
    session.flush()
    assert user.id is not None
    session.add(StaffSchool(user_id=user.id, school_id=school_id))
    return user.id


def store_inbound(db: Database, clock: Clock, *, sender: str, text: str, channel: str = "sms",
                  provider_id: str | None = None, reply_token: str | None = None,
                  trusted_sender: bool = True, command: str | None = None,
                  command_arg: str | None = None, recipient: str | None = None) -> int | None:
    """Store one inbound message exactly as the channels' webhooks do; None when its provider
    id was stored before (a redelivery)."""
    message = InboundMessage(channel=channel, sender=sender, text=text,
                             provider_id=provider_id or f"SM{uuid.uuid4().hex}",
                             received_at=clock.now(), reply_token=reply_token,
                             trusted_sender=trusted_sender, command=command,
                             command_arg=command_arg, recipient=recipient)
    with db.transaction() as session:
        event, new = store_received(session, clock, message, raw=None)
        return event.id if new else None
