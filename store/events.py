"""A college's or university's timetabled events and each student's attendance at them: what
digests, engagement rules and reports read. Imported by store/event_import.py."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import Integer, String, column, text
from sqlmodel import Session, col, select

from store.audit import audit
from store.clock import Clock
from store.columns import EVENT_STATUSES
from store.errors import InvalidInput, NotFound
from store.models.events import EventAttendance, TimetableEvent
from store.recipients import About
from store.types import UTCDateTime

MISSED = ("absent",)  # what a digest tells a student they missed (late is told apart)


def events_on(session: Session, *, school_id: int, day: date) -> list[TimetableEvent]:
    """A school's events on one day, in the order they start."""
    return list(session.exec(select(TimetableEvent).where(
        TimetableEvent.school_id == school_id, TimetableEvent.day == day)
        .order_by(col(TimetableEvent.starts_at), col(TimetableEvent.id))))


def attendance_on(session: Session, *, school_id: int, day: date,
                  statuses: Collection[str] = ()) -> list[EventAttendance]:
    """Every student's attendance at the day's events (only these statuses, when given)."""
    stmt = select(EventAttendance).where(EventAttendance.school_id == school_id,
                                         EventAttendance.day == day)
    if statuses:
        stmt = stmt.where(col(EventAttendance.status).in_(list(statuses)))
    return list(session.exec(stmt.order_by(col(EventAttendance.student_id),
                                           col(EventAttendance.id))))


def student_events(session: Session, *, student_id: int, start: date,
                   end: date) -> list[tuple[TimetableEvent, EventAttendance]]:
    """One student's events from `start` to `end` (inclusive) with their attendance, in time
    order: a digest's lines, an engagement rule's evidence."""
    rows = session.exec(select(TimetableEvent, EventAttendance)
                        .join(EventAttendance, col(EventAttendance.event_id) == col(
                            TimetableEvent.id))
                        .where(EventAttendance.student_id == student_id,
                               col(EventAttendance.day) >= start, col(EventAttendance.day) <= end)
                        .order_by(col(TimetableEvent.starts_at), col(TimetableEvent.id)))
    return [(event, attendance) for event, attendance in rows]


def attendance_status(session: Session, *, school_id: int, event: str,
                      student_id: int) -> str | None:
    """A student's attendance at the event the school's source system calls `event`."""
    return session.exec(select(EventAttendance.status).join(
        TimetableEvent, col(TimetableEvent.id) == col(EventAttendance.event_id)).where(
        TimetableEvent.school_id == school_id, TimetableEvent.external_id == event,
        EventAttendance.student_id == student_id)).first()


def event_statuses(session: Session, *, student_id: int,
                   event_ids: Collection[int]) -> dict[int, str]:
    """A student's attendance now at these events (an engagement change's evidence), by
    event id."""
    if not event_ids:
        return {}
    return dict(session.exec(select(EventAttendance.event_id, EventAttendance.status).where(
        EventAttendance.student_id == student_id,
        col(EventAttendance.event_id).in_(sorted(event_ids)))).all())


def missed_events(*, school_id: int, day: date, statuses: Collection[str] = MISSED) -> About:
    """The students who missed an event on `day`, as store.recipients.recipients_about takes
    them: whom a day's digests go to, chosen by the school's setting like every run."""
    wanted = ", ".join(f"'{status}'" for status in statuses if status in EVENT_STATUSES)
    if not wanted:
        raise ValueError("missed_events: no known status given")
    return About("SELECT DISTINCT ea.student_id FROM event_attendance ea "
                 "WHERE ea.school_id = :missed_school AND ea.day = :missed_day "
                 f"AND ea.status IN ({wanted})",
                 {"missed_school": school_id, "missed_day": day})


@dataclass(frozen=True, slots=True)
class MissedEvent:
    """One event a student missed, as a digest names it."""

    event_id: int
    starts_at: datetime  # aware UTC
    module: str
    event_type: str
    title: str


def missed_by_student(session: Session, *, school_id: int, day: date,
                      statuses: Collection[str] = MISSED) -> dict[int, list[MissedEvent]]:
    """Each student's missed events on `day`, in the order they started: a day's digests in
    one query (a university's 60,000 event-student pairs hold a few thousand misses)."""
    found: dict[int, list[MissedEvent]] = {}
    for student_id, event, _ in _missed(session, "ea.school_id = :school",
                                        {"school": school_id, "day": day}, statuses):
        found.setdefault(student_id, []).append(event)
    return found


def missed_with_times(session: Session, student_ids: Collection[int], *,
                      day: date) -> dict[int, list[tuple[MissedEvent, datetime]]]:
    """These students' missed events on `day`, each with when its attendance last changed: a
    digest re-checked just before it goes keeps only the events still missed since it was
    composed (scheduling/claims.py)."""
    if not student_ids:
        return {}
    ids = ", ".join(str(int(i)) for i in student_ids)
    found: dict[int, list[tuple[MissedEvent, datetime]]] = {}
    for student_id, event, changed in _missed(session, f"ea.student_id IN ({ids})",
                                              {"day": day}, MISSED):
        found.setdefault(student_id, []).append((event, changed))
    return found


def _missed(session: Session, where: str, params: dict[str, object],
            statuses: Collection[str]) -> Iterator[tuple[int, MissedEvent, datetime]]:
    wanted = [status for status in statuses if status in EVENT_STATUSES]
    marks = ", ".join(f"'{status}'" for status in wanted)
    statement = text(
        "SELECT ea.student_id, e.id, e.starts_at, e.module, e.event_type, e.title, "
        "ea.updated_at FROM event_attendance ea JOIN timetable_event e ON e.id = ea.event_id "
        f"WHERE {where} AND ea.day = :day AND ea.status IN ({marks}) "
        "ORDER BY ea.student_id, e.starts_at, e.id").columns(
        column("student_id", Integer), column("id", Integer),
        column("starts_at", UTCDateTime()), column("module", String),
        column("event_type", String), column("title", String),
        column("updated_at", UTCDateTime()))
    for student_id, event_id, starts_at, module, kind, title, changed in (
            session.connection().execute(statement, params)):
        yield student_id, MissedEvent(event_id, starts_at, module or "", kind or "",
                                      title or ""), changed


def set_event_status(session: Session, clock: Clock, *, attendance_id: int, status: str,
                     actor: str, message_id: int | None = None,
                     certification_id: int | None = None) -> EventAttendance:
    """Change one student's attendance at one event (a self-certification authorising it,
    staff correcting it), audited with the message that caused it, if any; `actor` is "bot"
    or "staff:<id>", which an import that still says absent never undoes. `certification_id`:
    the self-certification whose reason it now stands on (None: none, any more)."""
    if status not in EVENT_STATUSES:
        raise InvalidInput(f"attendance is one of {', '.join(EVENT_STATUSES)}, not {status!r}")
    row = session.get(EventAttendance, attendance_id)
    if row is None:
        raise NotFound(f"no event attendance {attendance_id}")
    if row.status != status:
        old, row.status = row.status, status
        row.set_by, row.updated_at = actor, clock.now()
        row.self_certification_id = certification_id
        session.add(row)
        audit(session, clock, actor=actor, action="event_attendance.updated",
              entity="event_attendance", entity_id=attendance_id, school_id=row.school_id,
              old=old, new=status, message_id=message_id)
    return row


def local_start(event: TimetableEvent, zone: str) -> datetime:
    """When the event starts on the school's clock (for "the seminar at 14:00")."""
    assert event.starts_at is not None
    return event.starts_at.astimezone(ZoneInfo(zone))
