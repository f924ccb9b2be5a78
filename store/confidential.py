"""Who may read a student's confidential engagement records, and act on their engagement.

A Personal Tutor's meeting notes and agreed actions, and the reason a student was referred,
are read only by the student's own Personal Tutor and Senior Tutor, the student engagement
team (role `engagement`) and whoever wrote them: not other tutors, officers, safeguarding
leads or admins. The same people work a student's engagement (contact, meet, refer). Every
query that returns confidential rows takes a `Reader` and filters in SQL with `may_read`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, or_, true
from sqlmodel import col

from store.models.people import Student
from store.models.staff import StaffUser
from store.staff import Role


@dataclass(frozen=True, slots=True)
class Reader:
    """The member of staff asking, as the confidentiality rule needs them."""

    user_id: int
    role: str

    @classmethod
    def of(cls, user: StaffUser) -> Reader:
        assert user.id is not None
        return cls(user_id=user.id, role=user.role)


def works_with(reader: Reader, student: Student) -> bool:
    """True for the student's tutors and the engagement team: who may read the student's
    confidential notes and contact, meet or refer them."""
    return (reader.role == Role.ENGAGEMENT
            or reader.user_id in (student.personal_tutor_id, student.senior_tutor_id))


def may_read(reader: Reader, *, author: Any) -> ColumnElement[bool]:
    """The SQL condition a confidential row meets for this reader, on a query joined to the
    row's `Student` (`author` is the row's column naming who wrote it)."""
    if reader.role == Role.ENGAGEMENT:
        return true()
    return or_(author == reader.user_id, col(Student.personal_tutor_id) == reader.user_id,
               col(Student.senior_tutor_id) == reader.user_id)
