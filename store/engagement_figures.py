"""Event attendance as the engagement rules read it, for a whole institution in one query, and
the evidence behind one student's status (the events they missed, their replies).

The query sums each student's taken, mandatory events per module in one pass (a hash join and a
GROUP BY, the same SQL on SQLite and PostgreSQL), keeping the last attended event of each
module. A run of missed events is counted only where it can meet a rule (a module with at
least the rule's number of absences): the absences after its last attended event, read through
the (student, day) index from that day on. Ranking every student's events with window
functions sorts the whole window's attendance instead, five times slower on 1.2 million rows.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime
from typing import Any

from sqlalchemy import and_, case, func, literal, or_, select, text
from sqlmodel import Session, col

from store.database import in_chunks
from store.engagement_rules import Figures, Policy
from store.models.conversations import ConversationStudent, Message
from store.models.events import EventAttendance, TimetableEvent
from store.models.people import Student

ATTENDED = ("present", "late")
TAKEN = ("present", "late", "absent")
EVIDENCE_EVENTS = 12  # the latest missed events kept as a change's evidence
EVIDENCE_REPLIES = 10  # and the student's latest replies
WORK_MEM = "64MB"  # PostgreSQL, for this transaction only
_ATTENDANCE = EventAttendance.__table__  # type: ignore[attr-defined]
_EVENT = TimetableEvent.__table__  # type: ignore[attr-defined]


def engagement_figures(session: Session, *, school_id: int, day: date, policy: Policy,
                       visa_only: bool = False, exact: bool = False) -> dict[int, Figures]:
    """Every student of the school with taken events in the policy's window up to `day`
    (only visa-sponsored ones with `visa_only`), by student id. Runs of missed events shorter
    than the policy's rule are left uncounted (None) unless `exact` (a page showing a few
    students' figures)."""
    if session.get_bind().dialect.name == "postgresql":
        # One big aggregate: compiling it (JIT) costs more than it saves, and with the default
        # 4 MB of work memory its 60,000 groups (20,000 students) spill to disk.
        session.connection().execute(text(f"SET LOCAL work_mem = '{WORK_MEM}'"))
        session.connection().execute(text("SET LOCAL jit = off"))
    modules = _modules(school_id=school_id, day=day, policy=policy, visa_only=visa_only)
    in_module = policy.missed_in_module or (1 if exact else 0)
    in_row = policy.missed_in_row or (1 if exact else 0)
    runs = (select(modules, _run(modules, day=day, least=in_module, module=True).label("run"))
            .cte("runs"))
    students = (select(
        runs.c.student_id, func.sum(runs.c.attended).label("attended"),
        func.sum(runs.c.missed).label("missed"),
        func.sum(runs.c.missed_lately).label("missed_lately"),
        func.sum(runs.c.attended_lately).label("attended_lately"),
        func.max(runs.c.run).label("in_module"),
        func.sum(runs.c.missed_all).label("missed_all"),
        func.max(runs.c.last_at).label("last_at"),
        func.max(runs.c.last_attended).label("last_attended"))
        .group_by(runs.c.student_id).cte("students"))
    found = {}
    for row in session.connection().execute(
            select(students, _run(students, day=day, least=in_row, module=False))):
        found[row.student_id] = Figures(
            student_id=row.student_id, attended=int(row.attended), missed=int(row.missed),
            missed_lately=int(row.missed_lately), attended_lately=int(row.attended_lately),
            in_module=_count(row.in_module), in_row=_count(row[-1]),
            last_attended=_day(row.last_attended))
    return found


def _modules(*, school_id: int, day: date, policy: Policy, visa_only: bool) -> Any:
    """Per student and module: events attended and missed in the policy's periods, and the
    last attended event (its start and day)."""
    attendance, event = _ATTENDANCE, _EVENT
    attended = attendance.c.status.in_(ATTENDED)
    missed = attendance.c.status == "absent"

    def count(condition: Any, since: date) -> Any:
        return func.sum(case((and_(condition, attendance.c.day >= since), 1), else_=0))

    stmt = (select(attendance.c.student_id, event.c.module,
                   count(attended, policy.percent_start(day)).label("attended"),
                   count(missed, policy.percent_start(day)).label("missed"),
                   count(missed, policy.quiet_start(day)).label("missed_lately"),
                   count(attended, policy.quiet_start(day)).label("attended_lately"),
                   count(missed, policy.window_start(day)).label("missed_all"),
                   func.max(case((attended, event.c.starts_at), else_=None)).label("last_at"),
                   func.max(case((attended, attendance.c.day), else_=None)
                            ).label("last_attended"))
            .join(event, event.c.id == attendance.c.event_id)
            .where(attendance.c.school_id == school_id,
                   attendance.c.day >= policy.window_start(day), attendance.c.day <= day,
                   attendance.c.status.in_(TAKEN), event.c.mandatory.is_(True))
            .group_by(attendance.c.student_id, event.c.module))
    if visa_only:
        stmt = stmt.join(Student.__table__,  # type: ignore[attr-defined]
                         and_(col(Student.id) == attendance.c.student_id,
                              col(Student.visa_sponsored).is_(True)))
    # Summed once, before the runs are counted from it (each row's count reads the index).
    return stmt.cte("modules").prefix_with("MATERIALIZED")


