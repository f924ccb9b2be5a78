"""Escalations: a conversation, a message or a child that needs a person.

Urgent ones (safety rule 1) notify every safeguarding lead of the school at once on their own
email and phone, through the outbox, and come back to them, and to the next person on the list,
until someone acknowledges.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlmodel import Session, col, or_, select

from channels.texts import render
from conversations.types import Urgency
from store.audit import audit
from store.clock import Clock
from store.models import Escalation, School, StaffSchool, StaffUser
from store.outbox import enqueue

# A normal escalation should be looked at within the school day; N must go within 5 days.
NORMAL_DUE = timedelta(hours=4)


def raise_escalation(session: Session, clock: Clock, *, school_id: int | None, urgency: Urgency,
                     why: str, intent: str | None = None, conversation_id: int | None = None,
                     contact_id: int | None = None, student_id: int | None = None,
                     inbound_event_id: int | None = None, ack_minutes: int = 10,
                     console_url: str = "", notify: bool = True) -> Escalation:
    """Open an escalation; an urgent one notifies the safeguarding leads straight away.

    An open escalation of the same urgency on the same conversation and student is reused, so a
    family texting three times does not fill the inbox with three rows. `notify=False` for the
    second and later child of one decision: one alert per event, not one per child.
    """
    existing = _open_like(session, urgency=urgency, conversation_id=conversation_id,
                          student_id=student_id, inbound_event_id=inbound_event_id,
                          school_id=school_id)
    if existing is not None:
        return existing
    now = clock.now()
    due = now + (timedelta(minutes=ack_minutes) if urgency is Urgency.URGENT else NORMAL_DUE)
    escalation = Escalation(school_id=school_id, conversation_id=conversation_id,
                            contact_id=contact_id, student_id=student_id,
                            inbound_event_id=inbound_event_id, urgency=urgency, intent=intent,
                            why=why, created_at=now, due_at=due)
    session.add(escalation)
    session.flush()
    audit(session, clock, actor="bot", action="escalation.raised", entity="escalation",
          entity_id=escalation.id, school_id=school_id, new=f"{urgency}:{intent or ''}")
    if urgency is Urgency.URGENT:
        leads = on_call_list(session, school_id)
        if leads:
            escalation.assigned_user_id = leads[0].id
        if not notify:
            escalation.notices_sent = 1  # the alert of the same event's first row covers it
            session.add(escalation)
            return escalation
        notify_staff(session, clock, escalation,
                     [u for u in leads if u.role == "dsl"] or leads[:1],
                     console_url=console_url)
    return escalation


def on_call_list(session: Session, school_id: int | None) -> list[StaffUser]:
    """Who is told of an urgent escalation, in order: the school's DSLs, then its admins."""
    stmt = select(StaffUser).where(col(StaffUser.role).in_(["dsl", "admin"]))
    if school_id is not None:
        stmt = stmt.join(StaffSchool, col(StaffSchool.user_id) == col(StaffUser.id)).where(
            StaffSchool.school_id == school_id)
    users = list(session.exec(stmt.order_by(col(StaffUser.id))).unique())
    return sorted(users, key=lambda u: (u.role != "dsl", u.id or 0))


def notify_staff(session: Session, clock: Clock, escalation: Escalation,
                 users: Sequence[StaffUser], *, console_url: str) -> int:
    """Tell each user of an urgent escalation by email and by SMS where they have them.

    The alert names the school and links the console; it never carries the child's name or the
    message (safety rule 6: it may go by SMS).
    """
    school = session.get(School, escalation.school_id) if escalation.school_id else None
    body = render("staff.urgent_alert", "en", params={
        "school": school.name if school else "rollcall",
        "url": f"{console_url}/console/escalations/{escalation.id}"})
    sent = 0
    for user in users:
        for channel, address in (("email", user.email), ("sms", user.phone)):
            if address:
                enqueue(session, clock, channel=channel, to_address=address, body=body,
                        kind="staff_alert", school_id=escalation.school_id,
                        staff_user_id=user.id, conversation_id=escalation.conversation_id,
                        urgent=True)
                sent += 1
    escalation.notices_sent += 1
    session.add(escalation)
    return sent


def overdue_urgent(session: Session, now: datetime) -> list[Escalation]:
    """Urgent escalations nobody has acknowledged in time, and any raised without a notice
    (a row written by another part of rollcall, such as the call list, that told no one)."""
    stmt = (select(Escalation)
            .where(Escalation.urgency == Urgency.URGENT, Escalation.status == "open",
                   or_(col(Escalation.due_at) <= now, Escalation.notices_sent == 0))
            .order_by(col(Escalation.id)).with_for_update(skip_locked=True))
    return list(session.exec(stmt))


def renotify(session: Session, clock: Clock, escalation: Escalation, *, ack_minutes: int,
             console_url: str, notify: bool = True) -> None:
    """Notify again and pass the escalation to the next person on the list (`notify=False`:
    a sibling's row of a conversation whose alert already went in this pass)."""
    leads = on_call_list(session, escalation.school_id)
    following = leads[escalation.notices_sent % len(leads)] if leads else None
    if following is not None:
        escalation.assigned_user_id = following.id
    if notify:
        recipients = [u for u in leads if u.role == "dsl"]
        if following is not None and following not in recipients:
            recipients.append(following)
        notify_staff(session, clock, escalation, recipients or leads[:1], console_url=console_url)
    else:
        escalation.notices_sent += 1  # the sibling row's alert told the same people of it
    escalation.due_at = clock.now() + timedelta(minutes=ack_minutes)
    session.add(escalation)
    audit(session, clock, actor="system", action="escalation.renotified", entity="escalation",
          entity_id=escalation.id, school_id=escalation.school_id,
          new=str(escalation.assigned_user_id))


def _open_like(session: Session, *, urgency: Urgency, conversation_id: int | None,
               student_id: int | None, inbound_event_id: int | None,
               school_id: int | None) -> Escalation | None:
    if conversation_id is None:
        if inbound_event_id is None:
            return None
        # One message for several schools (a shared number) is one row in each school's inbox.
        stmt = select(Escalation).where(Escalation.inbound_event_id == inbound_event_id,
                                        Escalation.school_id == school_id)
    else:
        stmt = select(Escalation).where(Escalation.conversation_id == conversation_id,
                                        Escalation.student_id == student_id)
    stmt = stmt.where(Escalation.urgency == urgency, Escalation.status != "resolved")
    return session.exec(stmt).first()
