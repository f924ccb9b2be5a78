"""Visa-sponsored students against the sponsor's own engagement policy (the `visa` track of
store/engagement.py), and the UKVI compliance role's decisions about a crossing.

A crossing opens a task for the compliance role (the recompute). A decision to report starts
a clock of 10 working days to the report (the school's calendar: weekends, bank holidays and
closures are not working days); the role then records the report it made itself, with its
date and reference. A decision not to report closes the task with its reason, and the student
is back within the policy once the rules no longer catch them. Every decision is audited for
inspection. rollcall never reports anything to the Home Office itself: it keeps the evidence,
the decision and the clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from store.audit import audit
from store.calendar import local_day, working_days_after, working_days_between
from store.clock import Clock
from store.database import rows_by_id
from store.engagement import VISA_INTENT, close_tasks, move, status_of, statuses
from store.engagement_figures import engagement_figures
from store.engagement_rules import (
    CROSSED,
    NOT_REPORTED,
    REPORT_DUE,
    REPORTED,
    VISA,
    Figures,
    policy_of,
)
from store.errors import InvalidInput
from store.models.engagement import EngagementStatus
from store.models.people import Student
from store.models.schools import School

REPORT_WORKING_DAYS = 10
MAX_NOTE = 2000
MAX_REFERENCE = 100


def decide(session: Session, clock: Clock, *, school: School, student: Student, staff_id: int,
           report: bool, note: str) -> date | None:
    """The compliance role's decision on a crossing: report (the day the report is due by, 10
    working days on) or not (the reason is required). InvalidInput, nothing changed, for a
    student with no crossing waiting."""
    assert student.id is not None
    _standing(session, student, CROSSED, "has no crossing waiting for a decision",
              problem="visa_not_crossed")
    words = note.strip()
    if len(words) > MAX_NOTE or (not report and not words):
        raise InvalidInput(f"a decision not to report needs its reason, 1 to {MAX_NOTE} "
                           "characters", problem="visa_no_report_reason", most=str(MAX_NOTE))
    actor = f"staff:{staff_id}"
    if report:
        due = working_days_after(session, school, local_day(school, clock.now()),
                                 REPORT_WORKING_DAYS)
        move(session, clock, student=student, track=VISA, status=REPORT_DUE, actor=actor,
             note=words or None, due_on=due)
        audit(session, clock, actor=actor, action="visa.decision", entity="student",
              entity_id=student.id, school_id=student.school_id, old=CROSSED,
              new=f"report, due by {due}" + (f": {words}" if words else ""))
        return due
    move(session, clock, student=student, track=VISA, status=NOT_REPORTED, actor=actor,
         note=words)
    close_tasks(session, clock, student_ids=[student.id], intent=VISA_INTENT, actor=actor)
    audit(session, clock, actor=actor, action="visa.decision", entity="student",
          entity_id=student.id, school_id=student.school_id, old=CROSSED,
          new=f"no report: {words}")
    return None


def record_report(session: Session, clock: Clock, *, school: School, student: Student,
                  staff_id: int, reported_on: date, reference: str) -> None:
    """The report the compliance role made to the Home Office (through the sponsor's own
    system, not rollcall): when, and its reference. The task closes; the clock stops."""
    assert student.id is not None
    row = _standing(session, student, REPORT_DUE, "has no report decided",
                    problem="visa_not_due")
    reference = reference.strip()
    if not reference or len(reference) > MAX_REFERENCE:
        raise InvalidInput(f"say the report's reference, 1 to {MAX_REFERENCE} characters",
                           problem="visa_reference", most=str(MAX_REFERENCE))
    if reported_on > local_day(school, clock.now()):
        raise InvalidInput("the report's date is in the future", problem="report_in_future")
    actor = f"staff:{staff_id}"
    late = row.due_on is not None and reported_on > row.due_on
    move(session, clock, student=student, track=VISA, status=REPORTED, actor=actor,
         note=f"reported on {reported_on}, reference {reference}", due_on=row.due_on)
    close_tasks(session, clock, student_ids=[student.id], intent=VISA_INTENT, actor=actor)
    audit(session, clock, actor=actor, action="visa.reported", entity="student",
          entity_id=student.id, school_id=student.school_id, old=f"due by {row.due_on}",
          new=f"reported on {reported_on}, reference {reference}"
              + (" (after the due day)" if late else ""))


def _standing(session: Session, student: Student, status: str, otherwise: str, *,
              problem: str) -> EngagementStatus:
    row = status_of(session, student_id=student.id or 0, track=VISA)
    if row is None or row.status != status:
        raise InvalidInput(f"the student {otherwise}", problem=problem)
    return row


@dataclass(frozen=True, slots=True)
class VisaStudent:
    """A visa-sponsored student as the compliance role reads them."""

    student: Student
    figures: Figures | None  # None: no taken event in the policy's window
    status: str  # compliant | crossed | report_due | reported | not_reported
    due_on: date | None
    working_days_left: int | None  # to the due day (negative: overdue), while a report is due


def visa_students(session: Session, *, school: School, day: date) -> list[VisaStudent]:
    """Every visa-sponsored student of the school against the sponsor's policy on `day`: those
    to act on first (crossed, then reports due by their due day), then the rest by name."""
    assert school.id is not None
    policy = policy_of(school, VISA)
    figures = engagement_figures(session, school_id=school.id, day=day, policy=policy,
                                 visa_only=True, exact=True)
    standing = statuses(session, school_id=school.id, track=VISA)
    rows = {row.student_id: row for row in rows_by_id(
        session, EngagementStatus, [row_id for row_id, _ in standing.values()]).values()}
    found = []
    for student in sponsored(session, school_id=school.id):
        row = rows.get(student.id or 0)
        due = row.due_on if row and row.status == REPORT_DUE else None
        found.append(VisaStudent(student=student, figures=figures.get(student.id or 0),
                                 status=row.status if row else "compliant", due_on=due,
                                 working_days_left=days_left(session, school, day, due)))
    order = {CROSSED: 0, REPORT_DUE: 1}
    return sorted(found, key=lambda v: (order.get(v.status, 2), v.due_on or date.max,
                                        v.student.last_name, v.student.first_name))


def days_left(session: Session, school: School, today: date, due: date | None) -> int | None:
    """Working days from `today` to a report's due day (negative: overdue by that many)."""
    if due is None:
        return None
    if due >= today:
        return working_days_between(session, school, today, due)
    return -working_days_between(session, school, due, today)


def sponsored(session: Session, *, school_id: int) -> list[Student]:
    """The school's visa-sponsored students."""
    return list(session.exec(select(Student).where(
        Student.school_id == school_id, col(Student.visa_sponsored).is_(True))))

