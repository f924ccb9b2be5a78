"""A college's or university's timetabled events, students' attendance at them, and their
self-certifications."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from store.models.fields import at_field, list_field


class TimetableEvent(SQLModel, table=True):
    """One timetabled event of a college or university: a lecture, seminar, lab or lesson,
    as its timetable or attendance system (SEAtS, SITS/e:Vision) exports it."""

    __tablename__ = "timetable_event"
    __table_args__ = (UniqueConstraint("school_id", "external_id"),
                      Index("ix_timetable_event_school_day", "school_id", "day"))
    id: int | None = Field(default=None, primary_key=True)
    school_id: int = Field(foreign_key="school.id")
    external_id: str  # the event's id in the source system
    course: str | None = None
    module: str | None = None  # the module's code or name ("EC2010 Econometrics")
    event_type: str | None = None  # lecture | seminar | lab | tutorial ... as the source says
    title: str | None = None
    day: date  # the school-local date it starts on
    starts_at: datetime | None = at_field(nullable=False)
    ends_at: datetime | None = at_field()
    room: str | None = None
    staff: list[str] = list_field()  # who teaches it, as the source names them
    mandatory: bool = True


class EventAttendance(SQLModel, table=True):
    """One student's attendance at one timetabled event."""

    __tablename__ = "event_attendance"
    __table_args__ = (UniqueConstraint("event_id", "student_id"),
                      Index("ix_event_attendance_school_day_status", "school_id", "day",
                            "status"),
                      Index("ix_event_attendance_student_day", "student_id", "day"))
    id: int | None = Field(default=None, primary_key=True)
    school_id: int = Field(foreign_key="school.id")
    event_id: int = Field(foreign_key="timetable_event.id")
    student_id: int = Field(foreign_key="student.id")
    day: date  # the event's day, kept beside it for a day's digests and rules
    status: str = "not_taken"  # present | absent | late | authorised | not_taken
    set_by: str = "import"  # import | bot | staff:<id>: an import never undoes the others' reason
    updated_at: datetime | None = at_field(nullable=False)
    # The student's self-certification that authorised it (its reason, in the events list);
    # None once anything else sets its status.
    self_certification_id: int | None = Field(default=None, foreign_key="self_certification.id")


class SelfCertification(SQLModel, table=True):
    """A student's own report of an absence for a range of days (colleges and universities).

    `confirmed`: within the institution's policy, the student's events in those days are
    authorised (now, and as their attendance arrives); `reported`: a person decides (`why`),
    then `approved` (its events authorised) or `declined` (they stay as they are; the student
    is told `decision_note`)."""

    __tablename__ = "self_certification"
    __table_args__ = (Index("ix_self_certification_school_days", "school_id", "start", "end"),)
    id: int | None = Field(default=None, primary_key=True)
    school_id: int = Field(foreign_key="school.id")
    student_id: int = Field(foreign_key="student.id", index=True)
    intent: str
    start: date
    end: date  # inclusive
    status: str  # confirmed | reported | approved | declined
    evidence: bool = False  # a photo or document came with it (Evidence on the conversation)
    why: str = ""  # what took it beyond the policy, for the person who decides
    reason_text: str = Field(default="", sa_column=Column(Text, nullable=False))
    conversation_id: int | None = Field(default=None, foreign_key="conversation.id")
    message_id: int | None = Field(default=None, foreign_key="message.id")
    created_at: datetime | None = at_field(nullable=False)
    # A person's decision on a reported one: who ("staff:12"), when, and why it was declined.
    decided_by: str | None = None
    decided_at: datetime | None = at_field()
    decision_note: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
