"""Composing and writing a district's morning: 100,000 absence messages in one run.

    python bench/runs_bench.py [--database-url URL] [--families 100000]

Seeds a school with one absent child per family (every tenth family has two absent siblings),
then times `start_run(kind="absence")` in a fresh process and reports its peak memory, beside
the floor measured in the same run: a bare insert of the same rows (sqlite3 `executemany` on
SQLite, `COPY` on PostgreSQL) into a scratch table with the outbox's columns.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlmodel import SQLModel

from scheduling.runs import RunConfig, start_run
from store.clock import FakeClock
from store.database import Database
from store.outbox_bulk import COLUMNS

DAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)


def seed(url: str, families: int) -> None:
    """One school, `families` contacts, their children and this morning's N marks."""
    database = Database(url)
    SQLModel.metadata.drop_all(database.engine)
    database.create_all()
    contacts, students, links, marks = [], [], [], []
    student_id = 0
    for family in range(1, families + 1):
        contacts.append((family, 1, f"C{family}", "Parent", f"+447700900{family % 1000:03d}",
                         "en", '["sms", "email", "telegram"]', False, "[]", "[]"))
        for _ in range(2 if family % 10 == 0 else 1):
            student_id += 1
            students.append((student_id, 1, f"S{student_id}", f"Child{student_id % 97}",
                             "Ashdown"))
            links.append((student_id, family, "parent", 1, True))
            marks.append((1, student_id, DAY.isoformat(), "AM", "N", "unexplained", "import",
                           False, 1))
    with database.engine.begin() as connection:
        connection.execute(text("INSERT INTO school (id, name, timezone, country, "
                                "welsh_bilingual, code_set, register_close, absence_run_at, "
                                "late_run_at, chase_run_at, pm_absence_run_at, call_list_at, "
                                "call_list_urgent, settle_minutes, quiet_start, quiet_end, "
                                "auto_confirm, max_auto_illness_days, contact_all_with_pr) "
                                "VALUES (1, 'Bench Academy', 'Europe/London', 'GB-ENG', false, "
                                "'england-2024', '09:00', '09:30', '10:00', '11:00', '14:00', "
                                "'12:00', false, 10, '20:00', '07:30', '[]', 3, false)"))
        _bulk(connection, "contact", ("id", "school_id", "external_id", "name", "phone",
                                      "language", "channels", "no_contact", "opted_out", "lost"),
              contacts)
        _bulk(connection, "student", ("id", "school_id", "mis_id", "first_name", "last_name"),
              students)
        _bulk(connection, "student_contact", ("student_id", "contact_id", "relationship",
                                              "priority", "parental_responsibility"), links)
        _bulk(connection, "mark", ("school_id", "student_id", "day", "session", "code",
                                   "reason_status", "source", "set_by_staff", "version"), marks)
        if database.is_postgres:
            for table in ("contact", "student"):
                connection.execute(text(f"SELECT setval('{table}_id_seq', "
                                        f"(SELECT max(id) FROM {table}))"))
    if database.is_postgres:
        with database.engine.connect().execution_options(
                isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("VACUUM ANALYZE"))
    database.dispose()


def _bulk(connection: Any, table: str, columns: tuple[str, ...], rows: list[tuple[Any, ...]]
          ) -> None:
    dbapi = connection.connection.dbapi_connection
    if connection.dialect.name == "postgresql":
        with dbapi.cursor() as cursor, cursor.copy(
                f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
    else:
        marks = ", ".join("?" for _ in columns)
        dbapi.cursor().executemany(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)


def measure(url: str) -> dict[str, float]:
    """Time the run, then the floor: the same rows inserted bare."""
    database = Database(url)
    server = _server_cpu(database)  # the run reuses this pooled connection, and its server
    started, cpu, server_cpu = time.perf_counter(), time.process_time(), server()
    # the SMS budget as `rollcall serve` sets it by default: every text is checked against it
    summary = start_run(database, FakeClock(NOW), school_id=1, day=DAY, kind="absence",
                        config=RunConfig(sms_segment_budget=4))
    run_seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
    server_seconds = server() - server_cpu
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    floor_seconds = _floor(database)
    database.dispose()
    return {"messages": summary.composed, "run_s": run_seconds, "cpu_s": cpu_seconds,
            "server_cpu_s": server_seconds, "load": os.getloadavg()[0],
            "floor_s": floor_seconds, "ratio": run_seconds / floor_seconds, "peak_mb": peak_mb}


def _server_cpu(database: Database) -> Callable[[], float]:
    """The CPU seconds of the PostgreSQL backend serving the pooled connection, when it runs on
    this machine (wall time on a shared machine says little; the CPU both sides used does)."""
    if not database.is_postgres:
        return lambda: 0.0
    with database.engine.connect() as connection:
        pid = connection.exec_driver_sql("SELECT pg_backend_pid()").scalar()
    stat = Path(f"/proc/{pid}/stat")

    def seconds() -> float:
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            return float("nan")  # a server on another machine
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return seconds


def _floor(database: Database) -> float:
    with database.engine.begin() as connection:
        connection.execute(text("DROP TABLE IF EXISTS outbox_floor"))
        connection.execute(text("CREATE TABLE outbox_floor AS SELECT * FROM outbox WHERE 1 = 0"))
        # The lists as their JSON text, as the run's writer copies them.
        selected = [f"CAST({c} AS TEXT)" if c == "student_ids" else c for c in COLUMNS]
        rows = [tuple(r) for r in connection.execute(text(
            f"SELECT {', '.join(selected)} FROM outbox"))]
    with database.engine.begin() as connection:
        started = time.perf_counter()
        _bulk(connection, "outbox_floor", COLUMNS, rows)
        elapsed = time.perf_counter() - started
        connection.execute(text("DROP TABLE outbox_floor"))
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url")
    parser.add_argument("--families", type=int, default=100_000)
    parser.add_argument("--measure-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    url = args.database_url or f"sqlite:///{tempfile.mkdtemp()}/bench.db"
    if args.measure_only:
        print(json.dumps(measure(url)))
        return
    seed(url, args.families)
    # A fresh process, so the peak memory is the run's and not the seeding's.
    out = subprocess.run([sys.executable, __file__, "--database-url", url, "--measure-only"],
                         check=True, capture_output=True, text=True).stdout
    result = json.loads(out)
    backend = url.split(":", 1)[0]
    server = (f", the PostgreSQL backend's {result['server_cpu_s']:.2f} s"
              if backend.startswith("postgresql") else "")
    print(f"{backend}: {result['messages']:,} messages composed and written in "
          f"{result['run_s']:.2f} s (CPU: this process's {result['cpu_s']:.2f} s{server}); "
          f"floor (bare insert of the same rows) "
          f"{result['floor_s']:.2f} s; ratio {result['ratio']:.1f}x; "
          f"peak memory {result['peak_mb']:.0f} MB; load average {result['load']:.1f}")


if __name__ == "__main__":
    main()
