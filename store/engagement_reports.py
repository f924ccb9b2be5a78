"""Reports on college and university students' engagement (issue 22, item 8).

- A cohort's attendance at its timetabled events, by course, module, year of study or week, for
  a range of days: one GROUP BY over the attendance (the charts and their CSV); and how many
  of its students stand at risk, in intervention or referred now, by course or year of study.
- One student's engagement and intervention history for an ad hoc request: every event with
  its attendance, their self-certifications, meetings and the messages about them, in time
  order, with their attendance per module (the PDF and CSV). Safeguarding conversations are
  left out for a reader who may not read them, as on the student's page.

Attendance counts as the engagement rules read it: attended is present or late, of the events
taken (present, late, absent); authorised absences and events not taken yet count for neither.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Date, case, cast, func, literal_column
from sqlmodel import Session, col, select

from store.casework_meetings import meetings_of
from store.confidential import Reader, works_with
from store.conversations import conversations_about, safeguarding_conversation_ids
from store.engagement import history_of
from store.engagement_rules import AT_RISK, ENGAGEMENT, INTERVENTION, RE_ENGAGED, REFERRED
from store.events import student_events
from store.messages import messages_of_conversation
from store.models.engagement import EngagementStatus
from store.models.events import EventAttendance, SelfCertification, TimetableEvent
from store.models.people import Student

COHORTS = ("course", "module", "year", "week")
STATUS_COHORTS = ("course", "year")  # statuses are a student's, not a module's or a week's
FLAGGED_NOW = (AT_RISK, INTERVENTION, REFERRED)  # the engagement track's, as the charts split
STATUS_FIELDS = ("cohort", "students", *FLAGGED_NOW, RE_ENGAGED)
COHORT_FIELDS = ("cohort", "students", "present", "late", "absent", "authorised", "percent")
HISTORY_FIELDS = ("day", "time", "kind", "what", "status", "by", "detail")
NOT_GIVEN = "—"
WINDOW_DAYS = 27  # a cohort report's default window: four weeks to today
HISTORY_DAYS = 365  # a student's history: the last year by default


@dataclass(frozen=True, slots=True)
class CohortLine:
    """One cohort's attendance at its events (or one student's at one module's)."""

    cohort: str
    students: int
    present: int
    late: int
    absent: int
    authorised: int
    percent: float | None  # attended (present, late) of taken, one decimal; None: none taken

    @classmethod
    def of(cls, cohort: str, *, students: int, present: int, late: int, absent: int,
           authorised: int) -> CohortLine:
        taken = present + late + absent
        return cls(cohort=cohort, students=students, present=present, late=late, absent=absent,
                   authorised=authorised,
                   percent=round(100 * (present + late) / taken, 1) if taken else None)

    @property
    def attended(self) -> int:
        return self.present + self.late

    @property
    def taken(self) -> int:
        return self.present + self.late + self.absent

    @property
    def summary(self) -> str:
        """"84.9% (2700/3182)": the percentage with the events attended of those taken."""
        if self.percent is None:
            return NOT_GIVEN
        return f"{self.percent:.1f}% ({self.attended}/{self.taken})"


@dataclass(frozen=True, slots=True)
class StatusLine:
    """How many of a cohort's students stand at each engagement status now (no status row:
    engaged)."""

    cohort: str
    students: int
    at_risk: int
    intervention: int
    referred: int
    re_engaged: int


@dataclass(frozen=True, slots=True)
class HistoryLine:
    """One thing in a student's history, as the CSV has it (codes, not words)."""

    day: date
    time: str  # "10:00" on the school's clock, "" for a whole-day entry
    kind: str  # event | self_certification | meeting | message | status (engagement, visa)
    what: str
    status: str
    by: str
    detail: str


