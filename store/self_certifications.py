"""Self-certifications: a college or university student's own report of an absence for some days.

A confirmed one authorises the student's timetabled events in its days: those absent or not yet
taken become `authorised`, each change audited with the message that caused it. An event the
student attended (present, late) is never touched, nor one a member of staff has marked (a
person decides about those: the caller is told how many). Attendance imported afterwards for
those days is authorised by `authorise_certified` (the day's digest run calls it first), and an
import that still says absent never undoes the bot's authorisation (store/event_import.py).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, text
from sqlmodel import Session, col, select

from conversations.types import Intent, SelfCertification
from store.audit import audit
from store.clock import Clock
from store.errors import InvalidInput
from store.events import MISSED, set_event_status
from store.models.events import EventAttendance
from store.models.events import SelfCertification as Certificate
from store.models.schools import School

CONFIRMED, REPORTED = "confirmed", "reported"
# A reported one a member of staff has looked at and authorised (console: the student page),
# or declined (its events stay as they are; the student is told why).
APPROVED, DECLINED = "approved", "declined"
MAX_DECISION_NOTE = 500  # a decline's reason is sent to the student: a short message
# Statuses whose days are authorised (now and as their attendance arrives).
AUTHORISING = (CONFIRMED, APPROVED)
AUTHORISED = "authorised"
BOT = "bot"
# What a student's own word may turn into authorised: never an event they attended.
MAY_AUTHORISE = ("absent", "not_taken")
# The certifications that authorise the row `ea`'s day (parameters `_COVERING` and :day).
_COVERS = ("FROM self_certification sc WHERE sc.student_id = ea.student_id "
           "AND sc.status IN (:confirmed, :approved) AND sc.start <= :day "
           "AND sc.\"end\" >= :day")
_COVERED = f"SELECT 1 {_COVERS}"
_COVERING = {"confirmed": CONFIRMED, "approved": APPROVED}


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
        max_days=school.self_cert_max_days, max_per_term=school.self_cert_max_per_term,
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
        assert row.id is not None
        rows = _may_authorise(session, student_id, start, end)
        done = _authorise(session, clock, [(ea, row.id) for ea in rows], message_id=message_id)
    return row, done


def authorise_certified(session: Session, clock: Clock, *, school_id: int, day: date) -> int:
    """Authorise the day's missed or untaken events of students with a confirmed
    self-certification covering it (attendance imported after the student reported).
    Returns how many were authorised."""
    # Each row with the certification it stands on (the first made, when two cover the day).
    covering: dict[int, int] = dict(session.connection().execute(text(
        f"SELECT ea.id, (SELECT MIN(sc.id) {_COVERS}) FROM event_attendance ea "
        "WHERE ea.school_id = :school AND ea.day = :day "
        f"AND ea.status IN ('absent', 'not_taken') AND EXISTS ({_COVERED})"),
        {"school": school_id, "day": day} | _COVERING).all())
    if not covering:
        return 0
    rows = session.exec(select(EventAttendance).where(col(EventAttendance.id).in_(covering))
                        .order_by(col(EventAttendance.id))).all()
    return _authorise(session, clock, [(ea, covering[ea.id or 0]) for ea in rows]).events


def certified_students(session: Session, *, school_id: int, day: date) -> set[int]:
    """Students with a confirmed self-certification covering `day` (a digest leaves them out)."""
    return set(session.exec(select(Certificate.student_id).where(
        Certificate.school_id == school_id, col(Certificate.status).in_(AUTHORISING),
        col(Certificate.start) <= day, col(Certificate.end) >= day)))


def still_missed(session: Session, student_ids: Collection[int], *, day: date) -> set[int]:
    """Those of these students who still have a missed event on `day` and no certification
    covering it (a dispatcher's last check before a digest goes: the student may have
    self-certified, or a person authorised their report, since it was composed)."""
    if not student_ids:
        return set()
    ids = ", ".join(str(int(i)) for i in student_ids)
    missed = ", ".join(f"'{status}'" for status in MISSED)
    return {row[0] for row in session.connection().execute(text(
        f"SELECT DISTINCT ea.student_id FROM event_attendance ea WHERE ea.student_id IN ({ids}) "
        f"AND ea.day = :day AND ea.status IN ({missed}) AND NOT EXISTS ({_COVERED})"),
        {"day": day} | _COVERING)}


def made_since(session: Session, student_ids: Sequence[int], *, since: date) -> int:
    """The most self-certifications any of these students has made for days from `since` (the
    term's count a per-term limit is checked against; a sender is one student as a rule)."""
    if not student_ids:
        return 0
    counts = session.exec(select(func.count()).select_from(Certificate).where(
        col(Certificate.student_id).in_(student_ids), col(Certificate.start) >= since)
        .group_by(col(Certificate.student_id))).all()
    return max(counts, default=0)


def certifications_of(session: Session, *, student_id: int) -> list[Certificate]:
    """A student's self-certifications, newest first (the student page, the replay)."""
    return list(session.exec(select(Certificate).where(Certificate.student_id == student_id)
                             .order_by(col(Certificate.start).desc(),
                                       col(Certificate.id).desc())))


def certification_by_id(session: Session, certification_id: int) -> Certificate | None:
    return session.get(Certificate, certification_id)


def approve_certification(session: Session, clock: Clock, *, certification_id: int,
                          student_id: int, actor: str) -> int:
    """A member of staff authorises a reported self-certification (one that went beyond the
    policy to a person): it becomes `approved` and the student's events in its days that were
    missed or not taken are authorised by that person, staff-marked ones too (a person decides
    now), never one attended. Audited with the actor. Returns how many events were authorised.
    Refuses (InvalidInput, nothing changed) one of another student or not `reported`."""
    row = _waiting(session, certification_id, student_id)
    _decide(session, clock, row, status=APPROVED, actor=actor)
    rows = _may_authorise(session, student_id, row.start, row.end)
    return _authorise(session, clock, [(ea, certification_id) for ea in rows],
                      actor=actor).events


def decline_certification(session: Session, clock: Clock, *, certification_id: int,
                          student_id: int, actor: str, reason: str) -> Certificate:
    """A member of staff declines a reported self-certification, saying why (the student is
    told): it becomes `declined` and its events stay as they are (unauthorised). Audited with
    the actor and the reason. Refuses (InvalidInput, nothing changed) one of another student,
    one not `reported`, or no reason."""
    note = " ".join(reason.split())
    if not note:
        raise InvalidInput("Say why the self-certification is declined: the student is told.",
                           problem="decline_why")
    if len(note) > MAX_DECISION_NOTE:
        raise InvalidInput(f"Keep the reason under {MAX_DECISION_NOTE} characters.",
                           problem="decline_long", most=str(MAX_DECISION_NOTE))
    row = _waiting(session, certification_id, student_id)
    _decide(session, clock, row, status=DECLINED, actor=actor, note=note)
    return row


def _waiting(session: Session, certification_id: int, student_id: int) -> Certificate:
    """The student's self-certification waiting for a person, or InvalidInput."""
    row = session.get(Certificate, certification_id)
    if row is None or row.student_id != student_id:
        raise InvalidInput("No such self-certification for this student.",
                           problem="certification_unknown")
    if row.status != REPORTED:
        raise InvalidInput("This self-certification is not waiting for a person.",
                           problem="certification_decided")
    return row


def _decide(session: Session, clock: Clock, row: Certificate, *, status: str, actor: str,
            note: str | None = None) -> None:
    row.status, row.decided_by, row.decided_at, row.decision_note = (
        status, actor, clock.now(), note)
    session.add(row)
    audit(session, clock, actor=actor, action=f"self_certification.{status}",
          entity="self_certification", entity_id=row.id, school_id=row.school_id,
          old=REPORTED, new=f"{status} {row.intent} {row.start.isoformat()}.."
                            f"{row.end.isoformat()}" + (f": {note}" if note else ""))


def _may_authorise(session: Session, student_id: int, start: date,
                   end: date) -> Sequence[EventAttendance]:
    """The student's events from `start` to `end` missed or not taken yet, in time order."""
    return session.exec(select(EventAttendance).where(
        EventAttendance.student_id == student_id, col(EventAttendance.day) >= start,
        col(EventAttendance.day) <= end, col(EventAttendance.status).in_(MAY_AUTHORISE))
        .order_by(col(EventAttendance.day), col(EventAttendance.id))).all()


def _authorise(session: Session, clock: Clock,
               rows: Sequence[tuple[EventAttendance, int | None]], *,
               message_id: int | None = None, actor: str = BOT) -> Authorised:
    """Authorise these events, each on its self-certification (kept on the row: the events
    list shows its reason)."""
    events = staff = 0
    for row, certification_id in rows:
        if actor == BOT and row.set_by.startswith("staff"):
            staff += row.status == "absent"
            continue
        assert row.id is not None
        set_event_status(session, clock, attendance_id=row.id, status=AUTHORISED, actor=actor,
                         message_id=message_id, certification_id=certification_id)
        events += 1
    return Authorised(events=events, staff_marked=staff)


def _intents(names: list[str] | None, default: frozenset[Intent]) -> frozenset[Intent]:
    if names is None:
        return default
    known = {intent.value for intent in Intent}
    return frozenset(Intent(name) for name in names if name in known)
