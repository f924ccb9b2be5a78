"""Staff accounts in a real browser (Debian's Chromium, headless) against the app on loopback: an
admin adds a safeguarding lead, who chooses a password from the emailed link (sent by the app's
own dispatcher through the simulated channel), signs in and turns on two-factor sign-in with an
authenticator app's code (the app's clock is fixed, so the code is known). Screenshots go to
test-artifacts/."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlmodel import col, select

from bot.app import create_app
from store.clock import FakeClock
from store.database import Database
from store.models.outbound import Outbox
from store.models.schools import School
from store.models.staff import StaffUser
from store.staff import add_user
from store.totp import code_at, step_at
from tests.console.conftest import console_settings
from tests.console.seed import PASSWORD, password_hash
from tests.live_server import served

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
ADMIN = "gwen.admin@example.org"
NEWCOMER = "nia.evans@example.org"
NEW_PASSWORD = "a long new passphrase"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 11, 25, 8, 15, tzinfo=UTC))


@pytest.fixture
def server(db: Database, clock: FakeClock, tmp_path: Path) -> Iterator[str]:
    with db.transaction() as session:
        school = School(name="Ysgol Bro Hafren")
        session.add(school)
        session.flush()
        add_user(
            session,
            clock,
            email=ADMIN,
            name="Gwen Admin",
            role="admin",
            school_ids=[school.id or 0],
        ).password_hash = password_hash()
    app = create_app(console_settings(db.url, tmp_path), database=db, clock=clock)
    with served(app) as url:
        yield url


def sent_link(db: Database, *, within: float = 30.0) -> str:
    """The path of the password link once the dispatcher has sent its email (or fail)."""
    deadline = time.monotonic() + within
    while True:
        with db.transaction() as session:
            row = session.exec(
                select(Outbox).where(
                    Outbox.to_address == NEWCOMER, col(Outbox.status).in_(("sent", "delivered"))
                )
            ).first()
        if row is not None:
            found = re.search(r"(/console/password/[\w-]+)", row.body)
            assert found, row.body
            return found.group(1)
        assert time.monotonic() < deadline, "the password link was never sent"
        time.sleep(0.1)


def sign_in(page: object, server: str, email: str, password: str, code: str = "") -> None:
    page.goto(f"{server}/console/sign-in")  # type: ignore[attr-defined]
    page.fill("input[name=email]", email)  # type: ignore[attr-defined]
    page.fill("input[name=password]", password)  # type: ignore[attr-defined]
    page.fill("input[name=code]", code)  # type: ignore[attr-defined]
    page.click("button[type=submit]")  # type: ignore[attr-defined]


def test_a_new_dsl_from_invitation_to_two_factor(
    browser: object, server: str, db: Database, clock: FakeClock
) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    admin = browser.new_context().new_page()  # type: ignore[attr-defined]
    sign_in(admin, server, ADMIN, PASSWORD)
    admin.wait_for_selector("text=Inbox")
    admin.goto(f"{server}/console/staff")
    admin.fill("form[action='/console/staff'] input[name=name]", "Nia Evans")
    admin.fill("form[action='/console/staff'] input[name=email]", NEWCOMER)
    admin.select_option("form[action='/console/staff'] select[name=role]", "dsl")
    admin.click("form[action='/console/staff'] button[type=submit]")
    admin.wait_for_selector(f"tr:has-text('{NEWCOMER}') >> text=No password yet")
    admin.screenshot(path=str(ARTIFACTS / "staff-1-added.png"), full_page=True)

    newcomer = browser.new_context().new_page()  # type: ignore[attr-defined]
    newcomer.goto(server + sent_link(db))
    newcomer.fill("input[name=password]", NEW_PASSWORD)
    newcomer.fill("input[name=again]", NEW_PASSWORD)
    newcomer.click("button[type=submit]")
    newcomer.wait_for_selector("text=Your password is saved")
    sign_in(newcomer, server, NEWCOMER, NEW_PASSWORD)
    newcomer.click("a[href='/console/account']")  # their name in the top bar
    newcomer.click("a[href='/console/account/two-factor']")
    secret = newcomer.inner_text("#totp-secret")
    newcomer.fill("input[name=code]", code_at(secret, step_at(clock.now())))
    newcomer.screenshot(path=str(ARTIFACTS / "staff-2-two-factor.png"), full_page=True)
    newcomer.click("button:has-text('Turn on')")
    newcomer.wait_for_selector(".two-factor-on")

    newcomer.context.clear_cookies()
    sign_in(newcomer, server, NEWCOMER, NEW_PASSWORD)  # no code: refused
    newcomer.wait_for_selector("p.error")
    clock.set(datetime(2026, 11, 25, 8, 16, tzinfo=UTC))  # the app's next code
    sign_in(newcomer, server, NEWCOMER, NEW_PASSWORD, code_at(secret, step_at(clock.now())))
    newcomer.wait_for_selector("text=Inbox")
    with db.transaction() as session:
        user = session.exec(select(StaffUser).where(StaffUser.email == NEWCOMER)).one()
        assert (user.role, user.totp_secret) == ("dsl", secret)
