"""Students: one by id, and the names messages call them by.

A message names a child by the name the family uses: the preferred name when the MIS has one,
else the first name; never a surname with a reason (safety rule 6).
"""

from __future__ import annotations

from collections.abc import Collection

from sqlmodel import Session, col, select

from store.models.people import Student


def year_groups(session: Session, school_ids: Collection[int]) -> list[str]:
    """The year groups of these schools' students, in school order (7 before 10)."""
    years = [y for y in session.exec(select(Student.year_group).where(
        col(Student.school_id).in_(list(school_ids))).distinct()) if y]
    return sorted(years, key=lambda y: (len(y), y))


def student_ids_by_mis_id(session: Session, school_id: int) -> dict[str, int]:
    """A school's students' ids by their id in the MIS."""
    return {mis_id: sid for mis_id, sid in session.exec(select(Student.mis_id, Student.id)
            .where(Student.school_id == school_id)) if sid is not None}


def student_by_id(session: Session, student_id: int) -> Student | None:
    return session.get(Student, student_id)


def first_names(session: Session, student_ids: Collection[int]) -> list[str]:
    """These students' first names, in order of id."""
    return list(session.exec(select(Student.first_name).where(
        col(Student.id).in_(list(student_ids))).order_by(col(Student.id))))


def names_used(session: Session, student_ids: Collection[int]) -> dict[int, str]:
    """The name a message calls each of these students by (preferred, else first)."""
    rows = session.exec(select(Student.id, Student.first_name, Student.preferred_name).where(
        col(Student.id).in_(list(student_ids))))
    return {sid: preferred or first for sid, first, preferred in rows if sid is not None}
