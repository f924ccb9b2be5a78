"""The MIS push queue: each confirmed reason written into the school's MIS once.

A row is added in the same transaction as the reason (store/write_back.py `queue_push`) when
the school is linked to an MIS, keyed by (mark, mark version): confirming the same reason
twice queues one push, and a newer reason for the mark supersedes an older one still waiting.
The job (scheduling/mis/push.py) claims due rows with a lease, sends them outside any
transaction and records what the MIS said: written (with its write-back id), refused (a staff
task with the MIS's reason), or retried with backoff.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select, update

from conversations.types import Urgency
from conversations.whys import Why
from store.backoff import Backoff
from store.bulk import write_rows
from store.clock import Clock
from store.escalations import raise_escalation
from store.mis_links import mis_link, refs
from store.mis_records import PushRecord, PushResult
from store.models.marks import Mark
from store.models.mis import MisPush

BACKOFF = Backoff(base=timedelta(seconds=30), cap=timedelta(hours=1), jitter=True)
LEASE = timedelta(minutes=2)


def queue_mis_push(session: Session, clock: Clock, mark: Mark) -> None:
    """Queue a confirmed mark for the school's MIS (nothing when the school has none)."""
    if mark.id is None or mis_link(session, mark.school_id) is None:
        return
    exists = session.exec(select(MisPush.id).where(
        MisPush.mark_id == mark.id, MisPush.mark_version == mark.version)).first()
    if exists is not None:
        return
    session.execute(update(MisPush)
                    .where(col(MisPush.mark_id) == mark.id, col(MisPush.status) == "pending")
                    .values(status="superseded"))
    session.add(MisPush(**_push_row(clock, mark)))


def queue_new_mis_pushes(session: Session, clock: Clock, marks: Sequence[Mark]) -> None:
    """queue_mis_push for marks created in this transaction, in one statement: being new,
    they have no push to find or supersede."""
    if not marks or mis_link(session, marks[0].school_id) is None:
        return
    write_rows(session, MisPush, [_push_row(clock, mark) for mark in marks])


def _push_row(clock: Clock, mark: Mark) -> dict[str, Any]:
    return dict(school_id=mark.school_id, mark_id=mark.id, mark_version=mark.version,
                day=mark.day, session=mark.session, code=mark.code, comment=_comment(mark),
                created_at=clock.now(), next_attempt_at=clock.now())


def _comment(mark: Mark) -> str:
    # Ids and the kind of reason only: the family's own words stay in rollcall.
    who = "staff" if mark.set_by_staff else "rollcall"
    return f"rollcall: {(mark.intent or 'reason').replace('_', ' ')}, confirmed by {who}"


@dataclass(frozen=True, slots=True)
class Claimed:
    push_id: int
    school_id: int
    student_id: int
    day: date
    session: str
    code: str
    comment: str | None


def claim_mis_pushes(session: Session, now: datetime, *, limit: int) -> list[Claimed]:
    """Due pushes, leased for LEASE (another process skips them meanwhile). A push whose mark
    has changed since (a person recoded it, a newer reason) is superseded instead."""
    stmt = (select(MisPush, Mark).join(Mark, col(Mark.id) == MisPush.mark_id)
            .where(MisPush.status == "pending", col(MisPush.next_attempt_at) <= now)
            .order_by(col(MisPush.id)).limit(limit)
            .with_for_update(skip_locked=True, of=MisPush))
    claimed = []
    for push, mark in session.exec(stmt):
        if mark.version != push.mark_version or mark.reason_status != "confirmed":
            push.status = "superseded"
        else:
            push.next_attempt_at = now + LEASE
            claimed.append(Claimed(push.id or 0, push.school_id, mark.student_id, push.day,
                                   push.session, push.code, push.comment))
        session.add(push)
    return claimed


def addressed(session: Session, *, school_id: int,
              claimed: list[Claimed]) -> tuple[list[PushRecord], list[PushResult]]:
    """The claimed pushes addressed with the MIS's own ids; those that cannot be (a student or
    code the MIS has never shown us) are refused here, saying which."""
    students = {r.local_id: mis_id for mis_id, r in
                refs(session, school_id=school_id, kind="student").items()}
    codes = {r.code: mis_id for mis_id, r in refs(session, school_id=school_id,
                                                  kind="code").items()}
    records, refused = [], []
    for push in claimed:
        student_ref, code_ref = students.get(push.student_id), codes.get(push.code)
        if student_ref is None:
            refused.append(PushResult(push.push_id, "refused",
                                      reason="the MIS has not sent us this student"))
        elif code_ref is None:
            refused.append(PushResult(push.push_id, "refused",
                                      reason=f"the MIS has no attendance code {push.code}"))
        else:
            records.append(PushRecord(push.push_id, student_ref, push.day, push.session,
                                      code_ref, push.comment))
    return records, refused


def record_push_results(session: Session, clock: Clock, *, school_id: int,
                        results: list[PushResult], ack_minutes: int = 10) -> None:
    """What the MIS did with each push; a refusal becomes a staff task with its reason."""
    now = clock.now()
    for result in results:
        push = session.get(MisPush, result.push_id)
        if push is None or push.status != "pending":
            continue
        push.attempts += 1
        push.last_error = result.reason
        if result.outcome == "written":
            push.status, push.written_at, push.writeback_id = "written", now, result.writeback_id
        elif result.outcome == "refused":
            push.status = "refused"
            mark = session.get(Mark, push.mark_id)
            escalation = raise_escalation(
                session, clock, school_id=school_id, urgency=Urgency.NORMAL,
                why=Why("mis_refused", reason=result.reason or "no reason given"),
                student_id=mark.student_id if mark else None, ack_minutes=ack_minutes)
            push.escalation_id = escalation.id
        else:
            push.next_attempt_at = now + BACKOFF.after(push.attempts,
                                                       retry_after=result.retry_after)
        session.add(push)
    link = mis_link(session, school_id)
    if link is not None and any(r.outcome == "written" for r in results):
        link.last_push_at = now
        session.add(link)


@dataclass(frozen=True, slots=True)
class QueueCounts:
    pending: int
    written: int
    refused: int
    failing: int  # pending rows that have failed at least once
    oldest_pending: datetime | None


def queue_counts(session: Session, *, school_id: int) -> QueueCounts:
    """How many pushes stand in each state at a school, and since when the oldest waits."""
    by_status = dict(session.exec(select(MisPush.status, func.count())
                                  .where(MisPush.school_id == school_id)
                                  .group_by(col(MisPush.status))).all())
    failing, oldest = session.exec(
        select(func.count().filter(col(MisPush.attempts) > 0), func.min(MisPush.created_at))
        .where(MisPush.school_id == school_id, MisPush.status == "pending")).one()
    return QueueCounts(pending=by_status.get("pending", 0), written=by_status.get("written", 0),
                       refused=by_status.get("refused", 0), failing=failing or 0,
                       oldest_pending=oldest)


def recent_failures(session: Session, *, school_id: int, limit: int = 10) -> list[MisPush]:
    """Refused pushes and pending ones that failed, newest first (ids, codes, reasons)."""
    stmt = (select(MisPush).where(MisPush.school_id == school_id,
                                  (col(MisPush.status) == "refused")
                                  | ((col(MisPush.status) == "pending")
                                     & (col(MisPush.attempts) > 0)))
            .order_by(col(MisPush.id).desc()).limit(limit))
    return list(session.exec(stmt))

