"""Self-certification: a college or university student reports their own absence for some days.

The student says why and for which days (asked for only when not said: the reason, then how
long), the bot reads it back ("illness, Monday 23 November to Wednesday 25 November: is that
right?") and, once the student says yes, asks for evidence (a photo or PDF) when the policy
wants it: for more days than a student may self-certify, or for a reason that always needs it.
Within the policy the absence is certified (`SelfCertify` CONFIRMED: the shell authorises the
student's events in those days); beyond it (more days, a reason the student may not certify,
evidence not sent, days too far ahead) it is kept for a person, who is told why. "No" to the
read-back asks once more; a reply with other days or another reason is read back again.
Urgent replies never reach this module: the engine escalates them first, as for schools.

A parent or carer a college may tell about an under-18 student (their reply to the family's
digest, or any message) goes the same way, asked about their child in their own words
(`FAMILY_KEYS`): within the policy their reason authorises the child's events; a parent of
several students at the college who names none, or an employer, goes to a person.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from conversations.dates import add_school_days
from conversations.dialogue import DONE, HANDED_OFF, Step, Turn, hand_off
from conversations.policy import REASON_INTENTS
from conversations.types import (
    ConversationKind,
    ConversationState,
    DayRange,
    Decision,
    Escalate,
    Intent,
    Label,
    Option,
    ReasonStatus,
    Reply,
    SelfCertification,
    SelfCertify,
    Span,
    StudentFact,
    Urgency,
)
from conversations.whys import Why

ASK_REASON = "self.ask_reason"
ASK_DURATION = "ask.duration"
CONFIRM = "selfcert.confirm"
ASK_AGAIN = "selfcert.ask_again"
ASK_EVIDENCE = "selfcert.ask_evidence"
RECORDED = "selfcert.recorded"
CONFIRMING = "selfcert_confirming"  # stages: waiting for yes/no, then for the evidence
AWAITING_EVIDENCE = "selfcert_evidence"
CONFIRM_OPTIONS = (Option("1", "selfcert.yes"), Option("2", "selfcert.no"))
# The same questions put to a parent or carer about their child.
FAMILY_KEYS = {ASK_REASON: "selfcert.family.ask_reason",
               ASK_DURATION: "selfcert.family.ask_duration",
               RECORDED: "selfcert.family.recorded"}
MAX_READ_BACKS = 3  # a reply still unsettled after three read-backs goes to a person
# How a reason is named to the student; any other reason is "another reason".
LABELLED = frozenset({
    Intent.ILLNESS, Intent.MEDICAL_APPOINTMENT, Intent.RELIGIOUS_OBSERVANCE, Intent.HOLIDAY,
    Intent.BEREAVEMENT, Intent.FAMILY_CIRCUMSTANCES, Intent.TRANSPORT, Intent.SCHOOL_ACTIVITY})


def step(turn: Turn) -> Step:
    """One message of a self-certification."""
    state = replace(turn.state, kind=ConversationKind.SELF_REPORT)
    if turn.inbound.has_media:
        state = replace(state, evidence_given=True)
    turn = replace(turn, state=state)
    if not turn.facts.students:  # a parent of a student now 18, say: nobody they answer for
        return hand_off(turn, why=Why("no_student_to_tell"))
    if state.stage == AWAITING_EVIDENCE:
        return _decide(turn)
    if state.stage == CONFIRMING:
        return _confirming(turn)
    if state.stage == DONE and turn.reading.intent not in REASON_INTENTS:
        if turn.reading.intent in (Intent.ACKNOWLEDGEMENT, Intent.UNCLEAR) and not (
                turn.inbound.has_media):
            return state, []  # "thanks" after the certificate: nothing more to say
        return hand_off(turn, why=Why("after_certified"), quiet=True)
    if state.stage == DONE:  # another absence: a new report
        state = ConversationState(kind=state.kind, about_student_ids=state.about_student_ids,
                                  evidence_given=turn.inbound.has_media)
        turn = replace(turn, state=state)
    return _gather(turn)


def after_hand_off(turn: Turn) -> Step:
    """A person has the report: a new reason, days or a document reach them, quietly."""
    if turn.reading.intent in (Intent.ACKNOWLEDGEMENT, Intent.UNCLEAR) and not (
            turn.inbound.has_media):
        return turn.state, []
    return hand_off(turn, why=Why("after_person_took"),
                    quiet=True)


def _gather(turn: Turn) -> Step:
    """Learn the reason and the days, asking for each once, then read them back."""
    state, reading = turn.state, turn.reading
    intent = reading.intent if reading.intent in REASON_INTENTS else state.pending_intent
    span = reading.span or _remembered(state) or _digest_day(turn)
    if intent is None:
        if reading.intent in (Intent.CALL_REQUEST, Intent.WRONG_NUMBER):
            return hand_off(turn, why=Why("student_said", intent=f"{reading.intent}"))
        if ASK_REASON in state.questions_asked:
            return hand_off(turn, why=Why("self_cert_not_understood"))
        state = replace(state, pending_text=_text(turn),
                        pending_from=span.start if span else None,
                        pending_until=span.end if span else None,
                        about_student_ids=_named_child(turn))
        return _ask(state, ASK_REASON, family=_family(turn))
    state = replace(state, pending_intent=intent, pending_text=_text(turn),
                    pending_from=span.start if span else None,
                    pending_until=span.end if span else None,
                    about_student_ids=_named_child(turn))
    if span is None and ASK_DURATION not in state.questions_asked:
        return _ask(state, ASK_DURATION, family=_family(turn))
    if span is None:  # the days were asked for and not given: today, read back to be sure
        today = turn.facts.today
        state = replace(state, pending_from=today, pending_until=today)
    return _read_back(state)


def _confirming(turn: Turn) -> Step:
    state, reading, answer = turn.state, turn.reading, turn.answer
    new_reason = reading.intent in REASON_INTENTS and reading.intent != state.pending_intent
    if new_reason or reading.span is not None:  # "no, until Friday": read the new days back
        return _gather(turn)
    if answer is True:
        return _evidence_or_decide(turn)
    if answer is False and ASK_AGAIN not in state.questions_asked:
        return _ask(replace(state, stage="selfcert_again"), ASK_AGAIN)
    if answer is False:
        return hand_off(turn, why=Why("self_cert_not_confirmed"))
    if turn.inbound.has_media:  # the evidence before the yes: kept, and the question stands
        return _read_back(state)
    if state.questions_asked.count(CONFIRM) >= MAX_READ_BACKS - 1:
        return hand_off(turn, why=Why("self_cert_not_confirmed"))
    return _read_back(state)


def _read_back(state: ConversationState) -> Step:
    """Ask the student to confirm the reason and the days."""
    assert state.pending_intent is not None and state.pending_from and state.pending_until
    if state.questions_asked.count(CONFIRM) >= MAX_READ_BACKS:
        return state, [Escalate(Urgency.NORMAL, state.pending_intent,
                                Why("self_cert_not_confirmed"),
                                state.about_student_ids), Reply("handoff.staff")]
    new_state, _ = _ask(replace(state, stage=CONFIRMING), CONFIRM)
    return new_state, [Reply(CONFIRM, params=_what(state), options=CONFIRM_OPTIONS)]


def _evidence_or_decide(turn: Turn) -> Step:
    state = turn.state
    rules = _rules(turn)
    assert state.pending_intent is not None
    if (_wants_evidence(rules, state.pending_intent, _days(state)) and not state.evidence_given
            and ASK_EVIDENCE not in state.questions_asked):
        return _ask(replace(state, stage=AWAITING_EVIDENCE), ASK_EVIDENCE)
    return _decide(turn)


def _decide(turn: Turn) -> Step:
    """Certify what the policy allows; hand the rest to a person with the reason why."""
    state, facts = turn.state, turn.facts
    intent = state.pending_intent
    student = _student(turn)
    if student is None or intent is None or not (state.pending_from and state.pending_until):
        return hand_off(turn, why=Why("self_cert_incomplete"))
    why = Why("self_cert_employer") if facts.relationship == "employer" else None
    why = why or beyond_policy(_rules(turn), intent=intent, start=state.pending_from,
                        end=state.pending_until, evidence=state.evidence_given,
                        today=facts.today, notice_days=facts.policy.max_notice_school_days,
                        closed=facts.closed_days)
    certified = why is None
    decisions: list[Decision] = [SelfCertify(
        student_id=student.student_id, intent=intent, start=state.pending_from,
        end=state.pending_until,
        status=ReasonStatus.CONFIRMED if certified else ReasonStatus.REPORTED,
        reason_text=state.pending_text, evidence=state.evidence_given, why=str(why or ""))]
    if why is not None:
        decisions.append(Escalate(Urgency.NORMAL, intent, Why(
            "self_cert_beyond", detail=str(why), detail_code=why.code, **why.params),
                                  (student.student_id,)))
    recorded = FAMILY_KEYS[RECORDED] if _family(turn) else RECORDED
    decisions.append(Reply(recorded, params=_what(state)) if certified
                     else Reply("reason.passed_on"))
    done = replace(state, stage=DONE if certified else HANDED_OFF,
                   bot_turns=state.bot_turns + 1)
    return done, decisions


def beyond_policy(rules: SelfCertification, *, intent: Intent, start: date, end: date,
                  evidence: bool, today: date, notice_days: int,
                  closed: frozenset[date] = frozenset()) -> Why | None:
    """Why a self-certification needs a person, or None when the student may certify it."""
    days = (end - start).days + 1
    if not rules.verified:
        return Why("self_cert_unverified")
    if rules.max_per_term and rules.made_this_term >= rules.max_per_term:
        return Why("self_cert_term_limit", made=rules.made_this_term, limit=rules.max_per_term)
    if intent not in rules.reasons:
        return Why("self_cert_reason", intent=intent.value)
    if days > rules.max_days:
        return Why("self_cert_days_evidence" if evidence else "self_cert_days", days=days,
                   max=rules.max_days)
    if intent in rules.evidence_reasons and not evidence:
        return Why("self_cert_no_evidence", intent=intent.value)
    if start > add_school_days(today, notice_days, closed):
        return Why("self_cert_ahead", days=notice_days)
    return None


def _wants_evidence(rules: SelfCertification, intent: Intent, days: int) -> bool:
    return days > rules.max_days or intent in rules.evidence_reasons


def _rules(turn: Turn) -> SelfCertification:
    return turn.facts.policy.self_certification or SelfCertification()


def _days(state: ConversationState) -> int:
    if state.pending_from is None or state.pending_until is None:
        return 0
    return (state.pending_until - state.pending_from).days + 1


def _what(state: ConversationState) -> tuple[tuple[str, Label | DayRange], ...]:
    """The reason and the days, to write into a message in the student's language."""
    assert state.pending_intent is not None and state.pending_from and state.pending_until
    intent = state.pending_intent
    label = f"selfcert.reason.{intent.value if intent in LABELLED else 'other'}"
    return (("reason", Label(label)),
            ("dates", DayRange(state.pending_from, state.pending_until)))


