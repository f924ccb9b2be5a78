"""Escalations: a conversation, a message or a child that needs a person, and the urgent alerts
sent to staff about them (the rows only: what an alert says and how it is sent is
`scheduling.alerts`).

Urgent ones (safety rule 1) notify every safeguarding lead of the school at once on their own
email and phone, and come back to them, and to the next person on the list, until someone
acknowledges: by a reply ACK from the phone an alert went to, by the alert's link, or in the
console.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TypedDict

from sqlalchemy import insert
from sqlmodel import Session, col, or_, select

from conversations.types import Urgency
from conversations.whys import code_of
from store.audit import audit, audit_many
from store.clock import Clock
from store.database import in_chunks
from store.models.escalations import Escalation, StaffAlert
from store.models.inbound import InboundEvent
from store.models.people import Contact, Student
from store.models.schools import School
from store.models.staff import StaffUser
from store.on_call import on_call_list

# A normal escalation should be looked at within the school day; N must go within 5 days.
NORMAL_DUE = timedelta(hours=4)


def raise_escalation(session: Session, clock: Clock, *, school_id: int | None, urgency: Urgency,
                     why: str, intent: str | None = None, conversation_id: int | None = None,
                     contact_id: int | None = None, student_id: int | None = None,
                     inbound_event_id: int | None = None, ack_minutes: int = 10,
                     notify: bool = True) -> Escalation:
    """Open an escalation; an urgent one is assigned to the first person on the call list.

    An open escalation of the same urgency on the same conversation and student is reused, so a
    family texting three times does not fill the inbox with three rows. An urgent row is left
    with `notices_sent == 0` for its alert (`scheduling.alerts.alert_new`, at once; the urgent
    watch sends any that was missed); `notify=False` for the second and later child of one
    decision: one alert per event, not one per child.
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
                            **why_columns(why), created_at=now, due_at=due)
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


class WhyColumns(TypedDict):
    why: str
    why_code: str | None
    why_params: str | None


def why_columns(why: str) -> WhyColumns:
    """An escalation's reason as its columns: the English, and the code and parameters of a
    `Why` (conversations/whys.py) for the console to word in its reader's language."""
    code, params = code_of(why)
    return WhyColumns(why=str(why), why_code=code, why_params=None if params is None
                      else json.dumps(params, ensure_ascii=False))


@dataclass(frozen=True, slots=True)
class Task:
    """A task for a person about a student, with no conversation behind it (a tutor's
    engagement review, a referral, a visa compliance check): a normal escalation."""

    school_id: int
    student_id: int
    intent: str
    why: str
    assigned_user_id: int | None = None


def open_tasks(session: Session, clock: Clock, tasks: Sequence[Task],
               actor: str = "system") -> dict[int, int]:
    """Open these tasks together, each audited: one executemany however many (a first
    engagement recompute opens thousands). Their ids, by student id (one task a student)."""
    if not tasks:
        return {}
    now = clock.now()
    # Plain rows, no model instance each: building thousands of them costs more than writing.
    session.connection().execute(insert(Escalation), [dict(
        school_id=task.school_id, student_id=task.student_id, urgency=Urgency.NORMAL.value,
        intent=task.intent, **why_columns(task.why), assigned_user_id=task.assigned_user_id,
        status="open", created_at=now, due_at=now + NORMAL_DUE, notices_sent=0)
        for task in tasks])
    opened: dict[int, int] = {}
    for intent in {task.intent for task in tasks}:
        wanted = {task.student_id for task in tasks if task.intent == intent}
        for chunk in in_chunks(sorted(wanted)):
            opened |= {student_id: row_id for row_id, student_id in session.exec(
                select(Escalation.id, Escalation.student_id).where(
                    Escalation.intent == intent, Escalation.created_at == now,
                    col(Escalation.student_id).in_(chunk)))
                if row_id is not None and student_id is not None}
    audit_many(session, clock, [dict(
        actor=actor, action="escalation.raised", entity="escalation", entity_id=row_id,
        school_id=task.school_id, new=f"normal:{task.intent}")
        for task in tasks if (row_id := opened.get(task.student_id)) is not None])
    return opened


