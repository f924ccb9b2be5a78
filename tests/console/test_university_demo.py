"""The university demo in the console: a tutor signs in and sees a tutee's week of timetabled
events with their attendance (the demo built in a temp SQLite, or the test PostgreSQL)."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlmodel import select

from store.clock import FakeClock
from store.database import Database
from store.demo_university import create_institution_demo
from store.models import StaffUser, Student
from tests.console.conftest import sign_in


def test_a_tutor_sees_a_tutees_week_of_events_and_tutors(db: Database, clock: FakeClock,
                                                        client: TestClient) -> None:
    with db.transaction() as session:
        create_institution_demo(session, clock, password="rollcall-demo")
        student = session.exec(select(Student).where(Student.visa_sponsored)).first()
        assert student is not None
        tutor = session.get(StaffUser, student.personal_tutor_id)
        senior = session.get(StaffUser, student.senior_tutor_id)
        assert tutor is not None and senior is not None
    sign_in(client, tutor.email, "rollcall-demo")
    page = client.get(f"/console/students/{student.id}")
    assert page.status_code == 200
    html = page.text
    assert "Timetabled events" in html and tutor.name in html and senior.name in html
    assert "Visa-sponsored" in html and (student.course or "?") in html
    assert html.count('<tr class="status-') >= 8  # a week of lectures and seminars
    assert "Present" in html or "Absent" in html
