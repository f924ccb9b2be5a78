"""Staff accounts: argon2 passwords, lockout, roles and schools."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from store.clock import FakeClock
from store.database import Database
from store.errors import InvalidInput
from store.models.audit import AuditEntry
from store.models.schools import School
from store.models.staff import StaffUser
from store.staff import (
    MAX_FAILED_LOGINS,
    add_user,
    authenticate,
    school_ids_of,
    set_password,
    unlock_user,
)
from store.throttle import sign_in_backoff

PASSWORD = "a long enough password"


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


def test_a_lead_with_a_phone_and_a_language_gets_alerts_there(
        db: Database, clock: FakeClock, school_id: int) -> None:
    with db.transaction() as session:
        user = add_user(session, clock, email="dana@example.org", name="Dana Reyes",
                        role="dsl", school_ids=[school_id], phone="+447700900951",
                        language="cy")
        assert (user.phone, user.language) == ("+447700900951", "cy")


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"role": "headteacher"}, "unknown role"),
    ({"school_ids": [999]}, "no school"),
    ({"school_ids": []}, "at least one school"),
    ({"password": "short"}, "at least 10"),
    ({"email": "not-an-email"}, "not an email"),
    ({"phone": "07700 900123"}, "E.164"),
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


def test_repeated_failures_hold_the_account_until_the_backoff_passes(
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
    clock.advance(timedelta(seconds=31))  # the first backoff is 30 seconds, not 15 minutes
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


def test_a_new_password_clears_the_backoff(db: Database, clock: FakeClock,
                                           school_id: int) -> None:
    with db.transaction() as session:
        user = add_user(session, clock, email="sam@example.org", name="Sam", role="dsl",
                        school_ids=[school_id], password=PASSWORD)
    _fail(db, clock, "sam@example.org", 8)
    with db.transaction() as session:
        set_password(session, clock, user_id=user.id or 0, password="another long password")
    with db.transaction() as session:
        assert authenticate(session, clock, email="sam@example.org",
                            password="another long password")



def _fail(db: Database, clock: FakeClock, email: str, times: int, ip: str | None = None) -> None:
    for _ in range(times):
        with db.transaction() as session:
            assert authenticate(session, clock, email=email, password="wrong password",
                                ip=ip) is None


def test_the_backoff_grows_and_is_never_a_fixed_lock() -> None:
    waits = [sign_in_backoff(n, free=MAX_FAILED_LOGINS) for n in range(1, 12)]
    assert waits[:4] == [None] * 4
    assert waits[4:] == [timedelta(seconds=s) for s in (30, 60, 120, 240, 480, 900, 900)]


def test_each_attempt_in_the_backoff_waits_longer_and_an_unlock_ends_it(
        db: Database, clock: FakeClock, school_id: int) -> None:
    with db.transaction() as session:
        user = add_user(session, clock, email="sam@example.org", name="Sam", role="dsl",
                        school_ids=[school_id], password=PASSWORD)
    _fail(db, clock, "sam@example.org", MAX_FAILED_LOGINS)
    clock.advance(timedelta(seconds=31))
    _fail(db, clock, "sam@example.org", 1)  # the 6th: now a minute
    clock.advance(timedelta(seconds=31))
    with db.transaction() as session:
        assert authenticate(session, clock, email="sam@example.org", password=PASSWORD) is None
        unlock_user(session, clock, user_id=user.id or 0)
    with db.transaction() as session:
        assert authenticate(session, clock, email="sam@example.org", password=PASSWORD)


def test_one_address_guessing_many_accounts_is_held_back_and_others_are_not(
        db: Database, clock: FakeClock, school_id: int) -> None:
    with db.transaction() as session:
        add_user(session, clock, email="sam@example.org", name="Sam", role="dsl",
                 school_ids=[school_id], password=PASSWORD)
    for n in range(20):  # twenty different (unknown) accounts from one address
        with db.transaction() as session:
            assert authenticate(session, clock, email=f"guess{n}@example.org",
                                password="wrong password", ip="203.0.113.9") is None
    with db.transaction() as session:
        assert authenticate(session, clock, email="sam@example.org", password=PASSWORD,
                            ip="203.0.113.9") is None  # that address waits
        assert authenticate(session, clock, email="sam@example.org", password=PASSWORD,
                            ip="198.51.100.7")  # Sam, elsewhere, is not held up


def test_parallel_guesses_on_postgresql_cannot_get_past_the_limit(
        postgres_url: str, db: Database, clock: FakeClock) -> None:
    """Twelve wrong passwords at once: only the first five are even checked (each attempt is
    counted in one atomic statement before the password is), the rest wait out the backoff.
    (`db` is the test PostgreSQL, emptied; `postgres_url` skips the test without one.)"""
    import threading

    with db.transaction() as session:
        school = School(name="Elm Primary")
        session.add(school)
        session.flush()
        add_user(session, clock, email="dsl@example.org", name="Dana", role="dsl",
                 school_ids=[school.id or 0], password=PASSWORD)
    start = threading.Barrier(12)

    def guess(n: int) -> None:
        start.wait(timeout=60)
        with db.transaction() as session:
            authenticate(session, clock, email="dsl@example.org", password=f"guess number {n}",
                         ip=f"198.51.100.{n}")

    threads = [threading.Thread(target=guess, args=(n,)) for n in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    with db.transaction() as session:
        actions = [e.action for e in session.exec(select(AuditEntry)).all()]
    assert actions.count("sign_in.failed") == MAX_FAILED_LOGINS
    assert actions.count("sign_in.locked") == 12 - MAX_FAILED_LOGINS
