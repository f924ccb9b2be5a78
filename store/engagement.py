"""Each college or university student's engagement status, and its history.

`recompute` reads the whole institution's event attendance in one query per track
(store/engagement_figures.py), applies the school's rules (store/engagement_rules.py) and writes
only what changed: the student's status row, a history row with the evidence (the events they
missed, their replies) and an audit entry. A student put at risk gets a task for their Personal
Tutor; a visa-sponsored student crossing the sponsor's policy, one for the UKVI compliance
role. People move a student too (`move`): the tutor made contact (intervention), a referral,
re-engaged by hand, a visa decision.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import bindparam, insert, update
from sqlmodel import Session, col, select

from conversations.whys import Why
from store.audit import audit, audit_many
from store.clock import Clock
from store.database import in_chunks
from store.engagement_figures import engagement_figures, missed_events, replies_since
from store.engagement_rules import (
    AT_RISK,
    CROSSED,
    ENGAGEMENT,
    RE_ENGAGED,
    RULES,
    TRACKS,
    VISA,
    Figures,
    Policy,
    after_rules,
    policy_of,
    rules_met,
)
from store.escalations import Task, open_tasks, open_tasks_of, resolve_escalation
from store.models.engagement import EngagementChange, EngagementStatus
from store.models.people import Student
from store.models.schools import School
from store.staff import Role, first_with_role

REVIEW_INTENT = "engagement_review"  # the Personal Tutor's task: a student at risk
VISA_INTENT = "visa_compliance"  # the compliance role's task: a sponsor's policy crossed
RULE_WORDS = {"missed_in_module": "missed {n} events of one module in a row",
              "missed_in_row": "missed {n} events in a row",
              "below_percent": "attendance {percent}% over {weeks} weeks (under {min}%)",
              "days_without": "no attended event in {days} days"}


@dataclass
class Recomputed:
    """What one track's recompute found and did at one school."""

    track: str
    students: int = 0  # with taken events in the window
    met: int = 0  # meeting a rule
    moved: Counter[str] = field(default_factory=Counter)  # by the status moved to
    tasks: int = 0


def recompute(session: Session, clock: Clock, *, school: School, day: date) -> list[Recomputed]:
    """Every student's status on both tracks, from the attendance up to `day` (the school's
    local date); a percentage counts from the school's `min_possible_sessions` events."""
    return [_recompute(session, clock, school=school, policy=policy_of(school, track),
                       day=day, min_possible=school.min_possible_sessions) for track in TRACKS]


def _recompute(session: Session, clock: Clock, *, school: School, policy: Policy, day: date,
               min_possible: int) -> Recomputed:
    assert school.id is not None
    track = policy.track
    figures = engagement_figures(session, school_id=school.id, day=day, policy=policy,
                                 visa_only=track == VISA)
    met = {student_id: rules for student_id, found in figures.items()
           if (rules := rules_met(policy, found, min_possible=min_possible))}
    current = statuses(session, school_id=school.id, track=track)
    moves = {student_id: status for student_id in met.keys() | current.keys()
             if (status := after_rules(track, current[student_id][1]
                                       if student_id in current else None,
                                       met=student_id in met)) is not None}
    report = Recomputed(track=track, students=len(figures), met=len(met))
    flagged = sorted(student_id for student_id, status in moves.items()
                     if status in (AT_RISK, CROSSED))
    start = policy.window_start(day)
    events = missed_events(session, student_ids=flagged, start=start, end=day)
    replies = replies_since(session, student_ids=flagged,
                            since=datetime.combine(start, time(), UTC))
    tasks = open_tasks(session, clock, _tasks(
        session, school_id=school.id, track=track, student_ids=flagged, policy=policy,
        figures=figures, met=met, min_possible=min_possible))
    report.tasks = len(tasks)
    if track == ENGAGEMENT:
        close_tasks(session, clock, student_ids=[student_id for student_id, status
                                                 in moves.items() if status == RE_ENGAGED])
    write_moves(session, clock, [Move(
        school_id=school.id, student_id=student_id, track=track, status=status,
        actor="system", status_id=current[student_id][0] if student_id in current else None,
        old=current[student_id][1] if student_id in current else None,
        rules=met.get(student_id, ()),
        figures=figures[student_id].as_json(min_possible) if student_id in figures else {},
        events=tuple(events.get(student_id, ())), messages=tuple(replies.get(student_id, ())),
        task_id=tasks.get(student_id)) for student_id, status in sorted(moves.items())])
    report.moved.update(moves.values())
    return report


