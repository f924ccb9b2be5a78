"""A court order's restriction recorded on the student page (and lifted), audited, by someone
who may act at the school; the page then offers no way to write to that contact. In Chromium
too, with a screenshot in test-artifacts/."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlmodel import select

from bot.app import create_app
from store.clock import FakeClock
from store.database import Database
from store.models.audit import AuditEntry
from store.models.people import Contact
from store.models.staff import StaffUser
from tests.console.conftest import Seeded, console_settings, sign_in
from tests.console.seed import PASSWORD
from tests.console.test_start_conversation import quiet_family
from tests.live_server import served

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def _signed_in(client: TestClient, db: Database, clock: FakeClock, seeded: Seeded,
               officer: str) -> tuple[str, int, int, int]:
    """Cal's quiet family, and an officer signed in: (CSRF token, Cal, Dad, Gran)."""
    cal, dad, gran = quiet_family(db, clock, seeded)
    return sign_in(client, officer), cal, dad, gran


def _post(client: TestClient, token: str, path: str, **data: str) -> int:
    form = {"csrf_token": token, "idempotency_key": f"key-{len(data)}-{path}", **data}
    response = client.post(path, data=form)
    return response.status_code


def test_an_officer_records_and_lifts_a_court_order_audited(
        client: TestClient, clock: FakeClock, seeded: Seeded, db: Database) -> None:
    token, cal, dad, gran = _signed_in(client, db, clock, seeded, seeded.a.officer)
    path = f"/console/students/{cal}/contacts/{dad}/court-order"
    assert f'action="{path}"' in client.get(f"/console/students/{cal}").text
    assert _post(client, token, path, restricted="true") == 303
    page = client.get(f"/console/students/{cal}").text
    dads = page[page.index(f'data-contact="{dad}"'):]
    dads = dads[:dads.index("</li>")]
    assert "court-order" in page and "Court order: nothing is sent to this contact" in dads
    assert "Lift the court order" in dads and "Start a conversation" not in dads
    # The member of staff cannot start writing to them either (nor to them by another form).
    refused = client.post(f"/console/students/{cal}/contacts/{dad}/conversation",
                          data={"csrf_token": token})
    assert refused.status_code == 400 and "court order" in refused.text
    assert _post(client, token, path + "?again", restricted="false") == 303
    with db.transaction() as session:
        restricted = session.get(Contact, dad)
        entries = [(a.actor, a.old_value, a.new_value) for a in session.exec(
            select(AuditEntry).where(AuditEntry.action == "contact.court_order"))]
    assert restricted is not None and not restricted.court_order
    officer = f"staff:{_staff_id(db, seeded.a.officer)}"
    assert entries == [(officer, "false", "true"), (officer, "true", "false")]
    assert gran  # Gran was never touched


def _staff_id(db: Database, email: str) -> int:
    with db.transaction() as session:
        user = session.exec(select(StaffUser).where(StaffUser.email == email)).one()
        assert user.id is not None
        return user.id


def test_another_schools_officer_changes_nothing(
        client: TestClient, clock: FakeClock, seeded: Seeded, db: Database) -> None:
    token, cal, dad, _ = _signed_in(client, db, clock, seeded, seeded.b.officer)
    path = f"/console/students/{cal}/contacts/{dad}/court-order"
    assert _post(client, token, path, restricted="true") == 404
    with db.transaction() as session:
        contact = session.get(Contact, dad)
        assert contact is not None and not contact.court_order


@pytest.fixture
def server(db: Database, clock: FakeClock, tmp_path: Path, seeded: Seeded) -> Iterator[str]:
    app = create_app(console_settings(db.url, tmp_path), database=db, clock=clock)
    with served(app) as url:
        yield url


def test_recording_a_court_order_in_chromium(browser: object, server: str, clock: FakeClock,
                                             seeded: Seeded, db: Database) -> None:
    cal, dad, _ = quiet_family(db, clock, seeded)
    page = browser.new_page(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    try:
        page.goto(f"{server}/console/")
        page.fill("input[name=email]", seeded.a.officer)
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        page.goto(f"{server}/console/students/{cal}")
        row = f"li[data-contact='{dad}']"
        page.click(f"{row} button:has-text('Record a court order')")
        page.wait_for_selector(f"{row}.court-order")
        text = page.inner_text(row)
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "console-court-order.png"), full_page=True)
    finally:
        page.close()
    assert "Court order: nothing is sent to this contact" in text
    assert "Start a conversation" not in text and re.search("Lift the court order", text)
