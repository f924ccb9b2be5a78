"""Who was asked about an absence and who answered, over a span of time: the figures of the
console's Today page and its call list (`bot/console/today.py`)."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime

from sqlmodel import Session, col, select

from store.codes import CODES, is_absence
from store.models.conversations import Conversation, ConversationStudent, Message
from store.models.marks import Mark
from store.models.outbound import Outbox
from store.models.people import Contact, StudentContact

# Outbox kinds that ask a family for a reason: what a response rate is measured against.
ASKING_KINDS = ("absence", "pm_absence", "late", "chase", "catch_up", "pm_catch_up")


def absence_marks(session: Session, school_ids: Collection[int], *, start: date,
                  end: date) -> list[Mark]:
    """The marks of these schools from `start` to `end` that are absences."""
    return [m for m in session.exec(select(Mark).where(
        col(Mark.school_id).in_(list(school_ids)), col(Mark.day) >= start,
        col(Mark.day) <= end)) if m.code in CODES and is_absence(m.code)]


def contacts_who_replied(session: Session, school_ids: Collection[int], *, since: datetime,
                         until: datetime) -> set[tuple[int, str]]:
    """(contact, channel) of every message received in the span."""
    rows = session.exec(select(Message.contact_id, Message.channel).where(
        col(Message.school_id).in_(list(school_ids)), Message.direction == "in",
        col(Message.created_at) >= since, col(Message.created_at) < until))
    return {(contact_id, channel) for contact_id, channel in rows if contact_id is not None}


def contacts_asked(session: Session, school_ids: Collection[int], *, since: datetime,
                   until: datetime) -> set[tuple[int | None, str]]:
    """(contact, channel) of every message asking for a reason queued in the span."""
    return set(session.exec(select(Outbox.contact_id, Outbox.channel).where(
        col(Outbox.school_id).in_(list(school_ids)), col(Outbox.kind).in_(ASKING_KINDS),
        col(Outbox.created_at) >= since, col(Outbox.created_at) < until)))


def students_asked(session: Session, school_ids: Collection[int], student_ids: Collection[int],
                   *, since: datetime, until: datetime) -> dict[int, set[int]]:
    """For each student, the contacts asked about them in the span: an absence, late or chase
    message in the outbox, or a conversation opened about them."""
    wanted = set(student_ids)
    asked: dict[int, set[int]] = {}
    messages = session.exec(select(Outbox.contact_id, Outbox.student_ids).where(
        col(Outbox.school_id).in_(list(school_ids)), col(Outbox.kind).in_(ASKING_KINDS),
        col(Outbox.created_at) >= since, col(Outbox.created_at) < until))
    for contact_id, ids in messages:
        for student_id in ids:
            if student_id in wanted and contact_id is not None:
                asked.setdefault(student_id, set()).add(contact_id)
    conversations = session.exec(select(ConversationStudent.student_id, Conversation.contact_id)
        .join(Conversation, col(Conversation.id) == col(ConversationStudent.conversation_id))
        .where(col(ConversationStudent.student_id).in_(list(student_ids)),
               col(Conversation.opened_at) >= since, col(Conversation.opened_at) < until))
    for student_id, contact_id in conversations:
        if contact_id is not None:
            asked.setdefault(student_id, set()).add(contact_id)
    return asked


def first_contacts(session: Session, student_ids: Collection[int]) -> dict[int, Contact]:
    """Each student's first contact by priority: whom to ring."""
    links = session.exec(select(StudentContact.student_id, Contact).join(
        Contact, col(Contact.id) == col(StudentContact.contact_id)).where(
        col(StudentContact.student_id).in_(list(student_ids)))
        .order_by(col(StudentContact.priority)))
    first: dict[int, Contact] = {}
    for student_id, linked in links:
        first.setdefault(student_id, linked)
    return first
