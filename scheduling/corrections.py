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

from sqlalchemy import String, cast
from sqlmodel import Session, col, select

from channels.texts import render
from scheduling.wording import message_language, names_text
from store.clock import Clock
from store.codes import PRESENT_CODES
from store.contacts import address_for, channel_order
from store.conversations import close_conversation, conversation_students
from store.models import Contact, Conversation, Mark, Outbox, Run, School, Student
from store.outbox import enqueue, take_corrections_turn

log = logging.getLogger(__name__)

ASKED_IN = {"AM": ("absence", "catch_up", "chase"), "PM": ("pm_absence", "pm_catch_up")}
WENT = ("sent", "delivered")


def send_corrections(session: Session, clock: Clock) -> int:
    """Queue a correction for every message whose child is now marked present (none when another
    node's pass is doing it at this moment)."""
    if not take_corrections_turn(session):
        return 0
    now = clock.now()
    fixed = session.exec(select(col(Mark.student_id), col(Mark.day), col(Mark.session)).where(
        col(Mark.code).in_(PRESENT_CODES), Mark.version > 1,
        col(Mark.updated_at) >= now - timedelta(days=1)))
    owed: dict[tuple[int, int, date], set[int]] = defaultdict(set)  # (contact, run) -> students
    for student_id, day, register_session in fixed:
        for contact_id, run_id in _told_absent(session, student_id, day, register_session):
            owed[(contact_id, run_id, day)].add(student_id)
    sent = 0
    for (contact_id, run_id, _day), students in owed.items():
        todo = students - _already_corrected(session, contact_id, run_id)
        if todo and _correct(session, clock, contact_id=contact_id, run_id=run_id,
                             students=sorted(todo)):
            sent += 1
    return sent


def _told_absent(session: Session, student_id: int, day: date,
                 register_session: str) -> list[tuple[int, int]]:
    kinds = ASKED_IN.get(register_session, ())
    rows = session.exec(
        select(Outbox.contact_id, Outbox.run_id, Outbox.student_ids)
        .join(Run, col(Run.id) == Outbox.run_id)
        .where(Run.day == day, col(Outbox.kind).in_(kinds), col(Outbox.status).in_(WENT),
               # The JSON text narrows the rows down; the list itself decides.
               cast(Outbox.student_ids, String).contains(str(student_id))))
    return [(contact_id, run_id) for contact_id, run_id, ids in rows
            if contact_id is not None and run_id is not None and student_id in ids]


def _already_corrected(session: Session, contact_id: int, run_id: int) -> set[int]:
    rows = session.exec(select(Outbox.student_ids).where(
        Outbox.contact_id == contact_id, Outbox.run_id == run_id, Outbox.kind == "correction"))
    return {i for ids in rows for i in ids}


def _correct(session: Session, clock: Clock, *, contact_id: int, run_id: int,
             students: list[int]) -> bool:
    contact, run = session.get(Contact, contact_id), session.get(Run, run_id)
    assert contact is not None and run is not None
    school = session.get(School, run.school_id)
    assert school is not None
    channels = channel_order(contact)
    if not channels or contact.no_contact:
        return False
    names = [preferred or first for first, preferred in session.exec(
        select(Student.first_name, Student.preferred_name).where(
            col(Student.id).in_(students)).order_by(col(Student.id)))]
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
    open_ones = session.exec(select(Conversation).where(
        Conversation.contact_id == contact_id, col(Conversation.closed_at).is_(None)))
    for conversation in open_ones:
        assert conversation.id is not None
        about = set(conversation_students(session, conversation.id))
        if about and about <= corrected:
            close_conversation(session, conversation, now=clock.now())
