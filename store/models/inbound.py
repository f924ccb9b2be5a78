"""What providers send us: inbound events, their media still to fetch, and the evidence kept."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, Index, LargeBinary, Text
from sqlmodel import Field, SQLModel

from store.models.fields import at_field


class InboundEvent(SQLModel, table=True):
    """Every request a provider sent us, stored before it is processed; deduped by provider id."""

    __tablename__ = "inbound_event"
    id: int | None = Field(default=None, primary_key=True)
    channel: str
    kind: str = "message"  # message | status | command
    dedupe_key: str = Field(unique=True)  # e.g. "sms:SM123", "telegram:update:42", "email:<id>"
    payload: str = Field(sa_column=Column(Text, nullable=False))  # the parsed inbound, as JSON
    raw: bytes | None = Field(default=None, sa_column=Column(LargeBinary))
    received_at: datetime | None = at_field(nullable=False)
    status: str = Field(default="pending", index=True)  # pending | processed | parked
    attempts: int = 0
    next_attempt_at: datetime | None = at_field()  # a failed event waits its backoff before a retry
    error: str | None = None
    school_id: int | None = Field(default=None, foreign_key="school.id")
    contact_id: int | None = Field(default=None, foreign_key="contact.id")
    ordering_key: str | None = Field(default=None, index=True)  # the sender's address
    processed_at: datetime | None = at_field()


class MediaFetch(SQLModel, table=True):
    """A media item a provider holds for an inbound event (an MMS photo, a Telegram file),
    written with the event by the webhook and fetched by a job, retried until it is kept as
    Evidence or lost (refused, or still failing when `expires_at` passes: staff are told)."""

    __tablename__ = "media_fetch"
    __table_args__ = (Index("ix_media_fetch_due", "status", "next_attempt_at"),)
    id: int | None = Field(default=None, primary_key=True)
    inbound_event_id: int = Field(foreign_key="inbound_event.id", index=True)
    channel: str
    item: int  # its position among the event's media
    ref: str = Field(sa_column=Column(Text, nullable=False))  # the MediaRef, as JSON
    status: str = "pending"  # pending | kept | lost
    attempts: int = 0
    next_attempt_at: datetime | None = at_field()
    expires_at: datetime | None = at_field()
    last_error: str | None = None
    evidence_id: int | None = Field(default=None, foreign_key="evidence.id")
    created_at: datetime | None = at_field(nullable=False)


class Evidence(SQLModel, table=True):
    """A photo of a doctor's note, an email attachment: kept on the conversation."""

    id: int | None = Field(default=None, primary_key=True)
    conversation_id: int | None = Field(default=None, foreign_key="conversation.id", index=True)
    inbound_event_id: int | None = Field(default=None, foreign_key="inbound_event.id")
    content_type: str
    filename: str | None = None
    size: int
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    created_at: datetime | None = at_field(nullable=False)
