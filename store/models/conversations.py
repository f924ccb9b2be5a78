"""Conversations, the students they are about, and every message exchanged."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from store.models.fields import at_field


class Conversation(SQLModel, table=True):
    __table_args__ = (Index("ix_conversation_contact_open", "contact_id", "closed_at"),)
    id: int | None = Field(default=None, primary_key=True)
    school_id: int = Field(foreign_key="school.id", index=True)
    contact_id: int | None = Field(default=None, foreign_key="contact.id")
    kind: str = "absence"
    mode: str = "bot"  # bot | staff | resolved
    state_json: str = Field(default="{}", sa_column=Column(Text, nullable=False))
    channel: str | None = None
    assigned_user_id: int | None = Field(default=None, foreign_key="staff_user.id")
    opened_at: datetime | None = at_field(nullable=False)
    closed_at: datetime | None = at_field()
    reply_token: str | None = Field(default=None, index=True)  # email Reply-To routing


class ConversationStudent(SQLModel, table=True):
    """Which students a conversation is about."""

    __tablename__ = "conversation_student"
    __table_args__ = (UniqueConstraint("conversation_id", "student_id"),)
    id: int | None = Field(default=None, primary_key=True)
    conversation_id: int = Field(foreign_key="conversation.id", index=True)
    student_id: int = Field(foreign_key="student.id", index=True)


class Message(SQLModel, table=True):
    """Every message exchanged, both ways, on every channel."""

    id: int | None = Field(default=None, primary_key=True)
    school_id: int | None = Field(default=None, foreign_key="school.id", index=True)
    conversation_id: int | None = Field(default=None, foreign_key="conversation.id", index=True)
    contact_id: int | None = Field(default=None, foreign_key="contact.id", index=True)
    direction: str  # in | out
    channel: str
    body: str = Field(sa_column=Column(Text, nullable=False))
    author: str = "contact"  # contact | bot | staff:<id>
    intent: str | None = None  # the bot's reading of an inbound message
    inbound_event_id: int | None = Field(default=None, foreign_key="inbound_event.id")
    outbox_id: int | None = Field(default=None, foreign_key="outbox.id")
    created_at: datetime | None = at_field(nullable=False)
