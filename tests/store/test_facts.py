"""What the engine is told about a sender: the register's marks (present ones too, so it knows
which sessions are taken) and the school's closed days around today."""

from __future__ import annotations

from datetime import UTC, date, datetime

from conversations.types import Session as RegisterSession
from store.database import Database
from store.facts import build_facts
from store.models.marks import Mark
from store.models.people import Contact, Student, StudentContact
from store.models.schools import School


def test_facts_carry_closed_days_and_every_mark_the_register_has_taken(db: Database) -> None:
    with db.transaction() as session:
        school = School(name="Hillside Primary", country="GB-ENG")
        session.add(school)
        session.flush()
        student = Student(school_id=school.id, mis_id="S1", first_name="Amy", last_name="Ash")
        contact = Contact(school_id=school.id, external_id="P1", name="Jane Ash",
                          phone="+447700900001")
        session.add_all([student, contact])
        session.flush()
        session.add_all([
            StudentContact(student_id=student.id, contact_id=contact.id),
            Mark(school_id=school.id, student_id=student.id, day=date(2026, 8, 28),
                 session="AM", code="/", reason_status="confirmed"),
            Mark(school_id=school.id, student_id=student.id, day=date(2026, 8, 28),
                 session="PM", code="N"),
        ])
        session.flush()
        # Friday 28 August 2026, 19:00 in London: the Monday after is the summer bank holiday.
        facts = build_facts(session, contacts=[contact], school=school,
                            now=datetime(2026, 8, 28, 18, 0, tzinfo=UTC))
    assert facts.today == date(2026, 8, 28)
    assert date(2026, 8, 31) in facts.closed_days
    assert date(2026, 9, 1) not in facts.closed_days
    assert date(2026, 8, 29) not in facts.closed_days  # weekends are the engine's own rule
    marks = {(m.session, m.code) for m in facts.students[0].marks}
    assert marks == {(RegisterSession.AM, "/"), (RegisterSession.PM, "N")}
