"""Plain data types shared by the engine and the shell around it.

Everything here is immutable and free of I/O so that the engine stays a pure function:
(state, inbound, facts, now) -> (new state, decisions).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from enum import StrEnum
from typing import Any


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
    # An attendance letter and its note: what the family says back is for a person (the shell
    # marks it `replies_to_letter`), never today's reason.
    LETTER = "letter"


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
    allow_religious_auto_confirm: bool = False  # R is confirmed only when the school allows it
    # An advance notice further ahead than this many school days goes to a person.
    max_notice_school_days: int = 10
    # A college's or university's rules for students certifying their own absence; None at a
    # school (a student there reports through the register's sessions, `selfreport`).
    self_certification: SelfCertification | None = None


_SELF_CERTIFIED = frozenset({
    Intent.ILLNESS, Intent.MEDICAL_APPOINTMENT, Intent.BEREAVEMENT,
    Intent.FAMILY_CIRCUMSTANCES, Intent.RELIGIOUS_OBSERVANCE, Intent.TRANSPORT})


@dataclass(frozen=True, slots=True)
class SelfCertification:
    """How far a college or university lets a student certify their own absence.

    A student may report a reason in `reasons` for up to `max_days` calendar days (weekends
    count) without evidence; their timetabled events in those days are then authorised. A
    reason in `evidence_reasons` is authorised only with evidence (a photo or PDF) sent in the
    conversation. Anything else (more days, another reason, evidence not sent) goes to a person,
    with whatever evidence was sent."""

    max_days: int = 7
    reasons: frozenset[Intent] = _SELF_CERTIFIED
    evidence_reasons: frozenset[Intent] = frozenset({Intent.MEDICAL_APPOINTMENT})
    # How many a student may make in a term (0: no limit), and how many the student has made
    # this term already (the shell counts them): one more beyond the limit goes to a person.
    max_per_term: int = 0
    made_this_term: int = 0
    # False when the sender could not be shown to be the student (an email not in reply to
    # ours): a person decides, whatever the report says.
    verified: bool = True


@dataclass(frozen=True, slots=True)
class Facts:
    """Everything the shell gathered for one step: who is speaking, about whom, under what rules."""

    contact_id: str
    language: str
    students: tuple[StudentFact, ...]
    today: date
    timezone: str = "Europe/London"
    # "self" when a student reports for themself; "employer" an apprentice's employer; "parent"
    # a parent, carer or any other family contact.
    relationship: str = "parent"
    policy: Policy = field(default_factory=Policy)
    closed_days: frozenset[date] = frozenset()  # school closures and holidays, not weekends
    # The day of the digest of missed events this student was sent in the last day (colleges
    # and universities): a reply with no dates is about it.
    digest_day: date | None = None


@dataclass(frozen=True, slots=True)
class Inbound:
    """One message from a contact, already verified and stored by a channel."""

    text: str
    channel: str  # "sms" | "email" | "telegram" | "whatsapp"
    received_at: datetime  # aware, UTC
    button: str | None = None  # callback value of a pressed inline button or menu number
    has_media: bool = False
    command: str | None = None  # "/absent", "/start", "/help", "/stop" on chat channels
    # What the message carries besides words, in the channel's name for it: "photo", "voice",
    # "video_note", "sticker" (its emoji is the text), "contact", "location"... None for text.
    content: str | None = None
    edited: bool = False  # the sender changed a message they had already sent
    # The provider already answered this opt-out keyword itself (Twilio Advanced Opt-Out):
    # record what it means, send no confirmation of ours (a text to a number that just opted
    # out fails with 21610).
    provider_answered: bool = False
    # An answer to an attendance letter (casework): a person reads it, the bot does not record
    # it as today's reason.
    replies_to_letter: bool = False
    # Sent from a contact a court order restricts: a person reads it, nothing is recorded from
    # it and nothing is sent back.
    restricted_sender: bool = False


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
    # What a half-finished exchange has already learnt (which-child question, self-report):
    pending_text: str = ""
    pending_from: date | None = None
    pending_until: date | None = None  # last day covered, inclusive
    questions_asked: tuple[str, ...] = ()  # keys of the questions already put to the contact
    evidence_given: bool = False  # a self-certifying student has sent a photo or document

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict (dates as ISO strings, tuples as lists) for the store."""
        data: dict[str, Any] = {}
        for item in fields(self):
            value = getattr(self, item.name)
            if isinstance(value, date):
                value = value.isoformat()
            elif isinstance(value, tuple):
                value = list(value)
            data[item.name] = value
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ConversationState:
        """The state `to_json` wrote; unknown keys are ignored and missing ones take defaults."""
        known = {item.name for item in fields(cls)}
        values: dict[str, Any] = {k: v for k, v in data.items() if k in known}
        for name, kind in (("kind", ConversationKind), ("mode", Mode)):
            if name in values:
                values[name] = kind(values[name])
        if values.get("pending_intent"):
            values["pending_intent"] = Intent(values["pending_intent"])
        for name in ("pending_from", "pending_until"):
            if values.get(name):
                values[name] = date.fromisoformat(values[name])
        for name in ("pending_student_ids", "about_student_ids", "questions_asked"):
            if name in values:
                values[name] = tuple(str(v) for v in values[name])
        return cls(**values)


