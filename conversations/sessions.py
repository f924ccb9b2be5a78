"""Which register sessions a reason is for: the marks it answers, and the days it says ahead.

The marks: unexplained ones of the newest run of absence (a late reply about "yesterday" or
"Monday" attaches to that day's marks instead), within the policy's look-back. Ahead: the school
sessions from today on that the reply itself covers ("off all week", "dentist this afternoon")
and the register has not taken yet; those become an advance notice, never a mark. A reply about
days that start after today ("hospital appointment tomorrow morning") never touches today.
Marks a person coded, present or late marks, and reasons already given are never touched.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from conversations.dates import add_school_days, is_school_day, span_sessions
from conversations.types import (
    Decision,
    Facts,
    KeepNotice,
    MarkFact,
    ReasonStatus,
    RecordReason,
    Session,
    SessionRef,
    Span,
    StudentFact,
)

# Present at registration: never an absence to explain, whatever status a register gives it.
PRESENT_CODES = frozenset({"/", "\\"})


def open_marks(student: StudentFact, facts: Facts) -> list[MarkFact]:
    """Unexplained absence (or late) marks the bot may still explain, within the look-back,
    oldest first."""
    earliest = _school_days_before(facts.today, facts.policy.lookback_school_days, facts)
    return sorted((m for m in student.marks
                   if m.status is ReasonStatus.UNEXPLAINED and not m.set_by_staff
                   and m.code not in PRESENT_CODES and earliest <= m.day <= facts.today),
                  key=lambda m: (m.day, m.session))


def sessions_for(student: StudentFact, span: Span | None, facts: Facts, *,
                 default_today: bool = False) -> tuple[SessionRef, ...]:
    """The sessions a reason about `student` covers (see the module docstring)."""
    marks = open_marks(student, facts)
    chosen: list[MarkFact] = []
    if span and span.start < facts.today:
        chosen = [m for m in marks if span.start <= m.day <= span.end]
    if not chosen and not (span and span.start > facts.today):
        chosen = _newest_episode(marks, facts)
    if span and span.session and span.start <= facts.today <= span.end:
        chosen = [m for m in chosen if m.day != facts.today or m.session is span.session]
    refs = {SessionRef(m.day, m.session) for m in chosen}
    taken = {SessionRef(m.day, m.session) for m in student.marks}
    if span:
        refs |= {ref for ref in span_sessions(span, facts.closed_days)
                 if ref.day >= facts.today and ref not in taken}
    if not refs and default_today and is_school_day(facts.today, facts.closed_days):
        halves = (span.session,) if span and span.session else (Session.AM, Session.PM)
        refs = {SessionRef(facts.today, half) for half in halves} - taken
    return tuple(sorted(refs))


def by_register(record: RecordReason, facts: Facts) -> list[Decision]:
    """A reason split by what the register has taken: the marks it explains are recorded;
    sessions not taken yet are kept as an advance notice, applied when the register brings
    `N` for them (so a mark is never made up, and nothing is written over the register)."""
    taken = {SessionRef(m.day, m.session) for s in facts.students
             if s.student_id == record.student_id for m in s.marks}
    on_marks = tuple(s for s in record.sessions if s in taken)
    ahead = tuple(s for s in record.sessions if s not in taken)
    decisions: list[Decision] = []
    if on_marks:
        decisions.append(replace(record, sessions=on_marks))
    if ahead:
        decisions.append(KeepNotice(
            student_id=record.student_id, intent=record.intent, sessions=ahead,
            status=record.status, suggested_code=record.suggested_code,
            reason_text=record.reason_text))
    return decisions


def within_notice_horizon(sessions: tuple[SessionRef, ...], facts: Facts) -> bool:
    """Whether every session is within the policy's reach for advance notices (further
    ahead, a person decides)."""
    if not sessions:
        return True
    limit = add_school_days(facts.today, facts.policy.max_notice_school_days, facts.closed_days)
    return max(s.day for s in sessions) <= limit


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
