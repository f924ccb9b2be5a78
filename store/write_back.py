"""The write-back push queue: confirmed reasons waiting to be sent to the MIS side's webhook.

The pull feed (the REST API's "changed since" cursor) needs nothing from here: it reads marks,
whose `version` and `updated_at` every change bumps. The push is optional and durable: a row is
written in the same transaction as the reason, and sent (signed, retried) after it commits.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlmodel import Session, col, select, update

from store.backoff import Backoff
from store.bulk import write_rows
from store.clock import Clock
from store.mis_push import queue_mis_push, queue_new_mis_pushes
from store.models.marks import Mark
from store.models.mis import WriteBackPush


def mark_payload(mark: Mark) -> dict[str, object]:
    """What the MIS side is told about one mark (ids, code, reason; never a name)."""
    return {"mark_id": mark.id, "school_id": mark.school_id, "student_id": mark.student_id,
            "date": mark.day.isoformat(), "session": mark.session, "code": mark.code,
            "reason_status": mark.reason_status, "intent": mark.intent,
            "reason_text": mark.reason_text, "set_by": mark.set_by,
            "message_id": mark.message_id, "version": mark.version,
            "updated_at": mark.updated_at.isoformat() if mark.updated_at else None}


def queue_push(session: Session, clock: Clock, mark: Mark) -> None:
    """Queue one confirmed mark for the webhook push (the pusher sets rows aside when no
    webhook is configured) and for the school's MIS when it has one (store/mis_push.py)."""
    queue_mis_push(session, clock, mark)
    session.add(WriteBackPush(**_push_row(clock, mark)))


def queue_new_pushes(session: Session, clock: Clock, marks: Sequence[Mark]) -> None:
    """queue_push, set-wise, for marks created in this transaction (a whole school closed)."""
    queue_new_mis_pushes(session, clock, marks)
    write_rows(session, WriteBackPush, [_push_row(clock, mark) for mark in marks])


def _push_row(clock: Clock, mark: Mark) -> dict[str, Any]:
    return dict(school_id=mark.school_id, mark_id=mark.id or 0, mark_version=mark.version,
                body=json.dumps(mark_payload(mark), sort_keys=True), created_at=clock.now(),
                next_attempt_at=clock.now())


def due_pushes(session: Session, now: datetime, *, limit: int = 50) -> list[WriteBackPush]:
    stmt = (select(WriteBackPush)
            .where(WriteBackPush.status == "pending", col(WriteBackPush.next_attempt_at) <= now)
            .order_by(col(WriteBackPush.id)).limit(limit).with_for_update(skip_locked=True))
    return list(session.exec(stmt))


def lease_due_pushes(session: Session, now: datetime, *, lease: timedelta,
                     limit: int = 50) -> list[tuple[int, str]]:
    """Take the due pushes for `lease` (another process leaves them alone meanwhile); their
    ids and bodies, to send outside any transaction."""
    rows = due_pushes(session, now, limit=limit)
    for row in rows:
        row.next_attempt_at = now + lease
        session.add(row)
    return [(row.id or 0, row.body) for row in rows]


def record_push(session: Session, push_id: int, *, error: str | None, now: datetime,
                backoff: Backoff) -> None:
    """What came of one push: delivered, or tried again after the backoff."""
    row = session.get(WriteBackPush, push_id)
    if row is None:
        return
    row.attempts += 1
    if error is None:
        row.status, row.delivered_at, row.last_error = "delivered", now, None
    else:
        row.last_error = error
        row.next_attempt_at = now + backoff.after(row.attempts)
    session.add(row)


def set_aside_pending(session: Session) -> None:
    """No webhook configured: the pull feed serves these; keep them out of the queue."""
    waiting = session.exec(select(WriteBackPush.id).where(
        WriteBackPush.status == "pending").limit(1)).first()
    if waiting is not None:
        session.execute(update(WriteBackPush).where(col(WriteBackPush.status) == "pending")
                        .values(status="not_configured"))
