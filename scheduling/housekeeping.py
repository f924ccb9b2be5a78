"""Archiving finished outbox rows so the queue stays small.

The dispatcher's claim only ever reads the partial index of rows still to send, so finished rows
cost it nothing; they are kept a while for the console and the chase, then deleted (the message
itself stays in `message`, which loses only its link to the outbox row)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete, update
from sqlmodel import Session, col, or_, select

from store.clock import Clock
from store.models import Message, Outbox

KEEP_FINISHED = timedelta(days=30)
FINAL = ("sent", "delivered", "cancelled", "expired")
FAILED = ("undelivered", "failed")
BATCH = 5_000


def archive_finished(session: Session, clock: Clock, *, keep: timedelta = KEEP_FINISHED) -> int:
    """Delete finished rows created more than `keep` ago; returns how many went."""
    before = clock.now() - keep
    ids = list(session.exec(select(Outbox.id).where(
        col(Outbox.created_at) < before,
        or_(col(Outbox.status).in_(FINAL),
            col(Outbox.status).in_(FAILED) & col(Outbox.failed_over_at).is_not(None)))
        .limit(BATCH)))
    if not ids:
        return 0
    session.connection().execute(update(Message).where(col(Message.outbox_id).in_(ids))
                                 .values(outbox_id=None))
    session.connection().execute(delete(Outbox).where(col(Outbox.id).in_(ids)))
    return len(ids)
