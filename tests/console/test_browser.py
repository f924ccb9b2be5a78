"""The whole loop in a real browser (Debian's Chromium, headless) against the app on loopback.

A family replies on the demo phone; the inbound worker and engine raise an urgent escalation;
the DSL's inbox shows it without a reload; the DSL takes over, replies (the phone shows it), sets
the code and resolves. Screenshots go to test-artifacts/ for a person to look at.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import select

from bot.app import create_app
from conversations.types import Mode
from store.clock import SystemClock
from store.conversations import open_conversation, set_mode
from store.database import Database
from store.models.escalations import Escalation
from store.models.marks import Mark
from store.models.outbound import Outbox
from store.models.people import Contact, Student, StudentContact
from store.models.schools import School
from store.models.staff import StaffUser
from store.outbox import enqueue
from store.staff import add_user
from tests.console.conftest import console_settings
from tests.console.seed import PASSWORD, password_hash
from tests.live_server import served

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
DSL = "dana.reyes@example.org"

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="Debian's chromium is not installed (.ci/run installs it)")


# `browser` is the Chromium of tests/conftest.py (one Playwright at a time, per module).




def seed_family(db: Database, clock: SystemClock) -> tuple[int, date]:
    """One school, its DSL, Amy (absent, no reason yet) and her mother, already texted."""
    with db.transaction() as session:
        school = School(name="Hazel Primary")
        session.add(school)
        session.flush()
        assert school.id is not None
        user = add_user(session, clock, email=DSL, name="Dana Reyes", role="dsl",
                        school_ids=[school.id])
        user.password_hash = password_hash()
        amy = Student(school_id=school.id, mis_id="H1", first_name="Amy", last_name="Clarke",
                      year_group="4")
        mum = Contact(school_id=school.id, external_id="HP1", name="Jo Clarke",
                      phone="+447700900321", channels=["sms"])
        session.add_all([amy, mum])
        session.flush()
        assert amy.id is not None and mum.id is not None
        session.add(StudentContact(student_id=amy.id, contact_id=mum.id))
        today = clock.now().astimezone(ZoneInfo(school.timezone)).date()
        session.add(Mark(school_id=school.id, student_id=amy.id, day=today, session="AM",
                         code="N", updated_at=clock.now()))
        enqueue(session, clock, channel="sms", to_address="+447700900321", kind="absence",
                body="Hazel Primary: Amy was marked absent this morning and we have no "
                     "reason yet. Please reply with the reason.",
                school_id=school.id, contact_id=mum.id, student_ids=[amy.id])
        return mum.id, today


@pytest.fixture
def server(db: Database, tmp_path: Path) -> Iterator[str]:
    """The real app (inbound worker running) served by uvicorn on a free loopback port."""
    app = create_app(console_settings(db.url, tmp_path), database=db, clock=SystemClock())
    with served(app) as url:
        yield url


def test_the_whole_loop_from_the_family_phone_to_a_resolved_escalation(
        browser: object, server: str, db: Database) -> None:
    contact_id, today = seed_family(db, SystemClock())
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    staff, phone = context.new_page(), context.new_page()

    staff.goto(f"{server}/console/")
    staff.fill("input[name=email]", DSL)
    staff.fill("input[name=password]", PASSWORD)
    staff.click("button[type=submit]")
    staff.wait_for_selector("#inbox-rows tr.empty")
    staff.screenshot(path=str(ARTIFACTS / "console-1-empty-inbox.png"), full_page=True)

    phone.goto(f"{server}/console/phone/{contact_id}")
    phone.wait_for_selector("text=Amy was marked absent")
    phone.fill("textarea[name=text]", "I dropped her at the school gate at 8.30, she should "
                                      "be in school!")
    phone.click("button:has-text('Send')")
    phone.wait_for_selector("text=I dropped her at the school gate")
    phone.screenshot(path=str(ARTIFACTS / "console-2-phone-reply.png"), full_page=True)

    # No reload: the inbox polls and the urgent row appears by itself.
    staff.wait_for_selector("#inbox-rows tr.urgent", timeout=20_000)
    assert "Amy C." in staff.inner_text("#inbox-rows")
    assert "Parent says the child should be in school" in staff.inner_text("#inbox-rows")
    staff.screenshot(path=str(ARTIFACTS / "console-3-urgent-in-inbox.png"), full_page=True)

    staff.click("#inbox-rows tr.urgent a")
    staff.click("button:has-text('Take over')")
    staff.wait_for_selector("text=With Dana Reyes")
    staff.fill("textarea[name=text]", "Thank you, we are checking the classroom now and will "
                                      "call you straight back.")
    staff.click("button:has-text('Send reply')")
    staff.wait_for_selector("text=we are checking the classroom now")
    staff.select_option("select[name=code]", "/")
    staff.fill("input[name=reason]", "found in class, register corrected")
    staff.click("button:has-text('Set code')")
    staff.wait_for_selector("ul.marks li:has-text('AM: /')")
    staff.screenshot(path=str(ARTIFACTS / "console-4-conversation.png"), full_page=True)

    # The family's phone shows the member of staff's reply by itself.
    phone.wait_for_selector("text=we are checking the classroom now", timeout=10_000)
    phone.screenshot(path=str(ARTIFACTS / "console-5-phone-staff-reply.png"), full_page=True)

    staff.click("button:has-text('Resolve')")
    staff.click("dialog#confirm button.confirm-yes")  # it asks first
    staff.goto(f"{server}/console/")
    staff.wait_for_selector("#inbox-rows tr.empty")
    context.close()

    with db.transaction() as session:
        mark = session.exec(select(Mark)).one()
        assert (mark.code, mark.set_by_staff, mark.day) == ("/", True, today)
        assert {e.status for e in session.exec(select(Escalation))} == {"resolved"}


@contextmanager
def database_busy(db: Database) -> Iterator[None]:
    """Hold the database for a moment, as a busy night does: requests wait for it (SQLite's
    write lock; on PostgreSQL a lock on the outbox), so a click's request is still in flight
    when the second click comes, as over a real network."""
    with db.engine.connect() as connection, connection.begin():
        if db.is_postgres:
            connection.exec_driver_sql("LOCK TABLE outbox IN EXCLUSIVE MODE")
        else:
            connection.exec_driver_sql("SELECT 1")  # inside BEGIN IMMEDIATE: the write lock
        yield


def _reply_typed(browser: object, server: str, db: Database) -> tuple[object, Any]:
    """The DSL signed in on Amy's conversation (taken over) with a reply typed: the browser
    context and the page."""
    clock = SystemClock()
    contact_id, _ = seed_family(db, clock)
    with db.transaction() as session:
        dsl = session.exec(select(StaffUser).where(StaffUser.email == DSL)).one()
        amy = session.exec(select(Student)).one()
        conversation = open_conversation(session, clock, school_id=amy.school_id,
                                         contact_id=contact_id, channel="sms",
                                         student_ids=[amy.id or 0])
        conversation.assigned_user_id = dsl.id
        set_mode(session, conversation, Mode.STAFF)
        conversation_id = conversation.id
    context = browser.new_context()  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(f"{server}/console/conversations/{conversation_id}")
    page.fill("input[name=email]", DSL)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.fill("textarea[name=text]", "We have Amy's note, thank you.")
    return context, page


def test_a_double_clicked_send_reply_queues_one_message(
        browser: object, server: str, db: Database) -> None:
    """The audit's fault: a double click on "Send reply" sent the family two texts."""
    context, page = _reply_typed(browser, server, db)
    box = page.locator("form.reply button:has-text('Send reply')").bounding_box()
    assert box is not None
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    with database_busy(db):
        with page.expect_request(lambda r: r.method == "POST" and r.url.endswith("/reply")):
            page.mouse.click(x, y)
        page.mouse.click(x, y)  # the second click of a double click, the first still in flight
    page.wait_for_selector("#thread li.msg:has-text('We have Amy')", timeout=30_000)
    page.wait_for_load_state("networkidle")
    context.close()
    with db.transaction() as session:
        queued = session.exec(select(Outbox).where(Outbox.kind == "staff_reply")).all()
    assert [row.body for row in queued] == ["We have Amy's note, thank you."]


def test_a_reply_being_sent_disables_its_buttons(
        browser: object, server: str, db: Database) -> None:
    """Issue 15: the button is disabled while it submits (the server's key is the other half).
    The form's own listener stops the request, so the page stays to be looked at."""
    context, page = _reply_typed(browser, server, db)
    page.evaluate("document.querySelector('form.reply').addEventListener("
                  "'submit', (event) => event.preventDefault())")
    page.click("form.reply button:has-text('Send reply')")
    page.wait_for_function("() => [...document.querySelectorAll('form.reply button')]"
                           ".every(b => b.disabled && b.getAttribute('aria-busy') === 'true')",
                           timeout=10_000)
    context.close()
