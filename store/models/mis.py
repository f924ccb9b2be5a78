"""The school's MIS: its link, its ids, its register as last pulled, and the confirmed reasons
written back to it."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from store.models.fields import at_field


class MisLink(SQLModel, table=True):
    """A school's MIS connection: the connector, the school's id there, and how far each pull
    has read (the MIS's own `updated_after` cursors, so a delta asks only for what changed)."""

    __tablename__ = "mis_link"
    id: int | None = Field(default=None, primary_key=True)
    school_id: int = Field(foreign_key="school.id", unique=True)
    provider: str  # wonde
    mis_school_id: str  # the school's id in the MIS (Wonde's "A1930499544")
    students_cursor: str | None = None
    contacts_cursor: str | None = None
    marks_cursor: str | None = None
    last_pull_at: datetime | None = at_field()
    last_pull_error: str | None = None
    last_push_at: datetime | None = at_field()
    created_at: datetime | None = at_field(nullable=False)


class MisRef(SQLModel, table=True):
    """The MIS's own id of one of our students, contacts or attendance codes: write-back
    addresses the MIS's record with it, never our row id or the code's letter."""

    __tablename__ = "mis_ref"
    __table_args__ = (UniqueConstraint("school_id", "kind", "mis_id"),
                      Index("ix_mis_ref_local", "school_id", "kind", "local_id"))
    id: int | None = Field(default=None, primary_key=True)
    school_id: int = Field(foreign_key="school.id")
    kind: str  # student | contact | code
    mis_id: str
    local_id: int | None = None  # student.id or contact.id; None for a code
    code: str | None = None  # our code, for a code's row


class MisMark(SQLModel, table=True):
    """What the MIS's register said for one session when last pulled: reconciliation compares
    it with ours (the mark itself keeps a reason we hold over the MIS's stale N)."""

    __tablename__ = "mis_mark"
    __table_args__ = (UniqueConstraint("student_id", "day", "session"),
                      Index("ix_mis_mark_school_day", "school_id", "day"))
    id: int | None = Field(default=None, primary_key=True)
    school_id: int = Field(foreign_key="school.id")
    student_id: int = Field(foreign_key="student.id")
    day: date
    session: str
    code: str
    mis_updated_at: str | None = None  # the MIS's own timestamp of the mark
    pulled_at: datetime | None = at_field(nullable=False)


class MisPush(SQLModel, table=True):
    """A confirmed reason to write into the school's MIS: once per mark version, retried with
    backoff by its own job; a refusal becomes a staff task (`escalation_id`)."""

    __tablename__ = "mis_push"
    __table_args__ = (UniqueConstraint("mark_id", "mark_version"),
                      Index("ix_mis_push_due", "status", "next_attempt_at"))
    id: int | None = Field(default=None, primary_key=True)
    school_id: int = Field(foreign_key="school.id")
    mark_id: int = Field(foreign_key="mark.id")
    mark_version: int
    day: date
    session: str
    code: str
    comment: str | None = None
    status: str = "pending"  # pending | written | refused | superseded
    attempts: int = 0
    next_attempt_at: datetime | None = at_field()
    last_error: str | None = Field(default=None, sa_column=Column(Text))
    writeback_id: str | None = None  # the MIS's id of the write
    escalation_id: int | None = Field(default=None, foreign_key="escalation.id")
    created_at: datetime | None = at_field(nullable=False)
    written_at: datetime | None = at_field()


class WriteBackPush(SQLModel, table=True):
    """A confirmed reason waiting for the MIS side's webhook (retried until it is accepted)."""

    __tablename__ = "write_back_push"
    __table_args__ = (Index("ix_write_back_push_due", "status", "next_attempt_at"),)
    id: int | None = Field(default=None, primary_key=True)
    school_id: int | None = Field(default=None, foreign_key="school.id")
    mark_id: int = Field(foreign_key="mark.id")
    mark_version: int
    body: str = Field(sa_column=Column(Text, nullable=False))  # the JSON that is signed and sent
    status: str = "pending"  # pending | delivered
    attempts: int = 0
    next_attempt_at: datetime | None = at_field()
    last_error: str | None = None
    created_at: datetime | None = at_field(nullable=False)
    delivered_at: datetime | None = at_field()
