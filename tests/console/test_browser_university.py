"""The university demo in Debian's Chromium (headless) against the app on loopback: the
engagement coordinator opens Cohorts on a phone and a wide screen, sees every chart drawn and
the page fits the screen; screenshots go to test-artifacts/."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from bot.app import create_app
from scheduling.engagement import engagement_pass
from store.clock import FakeClock
from store.database import Database
from store.demo_university import create_institution_demo
from tests.console.conftest import console_settings
from tests.live_server import served

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
EVENING = datetime(2026, 12, 9, 19, tzinfo=UTC)  # a Wednesday, after the day's registers


@pytest.fixture
def university(db: Database, tmp_path: Path) -> Iterator[str]:
    clock = FakeClock(EVENING)
    with db.transaction() as session:
        summary = create_institution_demo(session, clock, password="rollcall-demo")
    engagement_pass(db, clock, school_id=summary.school_id, day=summary.days[-1])
    app = create_app(console_settings(db.url, tmp_path), database=db, clock=clock,
                     background=False)
    with served(app) as url:
        yield url


@pytest.mark.parametrize("width", [390, 1366])
def test_the_coordinator_reads_the_cohorts_on_a_phone_and_a_wide_screen(
        browser: Any, university: str, width: int) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_context(viewport={"width": width, "height": 900}).new_page()
    page.goto(f"{university}/console/sign-in")
    page.fill("input[name=email]", "priya.castell@example.org")
    page.fill("input[name=password]", "rollcall-demo")
    page.click("button[type=submit]")
    page.wait_for_url(f"{university}/console/")
    page.click("nav >> text=Cohorts")
    page.wait_for_url(f"{university}/console/cohorts")
    charts = page.locator("svg[role=img]")
    assert charts.count() == 6  # attendance by course, year, week, module; flagged by two
    assert all(charts.nth(n).bounding_box()["width"] > 0 for n in range(charts.count()))
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    flagged = page.locator("#flagged-by-course tbody tr")
    assert flagged.count() == 5
    page.screenshot(path=str(ARTIFACTS / f"university-cohorts-{width}.png"), full_page=True)