def _tasks(session: Session, *, school_id: int, track: str, student_ids: Sequence[int],
           policy: Policy, figures: dict[int, Figures], met: dict[int, tuple[str, ...]],
           min_possible: int) -> list[Task]:
    """The Personal Tutor's task for each student put at risk (unassigned without one), or
    the compliance role's for each visa student crossing the sponsor's policy."""
    if track == ENGAGEMENT:
        tutors = tutors_of(session, student_ids)
        return [Task(school_id=school_id, student_id=student_id, intent=REVIEW_INTENT,
                     assigned_user_id=tutors.get(student_id),
                     why=_why("at_risk", policy, figures[student_id], met[student_id],
                              min_possible=min_possible))
                for student_id in student_ids]
    officer = first_with_role(session, school_id=school_id, role=Role.COMPLIANCE)
    return [Task(school_id=school_id, student_id=student_id, intent=VISA_INTENT,
                 assigned_user_id=officer.id if officer else None,
                 why=_why("visa_crossed", policy, figures[student_id], met[student_id],
                          min_possible=min_possible))
            for student_id in student_ids]


def why(policy: Policy, figures: Figures, met: Sequence[str], *, min_possible: int) -> str:
    """The rules a student met, in words, for the task (staff read it with the evidence)."""
    numbers = _rule_numbers(policy, figures, min_possible=min_possible)
    return "; ".join(RULE_WORDS[rule].format(
        n=numbers[rule], percent=numbers["percent"], weeks=policy.weeks,
        min=policy.min_percent, days=policy.days_without) for rule in met if rule in RULES)


def _rule_numbers(policy: Policy, figures: Figures, *, min_possible: int) -> dict[str, Any]:
    return {"missed_in_module": figures.in_module, "missed_in_row": figures.in_row,
            "below_percent": 0, "days_without": 0, "percent": figures.percent(min_possible),
            "weeks": policy.weeks, "min": policy.min_percent, "days": policy.days_without}


def _why(code: str, policy: Policy, figures: Figures, met: Sequence[str], *,
         min_possible: int) -> Why:
    """A task's reason: the rules met, with the figures the console words them with."""
    return Why(code, rules=why(policy, figures, met, min_possible=min_possible),
               met=[rule for rule in met if rule in RULES],
               **_rule_numbers(policy, figures, min_possible=min_possible))


@dataclass(frozen=True, slots=True)
class Move:
    """One student put on a status: by the rules (`actor` system) or by a person."""

    school_id: int
    student_id: int
    track: str
    status: str
    actor: str
    old: str | None = None  # the status they stood at (None: never flagged)
    status_id: int | None = None  # their status row, when they have one
    rules: Sequence[str] = ()
    figures: dict[str, object] = field(default_factory=dict)
    events: Sequence[int] = ()  # the timetabled events missed
    messages: Sequence[int] = ()  # their replies
    note: str | None = None
    task_id: int | None = None
    due_on: date | None = None


