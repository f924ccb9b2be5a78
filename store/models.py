"""The tables of the attendance store.

Ids are integers; a student's and a contact's id in the school's MIS are kept beside them
(`mis_id`, `external_id`) because imports, the REST API and replay scripts speak in those.
Times are aware UTC (`UTCDateTime`); school-local dates are plain dates.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from sqlalchemy import Column, Index, LargeBinary, Text, UniqueConstraint, text
from sqlmodel import Field, SQLModel

from store.types import UTCDateTime, json_list


def _list(*default: Any) -> Any:
    """The field of a list column (a JSON array); declared `list[...]` where used."""
    # The column's own default too: bulk Core inserts (the demo, imports) leave it out.
    return Field(default_factory=lambda: list(default),
                 sa_column=Column(json_list(), nullable=False, default=lambda: list(default)))


def _setting(default: float) -> Any:
    """A number setting with its default in the table too (rows older than the column)."""
    return Field(default=default, sa_column_kwargs={"server_default": str(default)})


def _at(*, nullable: bool = True, index: bool = False) -> Any:
    """The field of an aware UTC timestamp column; declared `datetime | None` where used."""
    return Field(default=None, sa_column=Column(UTCDateTime(), nullable=nullable, index=index))


class School(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str
    timezone: str = "Europe/London"
    country: str = "GB-ENG"  # holidays subdivision: GB-ENG, GB-WLS, GB-SCT, GB-NIR, or a country
    welsh_bilingual: bool = False
    code_set: str = "england-2024"
    register_close: time = time(9, 0)
    absence_run_at: time = time(9, 30)
    late_run_at: time = time(10, 0)
    chase_run_at: time = time(11, 0)
    pm_absence_run_at: time = time(14, 0)
    call_list_at: time = time(12, 0)  # after the chase: children still unexplained go to staff
    call_list_urgent: bool = False  # True: the call list is raised as urgent escalations
    settle_minutes: int = 10
    quiet_start: time = time(20, 0)
    quiet_end: time = time(7, 30)
    auto_confirm: list[str] = _list("illness", "medical_appointment")  # intents the bot confirms
    max_auto_illness_days: int = 3
    contact_all_with_pr: bool = False  # False: first contact with PR only
    sms_sender: str | None = None  # a Twilio number or Messaging Service SID for this school
    email_from: str | None = None
    phone: str | None = None  # the school office, for HELP replies
    api_token_hash: str | None = Field(default=None, index=True)
    # How much an urgent alert to staff names: "full" (the child's first name, initial and year
    # or form, the concern, the family's number), "concern" (no child), "minimal" (neither).
    alert_detail: str = Field(default="full", sa_column_kwargs={"server_default": "full"})
    # What kind of place it is (store/institutions.py): "school" (parents are messaged),
    # "college" (further education: the student, and parents too while under 18) or
    # "university" (the student). It sets the defaults below.
    setting: str = Field(default="school", sa_column_kwargs={"server_default": "school"})
    # Whether parents and carers are messaged about a student: "always", "under_18", "never";
    # None: the setting's default (store.institutions.FAMILY_CONTACT_DEFAULTS).
    family_contact: str | None = None
    # The console's language for its staff who have not chosen their own (a catalog's code,
    # channels.catalogs.SUPPORTED_LANGUAGES); None: their browser's language.
    staff_language: str | None = None
    # Colleges and universities: how many calendar days a student may self-certify without
    # evidence, the reasons they may self-certify and those that always need evidence (None:
    # conversations.types.SelfCertification's defaults), and when the day's digests go.
    self_cert_max_days: int = Field(default=7, sa_column_kwargs={"server_default": "7"})
    # How many self-certifications a student may make in a term (0: no limit); beyond, a person.
    self_cert_max_per_term: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    self_cert_reasons: list[str] | None = Field(
        default=None, sa_column=Column(json_list(), nullable=True))
    self_cert_evidence_reasons: list[str] | None = Field(
        default=None, sa_column=Column(json_list(), nullable=True))
    digest_at: time = Field(default=time(17, 30),
                            sa_column_kwargs={"server_default": "17:30:00"})
    # A student's attendance percentage (and its absence flags, the casework ladder's and the
    # engagement rules' reading of it) counts from this many possible sessions or events:
    # fewer say too little (issue 21: a new joiner is not "0.0% severe" after one session).
    min_possible_sessions: int = _setting(10)
    # A college's or university's engagement rules (store/engagement_rules.py), each 0 for off:
    # missed N events of one module in a row, N events of any module in a row, attendance under
    # X% over a rolling number of weeks, no attended event for N days. `engagement_*` puts a
    # student at risk; `visa_*` is the visa sponsor's own engagement policy for sponsored ones.
    engagement_missed_in_module: int = _setting(3)
    engagement_missed_in_row: int = _setting(0)
    engagement_min_percent: float = _setting(75.0)
    engagement_weeks: int = _setting(4)
    engagement_days_without: int = _setting(7)
    visa_missed_in_module: int = _setting(0)
    visa_missed_in_row: int = _setting(10)
    visa_min_percent: float = _setting(0.0)
    visa_weeks: int = _setting(4)
    visa_days_without: int = _setting(14)


class SchoolDay(SQLModel, table=True):
    """Term dates, INSET days and closures: the calendar a school's runs follow."""

    __tablename__ = "school_day"
    id: int | None = Field(default=None, primary_key=True)
    school_id: int = Field(foreign_key="school.id", index=True)
    kind: str  # "term" (start..end inclusive are term), "inset", "closure"
    start: date
    end: date
    note: str | None = None


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
    channels: list[str] = _list("sms", "email", "telegram")  # order of preference
    no_contact: bool = False
    # A court order restricts this person's contact: nothing is ever sent to them (no run, no
    # letter, no reply; the dispatcher refuses it last of all). Set by an MIS import (which
    # never lifts one) or by a person in the console, audited.
    court_order: bool = Field(default=False, sa_column_kwargs={"server_default": text("false")})
    # Where letters go by post: the lines of the address in order, the postcode last ([] when
    # the MIS gave none).
    postal_address: list[str] = _list()
    opted_out: list[str] = _list()  # channels the contact opted out of
    lost: list[str] = _list()  # channels that no longer reach the contact (blocked bot, bounced)


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
    starts_at: datetime | None = _at(nullable=False)
    ends_at: datetime | None = _at()
    room: str | None = None
    staff: list[str] = _list()  # who teaches it, as the source names them
    mandatory: bool = True


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
    created_at: datetime | None = _at(nullable=False)
    # A person's decision on a reported one: who ("staff:12"), when, and why it was declined.
    decided_by: str | None = None
    decided_at: datetime | None = _at()
    decision_note: str | None = Field(default=None, sa_column=Column(Text, nullable=True))


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
    updated_at: datetime | None = _at(nullable=False)
    # The student's self-certification that authorised it (its reason, in the events list);
    # None once anything else sets its status.
    self_certification_id: int | None = Field(default=None, foreign_key="self_certification.id")


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
    updated_at: datetime | None = _at()
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
    created_at: datetime | None = _at(nullable=False)
    settled_at: datetime | None = _at()


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
    opened_at: datetime | None = _at(nullable=False)
    closed_at: datetime | None = _at()
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
    created_at: datetime | None = _at(nullable=False)


