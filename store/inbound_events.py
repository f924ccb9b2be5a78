"""Storing what providers send us: every inbound request is kept before it is processed.

One row per provider event, unique on its dedupe key ("sms:SM123", "sms:status:SM123:delivered",
"telegram:update:42", "email:<message-id>"), so a redelivery finds the row already there and is
processed once. Rows are written by the webhooks and read by the inbound worker.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from store.clock import Clock
from store.models import InboundEvent

PENDING = "pending"
PROCESSED = "processed"
PARKED = "parked"  # kept for staff: could not be processed automatically


def record_event(session: Session, clock: Clock, *, channel: str, kind: str, dedupe_key: str,
                 payload: str, raw: bytes | None, ordering_key: str | None = None,
                 school_id: int | None = None, contact_id: int | None = None,
                 status: str = PENDING) -> tuple[InboundEvent, bool]:
    """Store one provider event unless its dedupe key is already stored.

    Returns the row and whether it is new. Safe against two nodes receiving the same
    redelivery at once: the unique key decides, inside a savepoint so the caller's
    transaction survives the loser's insert."""
    existing = event_by_key(session, dedupe_key)
    if existing is not None:
        return existing, False
    row = InboundEvent(channel=channel, kind=kind, dedupe_key=dedupe_key, payload=payload,
                       raw=raw, received_at=clock.now(), status=status,
                       ordering_key=ordering_key, school_id=school_id, contact_id=contact_id)
    try:
        with session.begin_nested():
            session.add(row)
            session.flush()
    except IntegrityError:
        winner = event_by_key(session, dedupe_key)
        if winner is None:  # not a duplicate key after all: a real integrity problem
            raise
        return winner, False
    return row, True


def event_by_key(session: Session, dedupe_key: str) -> InboundEvent | None:
    return session.exec(select(InboundEvent).where(InboundEvent.dedupe_key == dedupe_key)).first()


def events_waiting(session: Session, *, kind: str, ordering_key: str | None = None,
                   ordering_keys: Sequence[str] | None = None,
                   limit: int = 100) -> list[InboundEvent]:
    """Pending events of one kind, oldest first (optionally for one sender, or several)."""
    stmt = select(InboundEvent).where(InboundEvent.status == PENDING, InboundEvent.kind == kind)
    if ordering_key is not None:
        stmt = stmt.where(InboundEvent.ordering_key == ordering_key)
    if ordering_keys is not None:
        stmt = stmt.where(col(InboundEvent.ordering_key).in_(ordering_keys))
    return list(session.exec(stmt.order_by(col(InboundEvent.id)).limit(limit)))


def mark_done(session: Session, clock: Clock, event: InboundEvent, *, status: str = PROCESSED,
              error: str | None = None) -> None:
    """Close an event: processed, or parked for staff with the reason why."""
    event.status = status
    event.error = error
    event.processed_at = clock.now()
    session.add(event)