def write_moves(session: Session, clock: Clock, moves: Sequence[Move]) -> None:
    """Put each student on their new status now: the status row (inserted or updated), a
    history row with the evidence, an audit entry. Set-wise (executemany, no RETURNING): a
    first recompute moves thousands of students in a handful of statements. The one way a
    status changes, by the rules or a person."""
    if not moves:
        return
    now = clock.now()
    connection = session.connection()
    table = EngagementStatus.__table__  # type: ignore[attr-defined]
    values = [{"status": m.status, "since": now, "rules": list(m.rules), "due_on": m.due_on}
              for m in moves]
    new = [{"school_id": m.school_id, "student_id": m.student_id, "track": m.track, **v}
           for m, v in zip(moves, values, strict=True) if m.status_id is None]
    known = [{"row_id": m.status_id, **v}
             for m, v in zip(moves, values, strict=True) if m.status_id is not None]
    if new:
        connection.execute(insert(table), new)
    if known:
        connection.execute(update(table).where(table.c.id == bindparam("row_id")), known)
    connection.execute(insert(EngagementChange), [dict(
        school_id=m.school_id, student_id=m.student_id, track=m.track, old_status=m.old,
        status=m.status, at=now, actor=m.actor, rules=list(m.rules),
        figures=json.dumps(m.figures, sort_keys=True, default=str), events=list(m.events),
        messages=list(m.messages), note=m.note, task_id=m.task_id, due_on=m.due_on)
        for m in moves])
    audit_many(session, clock, [dict(
        actor=m.actor, action=f"{m.track}.status", entity="student", entity_id=m.student_id,
        school_id=m.school_id, old=m.old, new=m.status) for m in moves])
    for row in list(session.identity_map.values()):
        if isinstance(row, EngagementStatus):
            session.expire(row)  # written around the session: read again when next used


def move(session: Session, clock: Clock, *, student: Student, track: str, status: str,
         actor: str, note: str | None = None, task_id: int | None = None,
         due_on: date | None = None) -> str | None:
    """A person puts one student on a status; the status they stood at (None: never
    flagged)."""
    assert student.id is not None
    row = status_of(session, student_id=student.id, track=track)
    old = row.status if row else None
    write_moves(session, clock, [Move(
        school_id=student.school_id, student_id=student.id, track=track, status=status,
        actor=actor, old=old, status_id=row.id if row else None,
        rules=row.rules if row else (), note=note, task_id=task_id, due_on=due_on)])
    return old


def close_tasks(session: Session, clock: Clock, *, student_ids: Collection[int],
                intent: str = REVIEW_INTENT, actor: str = "system") -> None:
    """These students' open tasks of `intent` are done: the Personal Tutors' reviews of
    students re-engaged, or a visa crossing decided."""
    for task in open_tasks_of(session, student_ids=student_ids, intents=(intent,)):
        old = task.status
        resolve_escalation(session, task, at=clock.now())
        audit(session, clock, actor=actor, action="escalation.resolved",
              entity="escalation", entity_id=task.id, school_id=task.school_id, old=old,
              new="resolved")


def statuses(session: Session, *, school_id: int, track: str) -> dict[int, tuple[int, str]]:
    """Every student of the school with a status row on the track: their row's id and
    status, by student id."""
    return {student_id: (row_id, status) for row_id, student_id, status in session.exec(
        select(EngagementStatus.id, EngagementStatus.student_id, EngagementStatus.status)
        .where(EngagementStatus.school_id == school_id, EngagementStatus.track == track))
        if row_id is not None}


def status_of(session: Session, *, student_id: int, track: str) -> EngagementStatus | None:
    """Where a student stands on a track (None: never flagged)."""
    return session.exec(select(EngagementStatus).where(
        EngagementStatus.student_id == student_id, EngagementStatus.track == track)).first()


def history_of(session: Session, *, student_id: int,
               track: str | None = None) -> list[EngagementChange]:
    """A student's status changes, the latest first (one track, or both)."""
    stmt = select(EngagementChange).where(EngagementChange.student_id == student_id)
    if track is not None:
        stmt = stmt.where(EngagementChange.track == track)
    return list(session.exec(stmt.order_by(col(EngagementChange.at).desc(),
                                           col(EngagementChange.id).desc())))


def tutors_of(session: Session, student_ids: Collection[int]) -> dict[int, int]:
    """Each of these students' Personal Tutor (staff id), for those who have one."""
    found: dict[int, int] = {}
    for chunk in in_chunks(sorted(set(student_ids))):
        found |= {student_id: tutor_id for student_id, tutor_id in session.exec(
            select(Student.id, Student.personal_tutor_id).where(
                col(Student.id).in_(chunk), col(Student.personal_tutor_id).is_not(None)))
            if student_id is not None and tutor_id is not None}
    return found
