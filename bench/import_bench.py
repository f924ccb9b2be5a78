"""How long the demo school takes to build, and a whole school's CSV takes to import.

    python bench/import_bench.py [--database-url URL]

Builds the demo school (1,200 students, ~1,100 contacts, today's register) in an empty store,
writes its students, contacts and marks out as MIS-style CSV, imports those files into a second
school, then imports them again (the idempotent path: compare everything, write nothing). Before
each import it times the console's preview of the same file (every line's outcome, nothing
written).
Prints one JSON line of seconds. Without --database-url it uses a SQLite file in a temp dir; a
PostgreSQL URL must name a database this may wipe.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from sqlalchemy import text
from sqlmodel import Session, SQLModel, select

from store.clock import FakeClock
from store.database import Database
from store.demo import create_demo
from store.importer import import_csv, preview_import
from store.migrate import upgrade
from store.models.marks import Mark
from store.models.people import Contact, Student, StudentContact
from store.schools import add_school


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    with scratch_store(args.database_url) as database:
        print(json.dumps(measure(database)))


@contextmanager
def scratch_store(url: str | None) -> Iterator[Database]:
    """An empty store at the newest migration: a SQLite file in a temp dir, or the PostgreSQL
    database `url` names, wiped (the benchmarks' own: never a real one)."""
    with tempfile.TemporaryDirectory() as scratch:
        database = Database(url or f"sqlite:///{scratch}/bench.db")
        if database.is_postgres:
            SQLModel.metadata.drop_all(database.engine)
            with database.engine.begin() as connection:
                connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
        upgrade(database)
        yield database


def measure(database: Database) -> dict[str, object]:
    clock = FakeClock(datetime(2026, 11, 23, 8, 30, tzinfo=UTC))
    started = time.perf_counter()
    with database.transaction() as session:
        create_demo(session, clock, password="rollcall-demo")
    figures: dict[str, object] = {"dialect": database.dialect,
                                  "demo_s": round(time.perf_counter() - started, 2)}
    with database.transaction() as session:
        files = export(session)
        school, _ = add_school(session, clock, name="Import Bench School")
    for round_name in ("first", "again"):
        for kind, data in files.items():
            started = time.perf_counter()
            with database.transaction() as session:  # the console's preview: nothing written
                preview_import(session, clock, kind=kind, school_id=school.id or 0, files=[data])
            figures[f"preview_{kind}_{round_name}_s"] = round(time.perf_counter() - started, 2)
            started = time.perf_counter()
            report = import_csv(database, clock, kind=kind, school_id=school.id or 0, data=data)
            assert not report.errors, report.errors[:3]
            figures[f"import_{kind}_{round_name}_s"] = round(time.perf_counter() - started, 2)
            figures[f"{kind}_rows"] = report.rows
    return figures


def export(session: Session) -> dict[str, bytes]:
    students = session.exec(select(Student)).all()
    by_id = {s.id: s for s in students}
    rows = {
        "students": [["Adno", "Legal Forename", "Legal Surname", "Year Group", "Reg Group",
                      "UPN"]] + [[s.mis_id, s.first_name, s.last_name, s.year_group,
                                  s.reg_group, s.upn] for s in students],
        "contacts": [["Adno", "Contact ID", "Contact Name", "Relationship", "Priority",
                      "Mobile", "Email", "Telegram Chat ID", "Home Language"]] + [
            [by_id[link.student_id].mis_id, c.external_id, c.name, link.relationship,
             link.priority, c.phone, c.email, c.telegram_chat_id, c.language]
            for link, c in session.exec(select(StudentContact, Contact).join(Contact))],
        "marks": [["Adno", "Date", "Session", "Mark"]] + [
            [by_id[m.student_id].mis_id, m.day.isoformat(), m.session, m.code]
            for m in session.exec(select(Mark))],
    }
    return {kind: to_csv(table) for kind, table in rows.items()}


def to_csv(table: list[list[object]]) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows([["" if v is None else v for v in row] for row in table])
    return out.getvalue().encode("utf-8")


if __name__ == "__main__":
    main()
