"""A student reporting their own absence (`/absent`, or just "I'm ill" from a student's chat).

At most three questions, each only when the answer is not known yet: the reason, how long,
and — for appointments or an absence longer than self-certification allows — a photo of a
note, which is always optional. Then the reason is recorded and the student told what was.
"""

from __future__ import annotations

from dataclasses import replace

from conversations.dialogue import Step, Turn, hand_off, record_reasons
from conversations.policy import REASON_INTENTS
from conversations.sessions import days_of, sessions_for
from conversations.types import (
    ConversationKind,
    ConversationState,
    DayRange,
    Escalate,
    Intent,
    KeepNotice,
    RecordReason,
    Reply,
    Span,
)
from conversations.whys import Why

ASK_REASON = "self.ask_reason"
ASK_DURATION = "ask.duration"
ASK_EVIDENCE = "ask.evidence"


def step(turn: Turn) -> Step:
    state, reading = turn.state, turn.reading
    state = replace(state, kind=ConversationKind.SELF_REPORT)
    intent = reading.intent if reading.intent in REASON_INTENTS else state.pending_intent
    span = reading.span or _remembered_span(turn)
    if intent is None:
        if reading.distressed:  # no reason read, and the student is struggling: a person
            return hand_off(replace(turn, state=state), why=Why("self_report_not_understood"))
        if reading.intent in (Intent.CALL_REQUEST, Intent.WRONG_NUMBER):
            return hand_off(replace(turn, state=state),
                            why=Why("student_said", intent=f"{reading.intent}"))
        if ASK_REASON in state.questions_asked:
            return hand_off(replace(turn, state=state), why=Why("self_report_not_understood"))
        return _ask(replace(state, pending_text=_text(turn)), ASK_REASON)
    state = replace(state, pending_intent=intent, pending_text=_text(turn),
                    pending_from=span.start if span else None,
                    pending_until=span.end if span else None)
    if span is None and ASK_DURATION not in state.questions_asked:
        return _ask(state, ASK_DURATION)
    if (_wants_evidence(turn, intent, span) and ASK_EVIDENCE not in state.questions_asked
            and not turn.inbound.has_media):
        return _ask(state, ASK_EVIDENCE)
    return _record(turn, state, intent, span)


def _ask(state: ConversationState, key: str) -> Step:
    new_state = replace(state, questions_asked=(*state.questions_asked, key),
                        bot_turns=state.bot_turns + 1)
    return new_state, [Reply(key)]


def _text(turn: Turn) -> str:
    parts = (turn.state.pending_text, turn.inbound.text if not turn.inbound.command else "")
    return " / ".join(p for p in parts if p)


def _remembered_span(turn: Turn) -> Span | None:
    state = turn.state
    if state.pending_from and state.pending_until:
        return Span(state.pending_from, state.pending_until)
    return None


def _wants_evidence(turn: Turn, intent: Intent, span: Span | None) -> bool:
    if intent is Intent.MEDICAL_APPOINTMENT:
        return True
    days = len(days_of(sessions_for(turn.facts.students[0], span, turn.facts,
                                    default_today=True))) if turn.facts.students else 0
    return days > turn.facts.policy.max_self_certified_days


def _record(turn: Turn, state: ConversationState, intent: Intent, span: Span | None) -> Step:
    reading = replace(turn.reading, intent=intent, span=span,
                      confidence=max(turn.reading.confidence, 0.8), children=())
    recording = replace(turn, state=state, reading=reading, text=state.pending_text)
    # A student who wrote of their own distress has a person decide, whatever the reason.
    new_state, decisions = record_reasons(recording, quiet=True,
                                          person_decides=turn.reading.distressed)
    days = sorted({s.day for d in decisions if isinstance(d, RecordReason | KeepNotice)
                   for s in d.sessions})
    # The days go out as a DayRange so the shell writes them in the student's language
    # ("wtorek, 24 listopada"), never as ISO dates joined by an English "to".
    passed_on = any(isinstance(d, Escalate) for d in decisions)
    key = "reason.passed_on" if passed_on else "self.recorded"
    decisions.append(Reply(key, params=(("dates", DayRange(days[0], days[-1])),)
                           if days and not passed_on else ()))
    return replace(new_state, bot_turns=new_state.bot_turns + 1, pending_intent=None), decisions
