"""The university demo in the console: a tutor signs in and sees a tutee's week of timetabled
events with their attendance (the demo built in a temp SQLite, or the test PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi.testclient import TestClient
from sqlmodel import select

from scheduling.engagement import engagement_pass
from store.clock import FakeClock
from store.database import Database
from store.demo_university import create_institution_demo
from store.engagement import REVIEW_INTENT
from store.models.escalations import Escalation
from store.models.people import Student
from store.models.staff import StaffUser
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


def test_after_the_nights_recompute_a_tutor_finds_their_at_risk_tutee_in_the_inbox(
        db: Database, client: TestClient) -> None:
    clock = FakeClock(datetime(2026, 12, 9, 19, tzinfo=UTC))
    with db.transaction() as session:
        summary = create_institution_demo(session, clock, password="rollcall-demo")
    recomputed = engagement_pass(db, clock, school_id=summary.school_id, day=summary.days[-1])
    assert recomputed[0].moved["at_risk"] > 0
    with db.transaction() as session:
        task = session.exec(select(Escalation).where(
            Escalation.intent == REVIEW_INTENT)).first()
        assert task is not None and task.student_id is not None
        student = session.get(Student, task.student_id)
        assert student is not None and task.assigned_user_id == student.personal_tutor_id
        tutor = session.get(StaffUser, student.personal_tutor_id)
        assert tutor is not None
    sign_in(client, tutor.email, "rollcall-demo")
    inbox = client.get("/console/").text
    assert f"/console/escalations/{task.id}" in inbox and student.first_name in inbox
