"""A school to run casework over: students with a register of marks, their families."""

from __future__ import annotations

from datetime import date, timedelta

from sqlmodel import Session

from store.models.marks import Mark
from store.models.people import Contact, Student, StudentContact
from store.models.schools import School

FRIDAY = date(2026, 11, 27)
NEXT_FRIDAY = FRIDAY + timedelta(weeks=1)


def weekdays(count: int, *, last: date = FRIDAY) -> list[date]:
    days: list[date] = []
    day = last
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day -= timedelta(days=1)
    return sorted(days)


def sessions(present: int, absent: int, code: str = "I", *, last: date = FRIDAY
              ) -> list[tuple[date, str, str]]:
    """`present` then `absent` sessions, AM and PM, on the weekdays up to `last`."""
    halves = [(day, half) for day in weekdays((present + absent + 1) // 2, last=last)
              for half in ("AM", "PM")][:present + absent]
    return [(day, half, "/" if n < present else code) for n, (day, half) in enumerate(halves)]


class SchoolWorld:
    """A school to put students on, with their families."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.school = School(name="Hillside Academy")
        session.add(self.school)
        session.flush()
        assert self.school.id is not None
        self.id: int = self.school.id
        self._pr: dict[int, bool | None] = {}

    def family(self, name: str, *, language: str = "en", pr: bool | None = True,
               no_contact: bool = False, email: bool = True,
               address: tuple[str, ...] = ()) -> int:
        contact = Contact(school_id=self.id, external_id=name, name=name, language=language,
                          email=f"{name.lower()}@example.org" if email else None,
                          phone="+447700900123",
                          no_contact=no_contact, postal_address=list(address))
        self.session.add(contact)
        self.session.flush()
        assert contact.id is not None
        self._pr[contact.id] = pr
        return contact.id

    def student(self, name: str, marks: list[tuple[date, str, str]], *contacts: int) -> int:
        student = Student(school_id=self.id, mis_id=name, first_name=name, last_name="Ash")
        self.session.add(student)
        self.session.flush()
        assert student.id is not None
        self.session.add_all([Mark(school_id=self.id, student_id=student.id, day=day,
                                   session=half, code=code,
                                   reason_status="unexplained" if code == "N" else "confirmed")
                              for day, half, code in marks])
        for priority, contact_id in enumerate(contacts, 1):
            link = StudentContact(student_id=student.id, contact_id=contact_id,
                                  priority=priority)
            link.parental_responsibility = self._pr[contact_id]
            self.session.add(link)
        self.session.flush()
        return student.id
