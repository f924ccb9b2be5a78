"""Safeguarding records for a DSL to attach to or key into their safeguarding system.

Every urgent escalation (and every one read as safeguarding) with its timeline, one line per
event: raised, each message of its conversation, each alert to a member of staff and its
acknowledgement, the actions staff took on it (from the audit log), the DSL's own notes, and
the outcome. A documented CSV (README "Casework"); no vendor's import format is claimed. Only
the DSL and admins may read it, and each export is itself audited.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, or_, select

from store.audit import audit
from store.clock import Clock
from store.conversations import SAFEGUARDING_INTENTS
from store.models.audit import AuditEntry
from store.models.conversations import Message
from store.models.escalations import Escalation, StaffAlert
from store.models.people import Student
from store.models.staff import StaffUser

NOTE_ACTION = "escalation.note"
# How an alert was acknowledged (`StaffAlert.acknowledged_via`), as the record says it.
_ACKNOWLEDGED_VIA = {"sms": " by a reply ACK to the text", "email": " by a reply to the email",
                     "link": " by the alert's link"}


@dataclass(frozen=True, slots=True)
class RecordLine:
    """One event of one safeguarding record."""

    record: int  # the escalation's id
    category: str  # the concern as rollcall read it (safeguarding, whereabouts_unknown, ...)
    urgency: str
    student_mis_id: str | None
    student_upn: str | None
    student_name: str | None
    at: datetime | None
    event: str  # raised | message_in | message_out | alerted | acknowledged | action | note
    # | resolved
    who: str  # the family, rollcall, or the member of staff by name
    detail: str


RECORD_FIELDS = tuple(RecordLine.__dataclass_fields__)


def safeguarding_escalations(session: Session, *, school_ids: Collection[int],
                             since: datetime, until: datetime) -> list[Escalation]:
    """Urgent or safeguarding escalations raised at these schools in the window, oldest
    first."""
    return list(session.exec(select(Escalation).where(
        col(Escalation.school_id).in_(list(school_ids)),
        or_(Escalation.urgency == "urgent", col(Escalation.intent).in_(SAFEGUARDING_INTENTS)),
        col(Escalation.created_at) >= since, col(Escalation.created_at) < until)
        .order_by(col(Escalation.created_at))))


def record_lines(session: Session, escalations: list[Escalation]) -> list[RecordLine]:
    """Each record's timeline, in time order within each record."""
    staff = {user.id: user.name for user in session.exec(select(StaffUser))}
    lines: list[RecordLine] = []
    for escalation in escalations:
        student = session.get(Student, escalation.student_id) if escalation.student_id else None

        def line(at: datetime | None, event: str, who: str, detail: str,
                 escalation: Escalation = escalation,
                 student: Student | None = student) -> RecordLine:
            return RecordLine(
                record=escalation.id or 0, category=escalation.intent or "urgent",
                urgency=escalation.urgency, student_mis_id=student.mis_id if student else None,
                student_upn=student.upn if student else None,
                student_name=f"{student.first_name} {student.last_name}" if student else None,
                at=at, event=event, who=who, detail=detail)

        events = [line(escalation.created_at, "raised", "rollcall", escalation.why)]
        if escalation.conversation_id is not None:
            events += [line(m.created_at, f"message_{m.direction}",
                            "the family" if m.direction == "in" else _author(m.author, staff),
                            m.body)
                       for m in session.exec(select(Message).where(
                           Message.conversation_id == escalation.conversation_id))]
        for alert in session.exec(select(StaffAlert).where(
                StaffAlert.escalation_id == escalation.id)):
            name = staff.get(alert.staff_user_id, f"staff {alert.staff_user_id}")
            events.append(line(alert.sent_at, "alerted", name, "urgent alert sent"))
            if alert.acknowledged_at is not None:
                events.append(line(alert.acknowledged_at, "acknowledged", name,
                                   "acknowledged the alert"
                                   + _ACKNOWLEDGED_VIA.get(alert.acknowledged_via or "", "")))
        for entry in session.exec(select(AuditEntry).where(
                AuditEntry.entity == "escalation", AuditEntry.entity_id == str(escalation.id))):
            event = "note" if entry.action == NOTE_ACTION else "action"
            detail = (entry.new_value or "") if event == "note" else entry.action
            events.append(line(entry.at, event, _author(entry.actor, staff), detail))
        if escalation.resolved_at is not None:
            events.append(line(escalation.resolved_at, "resolved",
                               staff.get(escalation.assigned_user_id, ""), escalation.status))
        lines += sorted(events, key=lambda e: (e.at is None, e.at or datetime.min))
    return lines


def add_note(session: Session, clock: Clock, *, escalation: Escalation, staff_id: int,
             note: str) -> None:
    """A DSL's note on a safeguarding record: kept, with who and when, in the audit log."""
    audit(session, clock, actor=f"staff:{staff_id}", action=NOTE_ACTION, entity="escalation",
          entity_id=escalation.id, school_id=escalation.school_id, new=note)


def note_export(session: Session, clock: Clock, *, staff_id: int, school_ids: Collection[int],
                records: int, window: str) -> None:
    """Exporting safeguarding records is itself recorded: who, when, how many, which window."""
    for school_id in sorted(school_ids):
        audit(session, clock, actor=f"staff:{staff_id}", action="safeguarding.exported",
              entity="school", entity_id=school_id, school_id=school_id,
              new=f"{records} records, {window}")


def _author(actor: str, staff: dict[int | None, str]) -> str:
    if actor.startswith("staff:") and actor[6:].isdigit():
        return staff.get(int(actor[6:]), actor)
    return {"bot": "rollcall", "contact": "the family"}.get(actor, actor)