def _run(rows: Any, *, day: date, least: int, module: bool) -> Any:
    """The run of missed events ending with the latest (of the row's module, or any), where
    the row has at least `least` absences in the window; 0 without any, NULL where it cannot
    meet the rule (or `least` is 0: the rule is off). Never attended in the window: every
    absence."""
    if not least:
        return literal(None)
    attendance, event = _ATTENDANCE.alias("later"), _EVENT.alias("later_event")
    after = (select(func.count())
             .select_from(attendance.join(event, event.c.id == attendance.c.event_id))
             .where(attendance.c.student_id == rows.c.student_id,
                    attendance.c.day >= rows.c.last_attended, attendance.c.day <= day,
                    attendance.c.status == "absent", event.c.mandatory.is_(True),
                    event.c.starts_at > rows.c.last_at))
    if module:
        after = after.where(or_(event.c.module == rows.c.module,
                                and_(event.c.module.is_(None), rows.c.module.is_(None))))
    return case((rows.c.missed_all == 0, 0), (rows.c.missed_all < least, None),
                (rows.c.last_at.is_(None), rows.c.missed_all),
                else_=after.scalar_subquery())


def _count(value: object) -> int | None:
    return None if value is None else int(str(value))


def _day(value: object) -> date | None:
    # SQLite hands MAX() over a date column back as its text.
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def missed_events(session: Session, *, student_ids: Collection[int], start: date,
                  end: date) -> dict[int, list[int]]:
    """Each student's missed mandatory events from `start` to `end`, the latest first (at
    most `EVIDENCE_EVENTS` each, cut in the query), as timetable_event ids."""
    found: dict[int, list[int]] = {}
    for chunk in in_chunks(sorted(set(student_ids))):
        ranked = (select(col(EventAttendance.student_id).label("student_id"),
                         col(TimetableEvent.id).label("event_id"),
                         func.row_number().over(
                             partition_by=col(EventAttendance.student_id),
                             order_by=(col(TimetableEvent.starts_at).desc(),
                                       col(TimetableEvent.id).desc())).label("latest"))
                  .join(TimetableEvent, col(TimetableEvent.id) == col(EventAttendance.event_id))
                  .where(col(EventAttendance.student_id).in_(chunk),
                         col(EventAttendance.day) >= start, col(EventAttendance.day) <= end,
                         col(EventAttendance.status) == "absent",
                         col(TimetableEvent.mandatory).is_(True)).subquery())
        stmt = (select(ranked.c.student_id, ranked.c.event_id)
                .where(ranked.c.latest <= EVIDENCE_EVENTS)
                .order_by(ranked.c.student_id, ranked.c.latest))
        for student_id, event_id in session.connection().execute(stmt):
            found.setdefault(student_id, []).append(event_id)
    return found


def replies_since(session: Session, *, student_ids: Collection[int],
                  since: datetime) -> dict[int, list[int]]:
    """Each student's conversations' messages received since `since` (what they, or their
    contacts, replied), the latest first, at most `EVIDENCE_REPLIES` each, as message ids."""
    found: dict[int, list[int]] = {}
    for chunk in in_chunks(sorted(set(student_ids))):
        stmt = (select(col(ConversationStudent.student_id), col(Message.id))
                .join(Message, col(Message.conversation_id)
                      == col(ConversationStudent.conversation_id))
                .where(col(ConversationStudent.student_id).in_(chunk),
                       col(Message.direction) == "in", col(Message.created_at) >= since)
                .order_by(col(ConversationStudent.student_id), col(Message.id).desc()))
        for student_id, message_id in session.connection().execute(stmt):
            replies = found.setdefault(student_id, [])
            if message_id is not None and len(replies) < EVIDENCE_REPLIES:
                replies.append(message_id)
    return found
