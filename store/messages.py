"""The message log: every message in and out, on every channel, as staff read it in a thread.

The outbox holds what is still to be sent; this log holds what was said. An inbound message is
logged once, when it is placed (in its conversation, or with no school when the routing rule
leaves it between schools); an outbound one when it is queued, with its outbox row.
"""

from __future__ import annotations

from sqlmodel import Session, col, select

from store.clock import Clock
from store.models.conversations import Message
from store.models.outbound import Outbox


def log_received(session: Session, clock: Clock, *, channel: str, body: str,
                 inbound_event_id: int | None, school_id: int | None,
                 contact_id: int | None = None, conversation_id: int | None = None) -> Message:
    """Log a message a contact (or a stranger) sent, with the stored event it came in."""
    message = Message(school_id=school_id, conversation_id=conversation_id,
                      contact_id=contact_id, direction="in", channel=channel, body=body,
                      author="contact", inbound_event_id=inbound_event_id,
                      created_at=clock.now())
    session.add(message)
    session.flush()  # its id: the reasons and audit entries it causes point at it
    return message


def log_queued(session: Session, clock: Clock, row: Outbox, *, author: str) -> Message:
    """Log an outbound message as it is queued, in the thread of its outbox row; `author` is
    "bot" or "staff:<id>"."""
    message = Message(school_id=row.school_id, conversation_id=row.conversation_id,
                      contact_id=row.contact_id, direction="out", channel=row.channel,
                      body=row.body, author=author, outbox_id=row.id, created_at=clock.now())
    session.add(message)
    return message


def messages_of_conversation(session: Session, conversation_id: int | None) -> list[Message]:
    """A conversation's messages, both ways, oldest first."""
    return list(session.exec(select(Message).where(
        Message.conversation_id == conversation_id).order_by(col(Message.created_at))))


def messages_of_contact(session: Session, contact_id: int | None) -> list[Message]:
    """Every message to and from this contact, on every channel."""
    return list(session.exec(select(Message).where(Message.contact_id == contact_id)))


def last_received_text(session: Session, conversation_id: int) -> str | None:
    """The words of the latest message the contact sent in this conversation."""
    return session.exec(select(Message.body).where(
        Message.conversation_id == conversation_id, Message.direction == "in")
        .order_by(col(Message.created_at).desc(), col(Message.id).desc()).limit(1)).first()


def note_reading(session: Session, message: Message, intent: str | None) -> None:
    """The bot's reading of an inbound message, shown to staff."""
    message.intent = intent
    session.add(message)


def move_message(session: Session, message: Message, *, conversation_id: int | None,
                 contact_id: int | None) -> None:
    """File a message in another thread, as said by another contact at its address (the
    engine settled on one family of several sharing a phone)."""
    message.conversation_id = conversation_id
    message.contact_id = contact_id
    session.add(message)
