"""`rollcall report cohorts|student`: the console's engagement reports as files."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from sqlmodel import select

from store.database import Database
from store.models.people import Student
from tests.bot.test_cli import rollcall, store_url  # noqa: F401  (the CLI fixture)


def test_cohorts_and_a_students_history_from_the_command_line(
        store_url: str, db: Database, tmp_path: Path) -> None:  # noqa: F811
    assert rollcall(store_url, "demo", "--university", "--no-serve")[0] == 0
    code, output = rollcall(store_url, "report", "cohorts", "--school", "1", "--by", "year")
    assert code == 0, output
    rows = list(csv.DictReader(io.StringIO(output)))
    assert sorted(row["cohort"] for row in rows) == ["1", "2", "3"]
    assert sum(int(row["students"]) for row in rows) == 2_000
    with db.transaction() as session:
        student = session.exec(select(Student)).first()
        assert student is not None
    code, output = rollcall(store_url, "report", "student", "--school", "1", student.mis_id)
    assert code == 0 and output.startswith("day,time,kind,what,status,by,detail")
    pdf = tmp_path / "history.pdf"
    code, output = rollcall(store_url, "report", "student", "--school", "1", student.mis_id,
                            "--pdf", str(pdf), "--language", "pl")
    assert code == 0 and pdf.read_bytes().startswith(b"%PDF")
    code, output = rollcall(store_url, "report", "student", "--school", "1", "NOBODY")
    assert code != 0 and "no student 'NOBODY'" in output
    code, output = rollcall(store_url, "report", "cohorts", "--school", "1", "--by", "room")
    assert code != 0 and "--by" in output
