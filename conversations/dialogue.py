"""The moves the conversation is made of: record reasons, ask, hand to a person, escalate."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import timedelta

from conversations.dates import span_sessions
from conversations.menu import MENU_OPTIONS
from conversations.policy import (
    MIN_CONFIDENCE_TO_CONFIRM,
    REASON_INTENTS,
    SUGGESTED_CODE,
    may_auto_confirm,
)
from conversations.sessions import (
    by_register,
    illness_run_days,
    open_marks,
    sessions_for,
    within_notice_horizon,
)
from conversations.types import (
    AttachEvidence,
    ChildReading,
    ConversationKind,
    ConversationState,
    Decision,
    Escalate,
    Facts,
    Inbound,
    Intent,
    Mode,
    Option,
    Reading,
    ReasonStatus,
    RecordReason,
    Reply,
    SessionRef,
    Span,
    StudentFact,
    Urgency,
)
from conversations.whys import Why

HANDED_OFF = "handed_off"
WHICH_CHILD = "which_child"
DONE = "done"
MAX_QUESTIONS = 2  # the third bot turn is always the hand-off
Step = tuple[ConversationState, list[Decision]]


@dataclass(frozen=True, slots=True)
class Turn:
    """One inbound message with everything known about it."""

    state: ConversationState
    inbound: Inbound
    facts: Facts
    reading: Reading
    text: str = ""
    answer: bool | None = None  # the reply read as "yes" or "no" to a read-back, else None

    @property
    def reason_text(self) -> str:
        return self.text or self.inbound.text

    def student(self, student_id: str) -> StudentFact | None:
        return next((s for s in self.facts.students if s.student_id == student_id), None)

    def names_for(self, student_ids: tuple[str, ...] = ()) -> str:
        """First (or preferred) names of these students, or of all the contact's students."""
        students = [s for s in self.facts.students
                    if not student_ids or s.student_id in student_ids]
        return ", ".join(s.preferred_name or s.first_name for s in students)

    def menu_options(self) -> tuple[Option, ...]:
        return MENU_OPTIONS

    def with_intent(self, intent: Intent) -> Turn:
        """This turn as if the reply had said `intent` plainly (a menu choice)."""
        reading = replace(self.reading, intent=intent, code=SUGGESTED_CODE.get(intent),
                          confidence=1.0, mixed=False, children=(), urgent=False)
        return replace(self, reading=reading)

    def remembered(self, intent: Intent, student_ids: tuple[str, ...]) -> Turn:
        """The reason asked about earlier, now applied to the children just named."""
        state = self.state
        span = self.reading.span
        if span is None and state.pending_from and state.pending_until:
            span = Span(state.pending_from, state.pending_until)
        reading = replace(self.reading, intent=intent, code=SUGGESTED_CODE.get(intent),
                          children=tuple(ChildReading(s, intent) for s in student_ids),
                          span=span, confidence=max(self.reading.confidence, 0.8), mixed=False)
        text = " / ".join(t for t in (state.pending_text, self.inbound.text) if t)
        cleared = replace(state, pending_intent=None, pending_text="", pending_from=None,
                          pending_until=None)
        return replace(self, state=cleared, reading=reading, text=text)


def reply(key: str, turn: Turn, names: str = "") -> Reply:
    del turn
    return Reply(key, params=(("names", names),) if names else ())


def involved_ids(turn: Turn) -> tuple[str, ...]:
    """Whom a message is about: the children it names, else those the conversation is about."""
    named = tuple(c.student_id for c in turn.reading.children)
    return named or turn.state.about_student_ids or tuple(
        s.student_id for s in turn.facts.students)


def escalate_urgent(turn: Turn) -> Step:
    """Safety rule 1: a person, at once; one holding message; never a code."""
    state = turn.state
    decisions: list[Decision] = [Escalate(Urgency.URGENT, turn.reading.intent,
                                          Why("reads_as", intent=turn.reading.intent.value),
                                          involved_ids(turn))]
    if state.mode is Mode.STAFF:
        return state, decisions
    if not state.holding_sent:
        decisions.append(Reply("urgent.holding"))
        state = replace(state, holding_sent=True, bot_turns=state.bot_turns + 1)
    return replace(state, stage=HANDED_OFF), decisions


def hand_off(turn: Turn, *, why: str, quiet: bool = False) -> Step:
    """A person takes it from here (normal urgency)."""
    state = turn.state
    intent = turn.reading.intent if turn.reading.intent is not Intent.UNCLEAR else None
    decisions: list[Decision] = [Escalate(Urgency.NORMAL, intent, why, involved_ids(turn))]
    if not quiet:
        decisions.append(Reply("handoff.staff"))
        state = replace(state, bot_turns=state.bot_turns + 1)
    return replace(state, stage=HANDED_OFF), decisions


