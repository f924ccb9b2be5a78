"""A self-certification that went to a person, authorised from the student page in a real browser
(Debian's Chromium, headless) against the app on loopback: the officer sees the student's
self-certifications (days, reason, evidence, status), authorises the one waiting for a person,
and its days' missed and untaken events become authorised, never one attended; audited with
who did it. Roles that may not authorise (or decline) see no button and are refused."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from fastapi.testclient import TestClient
from sqlmodel import col, select

from store.clock import FakeClock
from store.database import Database
from store.events import attendance_status
from store.importer import import_csv
from store.models.audit import AuditEntry
from store.models.events import SelfCertification
from store.models.inbound import Evidence
from store.school_settings import change_settings
from tests.console.conftest import Seeded, csrf_of, sign_in, sign_in_browser

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def reported(db: Database, clock: FakeClock, seeded: Seeded) -> int:
    """School A made a university; Amy missed this morning's lecture, went to the seminar, and
    reported five days of illness with a photo, beyond the policy: waiting for a person. An
    earlier day's certification of hers was within the policy."""
    a = seeded.a
    today = clock.now().date()
    with db.transaction() as session:
        change_settings(session, clock, school_id=a.school_id, actor="test",
                        changes={"setting": "university"})
    attendance = ("Event ID,Student ID,Module,Event Type,Start,Attendance\n"
                  f"L1,a-S1,EC2010,lecture,{today}T10:00,Absent\n"
                  f"S1,a-S1,EC2010,seminar,{today}T14:00,Present\n"
                  f"L2,a-S1,EC2020,lecture,{today}T16:00,Not Taken\n")
    assert import_csv(db, clock, kind="event-attendance", school_id=a.school_id,
                      data=attendance.encode()).errors == []
    now = clock.now()
    with db.transaction() as session:
        photo = Evidence(conversation_id=a.conversation_id, content_type="image/png",
                         filename="fit-note.png", size=9, data=b"\x89PNG-NOTE", created_at=now)
        earlier = SelfCertification(
            school_id=a.school_id, student_id=a.student_id, intent="illness",
            start=today - timedelta(days=14), end=today - timedelta(days=14),
            status="confirmed", reason_text="migraine", created_at=now)
        waiting = SelfCertification(
            school_id=a.school_id, student_id=a.student_id, intent="illness", start=today,
            end=today + timedelta(days=4), status="reported", evidence=True,
            why="more days than policy", reason_text="flu, off all week",
            conversation_id=a.conversation_id, created_at=now)
        session.add_all([photo, earlier, waiting])
        session.flush()
        assert waiting.id is not None
        return waiting.id


def test_an_officer_authorises_a_reported_self_certification(
        browser: object, server: str, seeded: Seeded, db: Database, clock: FakeClock) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    waiting = reported(db, clock, seeded)
    a = seeded.a
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()  # type: ignore[attr-defined]
    sign_in_browser(page, f"{server}/console/students/{a.student_id}", a.officer)
    row = f"#self-certifications tr[data-certification='{waiting}']"
    page.wait_for_selector(row)
    assert "Waiting for a person" in page.inner_text(row)
    assert "flu, off all week" in page.inner_text(row)
    assert page.get_attribute(f"{row} a", "href", timeout=5000).startswith("/console/evidence/")
    assert "Within the policy: events authorised" in page.inner_text("#self-certifications")
    page.screenshot(path=str(ARTIFACTS / "self-certification-1-waiting.png"), full_page=True)

    page.click(f"{row} >> text=Authorise its events")
    page.wait_for_selector(f"{row}.certification-approved")
    assert "Authorised by staff" in page.inner_text(row)
    assert page.locator(f"{row} button").count() == 0
    page.screenshot(path=str(ARTIFACTS / "self-certification-2-authorised.png"), full_page=True)

    with db.transaction() as session:
        assert [attendance_status(session, school_id=a.school_id, event=event,
                                  student_id=a.student_id) for event in ("L1", "S1", "L2")] == [
            "authorised", "present", "authorised"]
        kept = session.get(SelfCertification, waiting)
        assert kept is not None and kept.status == "approved"
        officer = session.exec(select(AuditEntry).where(
            AuditEntry.action == "self_certification.approved")).one().actor
        assert officer.startswith("staff:")
        assert len(session.exec(select(AuditEntry).where(
            AuditEntry.actor == officer, col(AuditEntry.action) == "event_attendance.updated"))
            .all()) == 2


def test_roles_that_may_not_authorise_see_no_button_and_are_refused(
        client: TestClient, seeded: Seeded, db: Database, clock: FakeClock) -> None:
    waiting = reported(db, clock, seeded)
    a, url = seeded.a, f"/console/students/{seeded.a.student_id}"
    for email in (a.dsl, a.reader):
        client.cookies.clear()
        sign_in(client, email)
        page = client.get(url).text
        assert "Waiting for a person" in page and "Authorise its events" not in page
        assert 'name="reason"' not in page  # nor the decline
        for decision in ("authorise", "decline"):
            response = client.post(f"{url}/self-certifications/{waiting}/{decision}",
                                   data={"csrf_token": csrf_of(page), "reason": "no"})
            assert response.status_code == 403
    client.cookies.clear()
    sign_in(client, seeded.b.officer)  # another school's officer: not their student
    response = client.post(f"{url}/self-certifications/{waiting}/authorise",
                           data={"csrf_token": csrf_of(client.get("/console/").text)})
    assert response.status_code == 404
    with db.transaction() as session:
        kept = session.get(SelfCertification, waiting)
        assert kept is not None and kept.status == "reported"
        assert attendance_status(session, school_id=a.school_id, event="L1",
                                 student_id=a.student_id) == "absent"
