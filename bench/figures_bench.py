"""Attendance figures for a whole school-year: 1,500 students, every session of a year.

    python bench/figures_bench.py [--database-url URL] [--students 1500]

Seeds one school with the 2025-26 English school year (three terms with their half-terms, bank
holidays left out: 192 days, 384 sessions) and a mark for every student in every session
(576,000 marks with 1,500 students), coded as a real register might be: mostly present, some
illness, appointments, lates, holidays and unexplained absence, with a tenth of students
missing far more. Then times `periods_for` + `attendance_figures` for the whole school on the
last day of the year, the way the weekly casework job and the cases page ask: each of five
tries in the same process, reporting the fastest and the slowest, and the CPU both sides used.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from datetime import date, timedelta
from typing import Any

from runs_bench import _bulk  # bench/ is the script's own folder on sys.path
from sqlalchemy import text
from sqlmodel import SQLModel

from store.attendance_figures import attendance_figures, periods_for
from store.calendar import bank_holidays
from store.database import Database
from store.models.schools import School, SchoolDay

TERMS = [(date(2025, 9, 3), date(2025, 10, 24)), (date(2025, 11, 3), date(2025, 12, 19)),
         (date(2026, 1, 5), date(2026, 2, 13)), (date(2026, 2, 23), date(2026, 3, 27)),
         (date(2026, 4, 13), date(2026, 5, 22)), (date(2026, 6, 1), date(2026, 7, 17))]
DAY = date(2026, 7, 17)
# (code, weight) for a typical student; a tenth of students have the absences four times over.
CODES = [("I", 30), ("M", 5), ("L", 10), ("N", 4), ("O", 5), ("G", 4), ("U", 2), ("C", 1),
         ("V", 2), ("E", 1), ("D", 1), ("X", 1), ("Y2", 1)]


def school_days() -> list[date]:
    days = []
    for start, end in TERMS:
        day = start
        while day <= end:
            if day.weekday() < 5 and day not in bank_holidays("GB-ENG", day.year):
                days.append(day)
            day += timedelta(days=1)
    return days


def seed(url: str, students: int) -> int:
    """The school, its terms, students and a year of marks; the number of marks."""
    database = Database(url)
    SQLModel.metadata.drop_all(database.engine)
    database.create_all()
    random.seed(20)
    days = school_days()
    codes, weights = zip(*CODES, strict=True)
    with database.transaction() as session:
        school = School(name="Bench Academy")
        session.add(school)
        session.flush()
        school_id = school.id
        session.add_all([SchoolDay(school_id=school_id, kind="term", start=start, end=end)
                         for start, end in TERMS])
    with database.engine.begin() as connection:
        _bulk(connection, "student", ("id", "school_id", "mis_id", "first_name", "last_name"),
              [(n, school_id, f"S{n}", "Amy", "Ash") for n in range(1, students + 1)])
        marks = []
        for student in range(1, students + 1):
            absence = 0.24 if student % 10 == 0 else 0.06
            for day in days:
                for half, present in (("AM", "/"), ("PM", "\\")):
                    code = (random.choices(codes, weights)[0] if random.random() < absence
                            else present)
                    marks.append((school_id, student, day, half, code,
                                  "unexplained" if code == "N" else "confirmed", "import",
                                  False, 1))
        _bulk(connection, "mark", ("school_id", "student_id", "day", "session", "code",
                                   "reason_status", "source", "set_by_staff", "version"), marks)
    if database.is_postgres:
        with database.engine.connect().execution_options(
                isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("VACUUM ANALYZE"))
    else:
        with database.engine.begin() as connection:
            connection.execute(text("ANALYZE"))
    database.dispose()
    return len(marks)


def measure(url: str, tries: int = 5) -> dict[str, Any]:
    database = Database(url)
    walls, cpus = [], []
    for _ in range(tries):
        started, cpu = time.perf_counter(), time.process_time()
        with database.transaction() as session:
            school = session.get(School, 1)
            assert school is not None
            periods = periods_for(session, school, DAY, rolling_weeks=6)
            figures = attendance_figures(session, school_id=1, periods=periods)
        walls.append(time.perf_counter() - started)
        cpus.append(time.process_time() - cpu)
    persistent = sum(f.year.persistent for f in figures.values())
    database.dispose()
    return {"students": len(figures), "persistent": persistent, "fastest": min(walls),
            "slowest": max(walls), "cpu": min(cpus), "load": os.getloadavg()[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url")
    parser.add_argument("--students", type=int, default=1_500)
    args = parser.parse_args()
    url = args.database_url or f"sqlite:///{tempfile.mkdtemp()}/bench.db"
    marks = seed(url, args.students)
    result = measure(url)
    print(f"{url.split(':', 1)[0]}: figures for {result['students']:,} students from "
          f"{marks:,} marks in {result['fastest']:.2f} s (slowest of 5: "
          f"{result['slowest']:.2f} s; this process's CPU {result['cpu']:.2f} s); "
          f"{result['persistent']} persistently absent; load average {result['load']:.1f}")


if __name__ == "__main__":
    main()
