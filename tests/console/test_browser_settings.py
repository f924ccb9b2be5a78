"""School settings in a real browser (Debian's Chromium, headless) against the app on loopback: an
admin opens them from the top bar, puts the chase before the absence run (refused beside the
field, nothing saved), fixes it, puts the admin first on call and saves; the store has exactly
what the page said. Screenshots go to test-artifacts/ for a person to look at."""

from __future__ import annotations

from datetime import time
from pathlib import Path

from sqlmodel import select

from store.database import Database
from store.models.audit import AuditEntry
from store.models.schools import School
from store.models.staff import StaffUser
from store.on_call import on_call_list
from tests.console.conftest import Seeded, sign_in_browser

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def test_an_admin_sets_the_day_and_the_on_call_order(
    browser: object, server: str, seeded: Seeded, db: Database
) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    with db.transaction() as session:
        ids = {u.email: u.id for u in session.exec(select(StaffUser))}
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()  # type: ignore[attr-defined]
    sign_in_browser(page, f"{server}/console/sign-in", seeded.a.admin)
    page.click("nav >> text=School settings")
    page.wait_for_selector("form.settings")
    page.screenshot(path=str(ARTIFACTS / "settings-1-page.png"), full_page=True)

    page.fill("input[name=chase_run_at]", "09:15")
    page.click("form.settings button[type=submit]")
    page.wait_for_selector("#settings-error")
    assert "cannot come before" in page.inner_text("#settings-error")
    assert page.get_attribute("input[name=chase_run_at]", "aria-invalid") == "true"
    page.screenshot(path=str(ARTIFACTS / "settings-2-refused.png"), full_page=True)

    page.fill("input[name=chase_run_at]", "11:30")
    page.fill(f"input[name=on_call_{ids[seeded.a.admin]}]", "1")
    page.fill(f"input[name=on_call_{ids[seeded.a.dsl]}]", "2")
    page.check("input[name=call_list_urgent]")
    page.click("form.settings button[type=submit]")
    page.wait_for_selector("p.done")
    assert "Settings changed: 3." in page.inner_text("p.done")
    page.screenshot(path=str(ARTIFACTS / "settings-3-saved.png"), full_page=True)

    with db.transaction() as session:
        school = session.get(School, seeded.a.school_id)
        assert school is not None
        assert (school.chase_run_at, school.call_list_urgent) == (time(11, 30), True)
        assert [u.email for u in on_call_list(session, seeded.a.school_id)] == [
            seeded.a.admin, seeded.a.dsl]
        actions = [e.action for e in session.exec(select(AuditEntry))
                   if e.action.startswith("school.setting.")]
    assert sorted(actions) == ["school.setting.call_list_urgent", "school.setting.chase_run_at",
                               "school.setting.on_call"]
