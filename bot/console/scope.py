"""What a member of staff may see: their schools only, safeguarding content only for DSL/admin.

Anything outside a staff member's schools is reported exactly as if it did not exist (404), so
ids cannot be probed across schools.
"""

from __future__ import annotations

from typing import TypeVar

from fastapi import HTTPException
from sqlmodel import Session, col, select

from bot.console.auth import Staff
from store.models import (
    Conversation,
    ConversationStudent,
    Escalation,
    Evidence,
    Message,
    StaffUser,
    Student,
    StudentContact,
)

# Content only the safeguarding lead and admins may read (DESIGN safety rule 5): a conversation
# with an urgent escalation (a child who may be unsafe or unaccounted for), or any message or
# escalation read as a safeguarding matter. The same line as the staff actions' (who may act).
SAFEGUARDING_INTENTS = frozenset({"safeguarding"})

T = TypeVar("T")


def not_found() -> HTTPException:
    return HTTPException(404, "not found")


def student_in_scope(session: Session, staff: Staff, student_id: int) -> Student:
    student = session.get(Student, student_id)
    if student is None or student.school_id not in staff.school_ids:
        raise not_found()
    return student


def conversation_in_scope(session: Session, staff: Staff, conversation_id: int) -> Conversation:
    conversation = session.get(Conversation, conversation_id)
    return _in_scope(staff, conversation, conversation.school_id if conversation else None)


def escalation_in_scope(session: Session, staff: Staff, escalation_id: int) -> Escalation:
    escalation = session.get(Escalation, escalation_id)
    return _in_scope(staff, escalation, escalation.school_id if escalation else None)


def _in_scope(staff: Staff, row: T | None, school_id: int | None) -> T:
    if row is None or school_id not in staff.school_ids:
        raise not_found()
    return row


def evidence_in_scope(session: Session, staff: Staff, evidence_id: int) -> Evidence:
    evidence = session.get(Evidence, evidence_id)
    if evidence is None or evidence.conversation_id is None:
        raise not_found()
    conversation_in_scope(session, staff, evidence.conversation_id)
    return evidence


def restricted_conversation_ids(session: Session, conversation_ids: list[int]) -> set[int]:
    """Those of these conversations that carry safeguarding content (an urgent escalation, or an
    escalation or message read as safeguarding)."""
    if not conversation_ids:
        return set()
    by_escalation = select(Escalation.conversation_id).where(
        col(Escalation.conversation_id).in_(conversation_ids),
        col(Escalation.intent).in_(SAFEGUARDING_INTENTS) | (Escalation.urgency == "urgent"))
    by_message = select(Message.conversation_id).where(
        col(Message.conversation_id).in_(conversation_ids),
        col(Message.intent).in_(SAFEGUARDING_INTENTS))
    found = set(session.exec(by_escalation)) | set(session.exec(by_message))
    return {conversation_id for conversation_id in found if conversation_id is not None}


def is_restricted(session: Session, conversation_id: int) -> bool:
    return bool(restricted_conversation_ids(session, [conversation_id]))


def hidden_from(staff: Staff, session: Session, conversation_id: int | None) -> bool:
    """True when this conversation's content must not be shown to this member of staff."""
    if conversation_id is None or staff.reads_safeguarding:
        return False
    return is_restricted(session, conversation_id)


def students_of(session: Session, conversation: Conversation) -> list[Student]:
    """Whom the conversation is about: its linked students and those its escalations name;
    when neither says, every child of the contact (a reply before the bot knew which)."""
    linked = select(ConversationStudent.student_id).where(
        ConversationStudent.conversation_id == conversation.id)
    escalated = select(Escalation.student_id).where(
        Escalation.conversation_id == conversation.id)
    ids = {i for i in [*session.exec(linked), *session.exec(escalated)] if i is not None}
    if not ids and conversation.contact_id is not None:
        ids = set(session.exec(select(StudentContact.student_id).where(
            StudentContact.contact_id == conversation.contact_id)))
    if not ids:
        return []
    return list(session.exec(select(Student).where(col(Student.id).in_(ids))
                             .order_by(col(Student.first_name))))


def staff_names(session: Session, user_ids: set[int | None]) -> dict[int, str]:
    ids = [user_id for user_id in user_ids if user_id is not None]
    if not ids:
        return {}
    users = session.exec(select(StaffUser).where(col(StaffUser.id).in_(ids)))
    return {user.id: user.name for user in users if user.id is not None}


def child_label(student: Student | None) -> str:
    """First name and last initial: enough for staff to know whom, no more."""
    if student is None:
        return "—"
    first = student.preferred_name or student.first_name
    return f"{first} {student.last_name[:1]}." if student.last_name else first
