"""A snow day declared mid-morning in a real browser (Debian's Chromium, headless) against the app
on loopback: two clicks (the calendar's button, then the confirm page's), and the Welsh family
already messaged today gets the notice, Welsh then English, through the app's own dispatcher
and the simulated channel. Screenshots go to test-artifacts/ for a person to look at."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlmodel import select

from bot.app import create_app
from store.clock import FakeClock
from store.database import Database
from store.models.marks import Mark
from store.models.outbound import Outbox
from store.models.people import Contact, Student, StudentContact
from store.models.schools import School, SchoolDay
from store.outbox import enqueue
from store.staff import add_user
from tests.console.conftest import console_settings
from tests.console.seed import PASSWORD, password_hash
from tests.live_server import served

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
ADMIN = "gwen.admin@example.org"
MID_MORNING = datetime(2026, 11, 25, 10, 40, tzinfo=UTC)  # a Wednesday in term, GMT


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(MID_MORNING)


def seed(db: Database, clock: FakeClock) -> tuple[int, int]:
    """Ysgol Bro Hafren (bilingual), its admin, Elin (absent) whose mother reads Welsh and was
    texted at 09:30, and Dafydd (present this morning); neither has an afternoon mark yet."""
    with db.transaction() as session:
        school = School(name="Ysgol Bro Hafren", welsh_bilingual=True, country="GB-WLS")
        session.add(school)
        session.flush()
        assert school.id is not None
        add_user(
            session, clock, email=ADMIN, name="Gwen Admin", role="admin", school_ids=[school.id]
        ).password_hash = password_hash()
        elin = Student(school_id=school.id, mis_id="E1", first_name="Elin", last_name="Morgan")
        dafydd = Student(school_id=school.id, mis_id="D1", first_name="Dafydd", last_name="Rees")
        mam = Contact(
            school_id=school.id,
            external_id="M1",
            name="Siân Morgan",
            phone="+447700900421",
            language="cy",
            channels=["sms"],
        )
        session.add_all([elin, dafydd, mam])
        session.flush()
        assert elin.id is not None and mam.id is not None and dafydd.id is not None
        session.add(StudentContact(student_id=elin.id, contact_id=mam.id))
        day = MID_MORNING.date()
        session.add(
            Mark(
                school_id=school.id,
                student_id=elin.id,
                day=day,
                session="AM",
                code="N",
                updated_at=clock.now(),
            )
        )
        session.add(
            Mark(
                school_id=school.id,
                student_id=dafydd.id,
                day=day,
                session="AM",
                code="/",
                updated_at=clock.now(),
            )
        )
        earlier = enqueue(
            session,
            clock,
            channel="sms",
            to_address="+447700900421",
            kind="absence",
            body="Ysgol Bro Hafren: roedd Elin yn absennol.",
            school_id=school.id,
            contact_id=mam.id,
            student_ids=[elin.id],
        )
        earlier.status, earlier.created_at = "sent", clock.now() - timedelta(hours=1)
        return school.id, mam.id


@pytest.fixture
def server(db: Database, clock: FakeClock, tmp_path: Path) -> Iterator[str]:
    """The real app (dispatcher and simulated channels running) on a free loopback port."""
    app = create_app(console_settings(db.url, tmp_path), database=db, clock=clock)
    with served(app) as url:
        yield url


def notice_when_sent(db: Database, contact_id: int, *, within: float = 30.0) -> Outbox:
    """The closure notice to the contact once the dispatcher has sent it (or fail)."""
    deadline = time.monotonic() + within
    while True:
        with db.transaction() as session:
            row = session.exec(
                select(Outbox).where(
                    Outbox.contact_id == contact_id, Outbox.kind == "closure.emergency"
                )
            ).first()
            if row is not None and row.status in ("sent", "delivered"):
                return row
        assert time.monotonic() < deadline, f"no sent notice: {row and row.status}"
        time.sleep(0.1)


def test_a_snow_day_in_two_clicks(
    browser: object, server: str, db: Database, clock: FakeClock
) -> None:
    school_id, contact_id = seed(db, clock)
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(f"{server}/console/calendar")
    page.fill("input[name=email]", ADMIN)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_selector("#month td.today")
    page.screenshot(path=str(ARTIFACTS / "calendar-1-month.png"), full_page=True)

    page.click("a.button.emergency")  # the first click: nothing changes yet
    page.wait_for_selector("ul.closure-plan")
    plan = page.inner_text("ul.closure-plan")
    assert "2 register sessions" in plan and "1 families" in plan and "chase" in plan
    page.fill("input[name=note]", "snow")
    page.screenshot(path=str(ARTIFACTS / "calendar-2-confirm.png"), full_page=True)
    with db.transaction() as session:
        assert session.exec(select(SchoolDay)).first() is None

    page.click("button:has-text('Close the school today')")  # the second click
    page.wait_for_selector(".closed-today")
    page.wait_for_selector("#month td.today.emergency")
    page.screenshot(path=str(ARTIFACTS / "calendar-3-closed.png"), full_page=True)
    context.close()

    notice = notice_when_sent(db, contact_id)
    assert notice.body.startswith("Mae Ysgol Bro Hafren wedi gorfod cau heddiw (Dydd Mercher")
    assert "Ysgol Bro Hafren has had to close today (Wednesday 25 November)" in notice.body
    with db.transaction() as session:
        codes = {
            (m.student_id, m.session): m.code
            for m in session.exec(select(Mark).where(Mark.school_id == school_id))
        }
    assert sorted(codes.values()) == ["/", "N", "Y4", "Y4"]
