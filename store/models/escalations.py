"""Escalations to staff and the urgent alerts sent about them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, Index, Text
from sqlmodel import Field, SQLModel

from store.models.fields import at_field


class Escalation(SQLModel, table=True):
    __table_args__ = (Index("ix_escalation_school_status", "school_id", "status"),)
    id: int | None = Field(default=None, primary_key=True)
    school_id: int | None = Field(default=None, foreign_key="school.id")
    conversation_id: int | None = Field(default=None, foreign_key="conversation.id")
    contact_id: int | None = Field(default=None, foreign_key="contact.id")
    student_id: int | None = Field(default=None, foreign_key="student.id")
    inbound_event_id: int | None = Field(default=None, foreign_key="inbound_event.id")
    urgency: str = "normal"  # urgent | normal
    intent: str | None = None
    why: str  # in English, as written (alerts, exports)
    # The reason as a code and its parameters (JSON), worded in the reader's language on the
    # console (conversations/whys.py); None on rows from before codes, shown as `why`.
    why_code: str | None = None
    why_params: str | None = Field(default=None, sa_column=Column(Text))
    status: str = "open"  # open | acknowledged | resolved
    assigned_user_id: int | None = Field(default=None, foreign_key="staff_user.id")
    created_at: datetime | None = at_field(nullable=False)
    due_at: datetime | None = at_field()
    acknowledged_at: datetime | None = at_field()
    resolved_at: datetime | None = at_field()
    notices_sent: int = 0


class StaffAlert(SQLModel, table=True):
    """One urgent alert sent to one member of staff: what a reply ACK from their phone, or a
    tap on the alert's link (its token, kept hashed), acknowledges."""

    __tablename__ = "staff_alert"
    id: int | None = Field(default=None, primary_key=True)
    escalation_id: int = Field(foreign_key="escalation.id", index=True)
    staff_user_id: int = Field(foreign_key="staff_user.id", index=True)
    token_hash: str = Field(unique=True)
    sent_at: datetime | None = at_field(nullable=False)
    expires_at: datetime | None = at_field(nullable=False)
    acknowledged_at: datetime | None = at_field()
    acknowledged_via: str | None = None  # sms | email | link: how it was first acknowledged
