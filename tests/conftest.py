"""Shared fixtures: a real database (SQLite, or PostgreSQL when ROLLCALL_TEST_DATABASE_URL is set)
and a clock that only moves when told to."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlmodel import SQLModel

from store.clock import FakeClock
from store.database import Database

pytest_plugins = ["tests.fakes.twilio_fixtures"]

POSTGRES_URL = os.environ.get("ROLLCALL_TEST_DATABASE_URL")


def _reset_postgres(database: Database) -> None:
    tables = ", ".join(f'"{t.name}"' for t in SQLModel.metadata.sorted_tables)
    with database.engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))


@pytest.fixture(scope="session")
def _postgres() -> Iterator[Database | None]:
    if not POSTGRES_URL:
        yield None
        return
    database = Database(POSTGRES_URL)
    SQLModel.metadata.drop_all(database.engine)
    database.create_all()
    yield database
    database.dispose()


@pytest.fixture
def database_url(tmp_path: Path, _postgres: Database | None) -> str:
    """A fresh, empty store's URL: SQLite in a temp dir, or the test PostgreSQL truncated."""
    if _postgres is not None:
        _reset_postgres(_postgres)
        return _postgres.url
    return f"sqlite:///{tmp_path / 'rollcall.db'}"


@pytest.fixture
def db(database_url: str, _postgres: Database | None) -> Iterator[Database]:
    database = Database(database_url)
    database.create_all()
    yield database
    database.dispose()


@pytest.fixture
def postgres_url() -> str:
    """Tests that only make sense on PostgreSQL (SKIP LOCKED, advisory locks) use this."""
    if not POSTGRES_URL:
        pytest.skip("ROLLCALL_TEST_DATABASE_URL is not set: PostgreSQL-only test skipped")
    return POSTGRES_URL


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 11, 23, 8, 0, tzinfo=UTC))


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """Debian's Chromium, headless, for one test module. Playwright's sync API runs an event
    loop while it is open: one at a time, and closed before the asyncio tests of later modules
    (a session-wide one breaks their `asyncio.run`)."""
    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        pytest.skip("Debian's chromium is not installed (.ci/run installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(chromium), headless=True)
        yield launched
        launched.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def each_db(request: pytest.FixtureRequest, tmp_path: Path,
            _postgres: Database | None) -> Iterator[Database]:
    """The same test on SQLite and on PostgreSQL in one run (PostgreSQL skipped, saying why,
    when ROLLCALL_TEST_DATABASE_URL is not set): for SQL written for both."""
    if request.param == "postgresql":
        if _postgres is None:
            pytest.skip("ROLLCALL_TEST_DATABASE_URL is not set: the PostgreSQL half skipped")
        _reset_postgres(_postgres)
        url = _postgres.url
    else:
        url = f"sqlite:///{tmp_path / 'rollcall.db'}"
    database = Database(url)
    database.create_all()
    yield database
    database.dispose()