class Run(SQLModel, table=True):
    """A daily run happens once per (school, day, kind), however many times it fires."""

    __table_args__ = (UniqueConstraint("school_id", "day", "kind"),)
    id: int | None = Field(default=None, primary_key=True)
    school_id: int = Field(foreign_key="school.id")
    day: date
    kind: str  # absence | late | chase | pm_absence | catch_up:<n>
    started_at: datetime | None = _at(nullable=False)
    finished_at: datetime | None = _at()
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
    student_ids: list[int] = _list()  # the students the message is about
    # A menu as JSON [[value, label], ...]: inline buttons on chat, numbered lines elsewhere.
    options: str = Field(default="", sa_column_kwargs={"server_default": ""})
    urgent: bool = False
    # pending | claimed | sent | delivered | undelivered | failed | cancelled | expired
    status: str = "pending"
    attempts: int = 0
    claimed_at: datetime | None = _at()  # reconciliation asks the provider what it took since
    lease_until: datetime | None = _at()
    next_attempt_at: datetime | None = _at()
    provider_id: str | None = None
    error_code: str | None = None
    created_at: datetime | None = _at(nullable=False)
    sent_at: datetime | None = _at()
    expires_at: datetime | None = _at()  # validity: a morning text must not arrive at teatime
    # Set once failing over from this row was done (or found impossible): it happens once.
    failed_over_at: datetime | None = _at()
    next_outbox_id: int | None = None  # the row that carried the message on after this one
    # A staff alert: the alert it carries, and (email) the token of its own Reply-To address,
    # so that a reply to it acknowledges that alert (`scheduling.alerts`).
    staff_alert_id: int | None = None
    reply_token: str | None = None


