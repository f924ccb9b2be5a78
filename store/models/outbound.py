"""What is sent: the daily runs and the outbox every outbound message waits in."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Index, Text, UniqueConstraint, text
from sqlmodel import Field, SQLModel

from store.models.fields import at_field, list_field


class Run(SQLModel, table=True):
    """A daily run happens once per (school, day, kind), however many times it fires."""

    __table_args__ = (UniqueConstraint("school_id", "day", "kind"),)
    id: int | None = Field(default=None, primary_key=True)
    school_id: int = Field(foreign_key="school.id")
    day: date
    kind: str  # absence | late | chase | pm_absence | catch_up:<n>
    started_at: datetime | None = at_field(nullable=False)
    finished_at: datetime | None = at_field()
    messages: int = 0


class Outbox(SQLModel, table=True):
    """Every outbound message is here before it is sent.

    `school_id`, `contact_id` and `run_id` carry no foreign key: PostgreSQL checks a foreign
    key with a query per inserted row, and those three checks were over half of writing a
    district's 100,000-message run. Every writer takes the ids from rows it has just read or
    written in the same transaction (a run from its own `run` row and the contacts its query
    joined), and no school, contact or run is ever deleted.
    """

    # Partial: only rows still to send are indexed, so the queue index stays small however many
    # finished rows the table holds; likewise only rows a provider has accepted have an id.
    __table_args__ = (Index("ix_outbox_due", "next_attempt_at",
                            sqlite_where=text("status IN ('pending', 'claimed')"),
                            postgresql_where=text("status IN ('pending', 'claimed')")),
                      Index("ix_outbox_urgent_due", "next_attempt_at",
                            sqlite_where=text("status = 'pending' AND urgent = 1"),
                            postgresql_where=text("status = 'pending' AND urgent")),
                      Index("ix_outbox_provider_id", "provider_id",
                            sqlite_where=text("provider_id IS NOT NULL"),
                            postgresql_where=text("provider_id IS NOT NULL")))
    id: int | None = Field(default=None, primary_key=True)
    school_id: int | None = Field(default=None, index=True)
    contact_id: int | None = Field(default=None, index=True)
    staff_user_id: int | None = Field(default=None, foreign_key="staff_user.id")
    conversation_id: int | None = Field(default=None, foreign_key="conversation.id")
    run_id: int | None = Field(default=None, index=True)
    kind: str = "reply"  # absence | late | chase | correction | reply | holding | staff_alert ...
    channel: str
    to_address: str
    body: str = Field(sa_column=Column(Text, nullable=False))
    language: str = "en"
    student_ids: list[int] = list_field()  # the students the message is about
    # A menu as JSON [[value, label], ...]: inline buttons on chat, numbered lines elsewhere.
    options: str = Field(default="", sa_column_kwargs={"server_default": ""})
    urgent: bool = False
    # pending | claimed | sent | delivered | undelivered | failed | cancelled | expired
    status: str = "pending"
    attempts: int = 0
    claimed_at: datetime | None = at_field()  # reconciliation asks the provider what it took since
    lease_until: datetime | None = at_field()
    next_attempt_at: datetime | None = at_field()
    provider_id: str | None = None
    error_code: str | None = None
    created_at: datetime | None = at_field(nullable=False)
    sent_at: datetime | None = at_field()
    expires_at: datetime | None = at_field()  # validity: a morning text must not arrive at teatime
    # Set once failing over from this row was done (or found impossible): it happens once.
    failed_over_at: datetime | None = at_field()
    next_outbox_id: int | None = None  # the row that carried the message on after this one
    # A staff alert: the alert it carries, and (email) the token of its own Reply-To address,
    # so that a reply to it acknowledges that alert (`scheduling.alerts`).
    staff_alert_id: int | None = None
    reply_token: str | None = None
