"""Colleagues' accounts: a role change, one-time password links (once, before they expire, the
newest only), two-factor sign-in with an authenticator app's codes on a fixed clock; each
change audited."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import col, select

from store.clock import FakeClock
from store.database import Database
from store.errors import InvalidInput
from store.models.audit import AuditEntry
from store.models.schools import School
from store.models.staff import StaffUser
from store.staff import add_user, authenticate, deactivate_user
from store.staff_accounts import (
    change_role,
    issue_password_link,
    password_link_user,
    redeem_password_link,
    turn_off_two_factor,
    turn_on_two_factor,
)
from store.totp import code_at, new_secret, step_at

EMAIL = "dana.reyes@example.org"
PASSWORD = "correct horse battery"


def _user(db: Database, clock: FakeClock) -> int:
    with db.transaction() as session:
        school = School(name="Hillside Primary")
        session.add(school)
        session.flush()
        user = add_user(
            session,
            clock,
            email=EMAIL,
            name="Dana Reyes",
            role="officer",
            school_ids=[school.id or 0],
            actor="staff:99",
        )
        assert user.id is not None
        return user.id


def _actions(db: Database) -> list[str]:
    with db.transaction() as session:
        return [a.action for a in session.exec(select(AuditEntry).order_by(col(AuditEntry.id)))]


def test_a_role_change_is_audited_with_old_and_new(db: Database, clock: FakeClock) -> None:
    user_id = _user(db, clock)
    with db.transaction() as session:
        change_role(session, clock, user_id=user_id, role="dsl", actor="staff:99")
        with pytest.raises(InvalidInput, match="unknown role"):
            change_role(session, clock, user_id=user_id, role="head", actor="staff:99")
    with db.transaction() as session:
        assert session.get(StaffUser, user_id).role == "dsl"  # type: ignore[union-attr]
        entry = session.exec(select(AuditEntry).where(AuditEntry.action == "user.role")).one()
        assert (entry.actor, entry.old_value, entry.new_value) == ("staff:99", "officer", "dsl")


def test_a_password_link_works_once_then_signs_in(db: Database, clock: FakeClock) -> None:
    user_id = _user(db, clock)
    with db.transaction() as session:
        token = issue_password_link(session, clock, user_id=user_id, actor="staff:99")
    with db.transaction() as session, pytest.raises(InvalidInput, match="at least 10"):
        redeem_password_link(session, clock, token=token, password="short")
    with db.transaction() as session:
        assert redeem_password_link(session, clock, token=token, password=PASSWORD) == user_id
    with db.transaction() as session:
        assert password_link_user(session, clock, token=token) is None
        with pytest.raises(InvalidInput, match="expired or was already used"):
            redeem_password_link(session, clock, token=token, password="another password")
        assert authenticate(session, clock, email=EMAIL, password=PASSWORD) is not None
    assert _actions(db) == ["user.add", "user.password_link", "user.password", "sign_in"]


def test_a_link_dies_after_its_time_when_replaced_or_when_the_account_is_deactivated(
    db: Database, clock: FakeClock
) -> None:
    user_id = _user(db, clock)
    with db.transaction() as session:
        first = issue_password_link(session, clock, user_id=user_id, actor="staff:99")
        second = issue_password_link(session, clock, user_id=user_id, actor="staff:99")
        assert password_link_user(session, clock, token=first) is None
        assert password_link_user(session, clock, token=second) is not None
        assert password_link_user(session, clock, token="made-up") is None
    clock.advance(timedelta(hours=1))
    with db.transaction() as session:
        assert password_link_user(session, clock, token=second) is None
        third = issue_password_link(session, clock, user_id=user_id, actor="staff:99")
        deactivate_user(session, clock, user_id=user_id)
        assert password_link_user(session, clock, token=third) is None


def test_two_factor_needs_the_apps_code_once_on(db: Database, clock: FakeClock) -> None:
    user_id = _user(db, clock)
    secret = new_secret()
    with db.transaction() as session:
        token = issue_password_link(session, clock, user_id=user_id, actor="staff:99")
        redeem_password_link(session, clock, token=token, password=PASSWORD)
        with pytest.raises(InvalidInput, match="not right"):
            turn_on_two_factor(session, clock, user_id=user_id, secret=secret, code="000000")
        turn_on_two_factor(
            session,
            clock,
            user_id=user_id,
            secret=secret,
            code=code_at(secret, step_at(clock.now())),
        )
    clock.advance(timedelta(seconds=30))
    code = code_at(secret, step_at(clock.now()))
    with db.transaction() as session:
        assert authenticate(session, clock, email=EMAIL, password=PASSWORD) is None
        assert authenticate(session, clock, email=EMAIL, password=PASSWORD, code=code)
    with db.transaction() as session:  # the same code again: never accepted twice
        assert authenticate(session, clock, email=EMAIL, password=PASSWORD, code=code) is None
        turn_off_two_factor(session, clock, user_id=user_id, actor="staff:99")
    with db.transaction() as session:
        assert authenticate(session, clock, email=EMAIL, password=PASSWORD) is not None
    assert {"user.two_factor_on", "user.two_factor_off", "sign_in.failed"} <= set(_actions(db))
