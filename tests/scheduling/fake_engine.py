"""A stand-in for the conversation engine at its port, until conversations/engine.py lands.

It reads only a few English phrases; the loop's tests check what the shell does with decisions,
not how well replies are understood.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from conversations.types import (
    ConversationState,
    Decision,
    Escalate,
    Facts,
    Inbound,
    Intent,
    Mode,
    OptOut,
    ReasonStatus,
    RecordReason,
    Reply,
    SessionRef,
    StudentFact,
    Urgency,
)
from conversations.types import Session as RegisterSession


def step(state: ConversationState, inbound: Inbound, facts: Facts,
         now: datetime) -> tuple[ConversationState, list[Decision]]:
    text = inbound.text.lower()
    if text.strip() == "stop":
        return state, [OptOut(inbound.channel), Reply("optout.confirmed")]
    if "gate" in text or "don't know where" in text:
        decisions: list[Decision] = [Escalate(Urgency.URGENT, Intent.IN_SCHOOL_DISPUTE,
                                              "parent says the child was dropped at school",
                                              tuple(s.student_id for s in _open(facts)))]
        if not state.holding_sent and state.mode is Mode.BOT:
            decisions.append(Reply("urgent.holding"))
        return replace(state, holding_sent=True, stage="escalated"), decisions
    intent = state.pending_intent
    if "d&v" in text or "sick" in text or "temperature" in text:
        intent = Intent.ILLNESS
    if "tomorrow" in text and "appt" in text:
        return _ahead(state, facts)
    if intent is None:
        return state, [Reply("ask.reason")]
    named = [s for s in facts.students if s.first_name.lower() in text]
    targets = named or _open(facts)
    if len(targets) != 1 and not named:
        names = ", ".join(s.first_name for s in targets)
        return (replace(state, pending_intent=intent, stage="which_child"),
                [Reply("ask.which_child", (("names", names),))])
    decisions = []
    for student in targets:
        refs = tuple(SessionRef(m.day, m.session) for m in student.marks
                     if m.status is ReasonStatus.UNEXPLAINED)
        confirm = intent in facts.policy.auto_confirm
        decisions.append(RecordReason(
            student.student_id, intent, refs,
            ReasonStatus.CONFIRMED if confirm else ReasonStatus.REPORTED,
            "I" if confirm else None, "I", inbound.text))
    names = ", ".join(s.first_name for s in targets)
    decisions.append(Reply("reason.thanks", (("names", names),)))
    about = tuple(s.student_id for s in targets)
    return replace(state, pending_intent=None, stage="done", about_student_ids=about), decisions


def _open(facts: Facts) -> list[StudentFact]:
    return [s for s in facts.students
            if any(m.status is ReasonStatus.UNEXPLAINED for m in s.marks)]


def _ahead(state: ConversationState, facts: Facts) -> tuple[ConversationState, list[Decision]]:
    student = facts.students[0]
    tomorrow = facts.today + timedelta(days=1)
    refs = (SessionRef(tomorrow, RegisterSession.AM), SessionRef(tomorrow, RegisterSession.PM))
    return state, [RecordReason(student.student_id, Intent.MEDICAL_APPOINTMENT, refs,
                                ReasonStatus.CONFIRMED, "M", "M", "hospital appointment"),
                   Reply("reason.thanks", (("names", student.first_name),))]
