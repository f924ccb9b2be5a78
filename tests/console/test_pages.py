"""The student page and Today: figures from the register, flags, messages, scope."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlmodel import select

from store.attendance_figures import Figures
from store.clock import FakeClock
from store.database import Database
from store.models.marks import Mark
from store.models.outbound import Outbox
from store.notices import keep_notice
from tests.console.conftest import Seeded, sign_in


@pytest.mark.parametrize(("codes", "percent", "flag"), [
    (["/", "\\"] * 5, 100.0, None),
    (["/"] * 9 + ["I"], 90.0, "persistent"),  # missing 10% is persistent absence (DfE)
    (["/"] * 19 + ["I"], 95.0, None),
    (["/"] * 8 + ["I", "N"], 80.0, "persistent"),
    (["/", "V", "N", "G", "O"], 40.0, "severe"),
    (["/", "D", "Y4", "#", "Z", "X"], 100.0, None),  # not possible and admin left out
    ([], None, None),
])
def test_attendance_counts_present_and_approved_over_possible(
        codes: list[str], percent: float | None, flag: str | None) -> None:
    figures = Figures.of_codes(codes)
    assert (figures.percent, figures.flag) == (percent, flag)


def test_the_student_page_shows_attendance_flags_and_messages(
        client: TestClient, seeded: Seeded, db: Database, clock: FakeClock) -> None:
    today = clock.now().date()
    with db.transaction() as session:
        for back in range(1, 5):
            for name in ("AM", "PM"):
                session.add(Mark(school_id=seeded.a.school_id, student_id=seeded.a.student_id,
                                 day=today - timedelta(days=back), session=name,
                                 code="I" if back == 1 else "/", intent="illness"
                                 if back == 1 else None, reason_status="confirmed"))
    sign_in(client, seeded.a.officer)
    page = client.get(f"/console/students/{seeded.a.student_id}").text
    # 6 present of 10 possible (today's two N, one day of I): 60% -> persistent absence
    assert "60.0%" in page and "Persistent absence" in page
    assert "Child is ill" in page  # the reason in plain words, not the intent id
    assert "She has gone to her nan" in page


def test_the_student_page_shows_advance_notices(
        client: TestClient, seeded: Seeded, db: Database, clock: FakeClock) -> None:
    tomorrow = clock.now().date() + timedelta(days=1)
    with db.transaction() as session:
        keep_notice(session, clock, school_id=seeded.a.school_id,
                    student_id=seeded.a.student_id, day=tomorrow, register_session="PM",
                    intent="medical_appointment", confirm=True, suggested_code="M",
                    reason_text="dentist at 2pm tomorrow", message_id=None)
    sign_in(client, seeded.a.officer)
    page = client.get(f"/console/students/{seeded.a.student_id}").text
    notices = page[page.index('id="notices"'):]
    assert "Advance notices" in notices
    assert f"{tomorrow:%a %d %b} PM" in notices and "Medical or dental appointment" in notices
    assert "<code>M</code> pending" in notices


def test_the_student_page_hides_safeguarding_messages_from_an_officer(
        client: TestClient, seeded: Seeded) -> None:
    sign_in(client, seeded.a.officer)
    page = client.get(f"/console/students/{seeded.a.safeguarding_student_id}").text
    assert "SECRET-DISCLOSURE" not in page
    assert "for the designated safeguarding lead" in page


def test_the_dsl_sees_safeguarding_messages_on_the_student_page(
        client: TestClient, seeded: Seeded) -> None:
    sign_in(client, seeded.a.dsl)
    page = client.get(f"/console/students/{seeded.a.safeguarding_student_id}").text
    assert "SECRET-DISCLOSURE" in page


def test_today_counts_absences_reasons_and_responses(
        client: TestClient, seeded: Seeded, db: Database, clock: FakeClock) -> None:
    with db.transaction() as session:
        mark = session.exec(select(Mark).where(Mark.student_id == seeded.a.student_id,
                                               Mark.session == "AM")).one()
        mark.code, mark.reason_status, mark.intent = "I", "confirmed", "illness"
        session.add(mark)
        session.add(Outbox(school_id=seeded.a.school_id, contact_id=seeded.a.contact_id,
                           kind="absence", channel="sms", to_address="+447700900101",
                           body="x", status="sent", created_at=clock.now()))
    sign_in(client, seeded.a.officer)
    page = client.get("/console/today").text
    assert 'id="stat-absences">4<' in page  # two children, AM and PM
    assert 'id="stat-explained">1<' in page
    assert "Child is ill" in page  # the reason in plain words, not the intent id
    assert "100% (1/1)" in page  # the contact replied by SMS (the seeded conversations)
    assert "Ben T." in page and "Amy T." in page  # Amy's PM is still unexplained
    other = client.get(f"/console/today?school={seeded.b.school_id}").text
    assert 'id="stat-absences">0<' in other  # school B stays out even when asked for
    week = client.get(f"/console/today?start={(clock.now() - timedelta(days=6)).date()}").text
    assert 'id="stat-absences">4<' in week
