"""The write-back push queue: confirmed reasons waiting to be sent to the MIS side's webhook.

The pull feed (the REST API's "changed since" cursor) needs nothing from here: it reads marks,
whose `version` and `updated_at` every change bumps. The push is optional and durable: a row is
written in the same transaction as the reason, and sent (signed, retried) after it commits.
"""

from __future__ import annotations

import json
from datetime import datetime

from sqlmodel import Session, col, select

from store.clock import Clock
from store.mis_push import queue_mis_push
from store.models import Mark, WriteBackPush


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
    session.add(WriteBackPush(school_id=mark.school_id, mark_id=mark.id or 0,
                              mark_version=mark.version, body=json.dumps(mark_payload(mark),
                                                                         sort_keys=True),
                              created_at=clock.now(), next_attempt_at=clock.now()))


def due_pushes(session: Session, now: datetime, *, limit: int = 50) -> list[WriteBackPush]:
    stmt = (select(WriteBackPush)
            .where(WriteBackPush.status == "pending", col(WriteBackPush.next_attempt_at) <= now)
            .order_by(col(WriteBackPush.id)).limit(limit).with_for_update(skip_locked=True))
    return list(session.exec(stmt))
