"""What a member of staff may see: their schools only, safeguarding content only for DSL/admin.

Anything outside a staff member's schools is reported exactly as if it did not exist (404), so
ids cannot be probed across schools.
"""

from __future__ import annotations

from typing import TypeVar

from fastapi import HTTPException
from sqlmodel import Session

from bot.console.auth import Staff, admin_only, schools_of
from bot.console.refusals import Refused
from store.conversations import conversation_by_id, safeguarding_conversation_ids
from store.escalations import escalation_by_id
from store.evidence import evidence_by_id
from store.models.conversations import Conversation
from store.models.escalations import Escalation
from store.models.inbound import Evidence
from store.models.people import Student
from store.models.schools import School
from store.students import student_by_id

T = TypeVar("T")


def not_found() -> HTTPException:
    return Refused(404, "not found", problem="not_found")


def school_in_scope(session: Session, staff: Staff, school_id: int | None) -> School:
    """One of the staff member's schools (their first when none is named)."""
    for school in schools_of(session, staff):
        if school_id is None or school.id == school_id:
            return school
    raise not_found()


def admin_school(session: Session, staff: Staff, school_id: int | None) -> School:
    """One of their schools that only its admins may change: another school is not found
    (404), whatever their role; then anyone but an admin is refused (403)."""
    school = school_in_scope(session, staff, school_id)
    admin_only(staff)
    return school


def student_in_scope(session: Session, staff: Staff, student_id: int) -> Student:
    student = student_by_id(session, student_id)
    if student is None or student.school_id not in staff.school_ids:
        raise not_found()
    return student


def conversation_in_scope(session: Session, staff: Staff, conversation_id: int) -> Conversation:
    conversation = conversation_by_id(session, conversation_id)
    return _in_scope(staff, conversation, conversation.school_id if conversation else None)


def escalation_in_scope(session: Session, staff: Staff, escalation_id: int) -> Escalation:
    escalation = escalation_by_id(session, escalation_id)
    return _in_scope(staff, escalation, escalation.school_id if escalation else None)


def _in_scope(staff: Staff, row: T | None, school_id: int | None) -> T:
    if row is None or school_id not in staff.school_ids:
        raise not_found()
    return row


def evidence_in_scope(session: Session, staff: Staff, evidence_id: int) -> Evidence:
    evidence = evidence_by_id(session, evidence_id)
    if evidence is None or evidence.conversation_id is None:
        raise not_found()
    conversation_in_scope(session, staff, evidence.conversation_id)
    return evidence


def is_restricted(session: Session, conversation_id: int) -> bool:
    return bool(safeguarding_conversation_ids(session, [conversation_id]))


def hidden_from(staff: Staff, session: Session, conversation_id: int | None) -> bool:
    """True when this conversation's content must not be shown to this member of staff."""
    if conversation_id is None or staff.reads_safeguarding:
        return False
    return is_restricted(session, conversation_id)


def child_label(student: Student | None) -> str:
    """First name and last initial: enough for staff to know whom, no more."""
    if student is None:
        return "—"
    first = student.preferred_name or student.first_name
    return f"{first} {student.last_name[:1]}." if student.last_name else first
