"""Recording a reason on a register mark, for the bot and for staff alike.

Every change bumps the mark's `version` and `updated_at` (the write-back feed follows them) and
leaves an audit entry with the old and new value and the message that caused it.
"""

from __future__ import annotations

import json
from datetime import date
from enum import StrEnum

from sqlmodel import Session, select

from conversations.policy import BOT_CONFIRMABLE
from conversations.types import ReasonStatus
from store.audit import audit
from store.clock import Clock
from store.codes import validate_code
from store.models.marks import Mark


class Outcome(StrEnum):
    RECORDED = "recorded"
    NOT_TAKEN = "not_taken"  # the register has no mark for the session: nothing was written
    STAFF_SET = "staff_set"  # a person already set the code: nothing changed, staff must look
    UNCHANGED = "unchanged"


def find_mark(session: Session, *, student_id: int, day: date,
              register_session: str) -> Mark | None:
    return session.exec(select(Mark).where(Mark.student_id == student_id, Mark.day == day,
                                           Mark.session == register_session)).first()


def record_reason(session: Session, clock: Clock, *, school_id: int, student_id: int, day: date,
                  register_session: str, status: ReasonStatus, code: str | None,
                  suggested_code: str | None, intent: str | None, reason_text: str | None,
                  message_id: int | None, actor: str = "bot") -> tuple[Outcome, Mark | None]:
    """Record what the bot understood for one session of one student.

    A code a person set is never overwritten (STAFF_SET: the caller escalates). The bot only
    ever sets a code it may confirm (I, M, R) and only over `N`; anything else is kept as
    `reported` with the code suggested, for a person to decide. A session the register has not
    taken gets no mark (NOT_TAKEN: the caller keeps an advance notice instead).
    """
    if code is not None:
        validate_code(code)
    if suggested_code is not None:
        validate_code(suggested_code)
    if status is ReasonStatus.CONFIRMED and (code is None or code not in BOT_CONFIRMABLE):
        status, suggested_code, code = ReasonStatus.REPORTED, suggested_code or code, None
    mark = find_mark(session, student_id=student_id, day=day, register_session=register_session)
    if mark is None:
        return Outcome.NOT_TAKEN, None
    if mark.set_by_staff:
        return Outcome.STAFF_SET, mark
    if mark.reason_status == ReasonStatus.CONFIRMED:
        # Already confirmed (by an earlier reply or an import): a second reading does not
        # silently replace it.
        return Outcome.UNCHANGED, mark
    old = describe(mark)
    if status is ReasonStatus.CONFIRMED and mark.code == "N":
        mark.code = code or mark.code
    elif status is ReasonStatus.CONFIRMED:
        # A late (L) or a coded mark keeps its code; the reason waits for a person.
        status, suggested_code = ReasonStatus.REPORTED, suggested_code or code
    mark.reason_status = status
    mark.suggested_code = suggested_code
    mark.intent = intent
    mark.reason_text = reason_text
    mark.message_id = message_id
    mark.source = "bot"
    mark.set_by = actor
    touch(mark, clock)
    session.add(mark)
    session.flush()
    audit(session, clock, actor=actor, action="mark.reason", entity="mark", entity_id=mark.id,
          school_id=mark.school_id, old=old, new=describe(mark), message_id=message_id)
    return Outcome.RECORDED, mark


def mark_by_id(session: Session, mark_id: int) -> Mark | None:
    return session.get(Mark, mark_id)


def code_by_staff(session: Session, clock: Clock, mark: Mark, *, code: str, reason: str,
                  actor: str) -> str:
    """A person sets the code, with why: the bot never overwrites it (`set_by_staff`).
    Returns the mark as it was (`describe`), for the caller's audit entry."""
    old = describe(mark)
    mark.code = code
    mark.reason_status = ReasonStatus.CONFIRMED
    mark.reason_text = reason
    mark.set_by_staff = True
    mark.set_by = actor
    mark.source = "staff"
    touch(mark, clock)
    session.add(mark)
    session.flush()
    return old


def touch(mark: Mark, clock: Clock) -> None:
    """Bump the version and time the write-back feed's cursor follows."""
    mark.version = (mark.version or 0) + 1
    mark.updated_at = clock.now()


def describe(mark: Mark) -> str:
    """The audited value of a mark: its code and where its reason stands."""
    return json.dumps({"code": mark.code, "reason_status": mark.reason_status,
                       "suggested_code": mark.suggested_code, "intent": mark.intent},
                      sort_keys=True)
