"""An urgent escalation's alert page: who was alerted when, on which channel, who acknowledged
and how, the lead's phone, the family's language, the child and the reply that raised it, and
every reply to the alert email (issue 15). The alert is raised for real: the family's reply
goes through the inbound worker and the engine, and the lead acknowledges by replying to the
alert's email. Checked with the test client, and in Chromium from the inbox's link."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import select

from bot.app import create_app
from scheduling.inbound import InboundWorker, default_engine
from store.clock import Clock, SystemClock
from store.database import Database
from store.models.escalations import Escalation
from store.models.marks import Mark
from store.models.outbound import Outbox
from store.models.people import Contact, Student, StudentContact
from store.models.schools import School
from store.outbox import enqueue
from store.staff import add_user
from tests.console.conftest import console_settings, sign_in, sign_in_browser
from tests.console.seed import password_hash
from tests.live_server import served
from tests.scheduling.world import store_inbound

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
DSL, DSL_PHONE = "dana.reyes@example.org", "+447700900951"
OFFICER = "olu.hart@example.org"
MUM = "+447700900321"
REPLY = "I dropped Amy at the school gate at 8.30 and she's not there"


def seed(db: Database, clock: Clock) -> None:
    """Hazel Primary: its DSL (phone and email), an officer, Amy absent, her Polish-speaking
    mother already texted."""
    with db.transaction() as session:
        school = School(name="Hazel Primary")
        session.add(school)
        session.flush()
        assert school.id is not None
        for email, name, role, phone in ((DSL, "Dana Reyes", "dsl", DSL_PHONE),
                                         (OFFICER, "Olu Hart", "officer", None)):
            user = add_user(session, clock, email=email, name=name, role=role,
                            school_ids=[school.id], phone=phone)
            user.password_hash = password_hash()
        amy = Student(school_id=school.id, mis_id="H1", first_name="Amy", last_name="Clarke",
                      year_group="4")
        mum = Contact(school_id=school.id, external_id="HP1", name="Jo Clarke", phone=MUM,
                      channels=["sms"], language="pl")
        session.add_all([amy, mum])
        session.flush()
        assert amy.id is not None and mum.id is not None
        session.add(StudentContact(student_id=amy.id, contact_id=mum.id))
        today: date = clock.now().astimezone(ZoneInfo(school.timezone)).date()
        session.add(Mark(school_id=school.id, student_id=amy.id, day=today, session="AM",
                         code="N", updated_at=clock.now()))
        enqueue(session, clock, channel="sms", to_address=MUM, kind="absence",
                body="Hazel Primary: Amy was marked absent this morning.",
                school_id=school.id, contact_id=mum.id, student_ids=[amy.id])


def alerted(db: Database, clock: Clock, tmp_path: Path) -> int:
    """The mother's urgent reply raises the alert; Dana answers its email "OK", and a
    colleague it was forwarded to answers too."""
    seed(db, clock)
    worker = InboundWorker(database=db, clock=clock, settings=console_settings(db.url, tmp_path),
                           engine=default_engine())
    store_inbound(db, clock, sender=MUM, text=REPLY)
    assert worker.process_pending() == 1
    with db.transaction() as session:
        token = session.exec(select(Outbox.reply_token).where(
            Outbox.kind == "staff_alert", Outbox.channel == "email")).one()
    for sender, words in ((DSL, "OK - calling the family now"), (OFFICER, "ACK")):
        store_inbound(db, clock, channel="email", sender=sender, text=words, reply_token=token)
    assert worker.process_pending() == 2
    with db.transaction() as session:
        urgent = session.exec(select(Escalation).where(Escalation.urgency == "urgent")).one()
        assert urgent.id is not None and urgent.status == "acknowledged"
        return urgent.id


def test_the_alert_page_shows_who_was_alerted_how_and_who_acknowledged(
        client: TestClient, db: Database, clock: Clock, tmp_path: Path) -> None:
    escalation_id = alerted(db, clock, tmp_path)
    sign_in(client, DSL)
    inbox = client.get("/console/").text
    assert f'href="/console/escalations/{escalation_id}/alerts"' in inbox
    page = client.get(f"/console/escalations/{escalation_id}/alerts")
    assert page.status_code == 200
    text = page.text
    assert "Amy C." in text and REPLY.replace("'", "&#39;") in text  # the child and the reply
    assert f'href="tel:{MUM}"' in text and "Polish (pl)" in text  # the family, their language
    assert "Dana Reyes" in text and f'href="tel:{DSL_PHONE}"' in text  # who, their phone
    assert f"email → {DSL}" in text and f"SMS → {DSL_PHONE}" in text  # on which channels
    assert "by a reply to the email" in text  # how she acknowledged
    assert "OK - calling the family now" in text and "acknowledged" in text
    assert OFFICER in text and "not from the person alerted: ignored" in text  # kept
    conversation = client.get(f"/console/escalations/{escalation_id}",
                              follow_redirects=True).text
    assert f"/console/escalations/{escalation_id}/alerts" in conversation
    records = client.get("/console/safeguarding").text  # the record says how, and links here
    assert "acknowledged the alert by a reply to the email" in records
    assert f"/console/escalations/{escalation_id}/alerts" in records


def test_the_alert_page_is_for_the_safeguarding_lead_and_urgent_escalations_only(
        client: TestClient, db: Database, clock: Clock, tmp_path: Path) -> None:
    escalation_id = alerted(db, clock, tmp_path)
    sign_in(client, OFFICER)
    page = client.get(f"/console/escalations/{escalation_id}/alerts").text
    assert "not shown to your role" in page
    assert REPLY not in page and DSL_PHONE not in page and MUM not in page
    client.cookies.clear()
    sign_in(client, DSL)
    with db.transaction() as session:  # a normal escalation alerts nobody: no such page
        urgent = session.get(Escalation, escalation_id)
        assert urgent is not None
        normal = Escalation(school_id=urgent.school_id, urgency="normal", why="a question",
                            created_at=clock.now())
        session.add(normal)
        session.flush()
        normal_id = normal.id
    assert client.get(f"/console/escalations/{normal_id}/alerts").status_code == 404
    assert client.get("/console/escalations/999999/alerts").status_code == 404


def test_from_the_inbox_to_the_alert_page_in_chromium(
        browser: object, db: Database, tmp_path: Path) -> None:
    escalation_id = alerted(db, SystemClock(), tmp_path)
    app: FastAPI = create_app(console_settings(db.url, tmp_path), database=db,
                              clock=SystemClock(), background=False)
    ARTIFACTS.mkdir(exist_ok=True)
    with served(app) as url:
        context = browser.new_context(viewport={"width": 390, "height": 844})  # type: ignore[attr-defined]
        page = context.new_page()
        sign_in_browser(page, f"{url}/console/", DSL)
        page.click("#inbox-rows tr.urgent a.alerts-link")
        page.wait_for_selector("table.alerts tr.alert")
        assert page.url.endswith(f"/console/escalations/{escalation_id}/alerts")
        assert "Dana Reyes" in page.inner_text("table.alerts")
        assert "by a reply to the email" in page.inner_text("table.alerts td.acknowledged")
        assert "Polish" in page.inner_text("dd.family-language")
        assert "not from the person alerted" in page.inner_text("table.alert-replies")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390  # fits a phone
        page.screenshot(path=str(ARTIFACTS / "console-alert-page.png"), full_page=True)
        context.close()
