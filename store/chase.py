"""After the morning's messages: who has been asked already, the chase, and the call list.

The chase is a second message to contacts who were asked this morning, have not replied, and
whose children are still unexplained. After it, every child still unexplained goes on the staff
call list as an escalation (normal by default: ringing round is the attendance officer's daily
routine; a school can make it urgent with `School.call_list_urgent`).

Set-based queries, like `store.recipients`: a district's chase asks after tens of thousands of
families, so nothing here builds an object or binds an id per family. The runs
(`scheduling.runs`) word and write what these return.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta

from sqlalchemy import ColumnElement, String, cast, or_
from sqlalchemy import insert as sa_insert
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from conversations.whys import Why
from store import calendar
from store.clock import Clock
from store.contacts import written_to
from store.escalations import why_columns
from store.models.conversations import Message
from store.models.escalations import Escalation
from store.models.outbound import Outbox, Run
from store.models.people import Contact, Student, StudentContact
from store.models.schools import School
from store.recipients import Recipient, marked_subquery, students_marked
from store.types import json_text

# Messages that never went out: they asked nobody.
GONE = ("cancelled", "expired")
CALL_LIST_WHY = Why("no_reason_after_chase")
CATCH_UP_OF = {"absence": "catch_up", "pm_absence": "pm_catch_up"}


def covered_students(session: Session, *, school_id: int, day: date,
                     kind: str = "absence") -> set[int]:
    """Children some contact was already asked about by the `kind` run ("absence": this
    morning, "pm_absence": this afternoon) or a catch-up pass after it."""
    return {sid for _, ids, _ in _asked(session, school_id=school_id, day=day, kind=kind)
            for sid in ids}


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
    names = _first_names(session, school_id=school_id, day=day)
    # Filtered by a subquery and then in Python, never by a list of ids: a district's chase
    # asks after tens of thousands of contacts.
    asked_contacts = select(Outbox.contact_id).join(Run, col(Run.id) == Outbox.run_id).where(
        *_asking_messages(school_id=school_id, day=day))
    contacts = session.connection().execute(sa_select(
        col(Contact.id), col(Contact.language), col(Contact.phone), col(Contact.email),
        col(Contact.telegram_chat_id),  # the lists as JSON text, as compose reads them
        cast(col(Contact.channels), String), cast(col(Contact.opted_out), String),
        cast(col(Contact.lost), String)).where(
        col(Contact.id).in_(asked_contacts), written_to()))
    for cid, language, phone, email, telegram, channels, opted_out, lost in contacts:
        todo = waiting.get(cid) if cid is not None else None
        if cid is None or todo is None:
            continue
        yield Recipient(contact_id=cid, language=language, phone=phone, email=email,
                        telegram_chat_id=telegram, channels=channels, opted_out=opted_out,
                        lost=lost, student_ids=json_text(todo),
                        names=tuple(names[sid] for sid in todo))


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
    first_contacts = _first_contacts(session, school_id=school.id, day=day)
    now = clock.now()
    urgency = "urgent" if school.call_list_urgent else "normal"
    due = now + (timedelta(minutes=10) if school.call_list_urgent else timedelta(hours=4))
    if todo:
        # One prepared INSERT per row (executemany), not one statement binding every row's
        # values: a district's call list can be longer than a statement's parameter limit.
        session.connection().execute(sa_insert(Escalation), [
            Escalation(school_id=school.id, student_id=sid, contact_id=first_contacts.get(sid),
                       urgency=urgency, **why_columns(CALL_LIST_WHY), created_at=now,
                       due_at=due).model_dump(exclude={"id"}) for sid in todo])
    return len(todo)


def _asked(session: Session, *, school_id: int, day: date,
           kind: str = "absence") -> Iterator[tuple[int, list[int], datetime]]:
    rows = session.exec(select(Outbox.contact_id, Outbox.student_ids, Outbox.created_at)
                        .join(Run, col(Run.id) == Outbox.run_id)
                        .where(*_asking_messages(school_id=school_id, day=day, kind=kind)))
    for contact_id, ids, created_at in rows:
        assert contact_id is not None and created_at is not None
        yield contact_id, list(ids), created_at


def _asking_messages(*, school_id: int, day: date,
                     kind: str = "absence") -> list[ColumnElement[bool]]:
    """Outbox rows joined to their run: the messages of the day's `kind` run and of the
    catch-up passes after it that went or are going."""
    return [col(Run.school_id) == school_id, col(Run.day) == day,
            or_(col(Run.kind) == kind, col(Run.kind).startswith(CATCH_UP_OF[kind])),
            col(Outbox.status).not_in(GONE)]


def _replied_since(session: Session, *, school_id: int, since: datetime) -> set[int]:
    return {cid for cid in session.exec(select(col(Message.contact_id)).where(
        Message.school_id == school_id, Message.direction == "in",
        col(Message.created_at) >= since)) if cid is not None}


def _first_names(session: Session, *, school_id: int, day: date) -> dict[int, str]:
    """The first name of every child the chase may ask about (those still unexplained)."""
    rows = session.exec(select(Student.id, Student.first_name, Student.preferred_name).where(
        col(Student.id).in_(marked_subquery(school_id=school_id, day=day, kind="absence"))))
    return {sid: preferred or first for sid, first, preferred in rows if sid is not None}


def _first_contacts(session: Session, *, school_id: int, day: date) -> dict[int, int]:
    """The first contact by priority of every child still unexplained."""
    rows = session.exec(select(StudentContact.student_id, StudentContact.contact_id).where(
        col(StudentContact.student_id).in_(
            marked_subquery(school_id=school_id, day=day, kind="absence"))).order_by(
        col(StudentContact.priority).desc(), col(StudentContact.contact_id).desc()))
    return {sid: cid for sid, cid in rows}  # later rows win: the first by priority comes last