# --- understanding ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Phrase:
    """One lexicon entry, already normalised and split into tokens.

    A token ending in `*` matches any word starting with it (stems: "gorącz*"); the token `...`
    lets up to three words stand between its neighbours ("dropped ... at school").
    """

    tokens: tuple[str, ...]
    weight: float = 1.0


@dataclass(frozen=True, slots=True)
class LanguageLexicon:
    """The vocabulary of one language, from `locales/<lang>/lexicon.toml`.

    Build it with `conversations.lexicon.build_language()`, which also compiles `index` (every
    phrase, labelled with its intent or its date/children role) for fast matching.
    """

    language: str
    script: str  # "latin", "arabic", "bengali" or "gurmukhi"
    markers: frozenset[str]  # common words that show a reply is in this language
    intents: Mapping[Intent, tuple[Phrase, ...]]
    negations: frozenset[str] = frozenset()
    # Negations that stand next to a verb, before or after it ("nahi aayegi", "আসবে না"):
    # a coming verb beside one is no return.
    verb_negations: frozenset[str] = frozenset()
    opt_out: frozenset[str] = frozenset()  # whole-message keywords, normalised
    opt_in: frozenset[str] = frozenset()
    help: frozenset[str] = frozenset()
    no_words: frozenset[str] = frozenset()  # "no" to an optional question
    yes_words: frozenset[str] = frozenset()  # "yes" to a question that asks to confirm
    weekdays: tuple[frozenset[str], ...] = ()  # Monday first
    months: tuple[frozenset[str], ...] = ()  # January first
    numbers: Mapping[str, int] = field(default_factory=dict)
    # Common misspellings -> the word the phrases use ("skool" -> "school"), applied to a
    # reply's words before matching so an urgent phrase is not missed for its spelling.
    spellings: Mapping[str, str] = field(default_factory=dict)
    index: Any = field(default=None, compare=False, repr=False)  # matching.PhraseIndex
    romanised: bool = False  # also written in Latin letters (Roman Urdu): its words join detection
    name_endings: frozenset[str] = frozenset()  # case endings names take ("lukui", "আরিফের")
    # Endings a number takes as an hour ("1da" in Somali: one o'clock; "1da Diseembar" is a date).
    hour_endings: frozenset[str] = frozenset()
    # Words that are yesterday or tomorrow by the verb's tense ("kal"), and each tense's
    # words and endings ("-ega", "tha"): conversations.tense.
    either_day: frozenset[str] = frozenset()
    future: frozenset[str] = frozenset()
    past: frozenset[str] = frozenset()
    # A present verb ("appointment ache": there is) speaks of tomorrow, unless the day word is
    # a start ("kal theke jor ache": fever since yesterday): `since` lists those words.
    present: frozenset[str] = frozenset()
    since: frozenset[str] = frozenset()
    # A romanised language's words by how they sound (`text.sound`): "chhora" finds "chora";
    # and Welsh words by their mutated forms ("tharo", "nharo", "daro" find "taro").
    sounds: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Lexicons:
    """Every language the engine understands, plus nicknames (a name -> the names it stands for)."""

    languages: Mapping[str, LanguageLexicon]
    nicknames: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # word -> the languages whose markers or phrases start with it (for language detection)
    vocabulary: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # stem ("dentist" of "dentist*") -> the languages whose phrases use it (detection only)
    stems: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # words one language reads alone as a reason while another uses them otherwise ("test")
    shared_words: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Span:
    """The days a reply says a reason covers, inclusive; `session` when only half a day."""

    start: date
    end: date
    session: Session | None = None
    # The last day the reply may mean when it ends on an "until" that may include its day
    # ("off till Friday", "Friday tak ghar", "hasta el viernes"): never a session recorded,
    # only a longer illness kept for a person to decide.
    reach: date | None = None


