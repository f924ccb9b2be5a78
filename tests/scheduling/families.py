"""Building invented schools, families and registers for the scheduling tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlmodel import Session, select

from scheduling.runs import start_run
from store.clock import FakeClock
from store.database import Database
from store.models.marks import Mark
from store.models.outbound import Outbox
from store.models.people import Contact, Student, StudentContact
from store.models.schools import School

MONDAY = date(2026, 11, 23)


@dataclass
class Register:
    """A school being filled in: `family()` adds a household, `mark()` a register mark."""

    session: Session
    school: School
    students: dict[str, Student] = field(default_factory=dict)
    contacts: dict[str, Contact] = field(default_factory=dict)
    _phones: int = 0

    def contact(self, name: str, **fields: object) -> Contact:
        self._phones += 1
        values: dict[str, object] = {"phone": f"+447700900{self._phones:03d}"}
        values.update(fields)
        contact = Contact(school_id=self.school.id, external_id=name, name=name, **values)
        self.session.add(contact)
        self.session.flush()
        self.contacts[name] = contact
        return contact

    def student(self, first_name: str, *contacts: Contact, pr: bool = True) -> Student:
        student = Student(school_id=self.school.id, mis_id=first_name, first_name=first_name,
                          last_name="Ashdown")
        self.session.add(student)
        self.session.flush()
        for priority, contact in enumerate(contacts, 1):
            self.session.add(StudentContact(student_id=student.id, contact_id=contact.id,
                                            priority=priority, parental_responsibility=pr))
        self.students[first_name] = student
        return student

    def mark(self, first_name: str, code: str, *, day: date = MONDAY, session: str = "AM",
             reason_status: str = "unexplained") -> Mark:
        mark = Mark(school_id=self.school.id, student_id=self.students[first_name].id, day=day,
                    session=session, code=code, reason_status=reason_status)
        self.session.add(mark)
        self.session.flush()
        return mark


def new_school(session: Session, **fields: object) -> Register:
    school = School(name=str(fields.pop("name", "Hillside Primary")), **fields)
    session.add(school)
    session.flush()
    return Register(session=session, school=school)


def absence_sent_to_mum(db: Database, clock: FakeClock) -> tuple[Register, Contact]:
    """Amy's absence message went to Mum this morning (five minutes ago); no reply yet."""
    with db.transaction() as session:
        reg = new_school(session)
        mum = reg.contact("Mum")
        reg.student("Amy", mum)
        reg.mark("Amy", "N")
    start_run(db, clock, school_id=reg.school.id, day=MONDAY, kind="absence")
    clock.advance(timedelta(minutes=5))
    with db.transaction() as session:
        for row in session.exec(select(Outbox)):
            row.status, row.sent_at = "sent", clock.now()
            session.add(row)
    return reg, mum
