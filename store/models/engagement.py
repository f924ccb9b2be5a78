"""A college or university student's engagement and visa status, and its history."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from store.models.fields import at_field, list_field


class EngagementStatus(SQLModel, table=True):
    """Where one college or university student stands now, on one track: `engagement` (engaged,
    at_risk, intervention, re_engaged, referred) or `visa` (compliant, crossed, report_due,
    reported, not_reported). No row: engaged (or compliant), never flagged."""

    __tablename__ = "engagement_status"
    __table_args__ = (UniqueConstraint("student_id", "track"),
                      Index("ix_engagement_status_school_track", "school_id", "track", "status"))
    id: int | None = Field(default=None, primary_key=True)
    school_id: int = Field(foreign_key="school.id")
    student_id: int = Field(foreign_key="student.id")
    track: str  # engagement | visa
    status: str
    since: datetime | None = at_field(nullable=False)
    rules: list[str] = list_field()  # the rules met when it last changed
    due_on: date | None = None  # visa: the day a decided report to the Home Office is due by


class EngagementChange(SQLModel, table=True):
    """One change of a student's engagement or visa status: when, by whom (the rules or a
    person), why, and the evidence (the events missed, the student's replies). Never updated."""

    __tablename__ = "engagement_change"
    __table_args__ = (Index("ix_engagement_change_school_at", "school_id", "at"),)
    id: int | None = Field(default=None, primary_key=True)
    school_id: int = Field(foreign_key="school.id")
    student_id: int = Field(foreign_key="student.id", index=True)
    track: str
    old_status: str | None = None
    status: str
    at: datetime | None = at_field(nullable=False)
    actor: str  # system | staff:<id>
    rules: list[str] = list_field()
    figures: str = Field(default="{}", sa_column=Column(Text, nullable=False))  # as then, JSON
    events: list[int] = list_field()  # the timetabled events missed (timetable_event ids)
    messages: list[int] = list_field()  # the student's replies (message ids)
    note: str | None = Field(default=None, sa_column=Column(Text))  # a person's words
    task_id: int | None = Field(default=None, foreign_key="escalation.id")  # the task it opened
    due_on: date | None = None
