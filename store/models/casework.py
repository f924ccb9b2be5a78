"""Attendance casework: the ladder's stages, where each student stands, letters and meetings."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Index, LargeBinary, Text, UniqueConstraint, text
from sqlmodel import Field, SQLModel

from store.models.fields import at_field, list_field


class CaseworkStage(SQLModel, table=True):
    """One rung of a school's attendance ladder: when it applies and what it does. A school
    with no rows follows the default ladder (`store.casework_ladder.DEFAULT_LADDER`)."""

    __tablename__ = "casework_stage"
    __table_args__ = (UniqueConstraint("school_id", "key"),)
    id: int | None = Field(default=None, primary_key=True)
    school_id: int = Field(foreign_key="school.id")
    position: int  # the ladder's order, least severe first
    key: str  # friendly | concern | persistent | framework | improved | a school's own
    rule: str  # below | at_or_below (a percentage) | framework (sessions) | improved (a margin)
    percent: float | None = None  # attendance threshold, or the improvement margin in points
    sessions: int | None = None  # framework: unauthorised sessions in its 10 school weeks
    period: str = "year"  # year | term | rolling: which figures the threshold reads
    action: str  # letter | letter_meeting | review_task | thank_you
    template: str | None = None  # the letter's message key, e.g. "casework.letter.concern"
    automatic: bool = False  # False: a person approves each letter before it goes
    active: bool = True


class CaseworkCase(SQLModel, table=True):
    """Where one student stands on the ladder, so the weekly job acts on crossings only."""

    __tablename__ = "casework_case"
    id: int | None = Field(default=None, primary_key=True)
    school_id: int = Field(foreign_key="school.id", index=True)
    student_id: int = Field(foreign_key="student.id", unique=True)
    stage: str | None = None  # the ladder key reached and not yet recovered from
    stage_since: date | None = None
    review_on: date | None = None  # the framework's last staff review task
    updated_at: datetime | None = at_field(nullable=False)


class CaseworkLetter(SQLModel, table=True):
    """Every attendance letter: drafted, approved, sent (or withheld), kept with what it said,
    to whom, when and on which channel. One letter per family: `student_ids` are siblings."""

    __tablename__ = "casework_letter"
    __table_args__ = (Index("ix_casework_letter_school_status", "school_id", "status"),)
    id: int | None = Field(default=None, primary_key=True)
    school_id: int = Field(foreign_key="school.id")
    run_id: int | None = Field(default=None, foreign_key="run.id")
    contact_id: int | None = Field(default=None, foreign_key="contact.id", index=True)
    student_ids: list[int] = list_field()
    stage: str  # the most severe stage among the children
    template: str
    language: str = "en"
    # draft (waits for a person) | approved (to send) | sent | withheld (nobody to write to)
    # | cancelled
    status: str = "draft"
    needs_approval: bool = True
    figures: str = Field(default="{}", sa_column=Column(Text, nullable=False))  # as written
    subject: str | None = Field(default=None, sa_column=Column(Text))
    body_text: str | None = Field(default=None, sa_column=Column(Text))
    body_html: str | None = Field(default=None, sa_column=Column(Text))
    pdf: bytes | None = Field(default=None, sa_column=Column(LargeBinary))
    channel: str | None = None  # email | post, and the note's channel beside it
    to_address: str | None = None
    outbox_id: int | None = None  # the email carrying the letter
    note_outbox_id: int | None = None  # the short SMS or chat note that a letter was sent
    created_at: datetime | None = at_field(nullable=False)
    approved_by: int | None = Field(default=None, foreign_key="staff_user.id")
    approved_at: datetime | None = at_field()
    sent_at: datetime | None = at_field()


class CaseworkMeeting(SQLModel, table=True):
    """A meeting with a family about a student's attendance: when, who came, what was agreed,
    and when it is reviewed (the review date puts the case back on the officer's list)."""

    __tablename__ = "casework_meeting"
    id: int | None = Field(default=None, primary_key=True)
    school_id: int = Field(foreign_key="school.id")
    student_id: int = Field(foreign_key="student.id", index=True)
    held_on: date
    attendees: list[str] = list_field()
    actions: str = Field(default="", sa_column=Column(Text, nullable=False))
    review_on: date | None = Field(default=None, index=True)
    reviewed: bool = False
    recorded_by: int | None = Field(default=None, foreign_key="staff_user.id")
    created_at: datetime | None = at_field(nullable=False)
    # A Personal Tutor's meeting with a student: read only by the student's tutors, the
    # engagement team and whoever recorded it (store/confidential.py).
    confidential: bool = Field(default=False, sa_column_kwargs={"server_default": text("false")})
