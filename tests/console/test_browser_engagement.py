"""A Personal Tutor's intervention in a real browser (Debian's Chromium, headless) against the
app on loopback: the tutor opens the at-risk task from the inbox, sees the evidence, records
the meeting as a confidential note and refers the student to the Senior Tutor, whose inbox then
has the referral; an officer opening the same student sees neither the note nor the referral's
reason. Screenshots go to test-artifacts/."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlmodel import select

from bot.app import create_app
from store.clock import FakeClock
from store.database import Database
from store.engagement import recompute
from store.models.casework import CaseworkMeeting
from store.models.engagement import EngagementStatus
from store.models.escalations import Escalation
from store.schools import school_by_id
from tests.console.conftest import console_settings
from tests.console.seed import PASSWORD, password_hash
from tests.live_server import served
from tests.store.engagement_world import DAY, University, add_student, build

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
AGREED = "Ben will come to Friday's seminar; we look at the hardship fund together"

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="Debian's chromium is not installed (.ci/run installs it)")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 11, 27, 12, tzinfo=UTC))


@pytest.fixture
def world(db: Database, clock: FakeClock) -> University:
    world = build(db, clock, password_hash=password_hash())
    add_student(db, world, "Ben", lambda n, e: "absent" if n >= 20 and n % 2 == 0
                else "present")
    with db.transaction() as session:
        school = school_by_id(session, world.school_id)
        assert school is not None
        recompute(session, clock, school=school, day=DAY)
    return world


@pytest.fixture
def server(db: Database, clock: FakeClock, tmp_path: Path, world: University) -> Iterator[str]:
    app = create_app(console_settings(db.url, tmp_path), database=db, clock=clock,
                     background=False)
    with served(app) as url:
        yield url


def sign_in(page: object, server: str, email: str) -> None:
    page.goto(f"{server}/console/sign-in")  # type: ignore[attr-defined]
    page.fill("input[name=email]", email)  # type: ignore[attr-defined]
    page.fill("input[name=password]", PASSWORD)  # type: ignore[attr-defined]
    page.click("button[type=submit]")  # type: ignore[attr-defined]
    page.wait_for_selector("text=Inbox")  # type: ignore[attr-defined]


def test_tutor_sees_the_task_records_the_meeting_and_refers(
        browser: object, server: str, db: Database, world: University) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    tutor = browser.new_context().new_page()  # type: ignore[attr-defined]
    sign_in(tutor, server, world.emails["tutor"])
    tutor.click("tr:has-text('Student at risk: engagement review') "
                "a[href^='/console/escalations/']")
    tutor.wait_for_selector("#tasks >> text=missed events of one module in a row")
    tutor.wait_for_selector("#history >> text=10 of one module missed in a row")
    tutor.click("summary:has-text('Events missed')")
    tutor.wait_for_selector("li:has-text('EC2010 Econometrics')")
    tutor.screenshot(path=str(ARTIFACTS / "engagement-1-task.png"), full_page=True)

    meeting = "form[action$='/meeting']"
    tutor.fill(f"{meeting} textarea[name=attendees]", "Ben Example\nDr Ada Khan")
    tutor.fill(f"{meeting} textarea[name=actions]", AGREED)
    tutor.fill(f"{meeting} input[name=review_on]", "2026-12-11")
    tutor.click(f"{meeting} button[type=submit]")
    tutor.wait_for_selector("text=The meeting is recorded as a confidential note.")
    tutor.wait_for_selector(f"#notes >> text={AGREED}")
    tutor.wait_for_selector("#status >> text=intervention")

    refer = "form[action$='/refer']"
    tutor.select_option(f"{refer} select[name=to]", "senior_tutor")
    tutor.fill(f"{refer} textarea[name=reason]", "Still missing Econometrics after we met")
    tutor.click(f"{refer} button[type=submit]")
    tutor.wait_for_selector("text=The referral is made")
    tutor.wait_for_selector("#status >> text=referred")
    tutor.screenshot(path=str(ARTIFACTS / "engagement-2-referred.png"), full_page=True)

    senior = browser.new_context().new_page()  # type: ignore[attr-defined]
    sign_in(senior, server, world.emails["senior"])
    senior.click("tr:has-text('Referred to the Senior Tutor') a[href^='/console/escalations/']")
    senior.wait_for_selector("#tasks >> text=Still missing Econometrics after we met")
    senior.wait_for_selector(f"#notes >> text={AGREED}")  # the Senior Tutor reads the note

    officer = browser.new_context().new_page()  # type: ignore[attr-defined]
    sign_in(officer, server, world.emails["officer"])
    officer.goto(f"{server}/console/engagement/students/{world.students['Ben']}")
    officer.wait_for_selector("text=Its content is for the person it went to.")
    assert AGREED not in officer.content()
    assert "Still missing Econometrics" not in officer.content()
    officer.screenshot(path=str(ARTIFACTS / "engagement-3-officer.png"), full_page=True)

    with db.transaction() as session:
        status = session.exec(select(EngagementStatus).where(
            EngagementStatus.track == "engagement")).one()
        note = session.exec(select(CaseworkMeeting)).one()
        referral = session.exec(select(Escalation).where(
            Escalation.intent == "engagement_referral")).one()
    assert (status.status, note.confidential) == ("referred", True)
    assert referral.assigned_user_id == world.staff["senior"]