class InboundEvent(SQLModel, table=True):
    """Every request a provider sent us, stored before it is processed; deduped by provider id."""

    __tablename__ = "inbound_event"
    id: int | None = Field(default=None, primary_key=True)
    channel: str
    kind: str = "message"  # message | status | command
    dedupe_key: str = Field(unique=True)  # e.g. "sms:SM123", "telegram:update:42", "email:<id>"
    payload: str = Field(sa_column=Column(Text, nullable=False))  # the parsed inbound, as JSON
    raw: bytes | None = Field(default=None, sa_column=Column(LargeBinary))
    received_at: datetime | None = _at(nullable=False)
    status: str = Field(default="pending", index=True)  # pending | processed | parked
    attempts: int = 0
    next_attempt_at: datetime | None = _at()  # a failed event waits its backoff before a retry
    error: str | None = None
    school_id: int | None = Field(default=None, foreign_key="school.id")
    contact_id: int | None = Field(default=None, foreign_key="contact.id")
    ordering_key: str | None = Field(default=None, index=True)  # the sender's address
    processed_at: datetime | None = _at()


class Evidence(SQLModel, table=True):
    """A photo of a doctor's note, an email attachment: kept on the conversation."""

    id: int | None = Field(default=None, primary_key=True)
    conversation_id: int | None = Field(default=None, foreign_key="conversation.id", index=True)
    inbound_event_id: int | None = Field(default=None, foreign_key="inbound_event.id")
    content_type: str
    filename: str | None = None
    size: int
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    created_at: datetime | None = _at(nullable=False)


class MediaFetch(SQLModel, table=True):
    """A media item a provider holds for an inbound event (an MMS photo, a Telegram file),
    written with the event by the webhook and fetched by a job, retried until it is kept as
    Evidence or lost (refused, or still failing when `expires_at` passes: staff are told)."""

    __tablename__ = "media_fetch"
    __table_args__ = (Index("ix_media_fetch_due", "status", "next_attempt_at"),)
    id: int | None = Field(default=None, primary_key=True)
    inbound_event_id: int = Field(foreign_key="inbound_event.id", index=True)
    channel: str
    item: int  # its position among the event's media
    ref: str = Field(sa_column=Column(Text, nullable=False))  # the MediaRef, as JSON
    status: str = "pending"  # pending | kept | lost
    attempts: int = 0
    next_attempt_at: datetime | None = _at()
    expires_at: datetime | None = _at()
    last_error: str | None = None
    evidence_id: int | None = Field(default=None, foreign_key="evidence.id")
    created_at: datetime | None = _at(nullable=False)


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
    created_at: datetime | None = _at(nullable=False)
    due_at: datetime | None = _at()
    acknowledged_at: datetime | None = _at()
    resolved_at: datetime | None = _at()
    notices_sent: int = 0


class StaffUser(SQLModel, table=True):
    __tablename__ = "staff_user"
    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(unique=True)
    name: str
    role: str = "officer"  # admin | officer | dsl | read_only
    password_hash: str | None = None
    phone: str | None = None
    external_id: str | None = None
    # Their own choice (the console's account page, `rollcall user add --language`), or None:
    # the console then follows the browser's language, and alerts go in English.
    language: str | None = None
    # False: deactivated; cannot sign in, and every console session of theirs has ended.
    active: bool = Field(default=True, sa_column_kwargs={"server_default": text("true")})
    # Optional two-factor sign-in (RFC 6238 TOTP, store/totp.py): the shared secret in base32,
    # and the last time step a code was accepted for, so a code is never accepted twice.
    totp_secret: str | None = None
    totp_last_step: int | None = None


