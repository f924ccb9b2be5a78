"""Advance notices: reasons given before the register took the session they are about.

"Dentist tomorrow at 2", "she won't be in today" at 07:45: the register has no mark for that
session yet, and rollcall never makes one up. The reason waits here until the register brings
the session's mark, in whatever way marks arrive (CSV import, REST API, the replay `mark:`
step: all go through store/marks.py, which calls `settle_notices` in the same transaction):
`N` takes the reason (so no absence text is sent about it), present or any other code drops
the notice, audited either way.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import NamedTuple

from sqlmodel import Session, col, select

from conversations.policy import may_auto_confirm
from conversations.types import Intent, ReasonStatus
from store.audit import audit
from store.clock import Clock
from store.facts import school_policy
from store.models.marks import AdvanceNotice
from store.models.schools import School
from store.reasons import Outcome, record_reason
from store.write_back import queue_push

PENDING, APPLIED, DROPPED, REPLACED = "pending", "applied", "dropped", "replaced"


class TakenSession(NamedTuple):
    """One mark the register has just brought: which session, and the code it says."""

    mark_id: int
    student_id: int
    day: date
    session: str
    code: str


def keep_notice(session: Session, clock: Clock, *, school_id: int, student_id: int, day: date,
                register_session: str, intent: str, confirm: bool, suggested_code: str | None,
                reason_text: str | None, message_id: int | None) -> AdvanceNotice:
    """Keep a reason for one session the register has not taken; a newer reason for the same
    session replaces the older one (both stay in the table and the audit log)."""
    for older in session.exec(select(AdvanceNotice).where(
            AdvanceNotice.student_id == student_id, AdvanceNotice.day == day,
            AdvanceNotice.session == register_session, AdvanceNotice.status == PENDING)):
        _settle(session, clock, older, status=REPLACED, mark_id=None, message_id=message_id)
    notice = AdvanceNotice(school_id=school_id, student_id=student_id, day=day,
                           session=register_session, intent=intent, confirm=confirm,
                           suggested_code=suggested_code, reason_text=reason_text,
                           message_id=message_id, created_at=clock.now())
    session.add(notice)
    session.flush()
    audit(session, clock, actor="bot", action="notice.kept", entity="advance_notice",
          entity_id=notice.id, school_id=school_id, old=None, new=_describe(notice),
          message_id=message_id)
    return notice


def settle_notices(session: Session, clock: Clock, *, school_id: int,
                   taken: Sequence[TakenSession]) -> int:
    """The register has brought these marks: apply the pending notices of sessions coded `N`,
    drop those of sessions coded anything else. Returns how many notices were settled."""
    if not taken:
        return 0
    pending = {(n.student_id, n.day, n.session): n for n in pending_notices_on(
        session, school_id=school_id, days={t.day for t in taken})}
    settled = 0
    for mark in taken:
        notice = pending.get((mark.student_id, mark.day, mark.session))
        if notice is None:
            continue
        if mark.code == "N":
            _apply(session, clock, notice, mark)
        else:
            _settle(session, clock, notice, status=DROPPED, mark_id=mark.mark_id,
                    message_id=None, register_code=mark.code)
        settled += 1
    return settled


def pending_notices_on(session: Session, *, school_id: int,
                       days: set[date]) -> list[AdvanceNotice]:
    """A school's notices still waiting for the register on these days."""
    if not days:
        return []
    return list(session.exec(select(AdvanceNotice).where(
        AdvanceNotice.school_id == school_id, AdvanceNotice.status == PENDING,
        col(AdvanceNotice.day).in_(sorted(days)))))


def pending_notice(session: Session, *, student_id: int, day: date,
                   register_session: str) -> AdvanceNotice | None:
    """The notice waiting for one register session of one student, if any."""
    return session.exec(select(AdvanceNotice).where(
        AdvanceNotice.student_id == student_id, AdvanceNotice.day == day,
        AdvanceNotice.session == register_session, AdvanceNotice.status == PENDING)).first()


def student_notices(session: Session, *, student_id: int, since: date) -> list[AdvanceNotice]:
    """One student's notices from `since` on, pending first, for the console's student page."""
    rows = session.exec(select(AdvanceNotice).where(
        AdvanceNotice.student_id == student_id, col(AdvanceNotice.day) >= since,
        col(AdvanceNotice.status).in_([PENDING, APPLIED, DROPPED]))
        .order_by(col(AdvanceNotice.day), col(AdvanceNotice.session)))
    return sorted(rows, key=lambda n: n.status != PENDING)


def _apply(session: Session, clock: Clock, notice: AdvanceNotice, mark: TakenSession) -> None:
    """The register says N for the session: the notice is its reason, confirmed only when the
    engine's policy (asked again now: the school may have changed it) still allows."""
    school = session.get(School, notice.school_id)
    assert school is not None
    confirm = notice.confirm and may_auto_confirm(Intent(notice.intent), school_policy(school))
    outcome, row = record_reason(
        session, clock, school_id=notice.school_id, student_id=notice.student_id,
        day=notice.day, register_session=notice.session,
        status=ReasonStatus.CONFIRMED if confirm else ReasonStatus.REPORTED,
        code=notice.suggested_code if confirm else None, suggested_code=notice.suggested_code,
        intent=notice.intent, reason_text=notice.reason_text, message_id=notice.message_id)
    if row is not None and outcome is Outcome.RECORDED and row.reason_status == "confirmed":
        queue_push(session, clock, row)
    _settle(session, clock, notice, status=APPLIED, mark_id=mark.mark_id,
            message_id=notice.message_id)


def _settle(session: Session, clock: Clock, notice: AdvanceNotice, *, status: str,
            mark_id: int | None, message_id: int | None, register_code: str | None = None
            ) -> None:
    old = _describe(notice)
    notice.status, notice.mark_id, notice.settled_at = status, mark_id, clock.now()
    session.add(notice)
    new = json.loads(_describe(notice))
    if register_code is not None:
        new["register_code"] = register_code
    audit(session, clock, actor="register" if register_code else "bot",
          action=f"notice.{status}", entity="advance_notice", entity_id=notice.id,
          school_id=notice.school_id, old=old, new=json.dumps(new, sort_keys=True),
          message_id=message_id)


def _describe(notice: AdvanceNotice) -> str:
    return json.dumps({"day": notice.day.isoformat(), "session": notice.session,
                       "intent": notice.intent, "suggested_code": notice.suggested_code,
                       "confirm": notice.confirm, "status": notice.status}, sort_keys=True)
