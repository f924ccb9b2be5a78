"""Which register sessions a reason is for: the marks it answers, and the days it says ahead.

The marks: unexplained ones of the newest run of absence (a late reply about "yesterday" or
"Monday" attaches to that day's marks instead), within the policy's look-back. Ahead: the school
days after today that the reply itself covers ("off all week"), so tomorrow's run does not ask.
Marks a person coded, or already explained, are never touched.
"""

from __future__ import annotations

from datetime import date, timedelta

from conversations.dates import add_school_days, is_school_day, span_sessions
from conversations.types import (
    Facts,
    MarkFact,
    ReasonStatus,
    Session,
    SessionRef,
    Span,
    StudentFact,
)


def open_marks(student: StudentFact, facts: Facts) -> list[MarkFact]:
    """Unexplained marks the bot may still explain, within the look-back, oldest first."""
    earliest = _school_days_before(facts.today, facts.policy.lookback_school_days, facts)
    return sorted((m for m in student.marks
                   if m.status is ReasonStatus.UNEXPLAINED and not m.set_by_staff
                   and earliest <= m.day <= facts.today), key=lambda m: (m.day, m.session))


def sessions_for(student: StudentFact, span: Span | None, facts: Facts, *,
                 default_today: bool = False) -> tuple[SessionRef, ...]:
    """The sessions a reason about `student` covers (see the module docstring)."""
    marks = open_marks(student, facts)
    chosen: list[MarkFact] = []
    if span and span.start < facts.today:
        chosen = [m for m in marks if span.start <= m.day <= span.end]
    if not chosen:
        chosen = _newest_episode(marks, facts)
    refs = {SessionRef(m.day, m.session) for m in chosen}
    marked = {SessionRef(m.day, m.session) for m in student.marks}
    if span:
        for ref in span_sessions(span, facts.closed_days):
            ahead = ref.day > facts.today or (ref.day == facts.today and span.end > facts.today)
            if ahead and ref not in marked:
                refs.add(ref)
    if not refs and default_today and is_school_day(facts.today, facts.closed_days):
        halves = (span.session,) if span and span.session else (Session.AM, Session.PM)
        refs = {SessionRef(facts.today, half) for half in halves} - marked
    return tuple(sorted(refs))


def illness_run_days(student: StudentFact, sessions: tuple[SessionRef, ...], facts: Facts) -> int:
    """School days in a row of illness ending with these sessions (earlier `I` marks count)."""
    days = {s.day for s in sessions}
    if not days:
        return 0
    ill_days = {m.day for m in student.marks if m.code == "I"} | days
    day, run = max(days), 0
    while day in ill_days or not is_school_day(day, facts.closed_days):
        if day in ill_days:
            run += 1
        day -= timedelta(days=1)
        if (max(days) - day).days > 60:
            break
    return run


def _newest_episode(marks: list[MarkFact], facts: Facts) -> list[MarkFact]:
    """The unexplained marks of the latest unbroken run of school days with such marks."""
    if not marks:
        return []
    days = {m.day for m in marks}
    day, episode_days = marks[-1].day, set()
    while day in days or not is_school_day(day, facts.closed_days):
        if day in days:
            episode_days.add(day)
        day -= timedelta(days=1)
        if day < marks[0].day:
            break
    return [m for m in marks if m.day in episode_days]


def _school_days_before(today: date, count: int, facts: Facts) -> date:
    day = today
    while count > 0:
        day -= timedelta(days=1)
        if is_school_day(day, facts.closed_days):
            count -= 1
    return day


def days_of(sessions: tuple[SessionRef, ...]) -> list[date]:
    return sorted({s.day for s in sessions})


def last_day(span: Span | None, facts: Facts) -> date:
    return span.end if span else add_school_days(facts.today, 0, facts.closed_days)
