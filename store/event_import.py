"""Importing a college's or university's timetabled events and their attendance.

Two kinds of file, read like every other import (`store/importer.py`: a plain CSV, or an export
profile of SEAtS, SITS/e:Vision or Jisc's attendance file, `store/profiles.py`):

- `events`: one row per event, or per event and student as a timetable file has it (the
  student is then scheduled for the event, attendance not taken yet);
- `event-attendance`: one row per event and student with the attendance (present, absent,
  late, authorised, or not taken yet). A row may carry the event's details too (SEAtS and
  Jisc's file do); an event neither known nor described is refused.

Every row of one event must describe it alike. Writes compare first and go in set-wise (a
university's day, 60,000 event-student pairs, in a few statements): importing a file again
changes nothing. A reason given to rollcall (a student's self-certification, a member of
staff) is never undone by a register that still says absent or not taken: that row is kept.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import text, update
from sqlmodel import Session, col, select

from store.bulk import update_rows, write_rows
from store.clock import Clock
from store.columns import (
    ColumnMap,
    match_columns,
    parse_datetime,
    parse_event_status,
    parse_flag,
)
from store.database import in_chunks
from store.errors import InvalidInput
from store.import_rows import (
    ACTOR,
    ImportReport,
    Row,
    changes,
    duplicate,
    each_row,
    insert_new,
    set_fields,
)
from store.models.audit import AuditEntry
from store.models.events import EventAttendance, TimetableEvent
from store.models.schools import School
from store.profiles import Columns
from store.students import student_ids_by_mis_id

EVENT_FIELDS = ("student_id", "event_id", "course", "module", "event_type", "event_name",
                "date", "start", "end", "room", "staff", "mandatory", "status", "attended",
                "late", "delete")
_DETAILS = ("course", "module", "event_type", "event_name", "date", "start", "end", "room",
            "staff", "mandatory")


@dataclass(slots=True)
class _Plan:
    """What the rows ask for, checked, before anything is written."""

    events: dict[str, tuple[int, tuple[str, ...], dict[str, Any]]] = field(default_factory=dict)
    # The details' cells of each event's first row as written: a later row with the very same
    # cells (nearly all of them) describes it alike without being read again.
    written: dict[str, tuple[str, ...]] = field(default_factory=dict)
    pairs: list[tuple[int, str, int, str | None]] = field(default_factory=list)


def import_events(session: Session, clock: Clock, *, school_id: int, headers: list[str],
                  rows: list[Row], report: ImportReport, aliases: Columns) -> None:
    """Events, and the students a timetable row schedules for them (see the module doc)."""
    columns = match_columns(headers, fields=EVENT_FIELDS, aliases=aliases,
                            required=("event_id", "start"))
    _import(session, clock, school_id=school_id, columns=columns, rows=rows, report=report,
            attendance=False)


def import_event_attendance(session: Session, clock: Clock, *, school_id: int,
                            headers: list[str], rows: list[Row], report: ImportReport,
                            aliases: Columns) -> None:
    """Attendance per event and student, creating the events the rows describe."""
    columns = match_columns(headers, fields=EVENT_FIELDS, aliases=aliases,
                            required=("student_id", "event_id"))
    if not (columns.has("status") or columns.has("attended")):
        raise InvalidInput("no attendance column (accepted names: "
                           f"{', '.join(aliases.get('status', ()) + aliases.get('attended', ()))})")
    _import(session, clock, school_id=school_id, columns=columns, rows=rows, report=report,
            attendance=True)


def _import(session: Session, clock: Clock, *, school_id: int, columns: ColumnMap,
            rows: list[Row], report: ImportReport, attendance: bool) -> None:
    report.reads(columns)
    school = session.get(School, school_id)
    zone = ZoneInfo(school.timezone if school else "Europe/London")
    students = student_ids_by_mis_id(session, school_id)
    plan = _read(columns, rows, report, students=students, zone=zone, attendance=attendance)
    known = _events(session, school_id=school_id, external_ids=plan.events.keys()
                    | {ext for _, ext, _, _ in plan.pairs})
    ids = _write_events(session, clock, school_id=school_id, plan=plan, known=known,
                        report=report, count_as_rows=not attendance)
    pairs = []
    for line, ext, student_id, status in plan.pairs:
        if ext not in ids:
            report.refuse(line, f"event {ext} is not known: import the events first, or give "
                                "its start time on the row")
            continue
        pairs.append((line, ids[ext], student_id, status))
    days = {ids[ext]: (known[ext].day if ext in known else plan.events[ext][2]["day"])
            for ext in ids}
    _write_attendance(session, clock, school_id=school_id, pairs=pairs, days=days,
                      report=report, count_as_rows=attendance)


def _read(columns: ColumnMap, rows: list[Row], report: ImportReport, *,
          students: dict[str, int], zone: ZoneInfo, attendance: bool) -> _Plan:
    """Check every row; the events they describe and the event-student pairs they name."""
    plan = _Plan()
    failed: dict[str, str] = {}  # an event whose details were refused: its other rows too
    seen: dict[Any, int] = {}
    has_student = columns.has("student_id")
    as_written = columns.raw(_DETAILS)
    for line, cells in each_row(rows, report):
        ext = columns.value(cells, "event_id")
        if columns.has("delete") and columns.value(cells, "delete").upper() in ("Y", "YES"):
            report.warn(line, "DELETE = Y: rollcall does not take students off events; the "
                              "row was passed over")
            continue
        if not ext:
            report.refuse(line, "the event id is empty")
            continue
        try:
            if plan.written.get(ext) != (details := as_written(cells)):
                _event_details(plan, failed, columns, cells, line=line, ext=ext, zone=zone,
                               as_written=details)
            mis_id = columns.value(cells, "student_id") if has_student else ""
            if not mis_id:
                if attendance:
                    raise InvalidInput("the student id is empty")
                continue
            student_id = students.get(mis_id)
            if student_id is None:
                raise InvalidInput(f"no student with id {mis_id!r} (import students first)")
            status = _status(columns, cells) if attendance else None
        except InvalidInput as error:
            report.refuse(line, error)
            continue
        if problem := duplicate(seen, (ext, student_id), line,
                                f"student {mis_id} at event {ext}",
                                problem="event_student_twice", student=mis_id, event=ext):
            report.refuse(line, problem)
            continue
        plan.pairs.append((line, ext, student_id, status))
    return plan


def _event_details(plan: _Plan, failed: dict[str, str], columns: ColumnMap,
                   cells: list[str], *, line: int, ext: str, zone: ZoneInfo,
                   as_written: tuple[str, ...]) -> None:
    """Note the event a row describes (once per event); raises for details that are wrong or
    differ from the event's first row."""
    if ext in failed:
        raise InvalidInput(failed[ext])
    raw = tuple(columns.value(cells, name) for name in _DETAILS)
    if not columns.value(cells, "start"):
        return  # the row names the event without describing it
    if ext in plan.events:
        first_line, first_raw, _ = plan.events[ext]
        if raw != first_raw:
            raise InvalidInput(f"event {ext} has other details on line {first_line}; every "
                               "row of one event must describe it alike")
        return
    try:
        plan.events[ext] = (line, raw, _event_values(columns, cells, zone=zone))
        plan.written[ext] = as_written
    except InvalidInput as error:
        failed[ext] = f"event {ext}: {error}"
        raise InvalidInput(failed[ext]) from None