def cohort_engagement(session: Session, *, school_id: int, start: date, end: date,
                      by: str) -> list[CohortLine]:
    """The school's attendance from `start` to `end` (inclusive) per cohort: by course, module
    or year of study (lowest attendance first, the ones to act on), or by week (in order)."""
    if by not in COHORTS:
        raise ValueError(f"cohort_engagement: by is one of {COHORTS}, not {by!r}")
    key = _cohort_key(session, by).label("cohort")
    counts = [func.sum(case((col(EventAttendance.status) == status, 1), else_=0)).label(status)
              for status in ("present", "late", "absent", "authorised")]
    rows = session.connection().execute(
        select(key, func.count(func.distinct(EventAttendance.student_id)), *counts)
        .select_from(EventAttendance)
        .join(TimetableEvent, col(TimetableEvent.id) == col(EventAttendance.event_id))
        .join(Student, col(Student.id) == col(EventAttendance.student_id))
        .where(EventAttendance.school_id == school_id, col(EventAttendance.day) >= start,
               col(EventAttendance.day) <= end)
        .group_by(key))
    lines = [CohortLine.of(_cohort_name(row[0], by), students=row[1], present=row[2] or 0,
                           late=row[3] or 0, absent=row[4] or 0, authorised=row[5] or 0)
             for row in rows]
    return sorted(lines, key=lambda line: line.cohort) if by == "week" else _lowest_first(lines)


def cohort_statuses(session: Session, *, school_id: int, by: str) -> list[StatusLine]:
    """Every student of the school by course or year of study, counted by where they stand
    now on the engagement track (store/engagement.py), most flagged first."""
    if by not in STATUS_COHORTS:
        raise ValueError(f"cohort_statuses: by is one of {STATUS_COHORTS}, not {by!r}")
    key = _cohort_key(session, by).label("cohort")
    counts = [func.sum(case((col(EngagementStatus.status) == status, 1), else_=0))
              for status in (*FLAGGED_NOW, RE_ENGAGED)]
    rows = session.connection().execute(
        select(key, func.count(col(Student.id)), *counts).select_from(Student)
        .outerjoin(EngagementStatus, (col(EngagementStatus.student_id) == col(Student.id))
                   & (col(EngagementStatus.track) == ENGAGEMENT))
        .where(Student.school_id == school_id).group_by(key))
    lines = [StatusLine(_cohort_name(row[0], by), row[1], *(int(n or 0) for n in row[2:]))
             for row in rows]
    return sorted(lines, key=lambda line: (-(line.at_risk + line.intervention + line.referred),
                                           line.cohort))


def _cohort_key(session: Session, by: str) -> Any:
    if by == "course":
        return col(Student.course)
    if by == "module":
        return col(TimetableEvent.module)
    if by == "year":
        return col(Student.year_group)
    # The Monday of the event's week, on either database.
    if session.get_bind().dialect.name == "postgresql":
        return cast(func.date_trunc("week", col(EventAttendance.day)), Date)
    return func.date(col(EventAttendance.day), literal_column("'weekday 0'"),
                     literal_column("'-6 days'"))


def _cohort_name(value: Any, by: str) -> str:
    if value is None or value == "":
        return NOT_GIVEN
    if by == "week":
        return (value if isinstance(value, date) else date.fromisoformat(str(value))).isoformat()
    return str(value)


