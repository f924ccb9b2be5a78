"""Staff accounts: argon2 passwords, lockout, roles and schools."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from store.clock import FakeClock
from store.database import Database
from store.errors import InvalidInput
from store.models import AuditEntry, School, StaffUser
from store.staff import (
    LOCKOUT,
    MAX_FAILED_LOGINS,
    add_user,
    authenticate,
    school_ids_of,
    set_password,
)

PASSWORD = "a long enough password"


@pytest.fixture
def school_id(db: Database) -> int:
    with db.transaction() as session:
        school = School(name="Elm Primary")
        session.add(school)
        session.flush()
        assert school.id is not None
        return school.id


def test_a_user_signs_in_with_their_password_and_sees_their_schools(
        db: Database, clock: FakeClock, school_id: int) -> None:
    with db.transaction() as session:
        user = add_user(session, clock, email="Pat.Jones@Example.org", name="Pat Jones",
                        role="officer", school_ids=[school_id], password=PASSWORD)
        assert user.password_hash and user.password_hash.startswith("$argon2")
    with db.transaction() as session:
        signed_in = authenticate(session, clock, email="pat.jones@example.org",
                                 password=PASSWORD)
        assert school_ids_of(session, signed_in.id or 0) == [school_id]


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"role": "headteacher"}, "unknown role"),
    ({"school_ids": [999]}, "no school"),
    ({"school_ids": []}, "at least one school"),
    ({"password": "short"}, "at least 10"),
    ({"email": "not-an-email"}, "not an email"),
])
def test_bad_accounts_are_refused_and_nothing_is_stored(
        db: Database, clock: FakeClock, school_id: int, kwargs: dict[str, object],
        message: str) -> None:
    arguments: dict[str, object] = {"email": "sam@example.org", "name": "Sam", "role": "dsl",
                                    "school_ids": [school_id], "password": PASSWORD}
    arguments.update(kwargs)
    with pytest.raises(InvalidInput, match=message), db.transaction() as session:
        add_user(session, clock, **arguments)  # type: ignore[arg-type]
    with db.transaction() as session:
        assert session.exec(select(StaffUser)).all() == []


def test_a_second_account_with_the_same_email_is_refused(
        db: Database, clock: FakeClock, school_id: int) -> None:
    with db.transaction() as session:
        add_user(session, clock, email="sam@example.org", name="Sam", role="dsl",
                 school_ids=[school_id], password=PASSWORD)
    with pytest.raises(InvalidInput, match="already exists"), db.transaction() as session:
        add_user(session, clock, email="SAM@example.org", name="Sam", role="dsl",
                 school_ids=[school_id], password=PASSWORD)


def test_repeated_failures_lock_the_account_until_the_lockout_passes(
        db: Database, clock: FakeClock, school_id: int) -> None:
    with db.transaction() as session:
        add_user(session, clock, email="sam@example.org", name="Sam", role="dsl",
                 school_ids=[school_id], password=PASSWORD)
    for _ in range(MAX_FAILED_LOGINS):
        with db.transaction() as session:
            assert authenticate(session, clock, email="sam@example.org",
                                password="wrong password") is None
    with db.transaction() as session:
        assert authenticate(session, clock, email="sam@example.org", password=PASSWORD) is None
    clock.advance(LOCKOUT + timedelta(seconds=1))
    with db.transaction() as session:
        assert authenticate(session, clock, email="sam@example.org", password=PASSWORD)
        actions = [e.action for e in session.exec(select(AuditEntry)).all()]
    assert actions.count("sign_in.failed") == MAX_FAILED_LOGINS
    assert "sign_in.locked" in actions and actions[-1] == "sign_in"


def test_an_unknown_email_is_refused_like_a_wrong_password(
        db: Database, clock: FakeClock) -> None:
    with db.transaction() as session:
        assert authenticate(session, clock, email="nobody@example.org", password=PASSWORD) is None
        assert authenticate(session, clock, email="not an email", password=PASSWORD) is None


def test_a_new_password_clears_the_lock(db: Database, clock: FakeClock, school_id: int) -> None:
    with db.transaction() as session:
        user = add_user(session, clock, email="sam@example.org", name="Sam", role="dsl",
                        school_ids=[school_id], password=PASSWORD)
        user.locked_until = clock.now() + LOCKOUT
        set_password(session, clock, user_id=user.id or 0, password="another long password")
    with db.transaction() as session:
        assert authenticate(session, clock, email="sam@example.org",
                            password="another long password")

