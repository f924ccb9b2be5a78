"""The console's recovery path for sign-in: an admin sees who is held back by wrong passwords
and unlocks them at once (a DSL in an emergency), or deactivates an account."""

from __future__ import annotations

import re
from datetime import timedelta

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import col, select

from store.clock import FakeClock
from store.database import Database
from store.models.audit import AuditEntry
from store.models.outbound import Outbox
from store.totp import code_at, step_at
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


def emailed_link(db: Database, email: str) -> str:
    """The path of the password link emailed to `email` (through the outbox)."""
    with db.transaction() as session:
        row = session.exec(select(Outbox).where(Outbox.to_address == email,
                                                Outbox.kind == "password_link")
                           .order_by(col(Outbox.id).desc())).first()
    assert row is not None and row.channel == "email", f"no password link to {email}"
    found = re.search(r"https?://[^/\s]+(/console/password/[\w-]+)", row.body)
    assert found, row.body
    return found.group(1)


def choose_password(client: TestClient, path: str, password: str) -> None:
    page = client.get(path)
    assert page.status_code == 200, page.text
    response = client.post(path, data={"csrf_token": csrf_of(page.text), "password": password,
                                       "again": password})
    assert response.status_code == 303
    assert response.headers["location"] == "/console/sign-in?password=set"


def test_an_admin_adds_a_colleague_who_chooses_a_password_from_the_emailed_link(
        app: FastAPI, seeded: Seeded, db: Database) -> None:
    with TestClient(app, follow_redirects=False) as admin, \
            TestClient(app, follow_redirects=False) as newcomer:
        sign_in(admin, seeded.a.admin)
        page = admin.get("/console/staff").text
        response = admin.post("/console/staff", data=form(page, "/console/staff") | {
            "name": "Nia Evans", "email": "Nia.Evans@example.org", "role": "dsl",
            "school": str(seeded.a.school_id)})
        assert response.status_code == 303
        assert "No password yet" in admin.get("/console/staff").text
        link = emailed_link(db, "nia.evans@example.org")
        forged = newcomer.post(link, data={"password": "attacker's choice!",
                                           "again": "attacker's choice!"})
        assert forged.status_code == 403  # no CSRF token: changes nothing, the link still works
        choose_password(newcomer, link, "a long new passphrase")
        sign_in(newcomer, "nia.evans@example.org", "a long new passphrase")
        assert newcomer.get(link).status_code == 400  # used up
        taken = admin.post("/console/staff", data=form(admin.get("/console/staff").text,
                                                       "/console/staff") | {
            "name": "Nia Again", "email": "nia.evans@example.org", "role": "officer",
            "school": str(seeded.a.school_id)})
        assert taken.status_code == 400 and "already exists" in taken.text
    with db.transaction() as session:
        added = session.exec(select(AuditEntry).where(AuditEntry.action == "user.add",
                                                      col(AuditEntry.new_value).contains("nia"))
                             ).one()
        assert added.actor.startswith("staff:")


def test_a_role_change_takes_effect_at_once_and_is_audited(
        app: FastAPI, seeded: Seeded, db: Database) -> None:
    with TestClient(app, follow_redirects=False) as admin, \
            TestClient(app, follow_redirects=False) as officer:
        officer_token = sign_in(officer, seeded.a.officer)
        sign_in(admin, seeded.a.admin)
        page = admin.get("/console/staff").text
        action = f"/console/staff/{user_id(page, seeded.a.officer)}/role"
        assert admin.post(action, data=form(page, action) | {"role": "read_only"}
                          ).status_code == 303
        refused = officer.post(f"/console/conversations/{seeded.a.conversation_id}/resolve",
                               data={"csrf_token": officer_token})
        assert refused.status_code == 403
        own = f"/console/staff/{user_id(page, seeded.a.admin)}/role"
        assert admin.post(own, data={"csrf_token": form(page, action)["csrf_token"],
                                     "role": "officer"}).status_code == 400
    with db.transaction() as session:
        entry = session.exec(select(AuditEntry).where(AuditEntry.action == "user.role")).one()
        assert (entry.old_value, entry.new_value) == ("officer", "read_only")


