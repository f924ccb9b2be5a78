"""Storing what providers send us: every inbound request is kept before it is processed.

One row per provider event, unique on its dedupe key ("sms:SM123", "sms:status:SM123:delivered",
"telegram:update:42", "email:<message-id>"), so a redelivery finds the row already there and is
processed once. Rows are written by the webhooks and read by the inbound worker.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, func, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from store.backoff import Backoff
from store.clock import Clock
from store.models.inbound import InboundEvent

PENDING = "pending"
PROCESSED = "processed"
PARKED = "parked"  # kept for staff: could not be processed automatically
UNHANDLED = "unhandled"  # an update type with no outcome yet: kept raw, never processed


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


@dataclass(frozen=True, slots=True)
class NewEvent:
    """One provider event for `record_events`: the fields `record_event` takes."""

    channel: str
    kind: str
    dedupe_key: str
    payload: str
    raw: bytes | None
    ordering_key: str | None = None
    school_id: int | None = None
    contact_id: int | None = None


def record_events(session: Session, clock: Clock, events: Sequence[NewEvent]
                  ) -> list[tuple[int, bool]]:
    """Store many provider events, each unless its dedupe key is already stored (a key given
    twice is stored once, the first time); (row id, is new) for each, in the order given.

    One INSERT ... ON CONFLICT DO NOTHING for them all (the webhooks' group commit stores every
    request that arrived together this way): the unique key decides, also against another
    process storing the same key at once, and only keys already stored are looked up."""
    if not events:
        return []  # (an INSERT given no rows would insert one of defaults)
    fresh: dict[str, NewEvent] = {}  # in the order given: ids follow arrival order
    for event in events:
        fresh.setdefault(event.dedupe_key, event)
    now = clock.now()
    rows = [_fields(e) | {"received_at": now, "status": PENDING} for e in fresh.values()]
    insert_new = _INSERT_NEW[session.get_bind().dialect.name]
    new_ids = {key: row_id for key, row_id in session.connection().execute(insert_new, rows)}
    found = _ids_by_key(session, [key for key in fresh if key not in new_ids])
    result: list[tuple[int, bool]] = []
    for event in events:
        key = event.dedupe_key
        if key in new_ids:
            found[key] = new_ids.pop(key)  # a second copy of the key is not new
            result.append((found[key], True))
        else:
            result.append((found[key], False))
    return result


def _fields(event: NewEvent) -> dict[str, Any]:
    return {name: getattr(event, name) for name in _NEW_EVENT_FIELDS}


_NEW_EVENT_FIELDS = tuple(f.name for f in fields(NewEvent))
# Statements built once. The INSERT is Core, of whole rows, one statement for them all (the
# ORM's bulk insert splits rows by which columns are None, and RETURNING in the order given
# makes SQLAlchemy insert row by row on SQLite): each new id comes back beside its key.
_TABLE = InboundEvent.__table__  # type: ignore[attr-defined]
_INSERT_NEW = {
    name: dialect.insert(_TABLE).on_conflict_do_nothing(index_elements=["dedupe_key"])
    .returning(_TABLE.c.dedupe_key, _TABLE.c.id)
    for name, dialect in (("sqlite", sqlite), ("postgresql", postgresql))}
_IDS_BY_KEY = select(InboundEvent.dedupe_key, InboundEvent.id).where(
    col(InboundEvent.dedupe_key).in_(bindparam("keys", expanding=True)))


def _ids_by_key(session: Session, keys: list[str]) -> dict[str, int]:
    if not keys:
        return {}
    rows = session.connection().execute(_IDS_BY_KEY, {"keys": keys})
    return {key: row_id for key, row_id in rows if row_id is not None}


def event_by_id(session: Session, event_id: int) -> InboundEvent | None:
    return session.get(InboundEvent, event_id)


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


# The advisory lock namespace for inbound senders (two-int form).
_SENDER_LOCK_CLASS = 4210


def senders_waiting(session: Session, *, kinds: Sequence[str], limit: int = 100
                    ) -> list[str | None]:
    """Senders with pending events of these kinds, the longest waiting first (one entry per
    sender, so a sender whose oldest message is backing off does not hide everyone)."""
    first = func.min(InboundEvent.id)
    stmt = (select(InboundEvent.ordering_key, first)
            .where(InboundEvent.status == PENDING, col(InboundEvent.kind).in_(list(kinds)))
            .group_by(col(InboundEvent.ordering_key)).order_by(first).limit(limit))
    return [key for key, _ in session.exec(stmt).all()]


def lock_sender(session: Session, ordering_key: str | None) -> bool:
    """Hold this sender for the transaction, so their messages are read one at a time and in
    order; False when another worker holds them (PostgreSQL; SQLite has one writer)."""
    if session.get_bind().dialect.name != "postgresql":
        return True
    got = session.execute(text("SELECT pg_try_advisory_xact_lock(:cls, hashtext(:key))"),
                          {"cls": _SENDER_LOCK_CLASS, "key": ordering_key or ""}).scalar()
    return bool(got)


def oldest_pending(session: Session, *, ordering_key: str | None,
                   kinds: Sequence[str]) -> InboundEvent | None:
    """The sender's oldest pending event of these kinds."""
    return session.exec(select(InboundEvent)
                        .where(InboundEvent.status == PENDING,
                               col(InboundEvent.kind).in_(list(kinds)),
                               InboundEvent.ordering_key == ordering_key)
                        .order_by(col(InboundEvent.id)).limit(1)).first()