class StaffAlert(SQLModel, table=True):
    """One urgent alert sent to one member of staff: what a reply ACK from their phone, or a
    tap on the alert's link (its token, kept hashed), acknowledges."""

    __tablename__ = "staff_alert"
    id: int | None = Field(default=None, primary_key=True)
    escalation_id: int = Field(foreign_key="escalation.id", index=True)
    staff_user_id: int = Field(foreign_key="staff_user.id", index=True)
    token_hash: str = Field(unique=True)
    sent_at: datetime | None = _at(nullable=False)
    expires_at: datetime | None = _at(nullable=False)
    acknowledged_at: datetime | None = _at()
    acknowledged_via: str | None = None  # sms | email | link: how it was first acknowledged


class StaffSchool(SQLModel, table=True):
    """The schools a member of staff may see."""

    __tablename__ = "staff_school"
    __table_args__ = (UniqueConstraint("user_id", "school_id"),)
    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="staff_user.id", index=True)
    school_id: int = Field(foreign_key="school.id", index=True)
    # Their place on the school's on-call list for urgent alerts (1 first); None: no place.
    # When nobody of the school has one, the list is its DSLs then its admins (store/on_call.py).
    on_call_rank: int | None = None


class PasswordReset(SQLModel, table=True):
    """A one-time link to choose a new password, emailed to a member of staff (an admin's
    reset, or a new account's first password). Only the token's hash is kept."""

    __tablename__ = "password_reset"
    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(unique=True)
    user_id: int = Field(foreign_key="staff_user.id", index=True)
    created_at: datetime | None = _at(nullable=False)
    expires_at: datetime | None = _at(nullable=False)
    used_at: datetime | None = _at()


class ConsoleSession(SQLModel, table=True):
    """A signed-in console session. The cookie holds a random token; only its hash is kept, so
    ending the row (sign-out, password change, deactivation) ends the session at once."""

    __tablename__ = "console_session"
    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(unique=True)
    user_id: int = Field(foreign_key="staff_user.id", index=True)
    created_at: datetime | None = _at(nullable=False)
    last_seen_at: datetime | None = _at(nullable=False)
    ended_at: datetime | None = _at()
    ended_why: str | None = None  # sign_out | password | deactivated


class SignInThrottle(SQLModel, table=True):
    """Consecutive failed sign-ins for one key ("account:<id>" or "ip:<address>"), and the
    time before which no further attempt for that key is even checked (a growing backoff)."""

    __tablename__ = "sign_in_throttle"
    key: str = Field(primary_key=True)
    failures: int = 0
    not_before: datetime | None = _at()
    updated_at: datetime | None = _at(nullable=False)


class FormSubmission(SQLModel, table=True):
    """A console form's idempotency key: the same key twice is one action, and the second
    submit is answered with the first one's outcome (where it redirected)."""

    __tablename__ = "form_submission"
    key: str = Field(primary_key=True)
    user_id: int = Field(foreign_key="staff_user.id")
    created_at: datetime | None = _at(nullable=False, index=True)
    outcome: str | None = None


class ImportUpload(SQLModel, table=True):
    """An import a member of staff uploaded in the console and has seen the preview of, kept
    until they apply or cancel it (or a day passes): the file(s) and the preview's digest, so
    the apply does exactly what the preview showed (store/import_uploads.py)."""

    __tablename__ = "import_upload"
    id: int | None = Field(default=None, primary_key=True)
    school_id: int = Field(foreign_key="school.id", index=True)
    user_id: int = Field(foreign_key="staff_user.id", index=True)
    kind: str  # students | contacts | marks
    profile: str | None = None  # as asked for; None: read by the file's header
    all_or_nothing: bool = False
    digest: str  # ImportReport.digest() of the preview the person saw
    created_at: datetime | None = _at(nullable=False, index=True)


class ImportUploadFile(SQLModel, table=True):
    """One file of an uploaded import, as it came (an export may be several files)."""

    __tablename__ = "import_upload_file"
    id: int | None = Field(default=None, primary_key=True)
    upload_id: int = Field(foreign_key="import_upload.id", index=True)
    position: int
    name: str
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class LinkToken(SQLModel, table=True):
    """A one-time token that links a Telegram chat to a contact."""

    __tablename__ = "link_token"
    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(unique=True)
    contact_id: int = Field(foreign_key="contact.id")
    expires_at: datetime | None = _at(nullable=False)
    used_at: datetime | None = _at()


