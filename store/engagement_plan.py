"""The monthly Student Success Action Plan list: the students who were at risk, in
intervention or referred at any time in the month (or are now), by their school, college or
department, each with their engagement history to the month's end; as a page and as CSV for
the Senior Tutors' meeting."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlmodel import Session, col, select

from store.database import in_chunks, rows_by_id
from store.engagement_rules import ENGAGEMENT, FLAGGED
from store.models.engagement import EngagementChange, EngagementStatus
from store.models.people import Student
from store.staff import staff_names


@dataclass(frozen=True, slots=True)
class PlanLine:
    """One student on the month's list, as the CSV has it."""

    department: str
    student_mis_id: str
    student_name: str
    course: str
    personal_tutor: str
    status: str  # where they stand now
    since: str  # since when (ISO 8601, UTC)
    history: str  # every change to the month's end: "2026-12-01 at_risk (rules); ..."


PLAN_FIELDS = tuple(PlanLine.__dataclass_fields__)
NO_DEPARTMENT = "—"


def month_of(day: date) -> tuple[date, date]:
    """The first and last day of the month `day` is in."""
    first = day.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return first, following - timedelta(days=1)


def action_plan(session: Session, *, school_id: int, start: date, end: date) -> list[PlanLine]:
    """The month's list (`start` to `end`, UTC days), by department then name."""
    flagged = FLAGGED[ENGAGEMENT]
    until = datetime.combine(end + timedelta(days=1), time(), UTC)
    since = datetime.combine(start, time(), UTC)
    wanted = set(session.exec(select(EngagementChange.student_id).where(
        EngagementChange.school_id == school_id, EngagementChange.track == ENGAGEMENT,
        col(EngagementChange.status).in_(flagged), col(EngagementChange.at) >= since,
        col(EngagementChange.at) < until)))
    now = {row.student_id: row for row in session.exec(select(EngagementStatus).where(
        EngagementStatus.school_id == school_id, EngagementStatus.track == ENGAGEMENT))}
    wanted |= {student_id for student_id, row in now.items() if row.status in flagged}
    if not wanted:
        return []
    changes: list[EngagementChange] = []
    for chunk in in_chunks(sorted(wanted)):
        changes += session.exec(select(EngagementChange).where(
            col(EngagementChange.student_id).in_(chunk), EngagementChange.track == ENGAGEMENT,
            col(EngagementChange.at) < until).order_by(col(EngagementChange.at),
                                                       col(EngagementChange.id)))
    students = rows_by_id(session, Student, wanted)
    tutors = staff_names(session, {s.personal_tutor_id for s in students.values()})
    lines = []
    for student_id in wanted:
        student, row = students[student_id], now.get(student_id)
        history = "; ".join(
            f"{c.at:%Y-%m-%d} {c.status}"
            + (f" ({', '.join(c.rules)})" if c.rules else f" ({c.note})" if c.note else "")
            for c in changes if c.student_id == student_id and c.at is not None)
        lines.append(PlanLine(
            department=student.department or NO_DEPARTMENT, student_mis_id=student.mis_id,
            student_name=f"{student.first_name} {student.last_name}",
            course=student.course or "",
            personal_tutor=tutors.get(student.personal_tutor_id or 0, ""),
            status=row.status if row else "engaged",
            since=row.since.isoformat() if row and row.since else "", history=history))
    return sorted(lines, key=lambda line: (line.department, line.student_name))
