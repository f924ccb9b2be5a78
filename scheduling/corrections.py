"""Corrections: when a register is fixed to present after its absence message went out, the
contact gets one short "sorry, please ignore" and the conversation about that child is closed.

Only marks changed since they were first written (`version > 1`) and changed today are looked at,
so a pass costs little however big the school; a correction names every corrected child of one
message and is sent once (an existing correction for the same child and run is never repeated),
across nodes too: one pass at a time holds the corrections lock (`take_corrections_turn`).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from datetime import date, timedelta

from sqlmodel import Session

from channels.texts import render
from scheduling.wording import message_language, names_text
from store.clock import Clock
from store.contacts import address_for, channel_order, contact_by_id, may_be_written_to
from store.conversations import close_conversation, conversation_students, open_conversations_of
from store.corrections import (
    already_corrected,
    marks_now_present,
    take_corrections_turn,
    told_absent,
)
from store.outbox import enqueue
from store.runs import run_by_id
from store.schools import school_by_id
from store.students import names_used

log = logging.getLogger(__name__)


def send_corrections(session: Session, clock: Clock) -> int:
    """Queue a correction for every message whose child is now marked present (none when another
    node's pass is doing it at this moment)."""
    if not take_corrections_turn(session):
        return 0
    now = clock.now()
    owed: dict[tuple[int, int, date], set[int]] = defaultdict(set)  # (contact, run) -> students
    for student_id, day, register_session in marks_now_present(
            session, since=now - timedelta(days=1)):
        for contact_id, run_id in told_absent(session, student_id=student_id, day=day,
                                              register_session=register_session):
            owed[(contact_id, run_id, day)].add(student_id)
    sent = 0
    for (contact_id, run_id, _day), students in owed.items():
        todo = students - already_corrected(session, contact_id=contact_id, run_id=run_id)
        if todo and _correct(session, clock, contact_id=contact_id, run_id=run_id,
                             students=sorted(todo)):
            sent += 1
    return sent


def _correct(session: Session, clock: Clock, *, contact_id: int, run_id: int,
             students: list[int]) -> bool:
    contact, run = contact_by_id(session, contact_id), run_by_id(session, run_id)
    assert contact is not None and run is not None
    school = school_by_id(session, run.school_id)
    assert school is not None
    channels = channel_order(contact)
    if not channels or not may_be_written_to(contact):
        return False
    used = names_used(session, students)
    names = [used[sid] for sid in sorted(students) if sid in used]
    language, bilingual = message_language(contact.language,
                                           welsh_bilingual=school.welsh_bilingual)
    body = render("correction", language, channel=channels[0], bilingual=bilingual,
                  params={"school": school.name, "names": names_text(names, language)},
                  count=len(names))
    address = address_for(contact, channels[0])
    assert address is not None
    row = enqueue(session, clock, channel=channels[0], to_address=address, body=body,
                  kind="correction", language=language, school_id=school.id,
                  contact_id=contact.id, student_ids=students, run_id=run.id)
    _close_conversations(session, clock, contact_id=contact_id, corrected=set(students))
    log.info("outbox=%s correction for contact=%s run=%s", row.id, contact_id, run_id)
    return True


def _close_conversations(session: Session, clock: Clock, *, contact_id: int,
                         corrected: set[int]) -> None:
    """Close the contact's open conversations that were only about corrected children."""
    for conversation in open_conversations_of(session, contact_id):
        assert conversation.id is not None
        about = set(conversation_students(session, conversation.id))
        if about and about <= corrected:
            close_conversation(session, conversation, now=clock.now())