def engagement_history(session: Session, *, student: Student, timezone: str, start: date,
                       end: date, reads_safeguarding: bool,
                       reader: Reader | None) -> list[HistoryLine]:
    """Everything about one student's engagement from `start` to `end`, in time order (see
    the module doc): a Personal Tutor's confidential meetings, and a person's note on a status
    change (why they referred the student), only for a `reader` who may read them
    (store/confidential.py)."""
    assert student.id is not None
    zone = ZoneInfo(timezone)
    lines = [HistoryLine(day=event.day, time=_clock(event.starts_at, zone), kind="event",
                         what=event.module or event.external_id, status=attendance.status,
                         by=attendance.set_by,
                         detail=": ".join(filter(None, (event.event_type, event.title))))
             for event, attendance in student_events(session, student_id=student.id,
                                                     start=start, end=end)]
    lines += [HistoryLine(day=c.start, time="", kind="self_certification", what=c.intent,
                          status=c.status, by="student",
                          detail=f"{c.start.isoformat()} to {c.end.isoformat()}"
                                 f"{'; evidence' if c.evidence else ''}"
                                 f"{'; ' + c.why if c.why else ''}: {c.reason_text}")
              for c in _self_certifications(session, student_id=student.id, start=start,
                                            end=end)]
    lines += [HistoryLine(day=m.held_on, time="", kind="meeting", what=", ".join(m.attendees),
                          status="review " + m.review_on.isoformat() if m.review_on else "",
                          by=f"staff:{m.recorded_by}" if m.recorded_by else "", detail=m.actions)
              for m in meetings_of(session, student_id=student.id, reader=reader)
              if start <= m.held_on <= end]
    notes = reader is not None and works_with(reader, student)
    lines += [HistoryLine(day=(at := (c.at or datetime.min).astimezone(zone)).date(),
                          time=f"{at:%H:%M}", kind="status", what=c.track, status=c.status,
                          by=c.actor, detail="; ".join(filter(None, (", ".join(c.rules), (
                              c.note if notes or _wrote(reader, c.actor) else None)))))
              for c in history_of(session, student_id=student.id)
              if c.at is not None and start <= c.at.astimezone(zone).date() <= end]
    lines += _messages(session, student_id=student.id, zone=zone, start=start, end=end,
                       reads_safeguarding=reads_safeguarding)
    return sorted(lines, key=lambda line: (line.day, line.time, line.kind))


def _wrote(reader: Reader | None, actor: str) -> bool:
    """Whether the reader wrote it (a person's note on a status change is confidential: the
    reason a student was referred)."""
    return reader is not None and actor == f"staff:{reader.user_id}"


def modules_of(lines: Iterable[HistoryLine]) -> list[CohortLine]:
    """A student's attendance per module, from their history's events (lowest first)."""
    statuses: dict[str, list[str]] = defaultdict(list)
    for line in lines:
        if line.kind == "event":
            statuses[line.what].append(line.status)
    return _lowest_first([attendance_of(found, cohort=module)
                          for module, found in statuses.items()])


def overall(modules: Iterable[CohortLine]) -> CohortLine:
    """The sum of a student's modules."""
    found = list(modules)
    return CohortLine.of("", students=1, present=sum(m.present for m in found),
                         late=sum(m.late for m in found), absent=sum(m.absent for m in found),
                         authorised=sum(m.authorised for m in found))


def attendance_of(statuses: Iterable[str], *, cohort: str = "") -> CohortLine:
    """One student's attendance at these events, from their statuses."""
    n = Counter(statuses)
    return CohortLine.of(cohort, students=1, present=n["present"], late=n["late"],
                         absent=n["absent"], authorised=n["authorised"])


def _lowest_first(lines: list[CohortLine]) -> list[CohortLine]:
    return sorted(lines, key=lambda line: (line.percent is None, line.percent or 0.0,
                                           line.cohort))


def _self_certifications(session: Session, *, student_id: int, start: date,
                         end: date) -> list[SelfCertification]:
    return list(session.exec(select(SelfCertification).where(
        SelfCertification.student_id == student_id, col(SelfCertification.end) >= start,
        col(SelfCertification.start) <= end)))


def _messages(session: Session, *, student_id: int, zone: ZoneInfo, start: date, end: date,
              reads_safeguarding: bool) -> list[HistoryLine]:
    """The messages of every conversation about the student (to and from them, their family,
    staff); a safeguarding conversation's only for a reader who may read it."""
    conversations = conversations_about(session, student_id)
    hidden = set() if reads_safeguarding else safeguarding_conversation_ids(
        session, [c.id for c in conversations if c.id is not None])
    lines = []
    for conversation in conversations:
        if conversation.id in hidden:
            continue
        for message in messages_of_conversation(session, conversation.id):
            assert message.created_at is not None
            local = message.created_at.astimezone(zone)
            if start <= local.date() <= end:
                lines.append(HistoryLine(
                    day=local.date(), time=local.strftime("%H:%M"), kind="message",
                    what=f"{message.direction} {message.channel}", status=message.intent or "",
                    by=message.author, detail=message.body))
    return lines


def _clock(moment: datetime | None, zone: ZoneInfo) -> str:
    return moment.astimezone(zone).strftime("%H:%M") if moment else time().strftime("%H:%M")
