"""The demo's school year so far gives the weekly casework pass every rung to act on."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime

from sqlmodel import func, select

from scheduling.casework import casework_pass
from store.clock import FakeClock
from store.database import Database
from store.demo_history import add_history
from store.models.marks import Mark
from store.models.people import Contact, Student, StudentContact
from store.models.schools import School

DAY = date(2026, 12, 4)


def test_a_term_of_history_crosses_every_rung(db: Database) -> None:
    clock = FakeClock(datetime(2026, 12, 4, 10, 0, tzinfo=UTC))
    with db.transaction() as session:
        school = School(name="Kestrel Vale Academy")
        session.add(school)
        session.flush()
        students = []
        for n in range(300):
            student = Student(school_id=school.id, mis_id=f"S{n}", first_name="Amy",
                              last_name="Ash")
            contact = Contact(school_id=school.id, external_id=f"C{n}", name="Parent",
                              email=f"parent{n}@example.org")
            session.add_all([student, contact])
            session.flush()
            session.add(StudentContact(student_id=student.id, contact_id=contact.id,
                                       parental_responsibility=True))
            students.append(student.id or 0)
        written = add_history(session, random.Random(7), school, students, today=DAY)
        count = session.exec(select(func.count()).select_from(Mark)).one()
        first = session.exec(select(func.min(Mark.day))).one()
    # 1 September to 3 December 2026: 68 weekdays; no bank holiday in England between.
    assert written == count == 300 * 68 * 2 and first == date(2026, 9, 1)
    report = casework_pass(db, clock, school_id=school.id or 0, day=DAY, rolling_weeks=6)
    assert set(report.crossed) == {"friendly", "concern", "persistent"}
    assert report.reviews >= 1 and report.drafted == sum(report.crossed.values())
