"""Engagement in the console, through the real app: a tutor's list and task, contacting the
student on their own channel, the meeting recorded as a confidential note that only the
student's tutors and the engagement team read (every other role is shown nothing of it, on
every page), referrals as tasks for whom they go to, and the monthly action plan as CSV."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime

import pytest
from fastapi.testclient import TestClient
from sqlmodel import select

from store.clock import FakeClock
from store.database import Database
from store.engagement import recompute
from store.models.audit import AuditEntry
from store.models.casework import CaseworkMeeting
from store.models.engagement import EngagementStatus
from store.models.escalations import Escalation
from store.models.outbound import Outbox
from store.schools import school_by_id
from tests.console.conftest import csrf_of, sign_in
from tests.console.seed import password_hash
from tests.console.test_stored_words import read_in
from tests.store.engagement_world import DAY, STAFF, University, add_student, always, build

SECRET = "money worries: hardship fund form together"


@pytest.fixture
def world(db: Database, clock: FakeClock) -> University:
    clock.set(datetime(2026, 11, 27, 12, tzinfo=UTC))  # the Friday the rules ran on
    world = build(db, clock, password_hash=password_hash())
    add_student(db, world, "Amy", always("present"))
    # Ben misses every Econometrics lecture of the last two weeks.
    add_student(db, world, "Ben", lambda n, e: "absent" if n >= 20 and n % 2 == 0
                else "present", department="School of Economics")
    add_student(db, world, "Cai", always("absent"), tutor="other_tutor",
                department="School of Law")
    with db.transaction() as session:
        school = school_by_id(session, world.school_id)
        assert school is not None
        recompute(session, clock, school=school, day=DAY)
    return world


def _form(page: str, **fields: str) -> dict[str, str]:
    return {"csrf_token": csrf_of(page), **fields}


def test_a_tutor_sees_their_tutee_at_risk_and_the_task_opens_the_evidence(
        client: TestClient, world: University) -> None:
    sign_in(client, world.emails["tutor"])
    page = client.get("/console/engagement").text
    assert "Ben Example" in page and "Cai Example" not in page  # Cai is another tutor's
    assert "missed events of one module in a row" in page
    everyone = client.get("/console/engagement?mine=0&mine=1").text
    assert "Ben Example" in everyone
    assert "Cai Example" in client.get("/console/engagement?mine=0").text
    ben = world.students["Ben"]
    inbox = client.get("/console/").text
    assert "Student at risk: engagement review" in inbox
    task = _task(client, ben)
    opened = client.get(f"/console/escalations/{task}")
    assert opened.status_code == 303
    assert opened.headers["location"] == f"/console/engagement/students/{ben}"
    student = client.get(f"/console/engagement/students/{ben}").text
    assert "Rules met: missed events of one module in a row" in student
    assert "10 of one module missed in a row" in student
    assert "Events missed (10)" in student and "Econometrics" in student


def _task(client: TestClient, student_id: int) -> int:
    page = client.get(f"/console/engagement/students/{student_id}").text
    start = page.index('data-task="') + len('data-task="')
    return int(page[start:page.index('"', start)])


def test_the_tutor_writes_invites_meets_and_refers(client: TestClient, world: University,
                                                   db: Database) -> None:
    ben = world.students["Ben"]
    sign_in(client, world.emails["tutor"])
    base = f"/console/engagement/students/{ben}"
    page = client.get(base).text
    sent = client.post(f"{base}/message", data=_form(
        page, text="Hi Ben, I noticed you have missed Econometrics. Can we talk?"))
    assert sent.status_code == 303 and sent.headers["location"] == f"{base}?done=message"
    page = client.get(sent.headers["location"]).text
    assert "Your message is on its way to the student." in page
    invited = client.post(f"{base}/invite", data=_form(
        page, on="2026-12-01", at="14:30", place="Room B12, Hicks Building"))
    assert invited.status_code == 303
    page = client.get(base).text
    met = client.post(f"{base}/meeting", data=_form(
        page, held_on="2026-12-01", attendees="Ben Example\nDr Ada Khan", actions=SECRET,
        review_on="2026-12-15"))
    assert met.status_code == 303
    page = client.get(base).text
    assert SECRET in page and "intervention" in page
    referred = client.post(f"{base}/refer", data=_form(
        page, to="wellbeing", reason="Ben says he is not sleeping and is worried about rent"))
    assert referred.status_code == 303
    with db.transaction() as session:
        bodies = [row.body for row in session.exec(select(Outbox).where(
            Outbox.to_address == "ben@example.org").order_by(Outbox.id))]
        status = session.exec(select(EngagementStatus).where(
            EngagementStatus.student_id == ben, EngagementStatus.track == "engagement")).one()
        meeting = session.exec(select(CaseworkMeeting)).one()
        referral = session.exec(select(Escalation).where(
            Escalation.intent == "wellbeing_referral")).one()
    assert bodies[0] == "Hi Ben, I noticed you have missed Econometrics. Can we talk?"
    assert bodies[1] == ("Fenwick University: your Personal Tutor Dr Ada Khan would like to "
                         "meet you on Tuesday 1 December at 14:30, Room B12, Hicks Building. "
                         "Please reply to say if you can come.")
    assert status.status == "referred" and meeting.confidential
    assert referral.assigned_user_id == world.staff["wellbeing"]
    assert "not sleeping" in referral.why

    sign_in(client, world.emails["wellbeing"])
    theirs = client.get(base).text
    assert "not sleeping" in theirs and SECRET not in theirs  # the referral, not the notes


@pytest.mark.parametrize("key", sorted(STAFF))
def test_the_confidential_note_is_shown_to_nobody_else(
        client: TestClient, world: University, db: Database, clock: FakeClock,
        key: str) -> None:
    ben = world.students["Ben"]
    from scheduling.interventions import record_tutor_meeting
    from store.models.staff import StaffUser

    with db.transaction() as session:
        tutor = session.get(StaffUser, world.staff["tutor"])
        assert tutor is not None
        record_tutor_meeting(session, clock, user=tutor, student_id=ben,
                             held_on=date(2026, 11, 27), attendees=["Ben"], actions=SECRET,
                             review_on=None)
    sign_in(client, world.emails[key])
    pages = [client.get(f"/console/engagement/students/{ben}").text,
             client.get(f"/console/students/{ben}").text,
             client.get(f"/console/students/{ben}/engagement.csv").text]
    allowed = key in ("tutor", "senior", "engagement")
    assert all((SECRET in page) is allowed for page in pages), key
    if not allowed:  # and nobody else may write one either
        page = client.get(f"/console/engagement/students/{ben}").text
        refused = client.post(f"/console/engagement/students/{ben}/meeting", data=_form(
            page, held_on="2026-11-27", attendees="Ben", actions="not theirs"))
        assert refused.status_code in (403, 400), key
        with db.transaction() as session:
            assert len(session.exec(select(CaseworkMeeting)).all()) == 1


def test_another_schools_student_is_not_found(client: TestClient, world: University,
                                              db: Database, clock: FakeClock) -> None:
    other = build(db, clock, password_hash=password_hash(), tag="x")
    stranger = add_student(db, other, "Zed", always("absent"))
    sign_in(client, world.emails["engagement"])
    assert client.get(f"/console/engagement/students/{stranger}").status_code == 404
    page = client.get("/console/engagement").text
    refused = client.post(f"/console/engagement/students/{stranger}/message",
                          data=_form(page, text="hello"))
    assert refused.status_code == 404


def test_the_monthly_action_plan_by_department_and_its_csv(
        client: TestClient, world: University, db: Database) -> None:
    sign_in(client, world.emails["senior"])
    page = client.get("/console/engagement/plan?month=2026-11").text
    assert "School of Economics" in page and "School of Law" in page
    assert "Amy Example" not in page
    exported = client.get("/console/engagement/plan.csv?month=2026-11")
    rows = list(csv.DictReader(io.StringIO(exported.text)))
    assert [(r["department"], r["student_name"], r["status"]) for r in rows] == [
        ("School of Economics", "Ben Example", "at_risk"),
        ("School of Law", "Cai Example", "at_risk")]
    assert rows[0]["history"].startswith("2026-11-27 at_risk (missed_in_module")
    assert rows[0]["personal_tutor"] == "Dr Ada Khan"
    with db.transaction() as session:
        assert session.exec(select(AuditEntry).where(
            AuditEntry.action == "engagement.plan_exported")).one().new_value == (
            "2026-11: 2 students")
    sign_in(client, world.emails["officer"])
    assert client.get("/console/engagement/plan").status_code == 403
    assert client.get("/console/engagement/plan.csv").status_code == 403


@pytest.mark.parametrize(("language", "no_reason", "review", "not_flagged"), [
    ("pl", "Skierowanie wymaga uzasadnienia, od 1 do 2000 znaków.",
     "Data przeglądu jest wcześniejsza niż spotkanie.",
     "Student nie jest zagrożony, w interwencji ani skierowany."),
    ("ar", "تحتاج الإحالة إلى سببها، من 1 إلى 2000 حرفًا.", "تاريخ المراجعة قبل الاجتماع.",
     "الطالب ليس معرّضًا للخطر ولا قيد التدخّل ولا محالًا."),
])
def test_the_engagement_pages_refusals_are_in_the_readers_language(
        client: TestClient, world: University, language: str, no_reason: str, review: str,
        not_flagged: str) -> None:
    read_in(client, world.emails["tutor"], language)
    base = f"/console/engagement/students/{world.students['Ben']}"
    page = client.get(base).text
    refused = client.post(f"{base}/refer", data=_form(page, to="wellbeing", reason=" "))
    assert refused.status_code == 400 and no_reason in refused.text
    assert "needs its reason" not in refused.text
    refused = client.post(f"{base}/meeting", data=_form(
        page, held_on="2026-12-01", attendees="Ben Example", review_on="2026-11-30"))
    assert refused.status_code == 400 and review in refused.text
    page = client.get(f"/console/engagement/students/{world.students['Amy']}").text
    refused = client.post(f"/console/engagement/students/{world.students['Amy']}/re-engaged",
                          data=_form(page, note="fine"))
    assert refused.status_code == 400 and not_flagged in refused.text
