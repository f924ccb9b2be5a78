"""Shared fixtures: a real database (SQLite, or PostgreSQL when ROLLCALL_TEST_DATABASE_URL is set)
and a clock that only moves when told to."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlmodel import SQLModel

from store.clock import FakeClock
from store.database import Database

pytest_plugins = ["tests.fakes.twilio_fixtures"]

POSTGRES_URL = os.environ.get("ROLLCALL_TEST_DATABASE_URL")


@dataclass(frozen=True, slots=True)
class _Postgres:
    """The test PostgreSQL: its tables made once a session, emptied before each test."""

    database: Database
    emptier: str  # one statement: every table emptied, every id sequence restarted

    @property
    def url(self) -> str:
        return self.database.url

    def empty(self) -> None:
        with self.database.engine.begin() as connection:
            connection.exec_driver_sql(self.emptier)


def _emptier(database: Database) -> str:
    """DELETE, children first, not TRUNCATE: TRUNCATE gives each of the 40-odd tables new files
    and syncs them at commit (about half a second a test here), while deleting a test's few
    rows takes a millisecond or two. Ids restart at 1, as `TRUNCATE ... RESTART IDENTITY` did."""
    with database.engine.connect() as connection:
        sequences = connection.execute(text(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE c.relkind = 'S' AND n.nspname = current_schema()")).scalars().all()
    deletes = [f'DELETE FROM "{table.name}"'
               for table in reversed(SQLModel.metadata.sorted_tables)]
    restarts = [f"SELECT setval('\"{sequence}\"', 1, false)" for sequence in sequences]
    return "; ".join(deletes + restarts)


@pytest.fixture(scope="session")
def _postgres() -> Iterator[_Postgres | None]:
    if not POSTGRES_URL:
        yield None
        return
    database = Database(POSTGRES_URL)
    SQLModel.metadata.drop_all(database.engine)
    database.create_all()
    yield _Postgres(database, _emptier(database))
    database.dispose()


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An SQLite file with every table, made once a session; each test's store is a copy
    (`create_all` costs about 120 ms a test, copying the file 4 ms)."""
    path = tmp_path_factory.mktemp("template") / "rollcall.db"
    template = Database(f"sqlite:///{path}")
    template.create_all()
    template.dispose()  # the last connection closed: the WAL is checkpointed into the file
    return path


def _store(url: str, template: Path) -> Database:
    """A Database with every table at `url`: PostgreSQL's are already there (emptied), and an
    SQLite file not made yet is the template's copy."""
    database = Database(url)
    if database.dialect == "sqlite":
        path = Path(make_url(url).database or "")
        if path.exists():  # made by the test before `db`: its tables are made as before
            database.create_all()
        else:
            shutil.copyfile(template, path)
    return database


@pytest.fixture
def database_url(tmp_path: Path, _postgres: _Postgres | None) -> str:
    """A fresh, empty store's URL: SQLite in a temp dir, or the test PostgreSQL emptied."""
    if _postgres is not None:
        _postgres.empty()
        return _postgres.url
    return f"sqlite:///{tmp_path / 'rollcall.db'}"


@pytest.fixture
def db(database_url: str, _sqlite_template: Path) -> Iterator[Database]:
    database = _store(database_url, _sqlite_template)
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
def each_db(request: pytest.FixtureRequest, tmp_path: Path, _postgres: _Postgres | None,
            _sqlite_template: Path) -> Iterator[Database]:
    """The same test on SQLite and on PostgreSQL in one run (PostgreSQL skipped, saying why,
    when ROLLCALL_TEST_DATABASE_URL is not set): for SQL written for both."""
    if request.param == "postgresql":
        if _postgres is None:
            pytest.skip("ROLLCALL_TEST_DATABASE_URL is not set: the PostgreSQL half skipped")
        _postgres.empty()
        url = _postgres.url
    else:
        url = f"sqlite:///{tmp_path / 'rollcall.db'}"
    database = _store(url, _sqlite_template)
    yield database
    database.dispose()
