"""`rollcall import events|event-attendance` and a university's students, from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import select

from store.database import Database
from store.errors import InvalidInput
from store.models.schools import School
from store.models.staff import StaffUser
from tests.bot.test_cli import rollcall, store_url  # noqa: F401 (the fixture)
from tests.store.test_importer import snapshot

UNIVERSITY = Path(__file__).parent.parent / "fixtures" / "university"


def test_a_university_imports_students_timetable_and_attendance_and_again_changes_nothing(
        store_url: str, db: Database, tmp_path: Path) -> None:  # noqa: F811
    code, output = rollcall(store_url, "school", "add", "Fenmoor University", "--setting",
                            "university")
    assert code == 0
    with db.transaction() as session:
        assert session.exec(select(School.setting)).one() == "university"
        for n in (1, 2):
            session.add(StaffUser(email=f"tutor{n}@example.org", name=f"Tutor {n}",
                                  external_id=f"PT000{n}"))
    code, output = rollcall(store_url, "import", "students", str(UNIVERSITY / "sits-students.csv"),
                            "--school", "1")
    assert code == 0 and "(read as sits): 3 rows of students: 3 created" in output
    code, output = rollcall(store_url, "import", "events", str(UNIVERSITY / "seats-timetable.csv"),
                            "--school", "1")
    assert code == 0
    assert "(read as seats): 4 rows of events: 3 created, 0 updated, 0 unchanged; 4 students " \
           "put on events; 0 refused" in output
    attendance = str(UNIVERSITY / "seats-attendance.csv")
    code, output = rollcall(store_url, "import", "event-attendance", attendance, "--school", "1")
    assert code == 0 and "2 created, 4 updated" in output and "2 events created" in output
    before = snapshot(db)
    code, output = rollcall(store_url, "import", "event-attendance", attendance, "--school", "1")
    assert code == 0 and "0 created, 0 updated, 6 unchanged" in output
    assert snapshot(db) == before


def test_a_bad_attendance_row_is_reported_by_line_and_exits_1(
        store_url: str, tmp_path: Path) -> None:  # noqa: F811
    rollcall(store_url, "school", "add", "Fenmoor College", "--setting", "college")
    bad = tmp_path / "attendance.csv"
    bad.write_text("Event ID,Student ID,Start,Status\nE1,NOBODY,2026-11-24 10:00,Present\n",
                   encoding="utf-8")
    code, output = rollcall(store_url, "import", "event-attendance", str(bad), "--school", "1")
    assert code == 1
    assert "line 2: no student with id 'NOBODY' (import students first)" in output


def test_school_set_changes_who_is_messaged(store_url: str) -> None:  # noqa: F811
    rollcall(store_url, "school", "add", "Fenmoor College")
    code, output = rollcall(store_url, "school", "set", "1", "--setting", "college",
                            "--family-contact", "never")
    assert code == 0 and "setting: school -> college" in output
    assert "family_contact: - -> never" in output
    with pytest.raises(InvalidInput, match="setting must be one of: school, college"):
        rollcall(store_url, "school", "set", "1", "--setting", "polytechnic")