def open_tasks_of(session: Session, *, student_ids: Collection[int],
                  intents: Collection[str]) -> list[Escalation]:
    """The unresolved tasks of these intents about these students, oldest first."""
    found: list[Escalation] = []
    for chunk in in_chunks(sorted(set(student_ids))):
        found += session.exec(select(Escalation).where(
            col(Escalation.student_id).in_(chunk), col(Escalation.intent).in_(list(intents)),
            Escalation.status != "resolved").order_by(col(Escalation.id)))
    return found


def needs_alert(escalation: Escalation) -> bool:
    """An open urgent escalation nobody has been told of yet."""
    return (escalation.urgency == Urgency.URGENT and escalation.status == "open"
            and escalation.notices_sent == 0)


def first_recipients(session: Session, school_id: int | None) -> list[StaffUser]:
    """Who the first alert of an urgent escalation goes to: the first person on the on-call
    list (who holds it) and every safeguarding lead on it."""
    leads = on_call_list(session, school_id)
    return leads[:1] + [u for u in leads[1:] if u.role == "dsl"]


def record_staff_alert(session: Session, clock: Clock, *, escalation: Escalation,
                       user: StaffUser, token_hash: str, valid_for: timedelta) -> StaffAlert:
    """Note that `user` was alerted of `escalation` now, with the hash of its link's token."""
    now = clock.now()
    row = StaffAlert(escalation_id=escalation.id or 0, staff_user_id=user.id or 0,
                     token_hash=token_hash, sent_at=now, expires_at=now + valid_for)
    session.add(row)
    session.flush()  # its id: the messages that carry it name it
    return row


def count_notice(session: Session, escalation: Escalation) -> None:
    escalation.notices_sent += 1
    session.add(escalation)


def note_alert_acknowledged(session: Session, alert: StaffAlert, *, at: datetime,
                            via: str) -> None:
    """Note when and how (sms, email, link) an alert was first acknowledged (a second tap or
    ACK keeps the first)."""
    if alert.acknowledged_at is None:
        alert.acknowledged_at, alert.acknowledged_via = at, via
    session.add(alert)


def alert_by_token(session: Session, token_hash: str, now: datetime) -> StaffAlert | None:
    """The alert whose link carries this token, while it is valid."""
    return session.exec(select(StaffAlert).where(StaffAlert.token_hash == token_hash,
                                                 col(StaffAlert.expires_at) > now)).first()


def recent_alerts_to_phone(session: Session, phone: str, *, since: datetime
                           ) -> list[tuple[StaffAlert, StaffUser]]:
    """Alerts sent since `since` to members of staff whose own phone is `phone`, newest first:
    what a reply ACK from that phone acknowledges."""
    stmt = (select(StaffAlert, StaffUser)
            .join(StaffUser, col(StaffUser.id) == col(StaffAlert.staff_user_id))
            .where(StaffUser.phone == phone, col(StaffAlert.sent_at) >= since)
            .order_by(col(StaffAlert.sent_at).desc()))
    return [(alert, user) for alert, user in session.exec(stmt)]


def staff_user(session: Session, user_id: int) -> StaffUser | None:
    return session.get(StaffUser, user_id)


def escalation_by_id(session: Session, escalation_id: int) -> Escalation | None:
    return session.get(Escalation, escalation_id)


def urgent_open_on(session: Session, conversation_id: int | None) -> bool:
    """Whether the conversation has an urgent escalation not yet resolved (safety rule 1: the
    bot then says nothing but its one holding message)."""
    return session.exec(select(Escalation.id).where(
        Escalation.conversation_id == conversation_id, Escalation.urgency == Urgency.URGENT,
        Escalation.status != "resolved")).first() is not None


def acknowledge_escalation(session: Session, escalation: Escalation, *, at: datetime,
                           user_id: int | None) -> None:
    """Someone has it: the urgent reminders stop."""
    escalation.status, escalation.acknowledged_at = "acknowledged", at
    escalation.assigned_user_id = user_id
    session.add(escalation)


