"""What happened to the urgent alerts of one escalation: who was alerted when, on which channel
and with what delivery, how each alert was acknowledged, and the replies to them (the alert
rows themselves are written in `store.escalations`; their wording is `scheduling.alerts`).

A reply to an alert email is audited as `alert.reply` on the alert (`entity_id` the alert,
`old_value` the inbound event, `new_value` what came of it), so every reply, acknowledging or
not, from the member of staff or from anyone else, is kept and shown beside the alert.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from store.audit import audit
from store.clock import Clock
from store.models.audit import AuditEntry
from store.models.escalations import Escalation, StaffAlert
from store.models.inbound import InboundEvent
from store.models.outbound import Outbox
from store.models.people import Contact, Student
from store.models.staff import StaffUser
from store.staff import staff_names

REPLY_ACTION = "alert.reply"


def alert_by_reply_token(session: Session, token_hash: str) -> StaffAlert | None:
    """The alert whose email's Reply-To carries this token, however old (the caller decides
    whether it still counts)."""
    return session.exec(select(StaffAlert).where(StaffAlert.token_hash == token_hash)).first()


def note_alert_reply(session: Session, clock: Clock, *, alert: StaffAlert,
                     escalation: Escalation | None, event: InboundEvent, actor: str,
                     outcome: str) -> None:
    """Keep what came of a reply to an alert, with the event it came in."""
    audit(session, clock, actor=actor, action=REPLY_ACTION, entity="staff_alert",
          entity_id=alert.id, school_id=escalation.school_id if escalation else None,
          old=f"event:{event.id}", new=outcome)


@dataclass(frozen=True, slots=True)
class AlertSent:
    """One alert to one member of staff and the messages that carried it."""

    alert: StaffAlert
    user: StaffUser
    messages: tuple[Outbox, ...]


@dataclass(frozen=True, slots=True)
class AlertReply:
    """A reply to an alert: when, what came of it, and the event it came in."""

    at: datetime
    alert_id: int
    outcome: str
    event: InboundEvent | None


def alerts_sent(session: Session, escalation_ids: list[int]) -> list[AlertSent]:
    """Every alert about these escalations (a conversation's rows share one), oldest first,
    with the outbox rows that carried each."""
    rows = session.exec(select(StaffAlert, StaffUser)
                        .join(StaffUser, col(StaffUser.id) == col(StaffAlert.staff_user_id))
                        .where(col(StaffAlert.escalation_id).in_(escalation_ids))
                        .order_by(col(StaffAlert.sent_at), col(StaffAlert.id))).all()
    ids = [alert.id for alert, _user in rows]
    carried: dict[int, list[Outbox]] = {}
    for message in session.exec(select(Outbox).where(col(Outbox.staff_alert_id).in_(ids))
                                .order_by(col(Outbox.id))):
        carried.setdefault(message.staff_alert_id or 0, []).append(message)
    return [AlertSent(alert, user, tuple(carried.get(alert.id or 0, ()))) for alert, user in rows]


def alert_replies(session: Session, alert_ids: list[int]) -> list[AlertReply]:
    """The replies to these alerts, oldest first, each with its stored event."""
    entries = session.exec(select(AuditEntry).where(
        AuditEntry.action == REPLY_ACTION, AuditEntry.entity == "staff_alert",
        col(AuditEntry.entity_id).in_([str(i) for i in alert_ids]))
        .order_by(col(AuditEntry.at), col(AuditEntry.id))).all()
    event_ids = [int(e.old_value.removeprefix("event:")) for e in entries
                 if e.old_value and e.old_value.startswith("event:")]
    events = {event.id: event for event in session.exec(
        select(InboundEvent).where(col(InboundEvent.id).in_(event_ids)))}
    return [AlertReply(at=entry.at or datetime.min, alert_id=int(entry.entity_id),
                       outcome=entry.new_value or "",
                       event=events.get(int(entry.old_value.removeprefix("event:")))
                       if entry.old_value and entry.old_value.startswith("event:") else None)
            for entry in entries]


def acknowledgements(session: Session, escalation_ids: list[int]) -> list[AuditEntry]:
    """Who acknowledged these escalations and when (the audit's `escalation.acknowledged`)."""
    return list(session.exec(select(AuditEntry).where(
        AuditEntry.action == "escalation.acknowledged", AuditEntry.entity == "escalation",
        col(AuditEntry.entity_id).in_([str(i) for i in escalation_ids]))
        .order_by(col(AuditEntry.at), col(AuditEntry.id))))


def reminders_sent(session: Session, escalation_ids: list[int]) -> int:
    """How many times nobody acknowledged in time and the alert went again."""
    return len(session.exec(select(AuditEntry.id).where(
        AuditEntry.action == "escalation.renotified", AuditEntry.entity == "escalation",
        col(AuditEntry.entity_id).in_([str(i) for i in escalation_ids]))).all())


def raised_together(session: Session, escalation: Escalation) -> list[Escalation]:
    """The escalation and the rows one message raised beside it in the same school (one per
    child): the first one's alert is about them all."""
    if escalation.inbound_event_id is None:
        return [escalation]
    return list(session.exec(select(Escalation).where(
        Escalation.inbound_event_id == escalation.inbound_event_id,
        Escalation.school_id == escalation.school_id,
        Escalation.urgency == escalation.urgency).order_by(col(Escalation.id)))) or [escalation]


@dataclass(frozen=True, slots=True)
class AlertHistory:
    """Everything the console shows about an urgent escalation's alerts."""

    escalations: list[Escalation]  # the escalation and its siblings (one per child)
    students: list[Student]
    contact: Contact | None
    raised_by: InboundEvent | None  # the reply that raised it
    alerts: list[AlertSent]
    replies: list[AlertReply]
    acknowledged: list[tuple[AuditEntry, str]]  # who acknowledged (their name) and when
    reminders: int


def alert_history(session: Session, escalation: Escalation) -> AlertHistory:
    """Who was alerted about `escalation` when, on which channel, how it stands, who
    acknowledged and how, what was replied, and the child, family and reply it is about."""
    rows = raised_together(session, escalation)
    ids = [row.id for row in rows if row.id is not None]
    sent = alerts_sent(session, ids)
    acks = acknowledgements(session, ids)
    names = staff_names(session, [_staff_id(entry.actor) for entry in acks])
    student_ids = [row.student_id for row in rows if row.student_id is not None]
    students = list(session.exec(select(Student).where(col(Student.id).in_(student_ids))))
    return AlertHistory(
        escalations=rows, students=students,
        contact=session.get(Contact, escalation.contact_id) if escalation.contact_id else None,
        raised_by=session.get(InboundEvent, escalation.inbound_event_id)
        if escalation.inbound_event_id else None,
        alerts=sent, replies=alert_replies(session, [a.alert.id or 0 for a in sent]),
        acknowledged=[(entry, names.get(_staff_id(entry.actor) or 0, entry.actor))
                      for entry in acks],
        reminders=reminders_sent(session, ids))


def _staff_id(actor: str) -> int | None:
    found = actor.removeprefix("staff:")
    return int(found) if actor.startswith("staff:") and found.isdigit() else None
