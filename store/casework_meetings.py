"""Meetings about a student's attendance: with the family (a school's casework), or a Personal
Tutor's with the student (confidential: store/confidential.py decides who reads it). Each is
recorded with who came and what was agreed, and a review date that brings the case back to the
list until the next meeting."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date

from sqlalchemy import ColumnElement
from sqlmodel import Session, col, or_, select
from sqlmodel.sql.expression import SelectOfScalar

from store.audit import audit
from store.clock import Clock
from store.confidential import Reader, may_read
from store.errors import InvalidInput
from store.models.casework import CaseworkMeeting
from store.models.people import Student

MAX_ACTIONS = 4000


def record_meeting(session: Session, clock: Clock, *, school_id: int, student_id: int,
                   held_on: date, attendees: Sequence[str], actions: str,
                   review_on: date | None, staff_id: int,
                   confidential: bool = False) -> CaseworkMeeting:
    """Keep a meeting (InvalidInput, and nothing kept, for one without who came, or reviewed
    before it was held); the student's earlier meetings of the same kind (confidential or
    not) count as reviewed by it."""
    people = [name.strip() for name in attendees if name.strip()]
    if not people:
        raise InvalidInput("a meeting needs who came", problem="meeting_who")
    if review_on is not None and review_on < held_on:
        raise InvalidInput("the review date is before the meeting", problem="review_before_meeting")
    if len(actions) > MAX_ACTIONS:
        raise InvalidInput(f"the agreed actions are over {MAX_ACTIONS} characters",
                           problem="actions_long", most=str(MAX_ACTIONS))
    for earlier in session.exec(select(CaseworkMeeting).where(
            CaseworkMeeting.student_id == student_id, col(CaseworkMeeting.reviewed).is_(False),
            CaseworkMeeting.confidential == confidential)):
        earlier.reviewed = True
        session.add(earlier)
    meeting = CaseworkMeeting(school_id=school_id, student_id=student_id, held_on=held_on,
                              attendees=people, actions=actions.strip(), review_on=review_on,
                              recorded_by=staff_id, created_at=clock.now(),
                              confidential=confidential)
    session.add(meeting)
    session.flush()
    audit(session, clock, actor=f"staff:{staff_id}", action="meeting.recorded",
          entity="student", entity_id=student_id, school_id=school_id,
          new=f"{'confidential ' if confidential else ''}meeting {meeting.id} on {held_on}, "
              f"review {review_on or 'none'}")
    return meeting


def meetings_of(session: Session, *, student_id: int,
                reader: Reader | None) -> list[CaseworkMeeting]:
    """A student's meetings, the latest first: confidential ones only for a reader who may
    read them (None: none of them)."""
    stmt = _with_student().where(CaseworkMeeting.student_id == student_id, _visible(reader))
    return list(session.exec(stmt.order_by(col(CaseworkMeeting.held_on).desc(),
                                           col(CaseworkMeeting.id).desc())))


def reviews_due(session: Session, *, school_ids: Collection[int], day: date,
                reader: Reader | None = None, confidential: bool = False
                ) -> list[CaseworkMeeting]:
    """Meetings whose review date has come and that no later meeting has followed: the
    family meetings, or (`confidential`) the tutors' meetings this reader may read."""
    stmt = _with_student().where(
        col(CaseworkMeeting.school_id).in_(list(school_ids)),
        col(CaseworkMeeting.reviewed).is_(False), col(CaseworkMeeting.review_on) <= day,
        CaseworkMeeting.confidential == confidential, _visible(reader))
    return list(session.exec(stmt))


def _with_student() -> SelectOfScalar[CaseworkMeeting]:
    return select(CaseworkMeeting).join(Student,
                                        col(Student.id) == col(CaseworkMeeting.student_id))


def _visible(reader: Reader | None) -> ColumnElement[bool]:
    hidden = col(CaseworkMeeting.confidential).is_(True)
    if reader is None:
        return ~hidden
    return or_(~hidden, may_read(reader, author=col(CaseworkMeeting.recorded_by)))
