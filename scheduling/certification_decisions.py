"""A person decides a self-certification that went to them (console: the student page).

Authorised, the student's missed and untaken events in its days are authorised; declined, they
stay as they are and whoever reported it (the student, or a parent at a college) is told why,
on the conversation's channel and in their language (`selfcert.declined`), through the outbox
and in the conversation's thread like a staff reply. Either way the escalation the report
raised (not an urgent one: that is a safeguarding lead's to close) is resolved, so the inbox
no longer shows it waiting. Every step is audited with who did it.
"""

from __future__ import annotations

from sqlmodel import Session

from channels.texts import render
from conversations.selfcert import LABELLED
from conversations.types import DayRange, Intent, Label
from scheduling.staff_actions import reply_channel
from store.audit import audit
from store.clock import Clock
from store.contacts import address_for, contact_by_id
from store.conversations import conversation_by_id
from store.escalations import open_about_student, resolve_escalation
from store.messages import log_queued
from store.models.events import SelfCertification as Certificate
from store.models.staff import StaffUser
from store.outbox import enqueue
from store.schools import school_by_id
from store.self_certifications import (
    approve_certification,
    certification_by_id,
    decline_certification,
)

DECLINED_KEY = "selfcert.declined"


def authorise(session: Session, clock: Clock, *, user: StaffUser, student_id: int,
              certification_id: int) -> int:
    """Authorise the report's events (how many) and close its escalation."""
    actor = f"staff:{user.id}"
    events = approve_certification(session, clock, certification_id=certification_id,
                                   student_id=student_id, actor=actor)
    row = certification_by_id(session, certification_id)
    assert row is not None
    _close_escalations(session, clock, row, actor=actor)
    return events


def decline(session: Session, clock: Clock, *, user: StaffUser, student_id: int,
            certification_id: int, reason: str) -> Certificate:
    """Decline the report with a reason the reporter is told; close its escalation."""
    actor = f"staff:{user.id}"
    row = decline_certification(session, clock, certification_id=certification_id,
                                student_id=student_id, actor=actor, reason=reason)
    _tell(session, clock, row, user=user)
    _close_escalations(session, clock, row, actor=actor)
    return row


def _tell(session: Session, clock: Clock, row: Certificate, *, user: StaffUser) -> None:
    """Whoever reported it hears the decision on the conversation's channel (never a contact
    a court order restricts; nobody when the report came from no conversation)."""
    conversation = (conversation_by_id(session, row.conversation_id)
                    if row.conversation_id is not None else None)
    contact = contact_by_id(session, conversation.contact_id) if conversation else None
    school = school_by_id(session, row.school_id)
    if conversation is None or contact is None or school is None or contact.court_order:
        return
    channel = reply_channel(conversation, contact)
    intent = Intent(row.intent) if row.intent in Intent.__members__.values() else None
    label = f"selfcert.reason.{row.intent if intent in LABELLED else 'other'}"
    body = render(DECLINED_KEY, contact.language, channel=channel,
                  bilingual=school.welsh_bilingual, params={
                      "school": school.name, "dates": DayRange(row.start, row.end),
                      "reason": Label(label), "why": row.decision_note or ""})
    queued = enqueue(session, clock, channel=channel,
                     to_address=address_for(contact, channel) or "", body=body,
                     kind="staff_reply", language=contact.language, school_id=row.school_id,
                     contact_id=contact.id, staff_user_id=user.id,
                     conversation_id=conversation.id, student_ids=[row.student_id])
    log_queued(session, clock, queued, author=f"staff:{user.id}")


def _close_escalations(session: Session, clock: Clock, row: Certificate, *,
                       actor: str) -> None:
    """Resolve the report's open escalations about this student (never an urgent one)."""
    if row.conversation_id is None:
        return
    now = clock.now()
    for escalation in open_about_student(session, conversation_id=row.conversation_id,
                                         student_id=row.student_id):
        old = escalation.status
        resolve_escalation(session, escalation, at=now)
        audit(session, clock, actor=actor, action="escalation.resolved", entity="escalation",
              entity_id=escalation.id, school_id=escalation.school_id, old=old,
              new=f"resolved: self-certification {row.id} {row.status}")