def record_reasons(turn: Turn, *, quiet: bool = False, person_decides: bool = False) -> Step:
    """Record the reply's reason for each child it is about, confirming what policy allows.

    `person_decides`: a person already has the conversation, so nothing is confirmed."""
    if not turn.facts.students:  # nobody to record for: a person sorts out who this is
        return hand_off(turn, why=Why("no_students"), quiet=quiet)
    targets = _targets(turn)
    if targets is None:
        return _ask_which_child(turn) if not quiet else hand_off(
            turn, why=Why("which_child_of_reason"), quiet=True)
    records, for_person = [], []
    for student, intent in targets:
        record = _record(turn, student, intent, allow_confirm=not person_decides)
        if record is None or record.status is not ReasonStatus.CONFIRMED:
            for_person.append(student.student_id)
        if record is not None:
            records.append(record)
    decisions: list[Decision] = [d for r in records for d in by_register(r, turn.facts)]
    state = turn.state
    if for_person:
        # A reason with more beside it ("..., and one more thing"): a person reads the rest.
        why = "more_than_a_reason" if turn.reading.more_than_reason else "reason_for_person"
        decisions.append(Escalate(Urgency.NORMAL, turn.reading.intent,
                                  Why(why, intent=_main_intent(targets)), tuple(for_person)))
    if not quiet:
        key = "reason.passed_on" if for_person else "reason.thanks"
        names = turn.names_for(tuple(s.student_id for s, _ in targets))
        decisions.append(reply(key, turn, names))
        state = replace(state, bot_turns=state.bot_turns + 1)
    stage = HANDED_OFF if for_person else DONE
    return replace(state, stage=stage, pending_intent=None), decisions


def attach_evidence(turn: Turn, decisions: list[Decision]) -> list[Decision]:
    if turn.inbound.has_media and not any(isinstance(d, AttachEvidence) for d in decisions):
        decisions.append(AttachEvidence(involved_ids(turn)))
    return decisions


def _main_intent(targets: list[tuple[StudentFact, Intent]]) -> str:
    return Counter(intent.value for _, intent in targets).most_common(1)[0][0]


def _targets(turn: Turn) -> list[tuple[StudentFact, Intent]] | None:
    """(child, intent) pairs the reply is about, or None when we must ask which child."""
    reading, facts = turn.reading, turn.facts
    overall = reading.intent
    if reading.children:
        pairs = []
        for child in reading.children:
            student = turn.student(child.student_id)
            intent = child.intent if child.intent in REASON_INTENTS else overall
            if student:
                pairs.append((student, intent))
        return pairs
    candidates = absent_children(turn)
    if len(candidates) == 1 or reading.all_children or len(facts.students) == 1:
        return [(s, overall) for s in (candidates or facts.students)]
    return None


def absent_children(turn: Turn) -> list[StudentFact]:
    """The children this conversation is about: those it was opened for, else those with an
    absence still unexplained, else (nobody absent: a message out of the blue) all of them."""
    about = turn.state.about_student_ids
    if about:
        return [s for s in turn.facts.students if s.student_id in about]
    with_marks = [s for s in turn.facts.students if open_marks(s, turn.facts)]
    return with_marks or list(turn.facts.students)


def _ask_which_child(turn: Turn) -> Step:
    state, reading = turn.state, turn.reading
    if state.bot_turns >= MAX_QUESTIONS:
        return hand_off(turn, why=Why("which_child"))
    span = reading.span
    new_state = replace(state, stage=WHICH_CHILD, pending_intent=reading.intent,
                        pending_text=turn.inbound.text,
                        pending_from=span.start if span else None,
                        pending_until=span.end if span else None,
                        bot_turns=state.bot_turns + 1)
    names = turn.names_for(tuple(s.student_id for s in absent_children(turn)))
    return new_state, [reply("ask.which_child", turn, names)]


def _record(turn: Turn, student: StudentFact, intent: Intent, *,
            allow_confirm: bool = True) -> RecordReason | None:
    facts, reading = turn.facts, turn.reading
    default_today = turn.state.kind in (ConversationKind.UNSOLICITED, ConversationKind.SELF_REPORT)
    child = next((c for c in reading.children if c.student_id == student.student_id), None)
    span = child.span if child and child.dated else reading.span  # a sibling's own days
    sessions = sessions_for(student, span, facts, default_today=default_today)
    if not sessions:
        return None
    mixed, confidence = _clarity(reading, student.student_id)
    confirm = (allow_confirm and may_auto_confirm(intent, facts.policy) and not mixed
               and not reading.more_than_reason
               and confidence >= MIN_CONFIDENCE_TO_CONFIRM
               and turn.state.kind is not ConversationKind.LATE
               and within_notice_horizon(sessions, facts)
               and (intent is not Intent.ILLNESS
                    or illness_run_days(student, _as_far_as_said(sessions, span, facts), facts)
                    <= _illness_limit(turn)))
    code = SUGGESTED_CODE.get(intent)
    return RecordReason(
        student_id=student.student_id, intent=intent, sessions=sessions,
        status=ReasonStatus.CONFIRMED if confirm else ReasonStatus.REPORTED,
        code=code if confirm else None, suggested_code=code, reason_text=turn.reason_text)


def _as_far_as_said(sessions: tuple[SessionRef, ...], span: Span | None,
                    facts: Facts) -> tuple[SessionRef, ...]:
    """The sessions with every day the reply may mean added ("till Friday" may include the
    Friday): how long an illness may be, for the policy's limit only."""
    if not sessions or span is None or span.reach is None:
        return sessions
    beyond = span_sessions(Span(span.end + timedelta(days=1), span.reach), facts.closed_days)
    return (*sessions, *beyond)


def _clarity(reading: Reading, student_id: str) -> tuple[bool, float]:
    """(mixed, confidence) of the reason about this child: its own words when it was named."""
    child = next((c for c in reading.children if c.student_id == student_id), None)
    mixed = child.mixed if child and child.mixed is not None else reading.mixed
    confidence = (child.confidence if child and child.confidence is not None
                  else reading.confidence)
    return mixed, confidence


def _illness_limit(turn: Turn) -> int:
    policy = turn.facts.policy
    if turn.state.kind is ConversationKind.SELF_REPORT or turn.facts.relationship == "self":
        return policy.max_self_certified_days
    return policy.max_auto_illness_days
