"""Delivery receipts: moving a sent outbox row through the provider's statuses.

Receipts arrive out of order and more than once. A status only ever moves a row forward, a
final status (delivered, undelivered, failed) is never replaced, and a status we do not know
is kept on the event but changes nothing.
"""

from __future__ import annotations

from enum import StrEnum

from sqlmodel import Session, select

from conversations.types import Urgency
from store.audit import audit
from store.clock import Clock
from store.escalations import raise_escalation
from store.models import Contact, Outbox

# Provider status -> (rank, the outbox status it means). A higher rank wins; rank 9 is final.
_PROGRESS: dict[str, tuple[int, str]] = {
    "accepted": (1, "sent"),
    "scheduled": (1, "sent"),
    "queued": (2, "sent"),
    "sending": (3, "sent"),
    "sent": (4, "sent"),
    "delivered": (9, "delivered"),
    "read": (9, "delivered"),
    "undelivered": (9, "undelivered"),
    "failed": (9, "failed"),
    "canceled": (9, "failed"),
}
_OUTBOX_RANK = {"pending": 0, "claimed": 0, "sent": 4, "delivered": 9, "undelivered": 9,
                "failed": 9, "cancelled": 9}


class Applied(StrEnum):
    """What a receipt did."""

    MOVED = "moved"  # the outbox row took the new status
    STALE = "stale"  # older than what the row already has: ignored
    UNKNOWN_STATUS = "unknown_status"  # a status we do not know: kept, nothing changed
    NO_MESSAGE = "no_message"  # no outbox row has this provider id (yet)


def is_known_status(status: str) -> bool:
    return status in _PROGRESS


def apply_delivery_status(session: Session, clock: Clock, *, channel: str, provider_id: str,
                          status: str, error_code: str | None = None) -> Applied:
    """Move the outbox row with this provider id to `status` if that is a step forward."""
    if status not in _PROGRESS:
        return Applied.UNKNOWN_STATUS
    row = session.exec(select(Outbox).where(Outbox.provider_id == provider_id,
                                            Outbox.channel == channel)).first()
    if row is None:
        return Applied.NO_MESSAGE
    rank, outbox_status = _PROGRESS[status]
    current = _OUTBOX_RANK.get(row.status, 0)
    if current >= 9 or rank <= current:
        return Applied.STALE
    row.status = outbox_status
    if error_code:
        row.error_code = error_code
    if row.sent_at is None:
        row.sent_at = clock.now()
    session.add(row)
    return Applied.MOVED


def lose_channel(session: Session, clock: Clock, *, contact_id: int | None, channel: str,
                 why: str, inbound_event_id: int | None = None) -> bool:
    """This contact's address on `channel` will never work (a hard bounce, a chat that blocked
    the bot): mark the channel lost, so the dispatcher fails over to the next one, and tell
    staff. False when there is no contact or the channel was already lost."""
    contact = session.get(Contact, contact_id) if contact_id is not None else None
    if contact is None:
        return False
    if channel in contact.lost:
        return False
    old, contact.lost = contact.lost, [*contact.lost, channel]
    session.add(contact)
    audit(session, clock, actor="bot", action="contact.lost", entity="contact",
          entity_id=contact.id, school_id=contact.school_id, old=",".join(old),
          new=",".join(contact.lost))
    raise_escalation(session, clock, school_id=contact.school_id, urgency=Urgency.NORMAL,
                     why=f"this contact's {channel} no longer reaches them: {why}",
                     contact_id=contact.id, inbound_event_id=inbound_event_id)
    return True


def lose_channel_of(session: Session, clock: Clock, *, channel: str, provider_id: str,
                    why: str, inbound_event_id: int | None = None) -> bool:
    """`lose_channel` for the contact the message with this provider id went to."""
    row = session.exec(select(Outbox).where(Outbox.provider_id == provider_id,
                                            Outbox.channel == channel)).first()
    return lose_channel(session, clock, contact_id=row.contact_id if row else None,
                        channel=channel, why=why, inbound_event_id=inbound_event_id)