def claim_event(session: Session, event: InboundEvent, *, now: datetime) -> bool:
    """Mark the event processed, only if it still is pending: the second of two workers
    (or a redelivery racing a restart) finds nothing to claim and applies nothing."""
    claim = (update(InboundEvent)
             .where(col(InboundEvent.id) == event.id, col(InboundEvent.status) == PENDING)
             .values(status=PROCESSED, processed_at=now, attempts=col(InboundEvent.attempts) + 1)
             .execution_options(synchronize_session=False))
    result = session.connection().execute(claim)
    if result.rowcount != 1:
        return False
    session.refresh(event)
    return True


def count_failure(session: Session, event_id: int, *, error: str, now: datetime,
                  park_after: int, backoff: Backoff) -> InboundEvent | None:
    """One more failed try of an event: it waits its backoff, or after `park_after` tries it
    is parked (the caller tells staff). None when there is no such event."""
    event = session.get(InboundEvent, event_id)
    if event is None:
        return None
    event.attempts += 1
    event.error = error
    if event.attempts >= park_after:
        event.status = PARKED
    else:
        event.next_attempt_at = now + backoff.after(event.attempts)
    session.add(event)
    return event


def every_message_event(session: Session) -> list[InboundEvent]:
    """Every event but delivery receipts, for a replay's transcript."""
    return list(session.exec(select(InboundEvent).where(InboundEvent.kind != "status")))


def place_event(session: Session, event: InboundEvent, *, school_id: int | None,
                contact_id: int | None) -> None:
    """Note whose message the event turned out to be."""
    event.school_id, event.contact_id = school_id, contact_id
    session.add(event)


def note_error(session: Session, event: InboundEvent, error: str) -> None:
    event.error = error
    session.add(event)


def mark_done(session: Session, clock: Clock, event: InboundEvent, *, status: str = PROCESSED,
              error: str | None = None) -> None:
    """Close an event: processed, or parked for staff with the reason why."""
    event.status = status
    event.error = error
    event.processed_at = clock.now()
    session.add(event)


def last_heard(session: Session, *, channel: str, senders: Sequence[str]) -> dict[str, datetime]:
    """When each sender last wrote to us on `channel` (a message, not a receipt): WhatsApp's
    24-hour customer-care window runs from then."""
    if not senders:
        return {}
    stmt = (select(InboundEvent.ordering_key, func.max(InboundEvent.received_at))
            .where(InboundEvent.channel == channel, InboundEvent.kind == "message",
                   col(InboundEvent.ordering_key).in_(list(set(senders))))
            .group_by(col(InboundEvent.ordering_key)))
    return {key: at for key, at in session.exec(stmt) if key is not None and at is not None}


def unhandled_counts(session: Session) -> dict[str, int]:
    """How many updates of each type with no outcome were kept (a group's "message", a type
    Telegram adds later): what to handle next, and proof that none was dropped."""
    payloads = session.exec(select(InboundEvent.payload).where(
        InboundEvent.status == UNHANDLED)).all()
    counts: dict[str, int] = {}
    for payload in payloads:
        kind = str(json.loads(payload).get("update_type") or "unknown")
        counts[kind] = counts.get(kind, 0) + 1
    return counts
