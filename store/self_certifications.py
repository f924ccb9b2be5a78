"""Self-certifications: a college or university student's own report of an absence for some days.

A confirmed one authorises the student's timetabled events in its days: those absent or not yet
taken become `authorised`, each change audited with the message that caused it. An event the
student attended (present, late) is never touched, nor one a member of staff has marked (a
person decides about those: the caller is told how many). Attendance imported afterwards for
those days is authorised by `authorise_certified` (the day's digest run calls it first), and an
import that still says absent never undoes the bot's authorisation (store/event_import.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import text
from sqlmodel import Session, col, select

from conversations.types import Intent, SelfCertification
from store.audit import audit
from store.clock import Clock
from store.events import set_event_status
from store.models import EventAttendance, School
from store.models import SelfCertification as Certificate

CONFIRMED, REPORTED = "confirmed", "reported"
AUTHORISED = "authorised"
BOT = "bot"
# What a student's own word may turn into authorised: never an event they attended.
MAY_AUTHORISE = ("absent", "not_taken")


@dataclass(frozen=True, slots=True)
class Authorised:
    """What authorising a student's days did: events authorised, and events a member of staff
    had marked absent, left for a person."""

    events: int = 0
    staff_marked: int = 0


def certification_rules(school: School) -> SelfCertification | None:
    """The school's self-certification policy for the engine; None at a school (whose students
    report through the register's sessions)."""
    if school.setting == "school":
        return None
    default = SelfCertification()
    return SelfCertification(
        max_days=school.self_cert_max_days,
        reasons=_intents(school.self_cert_reasons, default.reasons),
        evidence_reasons=_intents(school.self_cert_evidence_reasons, default.evidence_reasons))


def record_certification(session: Session, clock: Clock, *, school_id: int, student_id: int,
                         intent: str, start: date, end: date, confirmed: bool, evidence: bool,
                         why: str, reason_text: str, conversation_id: int | None,
                         message_id: int | None) -> tuple[Certificate, Authorised]:
    """Keep the student's report (audited) and, when confirmed, authorise its events."""
    if end < start:
        raise ValueError("record_certification: the last day comes before the first")
    row = Certificate(school_id=school_id, student_id=student_id, intent=intent, start=start,
                      end=end, status=CONFIRMED if confirmed else REPORTED, evidence=evidence,
                      why=why, reason_text=reason_text, conversation_id=conversation_id,
                      message_id=message_id, created_at=clock.now())
    session.add(row)
    session.flush()
    audit(session, clock, actor=BOT, action="self_certification.recorded",
          entity="self_certification", entity_id=row.id, school_id=school_id,
          new=f"{row.status} {intent} {start.isoformat()}..{end.isoformat()}",
          message_id=message_id)
    done = Authorised()
    if confirmed:
        done = authorise_events(session, clock, student_id=student_id, start=start, end=end,
                                message_id=message_id)
    return row, done


def authorise_events(session: Session, clock: Clock, *, student_id: int, start: date,
                     end: date, message_id: int | None = None) -> Authorised:
    """Authorise the student's events from `start` to `end` that were missed or not taken yet
    (never one attended, never one a person marked)."""
    rows = session.exec(select(EventAttendance).where(
        EventAttendance.student_id == student_id, col(EventAttendance.day) >= start,
        col(EventAttendance.day) <= end, col(EventAttendance.status).in_(MAY_AUTHORISE))
        .order_by(col(EventAttendance.day), col(EventAttendance.id))).all()
    return _authorise(session, clock, rows, message_id=message_id)


def authorise_certified(session: Session, clock: Clock, *, school_id: int, day: date) -> int:
    """Authorise the day's missed or untaken events of students with a confirmed
    self-certification covering it (attendance imported after the student reported).
    Returns how many were authorised."""
    ids = [row[0] for row in session.connection().execute(text(
        "SELECT ea.id FROM event_attendance ea "
        "WHERE ea.school_id = :school AND ea.day = :day "
        "AND ea.status IN ('absent', 'not_taken') AND EXISTS (SELECT 1 FROM "
        "self_certification sc WHERE sc.student_id = ea.student_id AND sc.school_id = :school "
        "AND sc.status = :confirmed AND sc.start <= :day AND sc.\"end\" >= :day)"),
        {"school": school_id, "day": day, "confirmed": CONFIRMED})]
    if not ids:
        return 0
    rows = session.exec(select(EventAttendance).where(col(EventAttendance.id).in_(ids))
                        .order_by(col(EventAttendance.id))).all()
    return _authorise(session, clock, rows).events


def certified_students(session: Session, *, school_id: int, day: date) -> set[int]:
    """Students with a confirmed self-certification covering `day` (a digest leaves them out)."""
    return set(session.exec(select(Certificate.student_id).where(
        Certificate.school_id == school_id, Certificate.status == CONFIRMED,
        col(Certificate.start) <= day, col(Certificate.end) >= day)))


def certifications_of(session: Session, *, student_id: int) -> list[Certificate]:
    """A student's self-certifications, newest first (the student page, the replay)."""
    return list(session.exec(select(Certificate).where(Certificate.student_id == student_id)
                             .order_by(col(Certificate.start).desc(),
                                       col(Certificate.id).desc())))


def _authorise(session: Session, clock: Clock, rows: Sequence[EventAttendance], *,
               message_id: int | None = None) -> Authorised:
    events = staff = 0
    for row in rows:
        if row.set_by.startswith("staff"):
            staff += row.status == "absent"
            continue
        assert row.id is not None
        set_event_status(session, clock, attendance_id=row.id, status=AUTHORISED, actor=BOT,
                         message_id=message_id)
        events += 1
    return Authorised(events=events, staff_marked=staff)


def _intents(names: list[str] | None, default: frozenset[Intent]) -> frozenset[Intent]:
    if names is None:
        return default
    known = {intent.value for intent in Intent}
    return frozenset(Intent(name) for name in names if name in known)
