"""`rollcall user add` creates a staff account that can sign in."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from bot.cli import build_app
from store.clock import FakeClock
from store.database import Database
from store.models.schools import School
from store.staff import add_user, authenticate
from store.totp import new_secret

app = build_app()  # every command, as `rollcall --help` lists them


def test_user_add_reads_the_password_from_stdin(db: Database, clock: FakeClock,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    with db.transaction() as session:
        school = School(name="Oak High")
        session.add(school)
    monkeypatch.setenv("ROLLCALL_DATABASE_URL", db.url)
    result = CliRunner().invoke(app, [
        "user", "add", "lee.moss@example.org", "--name", "Lee Moss", "--role", "dsl",
        "--school", str(school.id), "--password-stdin"], input="a long enough password\n")
    assert result.exit_code == 0, result.output
    assert "lee.moss@example.org (dsl)" in result.output
    with db.transaction() as session:
        user = authenticate(session, clock, email="lee.moss@example.org",
                            password="a long enough password")
        assert user is not None and user.role == "dsl"


def test_user_add_refuses_an_unknown_role(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ROLLCALL_DATABASE_URL", db.url)
    result = CliRunner().invoke(app, [
        "user", "add", "lee@example.org", "--name", "Lee", "--role", "boss", "--school", "1",
        "--password-stdin"], input="a long enough password\n")
    assert result.exit_code != 0
    assert "unknown role" in str(result.exception)


def test_a_role_change_and_two_factor_off_from_the_command_line(
        db: Database, clock: FakeClock, monkeypatch: pytest.MonkeyPatch) -> None:
    """The recovery path when the only admin lost the phone their two-factor codes come from."""
    with db.transaction() as session:
        school = School(name="Oak High")
        session.add(school)
        session.flush()
        user = add_user(session, clock, email="lee.moss@example.org", name="Lee Moss",
                        role="officer", school_ids=[school.id or 0],
                        password="a long enough password")
        user.totp_secret = new_secret()
    monkeypatch.setenv("ROLLCALL_DATABASE_URL", db.url)
    result = CliRunner().invoke(app, ["user", "role", "lee.moss@example.org", "admin"])
    assert result.exit_code == 0 and "lee.moss@example.org is now admin" in result.output
    with db.transaction() as session:
        assert authenticate(session, clock, email="lee.moss@example.org",
                            password="a long enough password") is None  # needs a code
    result = CliRunner().invoke(app, ["user", "two-factor-off", "lee.moss@example.org"])
    assert result.exit_code == 0, result.output
    with db.transaction() as session:
        user = authenticate(session, clock, email="lee.moss@example.org",
                            password="a long enough password")
        assert user is not None and user.role == "admin"
