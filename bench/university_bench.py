"""How long a university's day of event attendance takes to import, and its engagement
statuses to recompute.

    python bench/university_bench.py [--database-url URL] [--students N] [--pairs N]
                                     [--only import|engagement]

Imports 20,000 students (a plain students CSV), then one day's SEAtS-shaped attendance file:
60,000 event-student pairs over 2,000 events of 30 students, each row carrying its event's
details (module, type, times, room, staff), about one in eight absent. Then the same file again
(the idempotent path: compare everything, write nothing), then the file with a tenth of the
statuses changed; then the next day's timetable (every status blank) and its marks (every
pair updated). Prints one JSON line of seconds. Without --database-url it uses a SQLite file
in a temp dir; a PostgreSQL URL must name a database this may wipe.

Engagement: a second university of 20,000 students (200 Personal Tutors, a tenth on a visa) is
given four weeks of timetable and attendance written straight into the tables (20 weekdays of
60,000 pairs: 1.2 million rows), most students at about 92%, a tenth at about 65%, one in ten
stopped coming eight days ago (some of them on a visa). Then the whole institution's statuses
are recomputed, both tracks (the rules' query, the moves, their evidence, tasks and audit):
first (many put at risk, a task each), again (nothing changes), and on the next Monday after
one event everybody came to (some re-engaged, some newly at risk as the window moves on).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from import_bench import scratch_store
from runs_bench import _bulk

from store.clock import FakeClock
from store.database import Database
from store.engagement import recompute
from store.importer import import_csv
from store.models.staff import StaffSchool, StaffUser
from store.schools import add_school, school_by_id

EVENT_SIZE = 30
STATUSES = ("Present",) * 6 + ("Late", "Absent")


def main(measured: Callable[..., dict[str, object]] | None = None,
         description: str | None = __doc__) -> None:
    """Parse the arguments, run `measured` (this module's `measure`) on a scratch store and
    print its figures (bench/digest_bench.py times its evening the same way)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--database-url")
    parser.add_argument("--students", type=int, default=20_000)
    parser.add_argument("--pairs", type=int, default=60_000)
    parser.add_argument("--only", choices=("import", "engagement"))
    args = parser.parse_args()
    with scratch_store(args.database_url) as database:
        figures: dict[str, object] = {"load": round(os.getloadavg()[0], 1)}
        if measured is not None:
            figures |= measured(database, students=args.students, pairs=args.pairs)
        if measured is None and args.only != "engagement":
            figures |= measure(database, students=args.students, pairs=args.pairs)
        if measured is None and args.only != "import":
            figures |= measure_engagement(database, students=args.students,
                                          pairs=args.pairs)
        print(json.dumps(figures))


def students_csv(count: int) -> bytes:
    rows = "".join(f"U{n:07d},Stu{n},Dent{n % 97},2006-0{1 + n % 9}-1{n % 9}\n"
                   for n in range(count))
    return ("Student ID,Forename,Surname,Date of Birth\n" + rows).encode()


def attendance_csv(*, students: int, pairs: int, shift: int = 0, day: str = "2026-11-24",
                   taken: bool = True) -> bytes:
    """One day's file; `shift` changes the status of every tenth row; not `taken`: the
    morning's timetable, every status blank."""
    lines = ["Event ID,Student ID,Module Code,Event Type,Lesson Description,Event Date,"
             "Start Time,End Time,Room Code,Staff ID,Attendance Status"]
    for row in range(pairs):
        event, seat = divmod(row, EVENT_SIZE)
        student = (event * EVENT_SIZE + seat * 7919) % students
        hour = 9 + event % 9
        status = (STATUSES[(row + (shift if row % 10 == 0 else 0)) % len(STATUSES)]
                  if taken else "")
        lines.append(f"EV{day[-2:]}{event:05d},U{student:07d},M{event % 300:03d},Lecture,"
                     f"Module {event % 300} lecture,{day},{hour}:00,{hour + 1}:00,"
                     f"R{event % 120},S{event % 400:03d},{status}")
    return ("\n".join(lines) + "\n").encode()


def measure(database: Database, *, students: int, pairs: int) -> dict[str, object]:
    clock = FakeClock(datetime(2026, 11, 24, 19, tzinfo=UTC))
    with database.transaction() as session:
        school, _ = add_school(session, clock, name="Bench University", setting="university")
    school_id = school.id or 0
    figures: dict[str, object] = {"dialect": database.dialect, "students": students,
                                  "pairs": pairs}
    started = time.perf_counter()
    report = import_csv(database, clock, kind="students", school_id=school_id,
                        data=students_csv(students))
    assert not report.errors, report.errors[:3]
    figures["students_s"] = round(time.perf_counter() - started, 2)
    files = {"first": attendance_csv(students=students, pairs=pairs),
             "again": attendance_csv(students=students, pairs=pairs),
             "tenth_changed": attendance_csv(students=students, pairs=pairs, shift=3),
             # The next day as SEAtS sends it: the timetable in the morning, the marks at night.
             "timetable": attendance_csv(students=students, pairs=pairs, day="2026-11-25",
                                         taken=False),
             "marked": attendance_csv(students=students, pairs=pairs, day="2026-11-25")}
    for name, data in files.items():
        started = time.perf_counter()
        report = import_csv(database, clock, kind="event-attendance", school_id=school_id,
                            data=data)
        figures[f"attendance_{name}_s"] = round(time.perf_counter() - started, 2)
        assert not report.errors, report.errors[:3]
        figures[f"attendance_{name}"] = (f"{report.created} created, {report.updated} "
                                         f"updated, {report.unchanged} unchanged")
    return figures


ENGAGEMENT_DAY = date(2026, 11, 27)  # a Friday
WEEKS = 4
TUTORS = 200


def measure_engagement(database: Database, *, students: int, pairs: int) -> dict[str, object]:
    """Seed four weeks of attendance, then time the whole institution's recompute."""
    clock = FakeClock(datetime(2026, 11, 27, 19, tzinfo=UTC))
    started = time.perf_counter()
    school_id = _seed_engagement(database, clock, students=students, pairs=pairs)
    figures: dict[str, object] = {"engagement_seed_s": round(time.perf_counter() - started, 1)}
    for name, day in (("first", ENGAGEMENT_DAY), ("again", ENGAGEMENT_DAY),
                      ("next_day", ENGAGEMENT_DAY + timedelta(days=3))):
        if name == "next_day":
            _come_back(database, school_id=school_id, day=day)
        started = time.perf_counter()
        with database.transaction() as session:
            school = school_by_id(session, school_id)
            assert school is not None
            found = recompute(session, clock, school=school, day=day)
        figures[f"engagement_{name}_s"] = round(time.perf_counter() - started, 2)
        figures[f"engagement_{name}"] = {track.track: {
            "students": track.students, "met": track.met, "moved": dict(track.moved),
            "tasks": track.tasks} for track in found}
    return figures


def _seed_engagement(database: Database, clock: FakeClock, *, students: int,
                     pairs: int) -> int:
    random.seed(22)
    with database.transaction() as session:
        school, _ = add_school(session, clock, name="Bench University (four weeks)",
                               setting="university")
        school_id = school.id or 0
        tutors = [StaffUser(email=f"tutor{n}@example.org", name=f"Tutor {n}", role="tutor")
                  for n in range(TUTORS)]
        session.add_all(tutors)
        session.flush()
        session.add_all([StaffSchool(user_id=t.id or 0, school_id=school_id) for t in tutors])
        tutor_ids = [t.id or 0 for t in tutors]
    postgres = database.is_postgres
    with database.engine.begin() as connection:
        first = _next_id(connection, "student")
        _bulk(connection, "student", (
            "id", "school_id", "mis_id", "first_name", "last_name", "personal_tutor_id",
            "visa_sponsored", "department"), [
            (first + n, school_id, f"E{n:07d}", f"Stu{n}", "Dent", tutor_ids[n % TUTORS],
             n % 10 == 0, f"School {n % 12}") for n in range(students)])
        days = [ENGAGEMENT_DAY - timedelta(days=n) for n in range(WEEKS * 7)]
        days = sorted(day for day in days if day.weekday() < 5)
        per_day = pairs // EVENT_SIZE
        event_rows, attendance = [], []
        event_id = _next_id(connection, "timetable_event")
        pair_id = _next_id(connection, "event_attendance")
        for d, day in enumerate(days):
            for e in range(per_day):
                hour = 9 + e % 9
                starts = datetime(day.year, day.month, day.day, hour, tzinfo=UTC)
                event_rows.append((event_id, school_id, f"W{d:02d}-{e:05d}", f"M{e % 300:03d}",
                                   "Lecture", day, _stamp(starts, postgres), "[]", True))
                for seat in range(EVENT_SIZE):
                    n = (e * EVENT_SIZE + seat * 7919) % students
                    attendance.append((pair_id, school_id, event_id, first + n, day,
                                       _status(n, d, len(days)), "import",
                                       _stamp(starts, postgres)))
                    pair_id += 1
                event_id += 1
        _bulk(connection, "timetable_event", ("id", "school_id", "external_id", "module",
                                              "event_type", "day", "starts_at", "staff",
                                              "mandatory"), event_rows)
        _bulk(connection, "event_attendance", ("id", "school_id", "event_id", "student_id",
                                               "day", "status", "set_by", "updated_at"),
              attendance)
        if postgres:
            for table in ("student", "timetable_event", "event_attendance"):
                connection.exec_driver_sql(
                    f"SELECT setval('{table}_id_seq', (SELECT max(id) FROM {table}))")
            connection.exec_driver_sql("ANALYZE")
    return school_id


def _status(n: int, day_index: int, days: int) -> str:
    """Most at about 92%, a tenth at about 65%, one in ten stopped for the last 6 days (a
    fifth of those on a visa)."""
    if n % 20 in (7, 10) and day_index >= days - 6:
        return "absent"
    chance = 0.35 if n % 10 == 3 else 0.08
    return "absent" if random.random() < chance else "present"


def _come_back(database: Database, *, school_id: int, day: date) -> None:
    """A new Monday's events: everyone comes, the once-stopped students too."""
    with database.engine.begin() as connection:
        event_id = _next_id(connection, "timetable_event")
        starts = datetime(day.year, day.month, day.day, 10, tzinfo=UTC)
        student_ids = [row[0] for row in connection.exec_driver_sql(
            f"SELECT id FROM student WHERE school_id = {school_id} ORDER BY id")]
        _bulk(connection, "timetable_event", ("id", "school_id", "external_id", "module",
                                              "event_type", "day", "starts_at", "staff",
                                              "mandatory"),
              [(event_id, school_id, "MON-ALL", "M000", "Lecture", day,
                _stamp(starts, database.is_postgres), "[]", True)])
        pair_id = _next_id(connection, "event_attendance")
        _bulk(connection, "event_attendance", ("id", "school_id", "event_id", "student_id",
                                               "day", "status", "set_by", "updated_at"),
              [(pair_id + n, school_id, event_id, student_id, day, "present", "import",
                _stamp(starts, database.is_postgres))
               for n, student_id in enumerate(student_ids)])


def _next_id(connection: Any, table: str) -> int:
    return int(connection.exec_driver_sql(f"SELECT coalesce(max(id), 0) + 1 FROM {table}"
                                          ).scalar())


def _stamp(moment: datetime, postgres: bool) -> object:
    # SQLite keeps UTC times naive, in SQLAlchemy's text form (store.types.UTCDateTime).
    return moment if postgres else moment.strftime("%Y-%m-%d %H:%M:%S.%f")


if __name__ == "__main__":
    main()
