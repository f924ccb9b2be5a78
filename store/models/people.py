"""Students, their contacts, who is whose, and the tokens that link a Telegram chat to a contact."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import UniqueConstraint, text
from sqlmodel import Field, SQLModel

from store.models.fields import at_field, list_field


class Student(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("school_id", "mis_id"),)
    id: int | None = Field(default=None, primary_key=True)
    school_id: int = Field(foreign_key="school.id", index=True)
    mis_id: str
    upn: str | None = None
    first_name: str
    preferred_name: str | None = None
    last_name: str
    year_group: str | None = None
    reg_group: str | None = None
    course: str | None = None
    # A university's or college's own school, faculty or department the student belongs to.
    department: str | None = None
    date_of_birth: date | None = None  # colleges message parents too while a student is under 18
    # A university's or college's Personal Tutor and Senior Tutor for the student (imported).
    personal_tutor_id: int | None = Field(default=None, foreign_key="staff_user.id", index=True)
    senior_tutor_id: int | None = Field(default=None, foreign_key="staff_user.id", index=True)
    # Sponsored on a student visa: the sponsor's engagement policy applies to them.
    visa_sponsored: bool = Field(default=False,
                                 sa_column_kwargs={"server_default": text("false")})


class Contact(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("school_id", "external_id"),)
    id: int | None = Field(default=None, primary_key=True)
    school_id: int = Field(foreign_key="school.id", index=True)
    external_id: str
    name: str
    phone: str | None = Field(default=None, index=True)  # E.164, a mobile: texts go here
    phone_note: str | None = None  # written beside it in the MIS: "mum", "mob"
    landline: str | None = None  # E.164, never texted: for the call list
    landline_note: str | None = None  # "ext 12", "work"
    email: str | None = Field(default=None, index=True)  # lower-cased
    telegram_chat_id: str | None = Field(default=None, index=True)
    # Messaged on WhatsApp (at `phone`) only when they opted in; a reply to their own WhatsApp
    # message needs no opt-in (they wrote to us there).
    whatsapp_opt_in: bool = Field(default=False,
                                  sa_column_kwargs={"server_default": text("false")})
    language: str = "en"
    channels: list[str] = list_field("sms", "email", "telegram")  # order of preference
    no_contact: bool = False
    # A court order restricts this person's contact: nothing is ever sent to them (no run, no
    # letter, no reply; the dispatcher refuses it last of all). Set by an MIS import (which
    # never lifts one) or by a person in the console, audited.
    court_order: bool = Field(default=False, sa_column_kwargs={"server_default": text("false")})
    # Where letters go by post: the lines of the address in order, the postcode last ([] when
    # the MIS gave none).
    postal_address: list[str] = list_field()
    opted_out: list[str] = list_field()  # channels the contact opted out of
    # Channels that no longer reach the contact (a blocked bot, a bounced address).
    lost: list[str] = list_field()


class StudentContact(SQLModel, table=True):
    __tablename__ = "student_contact"
    __table_args__ = (UniqueConstraint("student_id", "contact_id"),)
    id: int | None = Field(default=None, primary_key=True)
    student_id: int = Field(foreign_key="student.id", index=True)
    contact_id: int = Field(foreign_key="contact.id", index=True)
    relationship: str = "parent"  # mother, father, carer, self ...
    priority: int = 1
    # None: nobody said (the MIS left it out). A run may still ask such a contact by priority;
    # anything for "everyone with parental responsibility" needs a known yes.
    parental_responsibility: bool | None = None
    # What this contact may be told about the student. Everyone may by default; an apprentice's
    # employer (relationship "employer") only what the apprenticeship agreement allows.
    tell_absence: bool = Field(default=True, sa_column_kwargs={"server_default": text("true")})
    tell_reason: bool = Field(default=True, sa_column_kwargs={"server_default": text("true")})


class LinkToken(SQLModel, table=True):
    """A one-time token that links a Telegram chat to a contact."""

    __tablename__ = "link_token"
    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(unique=True)
    contact_id: int = Field(foreign_key="contact.id")
    expires_at: datetime | None = at_field(nullable=False)
    used_at: datetime | None = at_field()
