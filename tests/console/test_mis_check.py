"""The MIS check page and its CSV: one day's disagreements, only the staff member's schools."""

from __future__ import annotations

from datetime import date, timedelta

from fastapi.testclient import TestClient

from store.clock import FakeClock
from store.database import Database
from store.mis_links import link_school
from store.models.marks import Mark
from store.models.mis import MisMark
from store.models.people import Student
from tests.console.conftest import Seeded, sign_in


def tomorrow(clock: FakeClock) -> date:
    return clock.now().date() + timedelta(days=1)


def disagreeing(db: Database, clock: FakeClock, seeded: Seeded) -> str:
    """School A's student: an illness rollcall confirmed for tomorrow morning that the MIS still
    shows as N. Returns the student's MIS id."""
    day = tomorrow(clock)
    with db.transaction() as session:
        link_school(session, clock, school_id=seeded.a.school_id, provider="wonde",
                    mis_school_id="A1930499544")
        session.add(Mark(school_id=seeded.a.school_id, student_id=seeded.a.student_id, day=day,
                         session="AM", code="I", reason_status="confirmed", source="bot"))
        session.add(MisMark(school_id=seeded.a.school_id, student_id=seeded.a.student_id,
                            day=day, session="AM", code="N", pulled_at=clock.now()))
        student = session.get(Student, seeded.a.student_id)
        assert student is not None
        return student.mis_id


def test_the_page_and_csv_show_the_days_disagreements(
        client: TestClient, db: Database, clock: FakeClock, seeded: Seeded) -> None:
    mis_id = disagreeing(db, clock, seeded)
    sign_in(client, seeded.a.officer)
    page = client.get(f"/console/mis-check?day={tomorrow(clock)}")
    assert page.status_code == 200
    assert f"({mis_id})" in page.text and "not in the MIS" in page.text
    assert "not sent" in page.text  # never queued: no push row for it
    export = client.get(f"/console/mis-check.csv?day={tomorrow(clock)}")
    assert export.headers["content-type"].startswith("text/csv")
    assert f",{mis_id}," in export.text and ",AM,I,N,not_in_mis," in export.text


def test_another_schools_staff_see_none_of_it(
        client: TestClient, db: Database, clock: FakeClock, seeded: Seeded) -> None:
    mis_id = disagreeing(db, clock, seeded)
    sign_in(client, seeded.b.officer)
    page = client.get(f"/console/mis-check?day={tomorrow(clock)}")
    assert f"({mis_id})" not in page.text
    assert "agree on every session" in page.text
    assert f",{mis_id}," not in client.get(f"/console/mis-check.csv?day={tomorrow(clock)}").text