def _event_values(columns: ColumnMap, cells: list[str], *, zone: ZoneInfo) -> dict[str, Any]:
    day = columns.value(cells, "date")
    start = parse_datetime(columns.value(cells, "start"), day=day)
    values: dict[str, Any] = {"day": start.date(), "starts_at": _utc(start, zone)}
    end_cell = columns.value(cells, "end")
    if end_cell:
        end = parse_datetime(end_cell, day=day or start.date().isoformat())
        if end < start:
            raise InvalidInput(f"it ends ({end:%Y-%m-%d %H:%M}) before it starts "
                               f"({start:%Y-%m-%d %H:%M})")
        values["ends_at"] = _utc(end, zone)
    elif columns.has("end"):
        values["ends_at"] = None
    for name in ("course", "module", "event_type", "room"):
        if columns.has(name):
            values[name] = columns.value(cells, name) or None
    if columns.has("event_name"):
        values["title"] = columns.value(cells, "event_name") or None
    if columns.has("staff"):
        values["staff"] = staff_list(columns.value(cells, "staff"))
    if columns.has("mandatory"):
        cell = columns.value(cells, "mandatory")
        values["mandatory"] = parse_flag(cell, field="mandatory") if cell else True
    return values


def staff_list(cell: str) -> list[str]:
    """Who teaches an event, from one cell ("Dr A Khan; Dr B Osei", "AK|BO")."""
    return [name.strip() for name in cell.replace("|", ";").split(";") if name.strip()]


def _utc(local: datetime, zone: ZoneInfo) -> datetime:
    return local.replace(tzinfo=zone).astimezone(UTC)


def _status(columns: ColumnMap, cells: list[str]) -> str:
    """The row's attendance: a status word, or Jisc's attended and late flags (0/1)."""
    if columns.has("status") and (word := columns.value(cells, "status")):
        return parse_event_status(word)
    attended = columns.value(cells, "attended") if columns.has("attended") else ""
    if not attended:
        return "not_taken"
    if not parse_flag(attended, field="attended"):
        return "absent"
    late = columns.value(cells, "late") if columns.has("late") else ""
    return "late" if late and parse_flag(late, field="late") else "present"


# --- reading and writing the store ---------------------------------------------------------