def take_escalation(session: Session, escalation: Escalation, *, at: datetime,
                    user_id: int | None) -> None:
    """This member of staff holds it (acknowledged now if nobody had yet)."""
    if escalation.status == "open":
        escalation.status, escalation.acknowledged_at = "acknowledged", at
    escalation.assigned_user_id = user_id
    session.add(escalation)


def resolve_escalation(session: Session, escalation: Escalation, *, at: datetime,
                       acknowledged: bool = True) -> None:
    """Closed; `acknowledged` also marks it acknowledged now if nobody had (a row closed
    because another school took the message was never this school's to acknowledge)."""
    escalation.status, escalation.resolved_at = "resolved", at
    if acknowledged:
        escalation.acknowledged_at = escalation.acknowledged_at or at
    session.add(escalation)


def unresolved_of_conversation(session: Session, conversation_id: int | None
                               ) -> list[Escalation]:
    return list(session.exec(select(Escalation).where(
        Escalation.conversation_id == conversation_id, Escalation.status != "resolved")))


def open_about_student(session: Session, *, conversation_id: int,
                       student_id: int) -> list[Escalation]:
    """The conversation's unresolved non-urgent escalations about this student, oldest first
    (what a person's decision on their self-certification closes; an urgent one never)."""
    return list(session.exec(select(Escalation).where(
        Escalation.conversation_id == conversation_id, Escalation.student_id == student_id,
        Escalation.status != "resolved", Escalation.urgency != Urgency.URGENT)
        .order_by(col(Escalation.id))))


def open_siblings(session: Session, escalation: Escalation) -> list[Escalation]:
    """The open rows of the same urgency on the escalation's conversation (one per child),
    itself included."""
    if escalation.conversation_id is None:
        return [escalation]
    return list(session.exec(select(Escalation).where(
        Escalation.conversation_id == escalation.conversation_id,
        Escalation.urgency == escalation.urgency, Escalation.status == "open")
        .order_by(col(Escalation.id)))) or [escalation]


def escalations_of_conversation(session: Session, conversation_id: int) -> list[Escalation]:
    """Every escalation the conversation raised, oldest first."""
    return list(session.exec(select(Escalation).where(
        Escalation.conversation_id == conversation_id).order_by(col(Escalation.created_at))))


def every_escalation(session: Session) -> list[Escalation]:
    return list(session.exec(select(Escalation)))


def unresolved_escalations(session: Session) -> list[Escalation]:
    """Every escalation not yet resolved, in the order raised."""
    return list(session.exec(select(Escalation).where(Escalation.status != "resolved")
                             .order_by(col(Escalation.id))))


def open_escalation_ids(session: Session, conversation_id: int) -> list[int]:
    """The conversation's escalations nobody has acknowledged yet."""
    return [i for i in session.exec(select(Escalation.id).where(
        Escalation.conversation_id == conversation_id, Escalation.status == "open"))
        if i is not None]


def ever_urgent(session: Session, conversation_id: int) -> bool:
    """Whether the conversation ever had an urgent escalation (its content stays with the
    safeguarding lead even once resolved)."""
    return session.exec(select(Escalation.id).where(
        Escalation.conversation_id == conversation_id,
        Escalation.urgency == Urgency.URGENT)).first() is not None


def student_urgent_open(session: Session, student_id: int) -> bool:
    """Whether an urgent escalation about this student is not yet resolved."""
    return session.exec(select(Escalation.id).where(
        Escalation.student_id == student_id, Escalation.urgency == Urgency.URGENT,
        Escalation.status != "resolved")).first() is not None


def open_escalations(session: Session, *, school_ids: Iterable[int], intent: str | None = None,
                     urgency: str | None = None) -> list[Escalation]:
    """Escalations of these schools not yet resolved (open or acknowledged), oldest first;
    only those of one intent or urgency when given (the inbox's filters)."""
    stmt = select(Escalation).where(col(Escalation.school_id).in_(list(school_ids)),
                                    col(Escalation.status).in_(("open", "acknowledged")))
    if intent:
        stmt = stmt.where(Escalation.intent == intent)
    if urgency:
        stmt = stmt.where(Escalation.urgency == urgency)
    return list(session.exec(stmt.order_by(col(Escalation.created_at))))


