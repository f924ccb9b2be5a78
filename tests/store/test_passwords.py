"""Password hashing cost: production's by default, the tests' cheap one only when declared, and
hashes made at either cost verify at the other (each hash carries its own parameters)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from argon2 import profiles

from bot.settings import Settings, load_settings
from store.clock import FakeClock
from store.database import Database
from store.errors import ConfigError
from store.models.schools import School
from store.passwords import (
    FLOOR,
    PRODUCTION,
    TESTS_ONLY,
    PasswordCost,
    current_cost,
    make_hash,
    matches,
    needs_rehash,
    use_cost,
)
from store.staff import add_user, authenticate, user_by_email

PASSWORD = "a long enough password"
COST_VARIABLES = ("ROLLCALL_PASSWORD_COST_FOR_TESTS", "ROLLCALL_PASSWORD_TIME_COST",
                  "ROLLCALL_PASSWORD_MEMORY_KIB", "ROLLCALL_PASSWORD_PARALLELISM")


@pytest.fixture(autouse=True)
def _tests_cost_again() -> Iterator[None]:
    """Whatever a test here sets, the rest of the suite hashes at the tests' cost."""
    yield
    use_cost(TESTS_ONLY, tests_only=True)


def test_the_production_cost_is_the_default_and_argon2s_own() -> None:
    defaults = {name: field.default for name, field in Settings.model_fields.items()}
    assert PasswordCost(time_cost=defaults["password_time_cost"],
                        memory_kib=defaults["password_memory_kib"],
                        parallelism=defaults["password_parallelism"]) == PRODUCTION
    assert defaults["password_cost_for_tests"] is False
    argon2 = profiles.RFC_9106_LOW_MEMORY
    assert PasswordCost(time_cost=argon2.time_cost, memory_kib=argon2.memory_cost,
                        parallelism=argon2.parallelism) == PRODUCTION


def test_without_the_tests_settings_a_process_hashes_at_the_production_cost(
        monkeypatch: pytest.MonkeyPatch) -> None:
    for name in COST_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    load_settings()
    assert current_cost() == PRODUCTION
    assert "$m=65536,t=3,p=4$" in make_hash(PASSWORD)


@pytest.mark.parametrize(("made_at", "checked_at"), [(PRODUCTION, TESTS_ONLY),
                                                     (TESTS_ONLY, PRODUCTION)])
def test_a_hash_made_at_either_cost_verifies_at_the_other(made_at: PasswordCost,
                                                          checked_at: PasswordCost) -> None:
    use_cost(made_at, tests_only=True)
    password_hash = make_hash(PASSWORD)
    assert f"$m={made_at.memory_kib},t={made_at.time_cost},p={made_at.parallelism}$" in (
        password_hash)
    use_cost(checked_at, tests_only=True)
    assert matches(password_hash, PASSWORD)
    assert not matches(password_hash, PASSWORD + "!")
    assert needs_rehash(password_hash)


def test_a_sign_in_with_a_hash_of_another_cost_works_and_rehashes_it(
        db: Database, clock: FakeClock) -> None:
    use_cost(PRODUCTION)
    with db.transaction() as session:
        school = School(name="Harbour Primary")
        session.add(school)
        session.flush()
        add_user(session, clock, email="pat@example.org", name="Pat Jones", role="officer",
                 school_ids=[school.id or 0], password=PASSWORD)
    use_cost(TESTS_ONLY, tests_only=True)
    with db.transaction() as session:
        assert authenticate(session, clock, email="pat@example.org", password=PASSWORD)
    with db.transaction() as session:
        user = user_by_email(session, "pat@example.org")
        assert user is not None and user.password_hash
        assert "$m=8,t=1,p=1$" in user.password_hash
        assert not needs_rehash(user.password_hash)


def test_a_cost_under_the_floor_is_refused_unless_it_is_a_tests(
        monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ConfigError, match="memory_kib 8 is below the safe floor 19456"):
        use_cost(PasswordCost(time_cost=3, memory_kib=8, parallelism=4))
    use_cost(FLOOR)  # the floor itself is allowed
    monkeypatch.setenv("ROLLCALL_PASSWORD_COST_FOR_TESTS", "false")
    with pytest.raises(ConfigError, match=r"^ROLLCALL_PASSWORD_TIME_COST is below the safe "
                                          r"floor of 2 "):
        load_settings()
    monkeypatch.setenv("ROLLCALL_PASSWORD_COST_FOR_TESTS", "true")
    assert load_settings().password_cost == TESTS_ONLY
