"""Register marks with their codes and reasons, and reasons given ahead of the register."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from store.models.fields import at_field


class Mark(SQLModel, table=True):
    """One register session of one student: its code and where its reason stands."""

    __table_args__ = (
        UniqueConstraint("student_id", "day", "session"),
        Index("ix_mark_school_day_code", "school_id", "day", "code"),
        Index("ix_mark_school_status", "school_id", "reason_status"),
    )
    id: int | None = Field(default=None, primary_key=True)
    school_id: int = Field(foreign_key="school.id")
    student_id: int = Field(foreign_key="student.id")
    day: date
    session: str  # AM | PM | a lesson id
    code: str
    reason_status: str = "unexplained"  # unexplained | reported | confirmed
    suggested_code: str | None = None
    intent: str | None = None
    reason_text: str | None = Field(default=None, sa_column=Column(Text))
    source: str = "import"  # import | api | bot | staff | demo
    set_by: str | None = None  # "bot", "import", "api", "staff:<id>"
    set_by_staff: bool = False
    message_id: int | None = Field(default=None, foreign_key="message.id")
    updated_at: datetime | None = at_field()
    version: int = 1  # bumped on every change: the write-back feed's cursor follows it


class AdvanceNotice(SQLModel, table=True):
    """A reason given for a session the register has not taken yet ("dentist tomorrow at 2").

    Kept until the register brings that session's mark: `N` takes the reason (applied), present
    or any other code drops it. Never a mark of its own: the register stays the truth."""

    __tablename__ = "advance_notice"
    __table_args__ = (Index("ix_advance_notice_school_status_day", "school_id", "status", "day"),)
    id: int | None = Field(default=None, primary_key=True)
    school_id: int = Field(foreign_key="school.id")
    student_id: int = Field(foreign_key="student.id", index=True)
    day: date
    session: str  # AM | PM
    intent: str
    suggested_code: str | None = None
    confirm: bool = False  # the engine would confirm the code (policy is asked again on apply)
    reason_text: str | None = Field(default=None, sa_column=Column(Text))
    message_id: int | None = Field(default=None, foreign_key="message.id")
    status: str = "pending"  # pending | applied | dropped | replaced
    mark_id: int | None = Field(default=None, foreign_key="mark.id")  # the mark that settled it
    created_at: datetime | None = at_field(nullable=False)
    settled_at: datetime | None = at_field()
