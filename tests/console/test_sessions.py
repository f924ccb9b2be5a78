"""The session cookie's flags and the secret it is signed with."""

from __future__ import annotations

import stat
from datetime import timedelta
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pydantic import SecretStr
from typer.testing import CliRunner

from bot.app import create_app
from bot.cli import build_app
from bot.console.sessions import secret_key
from bot.settings import Settings
from store.clock import FakeClock
from store.database import Database
from store.staff import deactivate_user, set_password, user_by_email
from tests.console.conftest import Seeded, csrf_of, sign_in
from tests.console.seed import PASSWORD

cli = build_app()  # every command, as `rollcall --help` lists them


def test_without_a_secret_key_one_is_generated_once_and_kept_private(tmp_path: Path) -> None:
    settings = Settings(secret_key_file=str(tmp_path / "secret.key"))
    first = secret_key(settings)
    assert len(first) >= 40 and first == secret_key(settings)
    assert stat.S_IMODE((tmp_path / "secret.key").stat().st_mode) == 0o600
    assert secret_key(Settings(secret_key=SecretStr("set-by-the-admin"))) == "set-by-the-admin"


def test_the_cookie_is_httponly_lax_and_secure_behind_https(
        db: Database, clock: FakeClock, tmp_path: Path, seeded: Seeded) -> None:
    settings = Settings(database_url=db.url, public_url="https://rollcall.example.org",
                        secret_key=SecretStr("s" * 40))
    app = create_app(settings, database=db, clock=clock, background=False)
    with TestClient(app, base_url="https://testserver", follow_redirects=False) as client:
        header = client.get("/console/sign-in").headers["set-cookie"].lower()
        assert "httponly" in header and "samesite=lax" in header and "secure" in header
        sign_in(client, seeded.a.officer)
        assert client.get("/console/api/inbox").status_code == 200


def test_signing_out_ends_the_session(client: TestClient, seeded: Seeded) -> None:
    token = sign_in(client, seeded.a.officer)
    assert client.post("/console/sign-out", data={"csrf_token": token}).status_code == 303
    assert client.get("/console/api/inbox").status_code == 401


def test_a_sign_in_link_never_sends_staff_off_the_console(client: TestClient,
                                                          seeded: Seeded) -> None:
    from tests.console.conftest import csrf_of
    from tests.console.seed import PASSWORD

    token = csrf_of(client.get("/console/sign-in").text)
    response = client.post("/console/sign-in", data={
        "email": seeded.a.officer, "password": PASSWORD, "csrf_token": token,
        "next": "https://evil.example.org/console/"})
    assert response.headers["location"] == "/console/"


def test_refusals_are_pages_for_people_and_json_for_the_api(client: TestClient,
                                                            seeded: Seeded) -> None:
    sign_in(client, seeded.a.officer)
    page = client.get(f"/console/conversations/{seeded.b.conversation_id}")
    assert page.status_code == 404 and "text/html" in page.headers["content-type"]
    api = client.get(f"/console/api/conversations/{seeded.b.conversation_id}")
    assert api.status_code == 404 and api.json() == {"detail": "not found"}


def _user_id(db: Database, email: str) -> int:
    with db.transaction() as session:
        user = user_by_email(session, email)
        assert user is not None and user.id is not None
        return user.id


def test_a_signed_out_cookie_replayed_is_no_session(client: TestClient, seeded: Seeded) -> None:
    """The audit's fault: the cookie stayed valid for 12 hours after signing out."""
    token = sign_in(client, seeded.a.officer)
    kept = client.cookies.get("rollcall_session")
    assert client.post("/console/sign-out", data={"csrf_token": token}).status_code == 303
    client.cookies.set("rollcall_session", kept, path="/console")
    assert client.get("/console/api/inbox").status_code == 401
    assert client.get("/console/").status_code == 303


def test_a_new_password_or_deactivation_ends_every_session_at_once(
        app: FastAPI, db: Database, clock: FakeClock, seeded: Seeded) -> None:
    with TestClient(app, follow_redirects=False) as first, \
            TestClient(app, follow_redirects=False) as second:
        sign_in(first, seeded.a.officer)
        sign_in(second, seeded.a.dsl)
        officer, dsl = _user_id(db, seeded.a.officer), _user_id(db, seeded.a.dsl)
        with db.transaction() as session:
            set_password(session, clock, user_id=officer, password="a brand new password")
            deactivate_user(session, clock, user_id=dsl)
        assert first.get("/console/api/inbox").status_code == 401
        assert second.get("/console/api/inbox").status_code == 401
        sign_in(first, seeded.a.officer, "a brand new password")
        token = csrf_of(second.get("/console/sign-in").text)
        refused = second.post("/console/sign-in", data={
            "email": seeded.a.dsl, "password": PASSWORD, "csrf_token": token})
        assert refused.status_code == 400  # deactivated: no way back in


def test_idle_for_30_minutes_ends_the_session_and_use_keeps_it_for_12_hours(
        client: TestClient, clock: FakeClock, seeded: Seeded) -> None:
    sign_in(client, seeded.a.officer)
    for _ in range(5):  # a page every 25 minutes keeps it going
        clock.advance(timedelta(minutes=25))
        assert client.get("/console/").status_code == 200
    clock.advance(timedelta(minutes=31))
    assert client.get("/console/").status_code == 303
    sign_in(client, seeded.a.officer)
    for _ in range(28):  # 11 h 40 min of steady use
        clock.advance(timedelta(minutes=25))
        assert client.get("/console/").status_code == 200
    clock.advance(timedelta(minutes=25))  # past 12 hours, however busy
    assert client.get("/console/").status_code == 303


def test_background_polls_do_not_keep_an_unattended_console_signed_in(
        client: TestClient, clock: FakeClock, seeded: Seeded) -> None:
    sign_in(client, seeded.a.officer)
    for _ in range(7):  # a poll every few seconds in a real tab; 28 minutes of them here
        clock.advance(timedelta(minutes=4))
        assert client.get("/console/api/inbox").status_code == 200
    clock.advance(timedelta(minutes=4))
    assert client.get("/console/api/inbox").status_code == 401  # 32 minutes, nobody there


def test_wrong_passwords_slow_an_attacker_without_locking_the_dsl_out_for_long(
        client: TestClient, clock: FakeClock, seeded: Seeded, db: Database) -> None:
    """The audit's fault: five wrong passwords locked the safeguarding lead out for 15 minutes."""
    for _ in range(5):
        token = csrf_of(client.get("/console/sign-in").text)
        assert client.post("/console/sign-in", data={
            "email": seeded.a.dsl, "password": "not the password", "csrf_token": token,
        }).status_code == 400
    clock.advance(timedelta(seconds=31))
    sign_in(client, seeded.a.dsl)


def test_rollcall_user_unlock_lets_a_locked_out_dsl_straight_back_in(
        client: TestClient, seeded: Seeded, db: Database,
        monkeypatch: pytest.MonkeyPatch) -> None:
    for _ in range(9):  # a determined guesser: the next try would wait 15 minutes
        token = csrf_of(client.get("/console/sign-in").text)
        client.post("/console/sign-in", data={"email": seeded.a.dsl, "password": "a guess!!!",
                                              "csrf_token": token})
    monkeypatch.setenv("ROLLCALL_DATABASE_URL", db.url)
    result = CliRunner().invoke(cli, ["user", "unlock", seeded.a.dsl])
    assert result.exit_code == 0, result.output
    sign_in(client, seeded.a.dsl)
