"""An email reply read again in the worker, with what we sent in its thread in hand.

The webhook cut the reply by the quote markers alone (it has no store). Here the inbound
worker knows the conversation the reply token names and the messages the reply's
In-Reply-To/References point at, so our own sent text, the strongest evidence there is, cuts
the quote even when the family's client wrote no marker at all.
"""

from __future__ import annotations

from dataclasses import replace
from email.utils import getaddresses

from sqlmodel import Session

from channels.base import InboundMessage, numbered_menu
from channels.email_inbound import replied_to, reply_with_our_text, token_at
from scheduling.claims import menu_of
from store.casework import LETTER_KIND
from store.models.inbound import InboundEvent
from store.models.outbound import Outbox
from store.outbox import sent_emails_in_thread
from store.schools import own_email_addresses


def with_school_reply_token(session: Session, received: InboundMessage) -> InboundMessage:
    """An email sent to a school's own reply address (`office+<token>@school`, its `email_from`
    setting) with that token read: the webhook knows only the service's own address, and a
    school's may change while a message waits."""
    if received.channel != "email" or received.reply_token or not received.recipient:
        return received
    sent_to = [address for _name, address in getaddresses([received.recipient])]
    token = token_at(sent_to, ours=own_email_addresses(session))
    return replace(received, reply_token=token) if token else received


def with_our_text_cut(
    session: Session, *, event: InboundEvent, received: InboundMessage
) -> InboundMessage:
    """The email reply without any of our own text it quotes (other messages unchanged)."""
    sent = _sent_in_thread(session, event, received)
    if not sent or event.raw is None:
        return received
    # As the family received it: the text with its menu as numbered lines.
    ours = [numbered_menu(row.body, menu_of(row)) for row in sent]
    text = reply_with_our_text(event.raw, sent=ours)
    return received if text == received.text else replace(received, text=text)


def replies_to_a_letter(session: Session, *, event: InboundEvent,
                        received: InboundMessage) -> bool:
    """Whether the email answers an attendance letter we sent (its In-Reply-To/References name
    the letter's Message-ID): a person reads those, not the bot."""
    if received.channel != "email" or event.raw is None:
        return False
    answered = set(replied_to(event.raw))
    return any(row.kind == LETTER_KIND and row.provider_id in answered
               for row in _sent_in_thread(session, event, received))


def _sent_in_thread(session: Session, event: InboundEvent,
                    received: InboundMessage) -> list[Outbox]:
    if received.channel != "email" or event.raw is None:
        return []
    return sent_emails_in_thread(
        session, reply_token=received.reply_token, message_ids=replied_to(event.raw))
