"""Evidence: photos of doctor's notes and attachments kept on a conversation."""

from __future__ import annotations

from sqlmodel import Session, select

from store.clock import Clock
from store.models import Evidence, Message


def add_evidence(session: Session, clock: Clock, *, inbound_event_id: int, content_type: str,
                 data: bytes, filename: str | None = None) -> Evidence:
    """Keep one fetched media item of an inbound event.

    Media is fetched after the webhook has answered, so the event may already have been
    processed: then the evidence joins the conversation its message went to straight away;
    otherwise the inbound worker ties it to one when it processes the event."""
    message = session.exec(select(Message).where(
        Message.inbound_event_id == inbound_event_id)).first()
    row = Evidence(inbound_event_id=inbound_event_id,
                   conversation_id=message.conversation_id if message else None,
                   content_type=content_type, filename=filename, size=len(data), data=data,
                   created_at=clock.now())
    session.add(row)
    session.flush()
    return row
