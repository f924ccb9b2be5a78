"""Keeping what a channel parsed: one stored inbound event per message or receipt.

The webhooks store what every request that arrived together carried with `store_requests`, in
one transaction (`bot.intake`), and answer each provider once it is committed; the telegram
poller, the replay and the console's phone store one item at a time with `store_received`. The
inbound worker later reads the event back with `channels.base.from_payload`.
A delivery receipt is applied to its outbox row straight away (it is one row update); one that
arrives before the dispatcher has recorded the provider id waits, pending, until
`apply_waiting_receipts` is called for that id.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from sqlmodel import Session

from channels.base import (
    ChannelAccess,
    InboundMessage,
    Received,
    StatusUpdate,
    UnhandledUpdate,
    from_payload,
    to_payload,
)
from channels.media import queue_held_media
from store.clock import Clock
from store.contacts import contacts_by_address, sole_contacts
from store.delivery import (
    Applied,
    apply_delivery_status,
    lose_channel,
    lose_channel_of,
    restore_channel,
)
from store.inbound_events import (
    PROCESSED,
    UNHANDLED,
    NewEvent,
    events_waiting,
    mark_done,
    record_event,
    record_events,
)
from store.models.inbound import InboundEvent
from store.outbox import fail_waiting_to

log = logging.getLogger(__name__)


def store_received(session: Session, clock: Clock, item: Received, *,
                   raw: bytes | None) -> tuple[InboundEvent, bool]:
    """Store one parsed message or receipt unless it was already stored; (row, is_new)."""
    if isinstance(item, StatusUpdate):
        return _store_receipt(session, clock, item, raw=raw)
    if isinstance(item, UnhandledUpdate):
        return _store_unhandled(session, clock, item, raw=raw)
    if isinstance(item, ChannelAccess):
        return _store_access(session, clock, item, raw=raw)
    return _store_message(session, clock, item, raw=raw)


def store_requests(session: Session, clock: Clock,
                   requests: Sequence[tuple[Sequence[Received], bytes | None]]
                   ) -> list[list[tuple[int, InboundMessage]]]:
    """Store what several provider requests carried, (parsed items, raw body) each, in the
    caller's transaction; for each request its new messages as (event id, message).

    The outcome of `store_received` item by item (deduped on the provider's key, the sender's
    sole contact noted, receipts applied at once), but the messages of all the requests take
    one contact query and one INSERT (and a look-up of the keys that were already stored)."""
    messages = [(n, item, raw) for n, (items, raw) in enumerate(requests) for item in items
                if isinstance(item, InboundMessage)]
    contacts = _sole_contacts(session, [item for _n, item, _raw in messages])
    events = [_new_event(item, raw, contacts.get((item.channel, item.sender)))
              for _n, item, raw in messages]
    new: list[list[tuple[int, InboundMessage]]] = [[] for _request in requests]
    stored = record_events(session, clock, events)
    for (n, item, _raw), (event_id, is_new) in zip(messages, stored, strict=True):
        log.info("inbound %s event=%s new=%s known_sender=%s", item.channel, event_id, is_new,
                 (item.channel, item.sender) in contacts)
        if is_new:
            new[n].append((event_id, item))
            queue_held_media(session, clock, event_id=event_id, message=item)
    for items, raw in requests:
        for other in items:
            if isinstance(other, StatusUpdate):
                _store_receipt(session, clock, other, raw=raw)
            elif isinstance(other, UnhandledUpdate):
                _store_unhandled(session, clock, other, raw=raw)
            elif isinstance(other, ChannelAccess):
                _store_access(session, clock, other, raw=raw)
    return new


def _sole_contacts(session: Session, messages: list[InboundMessage]
                   ) -> dict[tuple[str, str], tuple[int, int]]:
    """(channel, sender) -> (contact id, school id) for senders only one contact has."""
    senders: dict[str, set[str]] = {}
    for item in messages:
        senders.setdefault(item.channel, set()).add(item.sender)
    return {(channel, address): found for channel, addresses in senders.items()
            for address, found in sole_contacts(session, channel, addresses).items()}


def _new_event(item: InboundMessage, raw: bytes | None,
               contact: tuple[int, int] | None) -> NewEvent:
    contact_id, school_id = contact or (None, None)
    return NewEvent(channel=item.channel, kind=item.kind, dedupe_key=item.dedupe_key(),
                    payload=to_payload(item), raw=raw, ordering_key=item.sender,
                    school_id=school_id, contact_id=contact_id)


def _store_message(session: Session, clock: Clock, item: InboundMessage, *,
                   raw: bytes | None) -> tuple[InboundEvent, bool]:
    # A number shared by two families matches two contacts: the worker decides, not us.
    contacts = contacts_by_address(session, item.channel, item.sender)
    contact = contacts[0] if len(contacts) == 1 else None
    event, new = record_event(
        session, clock, channel=item.channel, kind=item.kind, dedupe_key=item.dedupe_key(),
        payload=to_payload(item), raw=raw, ordering_key=item.sender,
        school_id=contact.school_id if contact else None,
        contact_id=contact.id if contact else None)
    log.info("inbound %s event=%s new=%s known_sender=%s", item.channel, event.id, new,
             contact is not None)
    if new:
        queue_held_media(session, clock, event_id=event.id or 0, message=item)
    return event, new


def _store_receipt(session: Session, clock: Clock, item: StatusUpdate, *,
                   raw: bytes | None) -> tuple[InboundEvent, bool]:
    event, new = record_event(
        session, clock, channel=item.channel, kind=item.kind, dedupe_key=item.dedupe_key(),
        payload=to_payload(item), raw=raw, ordering_key=item.provider_id)
    if new:
        _apply_receipt(session, clock, event, item)
    return event, new


def _store_unhandled(session: Session, clock: Clock, item: UnhandledUpdate, *,
                     raw: bytes | None) -> tuple[InboundEvent, bool]:
    """Kept raw, never processed (the worker takes only messages): counted by type with
    `store.inbound_events.unhandled_counts`, so a type Telegram starts sending is seen."""
    event, new = record_event(
        session, clock, channel=item.channel, kind=item.kind, dedupe_key=item.dedupe_key(),
        payload=to_payload(item), raw=raw, status=UNHANDLED)
    log.info("inbound %s unhandled event=%s type=%s new=%s", item.channel, event.id,
             item.update_type, new)
    return event, new


def _store_access(session: Session, clock: Clock, item: ChannelAccess, *,
                  raw: bytes | None) -> tuple[InboundEvent, bool]:
    """A family blocked or unblocked us: applied at once, not at the next send, so staff know
    now that the chat reaches nobody (and the dispatcher fails over), or that it works again."""
    event, new = record_event(
        session, clock, channel=item.channel, kind=item.kind, dedupe_key=item.dedupe_key(),
        payload=to_payload(item), raw=raw, ordering_key=item.sender)
    if not new:
        return event, new
    contacts = contacts_by_address(session, item.channel, item.sender)
    if item.blocked:
        fail_waiting_to(session, channel=item.channel, to_address=item.sender, why="blocked")
    for contact in contacts:
        if item.blocked:
            lose_channel(session, clock, contact_id=contact.id, channel=item.channel,
                         why="the family blocked the bot", inbound_event_id=event.id)
        else:
            restore_channel(session, clock, contact_id=contact.id, channel=item.channel)
    event.school_id = contacts[0].school_id if len(contacts) == 1 else None
    event.contact_id = contacts[0].id if len(contacts) == 1 else None
    mark_done(session, clock, event, status=PROCESSED,
              error=None if contacts else "no contact at this address")
    log.info("access %s event=%s blocked=%s contacts=%s", item.channel, event.id, item.blocked,
             len(contacts))
    return event, new


def _apply_receipt(session: Session, clock: Clock, event: InboundEvent,
                   item: StatusUpdate) -> Applied:
    applied = apply_delivery_status(session, clock, channel=item.channel,
                                    provider_id=item.provider_id, status=item.status,
                                    error_code=item.error_code)
    if applied is Applied.MOVED and item.channel_lost:
        how = "it bounced" if item.channel == "email" else "the provider says it never will"
        lose_channel_of(session, clock, channel=item.channel, provider_id=item.provider_id,
                        why=f"{how} ({item.error_code})", inbound_event_id=event.id)
    if applied is not Applied.NO_MESSAGE:
        mark_done(session, clock, event, status=PROCESSED, error=_note(applied))
    log.info("receipt %s event=%s status=%s outcome=%s", item.channel, event.id, item.status,
             applied.value)
    return applied


def apply_waiting_receipts(session: Session, clock: Clock, *,
                           provider_ids: Sequence[str]) -> int:
    """Apply receipts that arrived before the dispatcher recorded these provider ids (a fast
    provider, the simulated channel); returns how many.

    The dispatcher calls this in the transaction that records the ids."""
    if not provider_ids:
        return 0
    applied = 0
    for event in events_waiting(session, kind=StatusUpdate.kind, ordering_keys=provider_ids,
                                limit=10 * len(provider_ids)):
        item = from_payload(event.payload)
        assert isinstance(item, StatusUpdate)
        if _apply_receipt(session, clock, event, item) is not Applied.NO_MESSAGE:
            applied += 1
    return applied


def _note(applied: Applied) -> str | None:
    return None if applied is Applied.MOVED else applied.value


def store_items(session: Session, clock: Clock, items: Sequence[Received], *,
                raw: bytes | None) -> list[Received]:
    """Store what one provider request or fetched message carried; the items new to the store
    (a redelivery gives none)."""
    return [item for item in items if store_received(session, clock, item, raw=raw)[1]]
