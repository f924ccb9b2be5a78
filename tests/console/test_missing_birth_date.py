"""A college student with no date of birth counts as an adult (their family is not contacted):
staff see the gap on the student page and in a students import's preview, in their language,
and nowhere it decides nothing (a school, a university)."""

from __future__ import annotations

from datetime import date

from fastapi.testclient import TestClient
from sqlmodel import select

from store.clock import FakeClock
from store.database import Database
from store.models.people import Student
from store.school_settings import change_settings
from tests.console.conftest import Seeded, sign_in
from tests.console.test_imports import upload

FLAG = "Date of birth not known: counted as an adult"
# a-S1 Amy with no date of birth, a-S2 Ben with his.
STUDENTS = b"""Adno,Legal Forename,Legal Surname,Date of Birth
a-S1,Amy,Testerton,
a-S2,Ben,Testerton,2010-03-01
"""


def make(db: Database, clock: FakeClock, seeded: Seeded, setting: str) -> None:
    with db.transaction() as session:
        change_settings(session, clock, school_id=seeded.a.school_id, actor="test",
                        changes={"setting": setting})


def test_the_student_page_flags_a_missing_date_of_birth_at_a_college(
        client: TestClient, seeded: Seeded, db: Database, clock: FakeClock) -> None:
    url = f"/console/students/{seeded.a.student_id}"
    sign_in(client, seeded.a.officer)
    assert FLAG not in client.get(url).text  # a school: age decides nothing
    make(db, clock, seeded, "college")
    assert FLAG in client.get(url).text
    welsh = client.get(url, headers={"accept-language": "cy"}).text.replace("&#39;", "'")
    assert "Dyddiad geni heb ei wybod" in welsh
    with db.transaction() as session:
        amy = session.exec(select(Student).where(Student.id == seeded.a.student_id)).one()
        amy.date_of_birth = date(2009, 5, 1)
        session.add(amy)
    assert FLAG not in client.get(url).text
    make(db, clock, seeded, "university")  # families never told: nothing to flag
    with db.transaction() as session:
        amy = session.exec(select(Student).where(Student.id == seeded.a.student_id)).one()
        amy.date_of_birth = None
        session.add(amy)
    assert FLAG not in client.get(url).text


def test_a_students_import_preview_counts_those_without_one(
        client: TestClient, seeded: Seeded, db: Database, clock: FakeClock) -> None:
    make(db, clock, seeded, "college")
    sign_in(client, seeded.a.officer)
    status, _, page = upload(client, seeded, STUDENTS)
    assert status == 200
    assert ("1 student has no date of birth (line 2): counted as an adult, so their parents "
            "and carers are not contacted. Add it in the MIS.") in page.replace("&#39;", "'")