class AuditEntry(SQLModel, table=True):
    """Append-only: who changed what, when, from which value to which, and why."""

    __tablename__ = "audit_log"
    id: int | None = Field(default=None, primary_key=True)
    at: datetime | None = _at(nullable=False, index=True)
    actor: str  # bot | import | api | staff:<id> | system
    action: str
    entity: str
    entity_id: str
    school_id: int | None = Field(default=None, index=True)
    old_value: str | None = Field(default=None, sa_column=Column(Text))
    new_value: str | None = Field(default=None, sa_column=Column(Text))
    message_id: int | None = None


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
    next_attempt_at: datetime | None = _at()
    last_error: str | None = None
    created_at: datetime | None = _at(nullable=False)
    delivered_at: datetime | None = _at()


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
    last_pull_at: datetime | None = _at()
    last_pull_error: str | None = None
    last_push_at: datetime | None = _at()
    created_at: datetime | None = _at(nullable=False)


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
    pulled_at: datetime | None = _at(nullable=False)


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
    next_attempt_at: datetime | None = _at()
    last_error: str | None = Field(default=None, sa_column=Column(Text))
    writeback_id: str | None = None  # the MIS's id of the write
    escalation_id: int | None = Field(default=None, foreign_key="escalation.id")
    created_at: datetime | None = _at(nullable=False)
    written_at: datetime | None = _at()


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
    updated_at: datetime | None = _at(nullable=False)


class CaseworkLetter(SQLModel, table=True):
    """Every attendance letter: drafted, approved, sent (or withheld), kept with what it said,
    to whom, when and on which channel. One letter per family: `student_ids` are siblings."""

    __tablename__ = "casework_letter"
    __table_args__ = (Index("ix_casework_letter_school_status", "school_id", "status"),)
    id: int | None = Field(default=None, primary_key=True)
    school_id: int = Field(foreign_key="school.id")
    run_id: int | None = Field(default=None, foreign_key="run.id")
    contact_id: int | None = Field(default=None, foreign_key="contact.id", index=True)
    student_ids: list[int] = _list()
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
    created_at: datetime | None = _at(nullable=False)
    approved_by: int | None = Field(default=None, foreign_key="staff_user.id")
    approved_at: datetime | None = _at()
    sent_at: datetime | None = _at()


class CaseworkMeeting(SQLModel, table=True):
    """A meeting with a family about a student's attendance: when, who came, what was agreed,
    and when it is reviewed (the review date puts the case back on the officer's list)."""

    __tablename__ = "casework_meeting"
    id: int | None = Field(default=None, primary_key=True)
    school_id: int = Field(foreign_key="school.id")
    student_id: int = Field(foreign_key="student.id", index=True)
    held_on: date
    attendees: list[str] = _list()
    actions: str = Field(default="", sa_column=Column(Text, nullable=False))
    review_on: date | None = Field(default=None, index=True)
    reviewed: bool = False
    recorded_by: int | None = Field(default=None, foreign_key="staff_user.id")
    created_at: datetime | None = _at(nullable=False)
    # A Personal Tutor's meeting with a student: read only by the student's tutors, the
    # engagement team and whoever recorded it (store/confidential.py).
    confidential: bool = Field(default=False, sa_column_kwargs={"server_default": text("false")})


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
    since: datetime | None = _at(nullable=False)
    rules: list[str] = _list()  # the rules met when it last changed
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
    at: datetime | None = _at(nullable=False)
    actor: str  # system | staff:<id>
    rules: list[str] = _list()
    figures: str = Field(default="{}", sa_column=Column(Text, nullable=False))  # as then, JSON
    events: list[int] = _list()  # the timetabled events missed (timetable_event ids)
    messages: list[int] = _list()  # the student's replies (message ids)
    note: str | None = Field(default=None, sa_column=Column(Text))  # a person's words
    task_id: int | None = Field(default=None, foreign_key="escalation.id")  # the task it opened
    due_on: date | None = None
