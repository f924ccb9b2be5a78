"""The demo phone: the family's side of the conversation, only when the app runs as a demo.

Pick a contact, read what rollcall sent them on each channel (the outbox is the record of
what the simulated channels "sent"), and reply. A reply is stored exactly as a webhook stores
one (`channels.events.store_received`), so the inbound worker, engine, escalations and the
console all see it as they would a real text.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Form, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlmodel import Session
from starlette.background import BackgroundTask

from bot.app import Services
from bot.console.auth import PREFIX, ActingStaff, ApiStaff, PageStaff, Staff
from bot.console.refusals import Refused
from bot.console.scope import not_found
from bot.console.views import render
from bot.deps import ServicesDep, SessionDep
from channels.base import InboundMessage
from channels.events import store_received
from store.contacts import CHANNELS, address_for, contact_by_id, contacts_of_schools
from store.conversations import safeguarding_conversation_ids
from store.messages import messages_of_contact
from store.models.people import Contact
from store.outbox import outbox_to_contact

router = APIRouter(prefix=PREFIX)


@dataclass(frozen=True, slots=True)
class PhoneMessage:
    at: datetime
    mine: bool  # sent by the family
    text: str
    status: str | None = None


HIDDEN = "(safeguarding: shown to the safeguarding lead only)"


def threads(session: Session, staff: Staff, contact: Contact) -> dict[str, list[PhoneMessage]]:
    """What the contact's phone, inbox and chat show, per channel, oldest first. Even here a
    safeguarding conversation's words are only for staff who may read them."""
    messages = messages_of_contact(session, contact.id)
    recorded = {m.outbox_id for m in messages if m.outbox_id is not None}
    outbox = outbox_to_contact(session, contact.id)
    hidden: set[int | None] = set() if staff.reads_safeguarding else set(
        safeguarding_conversation_ids(session, [i for i in {
            *(m.conversation_id for m in messages), *(o.conversation_id for o in outbox)}
            if i is not None]))
    by_channel: dict[str, list[PhoneMessage]] = {c: [] for c in CHANNELS
                                                 if address_for(contact, c)}
    for m in messages:
        by_channel.setdefault(m.channel, []).append(PhoneMessage(
            at=m.created_at or datetime.min, mine=m.direction == "in",
            text=HIDDEN if m.conversation_id in hidden else m.body))
    for row in outbox:
        if row.id not in recorded:
            by_channel.setdefault(row.channel, []).append(PhoneMessage(
                at=row.created_at or datetime.min, mine=False, status=row.status,
                text=HIDDEN if row.conversation_id in hidden else row.body))
    return {channel: sorted(items, key=lambda m: m.at) for channel, items in by_channel.items()}


@router.get("/phone", response_class=HTMLResponse)
def phone_contacts(request: Request, staff: PageStaff, session: SessionDep,
                   services: ServicesDep) -> HTMLResponse:
    _demo_only(services)
    contacts = contacts_of_schools(session, staff.school_ids)
    return render(request, "phone.html", staff=staff, contacts=contacts, contact=None)


@router.get("/phone/{contact_id}", response_class=HTMLResponse)
def phone_page(contact_id: int, request: Request, staff: PageStaff, session: SessionDep,
               services: ServicesDep, channel: str | None = None) -> HTMLResponse:
    _demo_only(services)
    contact = _contact(session, staff, contact_id)
    shown = threads(session, staff, contact)
    chosen = channel if channel in shown else next(iter(shown), "sms")
    return render(request, "phone.html", staff=staff, contact=contact, threads=shown,
                  channel=chosen, contacts=[])


@router.get("/api/phone/{contact_id}")
def phone_messages(contact_id: int, staff: ApiStaff, session: SessionDep,
                   services: ServicesDep) -> dict[str, object]:
    """The same threads as JSON (the page polls it to show replies as they arrive)."""
    _demo_only(services)
    contact = _contact(session, staff, contact_id)
    return {channel: [{"at": m.at.isoformat(), "mine": m.mine, "text": m.text,
                       "status": m.status} for m in items]
            for channel, items in threads(session, staff, contact).items()}


@router.post("/phone/{contact_id}/send")
def phone_send(contact_id: int, staff: ActingStaff, session: SessionDep,
               services: ServicesDep, channel: Annotated[str, Form()],
               text: Annotated[str, Form()]) -> Response:
    """The family replies: stored as the channel's webhook would store it, then processed."""
    _demo_only(services)
    contact = _contact(session, staff, contact_id)
    sender = address_for(contact, channel) if channel in CHANNELS else None
    if sender is None or not text.strip():
        raise Refused(400, "pick one of the contact's channels and write a message",
                      problem="phone_message")
    store_received(session, services.clock, InboundMessage(
        channel=channel, sender=sender, text=text.strip(),
        # The form's idempotency key as the provider's message id: a double submit is a
        # redelivery, deduped as a real provider's would be.
        provider_id=f"demo-phone-{staff.form_key or secrets.token_hex(8)}",
        received_at=services.clock.now()),
        raw=None)
    return RedirectResponse(f"{PREFIX}/phone/{contact_id}?channel={channel}", status_code=303,
                            background=BackgroundTask(_wake, services))


async def _wake(services: Services) -> None:
    # Runs on the event loop after the response (and the request's commit): the worker's
    # asyncio.Event may only be set from there.
    services.inbound_wake.set()


def _demo_only(services: Services) -> None:
    if not services.settings.demo:
        raise not_found()


def _contact(session: Session, staff: Staff, contact_id: int) -> Contact:
    contact = contact_by_id(session, contact_id)
    if contact is None or contact.school_id not in staff.school_ids:
        raise not_found()
    return contact
