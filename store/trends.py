"""What the console's trend charts count, over a span of days: sessions possible and missed by
day and year group, the messages asking families for a reason and the replies that came back,
the reasons given, and every message to a family by channel and how it ended.

Possible and missed sessions follow the DfE's counting (store/attendance_figures.py): possible
is present, approved activity, authorised and unauthorised absence; missed is the two absences.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import case, func, or_
from sqlmodel import Session, col, select

from store.attendance_figures import (
    ATTENDED_CODES,
    AUTHORISED_CODES,
    UNAUTHORISED_CODES,
)
from store.models.conversations import Message
from store.models.marks import Mark
from store.models.outbound import Outbox
from store.models.people import Student
from store.responses import ASKING_KINDS

MISSED_CODES = AUTHORISED_CODES + UNAUTHORISED_CODES
POSSIBLE_CODES = ATTENDED_CODES + MISSED_CODES


@dataclass(frozen=True, slots=True)
class SessionCount:
    """The sessions of one day and one year group (None: no year group recorded)."""

    day: date
    year_group: str | None
    possible: int
    missed: int


@dataclass(frozen=True, slots=True)
class Asked:
    """One message asking a family (a contact) for a reason, about these students."""

    at: datetime
    contact_id: int
    student_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Reason:
    """An absence session with a reason: the engine's intent, else the code staff set."""

    day: date
    intent: str | None
    code: str


def session_counts(session: Session, school_ids: Collection[int], *, start: date,
                   end: date) -> list[SessionCount]:
    """Possible and missed sessions per day and year group, counted in the database."""
    possible = func.sum(case((col(Mark.code).in_(POSSIBLE_CODES), 1), else_=0))
    missed = func.sum(case((col(Mark.code).in_(MISSED_CODES), 1), else_=0))
    rows = session.exec(
        select(col(Mark.day), col(Student.year_group), possible, missed)
        .join(Student, col(Student.id) == col(Mark.student_id))
        .where(col(Mark.school_id).in_(list(school_ids)), col(Mark.day) >= start,
               col(Mark.day) <= end)
        .group_by(col(Mark.day), col(Student.year_group)))
    return [SessionCount(day, year, int(p or 0), int(m or 0)) for day, year, p, m in rows]


def asking_messages(session: Session, school_ids: Collection[int], *, since: datetime,
                    until: datetime) -> list[Asked]:
    """Every message to a family asking for a reason, queued in the span, oldest first."""
    rows = session.exec(
        select(Outbox.created_at, Outbox.contact_id, Outbox.student_ids)
        .where(col(Outbox.school_id).in_(list(school_ids)), col(Outbox.kind).in_(ASKING_KINDS),
               col(Outbox.contact_id).is_not(None), col(Outbox.created_at) >= since,
               col(Outbox.created_at) < until)
        .order_by(col(Outbox.created_at)))
    return [Asked(at, contact_id, tuple(ids or ())) for at, contact_id, ids in rows
            if at is not None and contact_id is not None]


def replies_in(session: Session, school_ids: Collection[int], *, since: datetime,
               until: datetime) -> dict[int, list[datetime]]:
    """When each contact wrote in during the span, oldest first."""
    rows = session.exec(
        select(Message.contact_id, Message.created_at)
        .where(col(Message.school_id).in_(list(school_ids)), Message.direction == "in",
               col(Message.contact_id).is_not(None), col(Message.created_at) >= since,
               col(Message.created_at) < until)
        .order_by(col(Message.created_at)))
    replies: dict[int, list[datetime]] = {}
    for contact_id, at in rows:
        if contact_id is not None and at is not None:
            replies.setdefault(contact_id, []).append(at)
    return replies


def year_groups(session: Session, student_ids: Collection[int]) -> dict[int, str | None]:
    """Each student's year group (None where the MIS gave none)."""
    if not student_ids:
        return {}
    rows = session.exec(select(Student.id, Student.year_group)
                        .where(col(Student.id).in_(list(student_ids))))
    return {student_id: year for student_id, year in rows if student_id is not None}


def reasons_given(session: Session, school_ids: Collection[int], *, start: date,
                  end: date) -> list[Reason]:
    """The absence sessions of the span with a reason (given by the family or set by staff)."""
    rows = session.exec(
        select(col(Mark.day), col(Mark.intent), col(Mark.code))
        .where(col(Mark.school_id).in_(list(school_ids)), col(Mark.day) >= start,
               col(Mark.day) <= end, col(Mark.code).in_(MISSED_CODES),
               or_(col(Mark.code) != "N", col(Mark.reason_status) != "unexplained")))
    return [Reason(day, intent, code) for day, intent, code in rows]


def outcomes_by_channel(session: Session, school_ids: Collection[int], *, since: datetime,
                        until: datetime) -> dict[tuple[str, str], int]:
    """(channel, outbox status) -> how many messages to families were queued in the span."""
    rows = session.exec(
        select(Outbox.channel, Outbox.status, func.count())
        .where(col(Outbox.school_id).in_(list(school_ids)), col(Outbox.contact_id).is_not(None),
               col(Outbox.created_at) >= since, col(Outbox.created_at) < until)
        .group_by(col(Outbox.channel), col(Outbox.status)))
    return {(channel, status): int(count) for channel, status, count in rows}