def test_a_dsl_turns_on_two_factor_and_an_admin_turns_it_off_for_a_lost_phone(
        app: FastAPI, seeded: Seeded, db: Database, clock: FakeClock) -> None:
    with TestClient(app, follow_redirects=False) as dsl, \
            TestClient(app, follow_redirects=False) as admin:
        token = sign_in(dsl, seeded.a.dsl)
        page = dsl.get("/console/account/two-factor").text
        secret = re.search(r'id="totp-secret">([A-Z2-7]+)<', page)
        assert secret
        code = code_at(secret.group(1), step_at(clock.now()))
        assert dsl.post("/console/account/two-factor", data={
            "csrf_token": token, "secret": secret.group(1), "code": code}).status_code == 303
        assert "Two-factor sign-in is on" in dsl.get("/console/account/two-factor").text
        dsl.cookies.clear()
        login = csrf_of(dsl.get("/console/sign-in").text)
        assert dsl.post("/console/sign-in", data={"email": seeded.a.dsl, "password": PASSWORD,
                                                  "csrf_token": login}).status_code == 400
        clock.advance(timedelta(seconds=30))
        login = csrf_of(dsl.get("/console/sign-in").text)
        assert dsl.post("/console/sign-in", data={
            "email": seeded.a.dsl, "password": PASSWORD, "csrf_token": login,
            "code": code_at(secret.group(1), step_at(clock.now()))}).status_code == 303
        sign_in(admin, seeded.a.admin)
        page = admin.get("/console/staff").text
        action = f"/console/staff/{user_id(page, seeded.a.dsl)}/two-factor-off"
        assert admin.post(action, data=form(page, action)).status_code == 303
        assert dsl.get("/console/api/inbox").status_code == 401  # their sessions ended
        dsl.cookies.clear()
        sign_in(dsl, seeded.a.dsl)  # the password alone again


def test_a_password_link_for_a_colleague_is_emailed_and_only_admins_may_send_one(
        app: FastAPI, seeded: Seeded, db: Database) -> None:
    with TestClient(app, follow_redirects=False) as admin, \
            TestClient(app, follow_redirects=False) as officer:
        token = sign_in(officer, seeded.a.officer)
        sign_in(admin, seeded.a.admin)
        page = admin.get("/console/staff").text
        dsl_id = user_id(page, seeded.a.dsl)
        assert officer.post(f"/console/staff/{dsl_id}/password-link",
                            data={"csrf_token": token}).status_code == 403
        assert officer.post("/console/staff", data={
            "csrf_token": token, "name": "X", "email": "x@example.org", "role": "admin",
            "school": str(seeded.a.school_id)}).status_code == 403
        action = f"/console/staff/{dsl_id}/password-link"
        assert admin.post(action, data=form(page, action)).status_code == 303
        assert emailed_link(db, seeded.a.dsl).startswith("/console/password/")


def test_a_new_invitation_for_someone_without_a_password_lasts_as_long_as_the_first(
        app: FastAPI, seeded: Seeded, db: Database, clock: FakeClock) -> None:
    with TestClient(app, follow_redirects=False) as admin, \
            TestClient(app, follow_redirects=False) as newcomer:
        sign_in(admin, seeded.a.admin)
        page = admin.get("/console/staff").text
        assert admin.post("/console/staff", data=form(page, "/console/staff") | {
            "name": "Nia Evans", "email": "nia.evans@example.org", "role": "officer",
            "school": str(seeded.a.school_id)}).status_code == 303
        first = emailed_link(db, "nia.evans@example.org")
        page = admin.get("/console/staff").text
        action = f"/console/staff/{user_id(page, 'nia.evans@example.org')}/password-link"
        assert admin.post(action, data=form(page, action)).status_code == 303
        again = emailed_link(db, "nia.evans@example.org")
        clock.advance(timedelta(hours=2))
        assert newcomer.get(first).status_code == 400  # replaced by the new one
        assert newcomer.get(again).status_code == 200  # an invitation, not an hour's reset
