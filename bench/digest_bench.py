"""How long a university's day takes from its attendance file to its students' digests.

    python bench/digest_bench.py [--database-url URL] [--students N] [--pairs N]

Sets up 20,000 students, each their own contact (email, or a mobile for every third), then
times the two steps of an evening: importing the day's SEAtS-shaped attendance file (60,000
event-student pairs over 2,000 events, about one in eight absent: `university_bench.py`'s
file) and the `digest` run composing one message per student who missed an event and writing
them to the outbox. Issue 22's target is both together under 10 s on PostgreSQL. Prints one
JSON line of seconds. Without --database-url it uses a SQLite file in a temp dir; a PostgreSQL
URL must name a database this may wipe.
"""

from __future__ import annotations

import time
from datetime import UTC, date, datetime

import university_bench
from sqlalchemy import text
from university_bench import attendance_csv

from scheduling.runs import start_run
from store.clock import FakeClock
from store.database import Database
from store.importer import import_csv
from store.schools import add_school

DAY = date(2026, 11, 24)  # university_bench's file is this Tuesday's
LANGUAGES = ("en", "pl", "ur", "ro", "ar", "pt")


def students_csv(count: int) -> bytes:
    """Students who are their own contacts: an email each, a mobile (in the drama range) for
    every third instead."""
    rows = []
    for n in range(count):
        email = f"stu{n}@example.org" if n % 3 else ""
        mobile = "" if n % 3 else f"07700900{n % 1000:03d}"
        rows.append(f"U{n:07d},Stu{n},Dent{n % 97},2006-0{1 + n % 9}-1{n % 9},{email},{mobile}\n")
    return ("Student ID,Forename,Surname,Date of Birth,Student Email,Student Mobile\n"
            + "".join(rows)).encode()


def measure(database: Database, *, students: int, pairs: int) -> dict[str, object]:
    clock = FakeClock(datetime(2026, 11, 24, 17, 30, tzinfo=UTC))
    with database.transaction() as session:
        school, _ = add_school(session, clock, name="Bench University", setting="university")
    school_id = school.id or 0
    report = import_csv(database, clock, kind="students", school_id=school_id,
                        data=students_csv(students))
    assert not report.errors, report.errors[:3]
    with database.engine.begin() as connection:  # the students read several languages
        for position, language in enumerate(LANGUAGES):
            connection.execute(text(
                "UPDATE contact SET language = :language WHERE school_id = :school "
                "AND MOD(id, :languages) = :position"), {
                "language": language, "school": school_id, "languages": len(LANGUAGES),
                "position": position})
    figures: dict[str, object] = {"dialect": database.dialect, "students": students,
                                  "pairs": pairs}
    data = attendance_csv(students=students, pairs=pairs)
    started = time.perf_counter()
    report = import_csv(database, clock, kind="event-attendance", school_id=school_id,
                        data=data)
    imported = time.perf_counter()
    assert not report.errors, report.errors[:3]
    summary = start_run(database, clock, school_id=school_id, day=DAY, kind="digest")
    done = time.perf_counter()
    figures["import_s"] = round(imported - started, 2)
    figures["digest_s"] = round(done - imported, 2)
    figures["total_s"] = round(done - started, 2)
    figures["digests"] = summary.composed
    figures["per_channel"] = dict(summary.per_channel)
    assert summary.outcome == "done", summary.outcome
    return figures


if __name__ == "__main__":
    university_bench.main(measure, __doc__)