def overdue_urgent(session: Session, now: datetime) -> list[Escalation]:
    """Urgent escalations nobody has acknowledged in time, and any raised without a notice
    (a row written by another part of rollcall, such as the call list, that told no one)."""
    stmt = (select(Escalation)
            .where(Escalation.urgency == Urgency.URGENT, Escalation.status == "open",
                   or_(col(Escalation.due_at) <= now, Escalation.notices_sent == 0))
            .order_by(col(Escalation.id)).with_for_update(skip_locked=True))
    return list(session.exec(stmt))


def pass_on(session: Session, clock: Clock, escalation: Escalation, *,
            ack_minutes: int, notify: bool = True) -> list[StaffUser]:
    """Nobody acknowledged in time: pass the escalation to the next person on the list and
    start the clock again; who to alert now (the leads and that person). `notify=False`: a
    sibling's row of a conversation whose alert already went in this pass (none to alert)."""
    leads = on_call_list(session, escalation.school_id)
    following = leads[escalation.notices_sent % len(leads)] if leads else None
    if following is not None:
        escalation.assigned_user_id = following.id
    recipients: list[StaffUser] = []
    if notify:
        recipients = [u for u in leads if u.role == "dsl"]
        if following is not None and following not in recipients:
            recipients.append(following)
        recipients = recipients or leads[:1]
    else:
        escalation.notices_sent += 1  # the sibling row's alert told the same people of it
    escalation.due_at = clock.now() + timedelta(minutes=ack_minutes)
    session.add(escalation)
    audit(session, clock, actor="system", action="escalation.renotified", entity="escalation",
          entity_id=escalation.id, school_id=escalation.school_id,
          new=str(escalation.assigned_user_id))
    return recipients


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


@dataclass(frozen=True, slots=True)
class AlertSubject:
    """What an urgent alert may name about its escalation (the school's `alert_detail` decides
    how much of it is used)."""

    school: str
    detail: str
    intent: str | None
    first_name: str | None = None
    last_initial: str | None = None
    year_group: str | None = None
    form: str | None = None
    phone: str | None = None


def alert_subject(session: Session, escalation: Escalation) -> AlertSubject:
    """The school, child and family number an urgent escalation is about, as far as known."""
    school = session.get(School, escalation.school_id) if escalation.school_id else None
    student = session.get(Student, escalation.student_id) if escalation.student_id else None
    contact = session.get(Contact, escalation.contact_id) if escalation.contact_id else None
    phone = contact.phone if contact else None
    if contact is None and escalation.inbound_event_id is not None:
        event = session.get(InboundEvent, escalation.inbound_event_id)  # an unknown sender
        # An SMS or WhatsApp sender is a phone number a person can ring.
        phone = event.ordering_key if event and event.channel in ("sms", "whatsapp") else None
    return AlertSubject(
        school=school.name if school else "rollcall",
        detail=school.alert_detail if school else "full", intent=escalation.intent,
        first_name=(student.preferred_name or student.first_name) if student else None,
        last_initial=student.last_name[:1].upper() if student and student.last_name else None,
        year_group=student.year_group if student else None,
        form=student.reg_group if student else None, phone=phone)


def shared_escalations(session: Session, escalation: Escalation) -> list[Escalation]:
    """The other schools' unresolved rows for the same message (one message, say from an
    unknown number on a number several schools share, is one row in each school's inbox)."""
    if escalation.inbound_event_id is None or escalation.conversation_id is not None:
        return []
    stmt = (select(Escalation)
            .where(Escalation.inbound_event_id == escalation.inbound_event_id,
                   col(Escalation.conversation_id).is_(None), Escalation.id != escalation.id,
                   Escalation.school_id != escalation.school_id,
                   Escalation.status != "resolved")
            .order_by(col(Escalation.id)))
    return list(session.exec(stmt))
