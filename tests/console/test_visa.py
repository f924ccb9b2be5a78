"""Visa compliance in the console, through the real app: the UKVI compliance role sees every
visa-sponsored student against the sponsor's policy apart, opens a crossing from its task with
the evidence timeline, decides to report (10 working days on the clock) and records the report
it made itself, each audited; nobody else sees the page, the task or its words."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlmodel import select

from store.clock import FakeClock
from store.database import Database
from store.engagement import recompute, status_of
from store.interventions import refer
from store.models.audit import AuditEntry
from store.models.escalations import Escalation
from store.models.people import Student
from store.schools import school_by_id
from tests.console.conftest import csrf_of, sign_in
from tests.console.seed import password_hash
from tests.console.test_stored_words import read_in
from tests.store.engagement_world import DAY, University, add_student, always, build

REASON = "Ben told me he is sleeping in his car"


@pytest.fixture
def world(db: Database, clock: FakeClock) -> University:
    clock.set(datetime(2026, 11, 27, 12, tzinfo=UTC))  # Friday
    world = build(db, clock, password_hash=password_hash())
    add_student(db, world, "Dan", lambda n, e: "absent" if n >= 28 else "present", visa=True)
    add_student(db, world, "Eve", always("present"), visa=True)
    ben = add_student(db, world, "Ben", always("absent"))
    with db.transaction() as session:
        school = school_by_id(session, world.school_id)
        student = session.get(Student, ben)
        assert school is not None and student is not None
        recompute(session, clock, school=school, day=DAY)
        refer(session, clock, student=student, staff_id=world.staff["tutor"], to="wellbeing",
              reason=REASON)
    return world


def test_compliance_decides_to_report_and_records_the_report(
        client: TestClient, world: University, db: Database, clock: FakeClock) -> None:
    dan = world.students["Dan"]
    sign_in(client, world.emails["compliance"])
    listing = client.get("/console/visa").text
    assert listing.index("Dan Example") < listing.index("Eve Example")
    assert "policy crossed" in listing and "10 events missed in a row" in listing
    inbox = client.get("/console/").text
    assert "engagement policy crossed" in inbox
    assert REASON not in inbox  # the wellbeing referral's words are not theirs
    with db.transaction() as session:
        task = session.exec(select(Escalation.id).where(
            Escalation.intent == "visa_compliance")).one()
    opened = client.get(f"/console/escalations/{task}")
    assert opened.headers["location"] == f"/console/visa/students/{dan}"
    page = client.get(f"/console/visa/students/{dan}").text
    assert "Evidence timeline" in page and "EC2010 Econometrics" in page and "Absent" in page

    refused = client.post(f"/console/visa/students/{dan}/decision",
                          data={"csrf_token": csrf_of(page), "report": "no", "note": ""})
    assert refused.status_code == 400
    decided = client.post(f"/console/visa/students/{dan}/decision", data={
        "csrf_token": csrf_of(page), "report": "yes",
        "note": "Not seen since 19 November; no reply to two emails"})
    assert decided.status_code == 303
    page = client.get(decided.headers["location"]).text
    assert "The clock of 10 working days to the report has started." in page
    assert "report due by 11 Dec 2026" in page and "10 working days left" in page

    clock.advance(timedelta(days=4))  # Tuesday 1 December
    sign_in(client, world.emails["compliance"])
    listing = client.get("/console/visa").text
    page = client.get(f"/console/visa/students/{dan}").text
    assert "8 working days left" in listing
    recorded = client.post(f"/console/visa/students/{dan}/reported", data={
        "csrf_token": csrf_of(page), "reported_on": "2026-12-01",
        "reference": "SMS-2026-000123"})
    assert recorded.status_code == 303
    with db.transaction() as session:
        row = status_of(session, student_id=dan, track="visa")
        actions = [a.action for a in session.exec(select(AuditEntry).where(
            AuditEntry.entity == "student", AuditEntry.entity_id == str(dan)))]
    assert row is not None and row.status == "reported"
    assert {"visa.decision", "visa.reported"} <= set(actions)


@pytest.mark.parametrize("key", ["officer", "dsl", "tutor", "engagement", "read_only"])
def test_nobody_else_sees_visa_compliance(client: TestClient, world: University,
                                          key: str) -> None:
    dan = world.students["Dan"]
    sign_in(client, world.emails[key])
    assert client.get("/console/visa").status_code == 403
    assert client.get(f"/console/visa/students/{dan}").status_code == 403
    inbox = client.get("/console/").text
    assert "Visa compliance" not in inbox  # no link
    assert "engagement policy crossed" not in inbox
    assert (REASON in inbox) is (key in ("tutor", "engagement"))
    page = client.get("/console/").text
    refused = client.post(f"/console/visa/students/{dan}/decision",
                          data={"csrf_token": csrf_of(page), "report": "yes", "note": "x"})
    assert refused.status_code == 403


@pytest.mark.parametrize(("language", "no_reason", "not_due"), [
    ("pl", "Decyzja o niezgłaszaniu wymaga uzasadnienia, od 1 do 2000 znaków.",
     "Dla tego studenta nie zdecydowano o zgłoszeniu."),
    ("ar", "يحتاج قرار عدم الإبلاغ إلى سببه، من 1 إلى 2000 حرفًا.",
     "لم يُقرَّر أي إبلاغ بشأن الطالب."),
])
def test_the_visa_pages_refusals_are_in_the_readers_language(
        client: TestClient, world: University, language: str, no_reason: str,
        not_due: str) -> None:
    dan = world.students["Dan"]
    read_in(client, world.emails["compliance"], language)
    page = client.get(f"/console/visa/students/{dan}").text
    refused = client.post(f"/console/visa/students/{dan}/decision",
                          data={"csrf_token": csrf_of(page), "report": "no", "note": ""})
    assert refused.status_code == 400 and no_reason in refused.text
    assert "needs its reason" not in refused.text
    refused = client.post(f"/console/visa/students/{dan}/reported", data={
        "csrf_token": csrf_of(page), "reported_on": "2026-11-27", "reference": "X1"})
    assert refused.status_code == 400 and not_due in refused.text
