"""Delivery receipts: moving a sent outbox row through the provider's statuses.

Receipts arrive out of order and more than once. A status only ever moves a row forward, a
final status (delivered, undelivered, failed) is never replaced, and a status we do not know
is kept on the event but changes nothing.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlmodel import Session, col, select

from conversations.types import Urgency
from conversations.whys import Why
from store.audit import audit
from store.clock import Clock
from store.escalations import raise_escalation
from store.models.escalations import Escalation
from store.models.outbound import Outbox
from store.models.people import Contact

UNCONFIRMED = "unconfirmed"  # a send whose answer was lost: ask the provider before resending

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
                     why=Why("channel_lost", channel=channel, detail=why),
                     contact_id=contact.id, inbound_event_id=inbound_event_id)
    return True


def restore_channel(session: Session, clock: Clock, *, contact_id: int | None,
                    channel: str) -> bool:
    """The contact's address on `channel` works again (a chat that unblocked the bot): the
    dispatcher uses it again. False when there is no contact or it was not lost."""
    contact = session.get(Contact, contact_id) if contact_id is not None else None
    if contact is None or channel not in contact.lost:
        return False
    old, contact.lost = contact.lost, [c for c in contact.lost if c != channel]
    session.add(contact)
    audit(session, clock, actor="bot", action="contact.restored", entity="contact",
          entity_id=contact.id, school_id=contact.school_id, old=",".join(old),
          new=",".join(contact.lost))
    return True


def stop_using_channel(session: Session, *, contact_id: int | None, channel: str,
                       opted_out: bool) -> None:
    """The provider refused a send for good: the contact opted out on the provider's side
    (`opted_out`), or the address is gone (`lost`); the channel is not used again."""
    contact = session.get(Contact, contact_id) if contact_id is not None else None
    if contact is None:
        return
    field = "opted_out" if opted_out else "lost"
    current: list[str] = getattr(contact, field)
    if channel not in current:
        setattr(contact, field, [*current, channel])
        session.add(contact)


def lose_channel_of(session: Session, clock: Clock, *, channel: str, provider_id: str,
                    why: str, inbound_event_id: int | None = None) -> bool:
    """`lose_channel` for the contact the message with this provider id went to."""
    row = session.exec(select(Outbox).where(Outbox.provider_id == provider_id,
                                            Outbox.channel == channel)).first()
    return lose_channel(session, clock, contact_id=row.contact_id if row else None,
                        channel=channel, why=why, inbound_event_id=inbound_event_id)


@dataclass(frozen=True, slots=True)
class DeliveryStep:
    """Where one try of a message stands, as staff are shown it in the thread."""

    channel: str
    state: str  # queued | held | sent | delivered | failed | cancelled | expired
    until: datetime | None = None  # held: when it will go (the end of quiet hours)
    why: str | None = None  # failed: the provider's code or our reason


def delivery_step(row: Outbox, *, now: datetime) -> DeliveryStep:
    """What one outbox row means to a person reading the thread."""
    if row.status in ("pending", "claimed"):
        # Due later with no error: held for the end of quiet hours (a retry carries its error).
        waiting = row.next_attempt_at is not None and row.next_attempt_at > now
        if row.status == "pending" and waiting and not row.error_code:
            return DeliveryStep(row.channel, "held", until=row.next_attempt_at)
        return DeliveryStep(row.channel, "queued")
    if row.status in ("failed", "undelivered"):
        why = (row.error_code or "").removeprefix(f"{UNCONFIRMED}:") or None
        return DeliveryStep(row.channel, "failed", why=why)
    return DeliveryStep(row.channel, row.status)  # sent | delivered | cancelled | expired


def deliveries(session: Session, outbox_ids: Iterable[int], *,
               now: datetime) -> dict[int, tuple[DeliveryStep, ...]]:
    """Each message's tries in order: its own row, then every row that failing over carried it
    on to (the next channel or contact), so a failure and what came of it show together."""
    steps: dict[int, list[DeliveryStep]] = {}
    current = {i: i for i in outbox_ids}  # the row to look at next -> the message it belongs to
    while current:
        rows = session.exec(select(Outbox).where(col(Outbox.id).in_(list(current))))
        following: dict[int, int] = {}
        for row in sorted(rows, key=lambda r: r.id or 0):
            assert row.id is not None
            first = current[row.id]
            steps.setdefault(first, []).append(delivery_step(row, now=now))
            if row.next_outbox_id is not None and len(steps[first]) < _LONGEST_CHAIN:
                following[row.next_outbox_id] = first
        current = following
    return {first: tuple(chain) for first, chain in steps.items()}


_LONGEST_CHAIN = 20  # every channel of every contact: far more than any family has


def family_outbox(session: Session, *, conversation_id: int,
                  contact_id: int | None) -> list[Outbox]:
    """The outbox rows of a conversation that went (or are going) to its contact, leaving out
    alerts to staff that share the conversation id and the rows failing over carried a message
    on to (shown with the message they carried on)."""
    carried = select(col(Outbox.next_outbox_id)).where(
        Outbox.conversation_id == conversation_id, col(Outbox.next_outbox_id).is_not(None))
    return list(session.exec(select(Outbox).where(
        Outbox.conversation_id == conversation_id, Outbox.contact_id == contact_id,
        col(Outbox.id).not_in(carried)).order_by(col(Outbox.id))))


def failed_not_carried_on(session: Session, *, limit: int) -> list[Outbox]:
    """Messages to a contact that failed or were undelivered and have not been failed over."""
    return list(session.exec(select(Outbox).where(
        col(Outbox.status).in_(("undelivered", "failed")), col(Outbox.failed_over_at).is_(None),
        col(Outbox.contact_id).is_not(None)).limit(limit)))


def note_failed_over(session: Session, row: Outbox, *, at: datetime,
                     next_outbox_id: int | None) -> None:
    """A failed row was failed over (once), to the row that carries it on when there is one."""
    row.failed_over_at = at
    row.next_outbox_id = next_outbox_id
    session.add(row)


def channels_tried(session: Session, row: Outbox) -> set[str]:
    """The channels this message already went on to its contact: the same run (or, for a
    reply, the same conversation), kind and students."""
    same_message = select(Outbox.channel, Outbox.student_ids).where(
        Outbox.contact_id == row.contact_id, Outbox.kind == row.kind,
        Outbox.run_id == row.run_id)
    if row.run_id is None:  # a reply belongs to its conversation; a run's email opens one
        same_message = same_message.where(Outbox.conversation_id == row.conversation_id)
    # The same students compared here, not in SQL: JSON has no portable equality.
    return {channel for channel, ids in session.exec(same_message) if ids == row.student_ids}


# Failing over found no channel or contact left: what staff read on the call list.
NOWHERE_LEFT = "nowhere left to try: every channel and contact failed"
_NOT_FOR_A_PERSON = ("correction",)  # a child marked present needs no call


def nowhere_left_to_try(session: Session, clock: Clock, row: Outbox) -> int:
    """A message that failed on every channel of every contact: a person must ring the family.

    Each child it was about goes on the call list with why (a normal escalation, as the call
    list's own rows are); a message about no child escalates its conversation. Returns how
    many escalations were raised or found open already."""
    if row.kind in _NOT_FOR_A_PERSON or row.school_id is None:
        return 0
    why = f"{NOWHERE_LEFT} (last: {row.channel} {row.error_code or 'failed'})"
    students: list[int | None] = [*row.student_ids] or [None]
    for student_id in students:
        raise_escalation(session, clock, school_id=row.school_id, urgency=Urgency.NORMAL,
                         why=why, conversation_id=row.conversation_id,
                         contact_id=row.contact_id, student_id=student_id)
    return len(students)


def unreachable_students(session: Session, student_ids: Collection[int]) -> dict[int, str]:
    """The children of `student_ids` whose family nothing reaches (an open "nowhere left to
    try" escalation), each with its why, for the call list."""
    if not student_ids:
        return {}
    rows = session.exec(select(Escalation.student_id, Escalation.why).where(
        col(Escalation.student_id).in_(list(student_ids)), Escalation.status != "resolved",
        col(Escalation.why).startswith(NOWHERE_LEFT)))
    return {sid: why for sid, why in rows if sid is not None}
