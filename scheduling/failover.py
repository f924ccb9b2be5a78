"""Failing over: a message that was undelivered or failed goes on the contact's next channel,
then to the next contact with parental responsibility (run messages only). Each failed row is
failed over once (`failed_over_at`), and the new row is linked from it (`next_outbox_id`). With
nowhere left to try, a person is told: the children go on the call list, with why."""

from __future__ import annotations

import logging
from datetime import datetime

from sqlmodel import Session

from scheduling.claims import MARKS_OF_KIND
from scheduling.wording import message_language, run_text
from store.clock import Clock
from store.contacts import address_for, channel_order, contact_by_id, responsible_contacts
from store.delivery import (
    channels_tried,
    failed_not_carried_on,
    note_failed_over,
    nowhere_left_to_try,
)
from store.models.outbound import Outbox
from store.outbox import enqueue
from store.runs import contacts_messaged, run_by_id
from store.schools import school_by_id
from store.students import first_names

log = logging.getLogger(__name__)
BATCH = 500


def fail_over(session: Session, clock: Clock) -> int:
    """Carry every newly failed message on; returns how many new rows were queued."""
    now = clock.now()
    queued = 0
    for row in failed_not_carried_on(session, limit=BATCH):
        new = None
        if row.expires_at is None or row.expires_at > now:  # else too late to matter anywhere
            new = _next_channel(session, clock, row) or _next_contact(session, clock, row)
            if new is not None:
                queued += 1
                log.info("outbox=%s failed over to outbox=%s", row.id, new.id)
            else:
                told = nowhere_left_to_try(session, clock, row)
                log.info("outbox=%s failed with nowhere left to try escalations=%s", row.id,
                         told)
        note_failed_over(session, row, at=now, next_outbox_id=new.id if new else None)
    return queued


def _next_channel(session: Session, clock: Clock, row: Outbox) -> Outbox | None:
    contact = contact_by_id(session, row.contact_id)
    if contact is None:
        return None
    tried = channels_tried(session, row)
    for channel in channel_order(contact):
        address = address_for(contact, channel)
        if channel not in tried and address:
            return _copy(session, clock, row, channel=channel, address=address, body=row.body,
                         language=row.language, contact_id=contact.id)
    return None


def _next_contact(session: Session, clock: Clock, row: Outbox) -> Outbox | None:
    if row.kind not in MARKS_OF_KIND or row.run_id is None or not row.student_ids:
        return None
    run, school = run_by_id(session, row.run_id), school_by_id(session, row.school_id)
    assert run is not None and school is not None
    ids = list(row.student_ids)
    asked = contacts_messaged(session, row.run_id)
    for contact in responsible_contacts(session, ids):
        channels = channel_order(contact)
        if contact.id in asked or not channels:
            continue
        names = first_names(session, ids)
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