def _events(session: Session, *, school_id: int,
            external_ids: Iterable[str]) -> dict[str, TimetableEvent]:
    found: dict[str, TimetableEvent] = {}
    for chunk in in_chunks(sorted(external_ids)):
        found.update((e.external_id, e) for e in session.exec(select(TimetableEvent).where(
            TimetableEvent.school_id == school_id, col(TimetableEvent.external_id).in_(chunk))))
    return found


def _write_events(session: Session, clock: Clock, *, school_id: int, plan: _Plan,
                  known: dict[str, TimetableEvent], report: ImportReport,
                  count_as_rows: bool) -> dict[str, int]:
    """New events set-wise, changed ones one by one (audited); the id of every event the
    file names that exists now."""
    ids = {ext: event.id for ext, event in known.items() if event.id is not None}
    new = []
    for ext, (_, _, values) in plan.events.items():
        event = known.get(ext)
        if event is None:
            new.append({"school_id": school_id, "external_id": ext, **values})
            continue
        if not changes(event, values):
            report.unchanged += count_as_rows
            continue
        moved = values["day"] != event.day
        set_fields(session, clock, row=event, values=values, entity="timetable_event",
                   school_id=school_id)
        if moved:
            session.execute(update(EventAttendance).where(
                EventAttendance.event_id == event.id).values(day=event.day))  # type: ignore[arg-type]
        report.updated += count_as_rows
        report.events_updated += 1
    made = insert_new(session, clock, model=TimetableEvent, entity="timetable_event",
                      school_id=school_id, rows=new)
    ids.update(zip((row["external_id"] for row in new), made, strict=True))
    report.created += len(made) * count_as_rows
    report.events_created += len(made)
    return ids


def _write_attendance(session: Session, clock: Clock, *, school_id: int,
                      pairs: list[tuple[int, int, int, str | None]], days: dict[int, Any],
                      report: ImportReport, count_as_rows: bool) -> None:
    """New pairs in bulk, changed statuses in bulk (store/bulk.py: COPY on PostgreSQL);
    audited one entry per event and change (created or updated), naming each student's old
    and new status: a university's day is 2,000 audit entries, not 60,000."""
    stored = _attendance(session, event_ids={event_id for _, event_id, _, _ in pairs})
    now = clock.now()
    new: list[dict[str, Any]] = []
    changed: list[dict[str, Any]] = []
    created: dict[int, dict[str, str]] = {}
    updated: dict[int, dict[str, list[str]]] = {}
    for _, event_id, student_id, status in pairs:
        existing = stored.get((event_id, student_id))
        if existing is None:
            new.append({"school_id": school_id, "event_id": event_id, "student_id": student_id,
                        "day": days[event_id], "status": status or "not_taken",
                        "set_by": ACTOR, "updated_at": now})
            created.setdefault(event_id, {})[str(student_id)] = status or "not_taken"
            continue
        row_id, old, set_by = existing
        if status is None or status == old:
            report.unchanged += count_as_rows
        elif set_by != ACTOR and status in ("absent", "not_taken"):
            report.kept += 1  # a reason given to us stands until the register says otherwise
        else:
            changed.append({"id": row_id, "status": status, "set_by": ACTOR, "updated_at": now,
                            "self_certification_id": None})  # the register's word now
            updated.setdefault(event_id, {})[str(student_id)] = [old, status]
    write_rows(session, EventAttendance, new)
    update_rows(session, EventAttendance, changed)
    write_rows(session, AuditEntry, [
        *(_audit(now, school_id, "created", event_id, by_student)
          for event_id, by_student in created.items()),
        *(_audit(now, school_id, "updated", event_id, by_student)
          for event_id, by_student in updated.items())])
    report.updated += len(changed)
    if count_as_rows:
        report.created += len(new)
    else:
        report.scheduled += len(new)


def _audit(at: datetime, school_id: int, change: str, event_id: int,
           by_student: dict[str, Any]) -> dict[str, Any]:
    """One event's attendance created (student id -> status) or updated (-> [old, new])."""
    return dict(at=at, actor=ACTOR, action=f"event_attendance.{change}",
                entity="timetable_event", entity_id=str(event_id), school_id=school_id,
                new_value=json.dumps(by_student, sort_keys=True))


def _attendance(session: Session, *,
                event_ids: set[int]) -> dict[tuple[int, int], tuple[int, str, str]]:
    """The stored attendance at these events: (event, student) -> (id, status, set_by)."""
    found: dict[tuple[int, int], tuple[int, str, str]] = {}
    connection = session.connection()
    for chunk in in_chunks(sorted(event_ids)):
        result = connection.execute(text(
            "SELECT event_id, student_id, id, status, set_by FROM event_attendance "
            f"WHERE event_id IN ({', '.join(str(int(i)) for i in chunk)})"))
        for event_id, student_id, row_id, status, set_by in result.cursor.fetchall():
            found[(event_id, student_id)] = (row_id, status, set_by)
    return found
