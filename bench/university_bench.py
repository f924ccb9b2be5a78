"""How long a university's day of event attendance takes to import.

    python bench/university_bench.py [--database-url URL] [--students N] [--pairs N]

Imports 20,000 students (a plain students CSV), then one day's SEAtS-shaped attendance file:
60,000 event-student pairs over 2,000 events of 30 students, each row carrying its event's
details (module, type, times, room, staff), about one in eight absent. Then the same file again
(the idempotent path: compare everything, write nothing), then the file with a tenth of the
statuses changed; then the next day's timetable (every status blank) and its marks (every
pair updated). Prints one JSON line of seconds. Without --database-url it uses a SQLite file
in a temp dir; a PostgreSQL URL must name a database this may wipe.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from datetime import UTC, datetime

from import_bench import scratch_store

from store.clock import FakeClock
from store.database import Database
from store.importer import import_csv
from store.schools import add_school

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
    args = parser.parse_args()
    with scratch_store(args.database_url) as database:
        figures = (measured or measure)(database, students=args.students, pairs=args.pairs)
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


if __name__ == "__main__":
    main()