@dataclass(frozen=True, slots=True)
class ChildReading:
    """What a reply says about one named child."""

    student_id: str
    intent: Intent
    # How sure, and whether this child's own words give several reasons (None: as the whole
    # reply). Siblings each with one clear reason are each clear, whatever the other said.
    confidence: float | None = None
    mixed: bool | None = None
    # Siblings with days of their own ("Hugo is off today and tomorrow, Martina has the
    # optician at 10"): `dated` says this child's own words decide its days, `span` (None when
    # they name no day). Not dated: the whole reply's span.
    span: Span | None = None
    dated: bool = False


@dataclass(frozen=True, slots=True)
class Reading:
    """What one reply means: the engine's understanding before any dialogue policy."""

    intent: Intent
    code: str | None  # the suggested attendance code, if the intent has one
    needs_staff: bool
    urgent: bool
    confidence: float
    language: str
    children: tuple[ChildReading, ...] = ()  # per named child, when students were given
    sessions: tuple[SessionRef, ...] = ()  # the sessions of `span`, when `today` was given
    span: Span | None = None
    all_children: bool = False  # "both", "all of them"
    mixed: bool = False  # more than one reason intent: a person should look before confirming
    asks_about_child: bool = False  # a question about the child ("is she ok?"): a person answers
    # A student writing of their own distress ("can't stop crying", "really struggling"): a
    # person reads it, whatever reason it also gives.
    distressed: bool = False
    # A reason, and beside it a request for help or a turn to another matter ("and one more
    # thing, ..."): the reason goes to a person, never confirmed alone
    # (conversations/beside_the_reason.py).
    more_than_reason: bool = False
    # The language to answer in when the reply is plainly not in the contact's own, else None.
    answer_language: str | None = None


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
class KeepNotice:
    """Keep a reason for sessions the register has not taken yet (an advance notice).

    The shell holds it until the register brings the session's mark: an `N` takes the reason
    (confirmed when `status` is CONFIRMED and policy still allows), anything else drops it."""

    student_id: str
    intent: Intent
    sessions: tuple[SessionRef, ...]
    status: ReasonStatus  # CONFIRMED: confirm when applied (policy allowing); else REPORTED
    suggested_code: str | None
    reason_text: str


@dataclass(frozen=True, slots=True)
class SelfCertify:
    """A student's own report of an absence from `start` to `end` (inclusive) at a college or
    university. CONFIRMED: within the institution's self-certification policy, so the shell
    authorises the student's timetabled events in those days (never one marked present);
    REPORTED: kept for a person to decide (an `Escalate` comes with it)."""

    student_id: str
    intent: Intent
    start: date
    end: date
    status: ReasonStatus
    reason_text: str
    evidence: bool = False  # a photo or document was sent in the conversation
    why: str = ""  # for a person: what puts it beyond the policy


@dataclass(frozen=True, slots=True)
class Escalate:
    """Hand the conversation to a person."""

    urgency: Urgency
    intent: Intent | None
    why: str
    student_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DayRange:
    """Days to write out in a message's language: "Monday 23 November", or a range of them."""

    start: date
    end: date


@dataclass(frozen=True, slots=True)
class Label:
    """Another message key written into a message in its language ("illness")."""

    key: str


ReplyParam = str | DayRange | Label


@dataclass(frozen=True, slots=True)
class Reply:
    """Say something to the contact: a message key rendered through Babel by the shell."""

    key: str
    params: tuple[tuple[str, ReplyParam], ...] = ()
    options: tuple[Option, ...] = ()
    # The language the person wrote in, when it is not the contact's: answer in it. None: the
    # contact's own language.
    language: str | None = None


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


Decision = (RecordReason | KeepNotice | SelfCertify | Escalate | Reply | OptOut | OptIn
            | AttachEvidence)
