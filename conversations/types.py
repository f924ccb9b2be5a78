"""Plain data types shared by the engine and the shell around it.

Everything here is immutable and free of I/O so that the engine stays a pure function:
(state, inbound, facts, now) -> (new state, decisions).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


class Intent(StrEnum):
    """What a reply means; the names are part of rollcall's interface (see domain/intents.md)."""

    ILLNESS = "illness"
    MEDICAL_APPOINTMENT = "medical_appointment"
    RELIGIOUS_OBSERVANCE = "religious_observance"
    HOLIDAY = "holiday"
    BEREAVEMENT = "bereavement"
    FAMILY_CIRCUMSTANCES = "family_circumstances"
    TRANSPORT = "transport"
    SCHOOL_ACTIVITY = "school_activity"
    EXCLUSION = "exclusion"
    SCHOOL_REFUSAL = "school_refusal"
    IN_SCHOOL_DISPUTE = "in_school_dispute"
    WHEREABOUTS_UNKNOWN = "whereabouts_unknown"
    SAFEGUARDING = "safeguarding"
    MOVED_AWAY = "moved_away"
    CALL_REQUEST = "call_request"
    WRONG_NUMBER = "wrong_number"
    OPT_OUT = "opt_out"
    ACKNOWLEDGEMENT = "acknowledgement"
    LATE_OTHER = "late_other"
    UNCLEAR = "unclear"


URGENT_INTENTS: frozenset[Intent] = frozenset(
    {Intent.IN_SCHOOL_DISPUTE, Intent.WHEREABOUTS_UNKNOWN, Intent.SAFEGUARDING}
)


class Session(StrEnum):
    """A register session."""

    AM = "AM"
    PM = "PM"


class Urgency(StrEnum):
    URGENT = "urgent"
    NORMAL = "normal"


class ReasonStatus(StrEnum):
    """Where a mark's reason stands (DESIGN.md, "Register marks and reasons")."""

    UNEXPLAINED = "unexplained"
    REPORTED = "reported"
    CONFIRMED = "confirmed"


class ConversationKind(StrEnum):
    """What opened the conversation, which changes what the engine asks."""

    ABSENCE = "absence"
    LATE = "late"
    SELF_REPORT = "self_report"
    UNSOLICITED = "unsolicited"


class Mode(StrEnum):
    """Who is answering the contact: the bot, a member of staff, or nobody (resolved)."""

    BOT = "bot"
    STAFF = "staff"
    RESOLVED = "resolved"


@dataclass(frozen=True, slots=True, order=True)
class SessionRef:
    """One register session of one day."""

    day: date
    session: Session


@dataclass(frozen=True, slots=True)
class MarkFact:
    """What the store knows about one mark the conversation may be about."""

    day: date
    session: Session
    code: str
    status: ReasonStatus
    set_by_staff: bool = False


@dataclass(frozen=True, slots=True)
class StudentFact:
    """A child (or the student themself) the sender is a contact for."""

    student_id: str
    first_name: str
    preferred_name: str | None = None
    marks: tuple[MarkFact, ...] = ()


@dataclass(frozen=True, slots=True)
class Policy:
    """Per-school rules for what the bot may decide without a person."""

    auto_confirm: frozenset[Intent] = frozenset({Intent.ILLNESS, Intent.MEDICAL_APPOINTMENT})
    max_auto_illness_days: int = 3
    lookback_school_days: int = 5
    max_self_certified_days: int = 7


@dataclass(frozen=True, slots=True)
class Facts:
    """Everything the shell gathered for one step: who is speaking, about whom, under what rules."""

    contact_id: str
    language: str
    students: tuple[StudentFact, ...]
    today: date
    timezone: str = "Europe/London"
    relationship: str = "parent"  # "self" when a student reports for themself
    policy: Policy = field(default_factory=Policy)


@dataclass(frozen=True, slots=True)
class Inbound:
    """One message from a contact, already verified and stored by a channel."""

    text: str
    channel: str  # "sms" | "email" | "telegram"
    received_at: datetime  # aware, UTC
    button: str | None = None  # callback value of a pressed inline button or menu number
    has_media: bool = False
    command: str | None = None  # "/absent", "/start", "/help", "/stop" on chat channels


@dataclass(frozen=True, slots=True)
class ConversationState:
    """The engine's memory of one conversation; the store keeps it as JSON (to_json/from_json)."""

    kind: ConversationKind = ConversationKind.ABSENCE
    mode: Mode = Mode.BOT
    stage: str = "awaiting_reason"
    bot_turns: int = 0
    unclear_replies: int = 0
    holding_sent: bool = False
    pending_intent: Intent | None = None
    pending_student_ids: tuple[str, ...] = ()
    about_student_ids: tuple[str, ...] = ()


# --- decisions -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Option:
    """One choice of a menu: `value` is what comes back (button or number), `key` its label."""

    value: str
    key: str


@dataclass(frozen=True, slots=True)
class RecordReason:
    """Record a reason for these sessions of one student."""

    student_id: str
    intent: Intent
    sessions: tuple[SessionRef, ...]
    status: ReasonStatus  # REPORTED (a person decides) or CONFIRMED (policy allows)
    code: str | None  # the code to set when CONFIRMED, else None
    suggested_code: str | None
    reason_text: str


@dataclass(frozen=True, slots=True)
class Escalate:
    """Hand the conversation to a person."""

    urgency: Urgency
    intent: Intent | None
    why: str
    student_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Reply:
    """Say something to the contact: a message key rendered through Babel by the shell."""

    key: str
    params: tuple[tuple[str, str], ...] = ()
    options: tuple[Option, ...] = ()


@dataclass(frozen=True, slots=True)
class OptOut:
    """The contact asked to stop messages on this channel."""

    channel: str


@dataclass(frozen=True, slots=True)
class OptIn:
    """The contact asked to receive messages on this channel again."""

    channel: str


@dataclass(frozen=True, slots=True)
class AttachEvidence:
    """Keep the media of this inbound message as evidence for these students."""

    student_ids: tuple[str, ...]


Decision = RecordReason | Escalate | Reply | OptOut | OptIn | AttachEvidence
