"""The audit log."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, Text
from sqlmodel import Field, SQLModel

from store.models.fields import at_field


class AuditEntry(SQLModel, table=True):
    """Append-only: who changed what, when, from which value to which, and why."""

    __tablename__ = "audit_log"
    id: int | None = Field(default=None, primary_key=True)
    at: datetime | None = at_field(nullable=False, index=True)
    actor: str  # bot | import | api | staff:<id> | system
    action: str
    entity: str
    entity_id: str
    school_id: int | None = Field(default=None, index=True)
    old_value: str | None = Field(default=None, sa_column=Column(Text))
    new_value: str | None = Field(default=None, sa_column=Column(Text))
    message_id: int | None = None
