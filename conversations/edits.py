"""A message the sender changed after sending it (Telegram's edited message).

The edit is read again like any reply, but it never starts a new exchange: a changed reason
wins while no code is confirmed yet for the children it is about (it replaces a reason the
first reading only reported; thanked only if nothing had been recorded before), and once a
code is confirmed a person sees the edit instead (the bot never silently replaces a confirmed
code). An edit with no reason in it ("ok" with a typo fixed) is kept in the thread and changes
nothing.
"""

from __future__ import annotations

from dataclasses import replace

from conversations.dialogue import DONE, Step, Turn, hand_off, involved_ids, record_reasons
from conversations.policy import REASON_INTENTS
from conversations.sessions import PRESENT_CODES
from conversations.types import Facts, MarkFact, ReasonStatus
from conversations.whys import Why

EDITED_AFTER_CONFIRMED = Why("edited_after_confirmed")


def read_edit(turn: Turn, *, handed_off: bool) -> Step:
    """What an edited message changes (urgent content and staff mode are handled before).
    `handed_off`: a person already has the conversation, so the bot stays quiet and confirms
    nothing; the edit is recorded for them."""
    if turn.reading.intent not in REASON_INTENTS:
        return turn.state, []
    if _code_confirmed(turn):
        return hand_off(turn, why=EDITED_AFTER_CONFIRMED, quiet=True)
    again = replace(turn, facts=_reopened(turn.facts, set(involved_ids(turn))))
    return record_reasons(
        again, quiet=handed_off or turn.state.stage == DONE, person_decides=handed_off
    )


def _code_confirmed(turn: Turn) -> bool:
    """A code is already confirmed on an absence of a child the edit is about."""
    about = set(involved_ids(turn))
    return any(
        mark.status is ReasonStatus.CONFIRMED
        and mark.code not in PRESENT_CODES
        and mark.code != "N"
        for student in turn.facts.students
        if student.student_id in about
        for mark in student.marks
    )


def _reopened(facts: Facts, about: set[str]) -> Facts:
    """The facts with the reasons the first reading reported (not confirmed, not a person's)
    open again, so the edit's reason takes their place."""

    def reopen(mark: MarkFact) -> MarkFact:
        if mark.status is ReasonStatus.REPORTED and not mark.set_by_staff:
            return replace(mark, status=ReasonStatus.UNEXPLAINED)
        return mark

    students = tuple(
        replace(s, marks=tuple(reopen(m) for m in s.marks)) if s.student_id in about else s
        for s in facts.students
    )
    return replace(facts, students=students)
