"""The console's recovery path for sign-in: an admin sees who is held back by wrong passwords
and unlocks them at once (a DSL in an emergency), or deactivates an account."""

from __future__ import annotations

import re

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import select

from store.database import Database
from store.models import AuditEntry
from tests.console.conftest import Seeded, csrf_of, sign_in
from tests.console.seed import PASSWORD


def guess(client: TestClient, email: str, times: int) -> None:
    for _ in range(times):
        token = csrf_of(client.get("/console/sign-in").text)
        assert client.post("/console/sign-in", data={
            "email": email, "password": "a wrong guess", "csrf_token": token,
        }).status_code == 400


def form(page: str, action: str) -> dict[str, str]:
    found = re.search(rf'action="{re.escape(action)}">(.*?)</form>', page, re.S)
    assert found, f"no form for {action}"
    return dict(re.findall(r'name="(\w+)" value="([^"]*)"', found.group(1)))


def user_id(page: str, email: str) -> int:
    found = re.search(rf'data-user="(\d+)"><td>[^<]*</td><td>{re.escape(email)}<', page)
    assert found, email
    return int(found.group(1))


def test_an_admin_unlocks_a_dsl_held_back_by_someone_elses_guesses(
        app: FastAPI, seeded: Seeded, db: Database) -> None:
    with TestClient(app, follow_redirects=False) as attacker, \
            TestClient(app, follow_redirects=False) as admin, \
            TestClient(app, follow_redirects=False) as dsl:
        guess(attacker, seeded.a.dsl, 9)  # the next try would wait 15 minutes
        sign_in(admin, seeded.a.admin)
        page = admin.get("/console/staff").text
        assert "Held back until" in page
        assert seeded.a.officer in page and seeded.b.officer not in page  # their schools only
        action = f"/console/staff/{user_id(page, seeded.a.dsl)}/unlock"
        assert admin.post(action, data=form(page, action)).status_code == 303
        assert "Held back until" not in admin.get("/console/staff").text
        sign_in(dsl, seeded.a.dsl, PASSWORD)
    with db.transaction() as session:
        assert session.exec(select(AuditEntry).where(AuditEntry.action == "user.unlock")).one()


def test_deactivating_from_the_console_ends_their_sessions(
        app: FastAPI, seeded: Seeded) -> None:
    with TestClient(app, follow_redirects=False) as admin, \
            TestClient(app, follow_redirects=False) as officer:
        sign_in(officer, seeded.a.officer)
        sign_in(admin, seeded.a.admin)
        page = admin.get("/console/staff").text
        action = f"/console/staff/{user_id(page, seeded.a.officer)}/deactivate"
        assert admin.post(action, data=form(page, action)).status_code == 303
        assert officer.get("/console/api/inbox").status_code == 401
        assert "Deactivated" in admin.get("/console/staff").text


def test_only_admins_and_only_for_their_own_schools(client: TestClient, seeded: Seeded,
                                                    app: FastAPI) -> None:
    with TestClient(app, follow_redirects=False) as other:
        sign_in(other, seeded.b.admin)
        theirs = user_id(other.get("/console/staff").text, seeded.b.dsl)
    token = sign_in(client, seeded.a.admin)
    assert client.post(f"/console/staff/{theirs}/unlock",
                       data={"csrf_token": token}).status_code == 404
    client.cookies.clear()
    token = sign_in(client, seeded.a.officer)
    assert client.get("/console/staff").status_code == 403
    assert client.post(f"/console/staff/{theirs}/unlock",
                       data={"csrf_token": token}).status_code == 403
