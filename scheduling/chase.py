"""After the morning's messages: who has been asked already, the chase, and the call list.

The chase is a second message to contacts who were asked this morning, have not replied, and
whose children are still unexplained. After it, every child still unexplained goes on the staff
call list as an escalation (normal by default: ringing round is the attendance officer's daily
routine; a school can make it urgent with `School.call_list_urgent`).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta

from sqlalchemy import or_
from sqlmodel import Session, col, select

from scheduling import calendar
from scheduling.compose import Recipient, students_marked
from store.clock import Clock
from store.models import (
    Contact,
    Escalation,
    Message,
    Outbox,
    Run,
    School,
    Student,
    StudentContact,
)

# Messages that never went out: they asked nobody.
GONE = ("cancelled", "expired")
CALL_LIST_WHY = "no reason after the chase"


def covered_students(session: Session, *, school_id: int, day: date) -> set[int]:
    """Children some contact was already asked about this morning."""
    return {sid for _, ids, _ in _asked(session, school_id=school_id, day=day) for sid in ids}


def chase_recipients(session: Session, *, school_id: int, day: date) -> Iterator[Recipient]:
    """Contacts asked this morning who have not replied, with their children still unexplained."""
    asked: dict[int, tuple[set[int], datetime]] = {}
    for contact_id, ids, created_at in _asked(session, school_id=school_id, day=day):
        students, first = asked.setdefault(contact_id, (set(), created_at))
        students.update(ids)
        asked[contact_id] = (students, min(first, created_at))
    if not asked:
        return
    since = min(first for _, first in asked.values())
    replied = _replied_since(session, school_id=school_id, since=since)
    unexplained = students_marked(session, school_id=school_id, day=day, kind="absence")
    waiting = {cid: sorted(ids & unexplained) for cid, (ids, _) in asked.items()
               if cid not in replied and ids & unexplained}
    names = _first_names(session, {sid for ids in waiting.values() for sid in ids})
    contacts = session.exec(select(Contact).where(col(Contact.id).in_(list(waiting)),
                                                  Contact.no_contact == False))  # noqa: E712
    for contact in contacts:
        assert contact.id is not None
        ids = waiting[contact.id]
        yield Recipient(contact_id=contact.id, language=contact.language, phone=contact.phone,
                        email=contact.email, telegram_chat_id=contact.telegram_chat_id,
                        channels=contact.channels, opted_out=contact.opted_out, lost=contact.lost,
                        student_ids=",".join(map(str, ids)),
                        names=tuple(names[sid] for sid in ids))


def call_list(session: Session, clock: Clock, *, school: School, day: date,
              dry_run: bool) -> int:
    """Raise an escalation for every child still unexplained; returns how many (new ones)."""
    assert school.id is not None
    unexplained = students_marked(session, school_id=school.id, day=day, kind="absence")
    start_of_day = calendar.local_time(school, day, time(0, 0))
    already = set(session.exec(select(col(Escalation.student_id)).where(
        Escalation.school_id == school.id, Escalation.status != "resolved",
        col(Escalation.created_at) >= start_of_day)))
    todo = sorted(unexplained - already)
    if dry_run:
        return len(todo)
    first_contacts = _first_contacts(session, todo)
    now = clock.now()
    urgency = "urgent" if school.call_list_urgent else "normal"
    due = now + (timedelta(minutes=10) if school.call_list_urgent else timedelta(hours=4))
    session.add_all(Escalation(school_id=school.id, student_id=sid,
                               contact_id=first_contacts.get(sid), urgency=urgency,
                               why=CALL_LIST_WHY, created_at=now, due_at=due) for sid in todo)
    return len(todo)


def _asked(session: Session, *, school_id: int,
           day: date) -> Iterator[tuple[int, list[int], datetime]]:
    rows = session.exec(
        select(Outbox.contact_id, Outbox.student_ids, Outbox.created_at)
        .join(Run, col(Run.id) == Outbox.run_id)
        .where(Run.school_id == school_id, Run.day == day,
               or_(col(Run.kind) == "absence", col(Run.kind).startswith("catch_up")),
               col(Outbox.status).not_in(GONE)))
    for contact_id, ids, created_at in rows:
        assert contact_id is not None and created_at is not None
        yield contact_id, [int(i) for i in ids.split(",") if i], created_at


def _replied_since(session: Session, *, school_id: int, since: datetime) -> set[int]:
    return {cid for cid in session.exec(select(col(Message.contact_id)).where(
        Message.school_id == school_id, Message.direction == "in",
        col(Message.created_at) >= since)) if cid is not None}


def _first_names(session: Session, student_ids: set[int]) -> dict[int, str]:
    rows = session.exec(select(Student.id, Student.first_name, Student.preferred_name).where(
        col(Student.id).in_(list(student_ids))))
    return {sid: preferred or first for sid, first, preferred in rows if sid is not None}


def _first_contacts(session: Session, student_ids: list[int]) -> dict[int, int]:
    rows = session.exec(select(StudentContact.student_id, StudentContact.contact_id).where(
        col(StudentContact.student_id).in_(student_ids)).order_by(
        col(StudentContact.priority).desc(), col(StudentContact.contact_id).desc()))
    return {sid: cid for sid, cid in rows}  # later rows win: the first by priority comes last
