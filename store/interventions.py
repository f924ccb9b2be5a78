"""What people do about a student's engagement: the Personal Tutor made contact (at risk ->
intervention), a referral to the Senior Tutor, wellbeing or safeguarding (a task for them), a
student judged re-engaged by hand; and the lists the console shows (students to act on, the
tasks about one student and who may read each).

Who may do these is store/confidential.py's `works_with`; the shell checks it before calling.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sqlmodel import Session, col, select

from conversations.whys import Why
from store.clock import Clock
from store.confidential import Reader, works_with
from store.engagement import REVIEW_INTENT, VISA_INTENT, close_tasks, move, status_of
from store.engagement_rules import (
    AT_RISK,
    ENGAGEMENT,
    FLAGGED,
    INTERVENTION,
    RE_ENGAGED,
    REFERRED,
)
from store.errors import InvalidInput
from store.escalations import Task, open_tasks
from store.models.engagement import EngagementStatus
from store.models.escalations import Escalation
from store.models.people import Student
from store.on_call import on_call_list
from store.staff import SAFEGUARDING_ROLES, Role, first_with_role, staff_user

# Whom a student may be referred to, and the task's intent for each.
REFERRALS = {"senior_tutor": "engagement_referral", "wellbeing": "wellbeing_referral",
             "safeguarding": "safeguarding"}
# Tasks about a student's engagement, shown on their engagement page; all but a safeguarding
# referral (the DSL's, on its own page) are worked there.
TASK_INTENTS = (REVIEW_INTENT, *REFERRALS.values(), VISA_INTENT)
ENGAGEMENT_TASKS = frozenset(TASK_INTENTS) - {REFERRALS["safeguarding"]}
MAX_REASON = 2000


def note_contact(session: Session, clock: Clock, *, student: Student, staff_id: int,
                 how: str) -> bool:
    """The tutor contacted the student (`how`: message, invitation, meeting): a student at
    risk is now in intervention. Whether they moved."""
    assert student.id is not None
    row = status_of(session, student_id=student.id, track=ENGAGEMENT)
    if row is None or row.status != AT_RISK:
        return False
    move(session, clock, student=student, track=ENGAGEMENT, status=INTERVENTION,
         actor=f"staff:{staff_id}", note=how)
    return True


def refer(session: Session, clock: Clock, *, student: Student, staff_id: int, to: str,
          reason: str) -> int:
    """Refer the student: a task for the Senior Tutor, the wellbeing service or the
    safeguarding lead with the reason, and the student referred. The task's id. InvalidInput
    (nothing changed) for an unknown referral, no reason, or nobody to refer to."""
    assert student.id is not None
    words = reason.strip()
    if to not in REFERRALS:
        raise InvalidInput(f"refer to one of: {', '.join(REFERRALS)}", problem="unknown_referral")
    if not words or len(words) > MAX_REASON:
        raise InvalidInput(f"a referral needs its reason, 1 to {MAX_REASON} characters",
                           problem="referral_reason", most=str(MAX_REASON))
    who = staff_user(session, staff_id)
    tasks = open_tasks(session, clock, [Task(
        school_id=student.school_id, student_id=student.id, intent=REFERRALS[to],
        assigned_user_id=_referred_to(session, student, to),
        why=Why("referred", name=who.name, words=words))], actor=f"staff:{staff_id}")
    task_id = tasks[student.id]
    move(session, clock, student=student, track=ENGAGEMENT, status=REFERRED,
         actor=f"staff:{staff_id}", note=f"referred to {to}", task_id=task_id)
    return task_id


def _referred_to(session: Session, student: Student, to: str) -> int | None:
    if to == "senior_tutor":
        if student.senior_tutor_id is None:
            raise InvalidInput("the student has no Senior Tutor", problem="no_senior_tutor")
        return student.senior_tutor_id
    if to == "wellbeing":
        found = first_with_role(session, school_id=student.school_id, role=Role.WELLBEING)
        return found.id if found else None  # the wellbeing service's unassigned list
    leads = [user for user in on_call_list(session, student.school_id) if user.role == Role.DSL]
    return leads[0].id if leads else None


def mark_re_engaged(session: Session, clock: Clock, *, student: Student, staff_id: int,
                    note: str) -> None:
    """A person judges the student re-engaged (from at risk, intervention or referred): the
    Personal Tutor's review closes; referrals stay with whoever has them."""
    assert student.id is not None
    row = status_of(session, student_id=student.id, track=ENGAGEMENT)
    if row is None or row.status not in FLAGGED[ENGAGEMENT]:
        raise InvalidInput("the student is not at risk, in intervention or referred",
                           problem="not_flagged")
    move(session, clock, student=student, track=ENGAGEMENT, status=RE_ENGAGED,
         actor=f"staff:{staff_id}", note=note.strip()[:MAX_REASON] or None)
    close_tasks(session, clock, student_ids=[student.id], actor=f"staff:{staff_id}")


@dataclass(frozen=True, slots=True)
class Flagged:
    """A student on a track's list, with where they stand."""

    student: Student
    status: EngagementStatus


def flagged_students(session: Session, *, school_ids: Collection[int], track: str,
                     statuses: Collection[str] = (), tutor_id: int | None = None
                     ) -> list[Flagged]:
    """The students of these schools standing at these statuses (the track's flagged ones by
    default), longest first; only a tutor's own tutees (Personal or Senior) with `tutor_id`."""
    stmt = (select(EngagementStatus, Student)
            .join(Student, col(Student.id) == col(EngagementStatus.student_id))
            .where(col(EngagementStatus.school_id).in_(list(school_ids)),
                   EngagementStatus.track == track,
                   col(EngagementStatus.status).in_(list(statuses or FLAGGED[track]))))
    if tutor_id is not None:
        stmt = stmt.where((col(Student.personal_tutor_id) == tutor_id)
                          | (col(Student.senior_tutor_id) == tutor_id))
    return [Flagged(student, row) for row, student in session.exec(
        stmt.order_by(col(EngagementStatus.since), col(Student.last_name)))]


def tasks_about(session: Session, *, student_id: int) -> list[Escalation]:
    """The unresolved engagement, referral and visa tasks about a student, oldest first."""
    return list(session.exec(select(Escalation).where(
        Escalation.student_id == student_id, col(Escalation.intent).in_(TASK_INTENTS),
        Escalation.status != "resolved").order_by(col(Escalation.id))))


def may_see_task(reader: Reader, task: Escalation) -> bool:
    """Whether a task is listed for this reader at all: a visa crossing only for the UKVI
    compliance role and admins (others at the school do not learn of it)."""
    return task.intent != VISA_INTENT or reader.role in (Role.COMPLIANCE, Role.ADMIN)


def may_read_task(reader: Reader, student: Student, task: Escalation) -> bool:
    """A task's words (a referral's reason) are for the student's tutors and the engagement
    team, whoever has the task, the safeguarding leads for a safeguarding referral, and the
    compliance role for a visa task."""
    if task.assigned_user_id == reader.user_id:
        return True
    if task.intent == "safeguarding":
        return reader.role in SAFEGUARDING_ROLES
    if task.intent == VISA_INTENT:
        return may_see_task(reader, task)
    return works_with(reader, student)