def _ask(state: ConversationState, key: str, *, family: bool = False) -> Step:
    new_state = replace(state, questions_asked=(*state.questions_asked, key),
                        bot_turns=state.bot_turns + 1)
    return new_state, [Reply(FAMILY_KEYS.get(key, key) if family else key)]


def _family(turn: Turn) -> bool:
    """Someone other than the student writes (a parent, a carer, an employer)."""
    return turn.facts.relationship != "self"


def _named_child(turn: Turn) -> tuple[str, ...]:
    """The one child a parent's reply names, as the state keeps it (else what it kept)."""
    named = {child.student_id for child in turn.reading.children}
    return tuple(named) if len(named) == 1 else turn.state.about_student_ids


def _student(turn: Turn) -> StudentFact | None:
    """Whose absence it is: the student themself, or a parent's one child at the college (the
    one their reply named, when they have several); None when that is not known."""
    students = turn.facts.students
    if not _family(turn) or len(students) == 1:
        return students[0] if students else None
    named = turn.state.about_student_ids
    found = [s for s in students if s.student_id in named]
    return found[0] if len(found) == 1 else None


def _text(turn: Turn) -> str:
    """Everything the student has said about this absence, for the record."""
    said = turn.inbound.text if not turn.inbound.command else ""
    parts = [p for p in (turn.state.pending_text, said) if p]
    return " / ".join(dict.fromkeys(parts))


def _digest_day(turn: Turn) -> Span | None:
    """The day of the digest a reply answers ("sorry, I was ill"); not for a new report
    (`/absent`), which is about today or the days it names."""
    day = turn.facts.digest_day
    return Span(day, day) if day is not None and not turn.inbound.command else None


def _remembered(state: ConversationState) -> Span | None:
    if state.pending_from and state.pending_until:
        return Span(state.pending_from, state.pending_until)
    return None
