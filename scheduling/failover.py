"""Failing over: a message that was undelivered or failed goes on the contact's next channel,
then to the next contact with parental responsibility (run messages only). Each failed row is
failed over once (`failed_over_at`), and the new row is linked from it (`next_outbox_id`). With
nowhere left to try, a person is told: the children go on the call list, with why."""

from __future__ import annotations

import logging
from datetime import datetime

from sqlmodel import Session, col, select

from scheduling.claims import MARKS_OF_KIND
from scheduling.wording import message_language, run_text
from store.clock import Clock
from store.contacts import address_for, channel_order
from store.delivery import nowhere_left_to_try
from store.models import Contact, Outbox, Run, School, Student, StudentContact
from store.outbox import enqueue

log = logging.getLogger(__name__)
BATCH = 500


def fail_over(session: Session, clock: Clock) -> int:
    """Carry every newly failed message on; returns how many new rows were queued."""
    now = clock.now()
    failed = list(session.exec(select(Outbox).where(
        col(Outbox.status).in_(("undelivered", "failed")), col(Outbox.failed_over_at).is_(None),
        col(Outbox.contact_id).is_not(None)).limit(BATCH)))
    queued = 0
    for row in failed:
        row.failed_over_at = now
        session.add(row)
        if row.expires_at is not None and row.expires_at <= now:
            continue  # too late to matter on any channel
        new = _next_channel(session, clock, row) or _next_contact(session, clock, row)
        if new is not None:
            row.next_outbox_id = new.id
            queued += 1
            log.info("outbox=%s failed over to outbox=%s", row.id, new.id)
        else:
            told = nowhere_left_to_try(session, clock, row)
            log.info("outbox=%s failed with nowhere left to try escalations=%s", row.id, told)
    return queued


def _next_channel(session: Session, clock: Clock, row: Outbox) -> Outbox | None:
    contact = session.get(Contact, row.contact_id)
    if contact is None:
        return None
    # The same students compared here, not in SQL: JSON has no portable equality.
    same_message = select(Outbox.channel, Outbox.student_ids).where(
        Outbox.contact_id == row.contact_id, Outbox.kind == row.kind,
        Outbox.run_id == row.run_id)
    if row.run_id is None:  # a reply belongs to its conversation; a run's email opens one
        same_message = same_message.where(Outbox.conversation_id == row.conversation_id)
    tried = {channel for channel, ids in session.exec(same_message) if ids == row.student_ids}
    for channel in channel_order(contact):
        address = address_for(contact, channel)
        if channel not in tried and address:
            return _copy(session, clock, row, channel=channel, address=address, body=row.body,
                         language=row.language, contact_id=contact.id)
    return None


def _next_contact(session: Session, clock: Clock, row: Outbox) -> Outbox | None:
    if row.kind not in MARKS_OF_KIND or row.run_id is None or not row.student_ids:
        return None
    run, school = session.get(Run, row.run_id), session.get(School, row.school_id)
    assert run is not None and school is not None
    ids = list(row.student_ids)
    asked = set(session.exec(select(Outbox.contact_id).where(Outbox.run_id == row.run_id)))
    candidates = session.exec(
        select(Contact).join(StudentContact, col(StudentContact.contact_id) == Contact.id)
        .where(col(StudentContact.student_id).in_(ids),
               # Unknown parental responsibility may be asked by priority, a known no never.
               col(StudentContact.parental_responsibility).is_not(False),
               Contact.no_contact == False)  # noqa: E712
        .order_by(col(StudentContact.priority), col(Contact.id)))
    for contact in candidates:
        channels = channel_order(contact)
        if contact.id in asked or not channels:
            continue
        names = [n for sid, n in session.exec(select(Student.id, Student.first_name).where(
            col(Student.id).in_(ids)).order_by(col(Student.id)))]
        language, bilingual = message_language(contact.language,
                                               welsh_bilingual=school.welsh_bilingual)
        body = run_text(row.kind, school_name=school.name, language=language,
                        bilingual=bilingual, names=names, day=run.day, channel=channels[0])
        address = address_for(contact, channels[0])
        assert address is not None
        return _copy(session, clock, row, channel=channels[0], address=address, body=body,
                     language=language, contact_id=contact.id)
    return None


def _copy(session: Session, clock: Clock, row: Outbox, *, channel: str, address: str,
          body: str, language: str, contact_id: int | None) -> Outbox:
    expires: datetime | None = row.expires_at
    return enqueue(session, clock, channel=channel, to_address=address, body=body,
                   kind=row.kind, language=language, school_id=row.school_id,
                   contact_id=contact_id, staff_user_id=row.staff_user_id,
                   conversation_id=row.conversation_id,
                   student_ids=row.student_ids,
                   urgent=row.urgent, run_id=row.run_id, expires_at=expires)
