"""Shared fixtures: a real database (SQLite, or PostgreSQL when ROLLCALL_TEST_DATABASE_URL is set)
and a clock that only moves when told to."""

from __future__ import annotations

import atexit
import contextlib
import gc
import os
import shutil
import sys
import tempfile
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
from store.passwords import TESTS_ONLY, use_cost
from tests.ram_disk import stores_folder

pytest_plugins = ["tests.fakes.twilio_fixtures"]

POSTGRES_URL = os.environ.get("ROLLCALL_TEST_DATABASE_URL")

# Staff passwords hashed at argon2's least cost: at the production cost hashing was ~42% of the
# console tests' CPU. Said in the environment too, so `load_settings` (the CLI's commands, and
# a `rollcall` child process) keeps it. tests/store/test_passwords.py checks the production
# cost is the default and that hashes made at either cost verify.
os.environ.update({"ROLLCALL_PASSWORD_COST_FOR_TESTS": "true",
                   "ROLLCALL_PASSWORD_TIME_COST": str(TESTS_ONLY.time_cost),
                   "ROLLCALL_PASSWORD_MEMORY_KIB": str(TESTS_ONLY.memory_kib),
                   "ROLLCALL_PASSWORD_PARALLELISM": str(TESTS_ONLY.parallelism)})
use_cost(TESTS_ONLY, tests_only=True)

# A whole run's heap grows to about 0.9 GB (the lexicons, the test modules and what they keep;
# each test's app is let go since tests/bot/test_app_let_go.py), mostly alive, and Python's
# default full collection every 10 middle ones scans all of it each time: tests/store,
# tests/bot/test_api, tests/scheduling/test_inbound and tests/console's test_pages and
# test_security took 34.5 s of CPU so, 31.2 s with one every 100 (and gc.freeze() once the
# tests are collected saved nothing more).
gc.set_threshold(700, 10, 100)


def pytest_configure(config: pytest.Config) -> None:
    """A whole run leaves a heap of about 0.9 GB, and Python's own exit then spends seconds
    collecting and freeing it object by object, for nothing. So the process leaves straight
    after the exit handlers registered after this one (atexit runs the last registered first:
    pytest's own and those of every library the tests import), with pytest's exit status."""
    if os.environ.get("PYTEST_XDIST_WORKER") or _ending:  # xdist's to manage; or nested
        return
    _ending.append(None)
    atexit.register(_leave_at_once)


def pytest_sessionfinish(session: pytest.Session) -> None:
    _ending.append(session)
    if len(_ending) == 2:  # this process leaves at once: keep the heap as it is, so pytest's
        gc.freeze()  # two last full collections (after the summary) have nothing to scan


def _leave_at_once() -> None:
    sessions = [session for session in _ending if session is not None]
    if len(sessions) != 1:  # no session, or pytest run inside pytest: Python's own exit
        return
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(int(sessions[0].exitstatus))


_ending: list[pytest.Session | None] = []  # None once registered, then the run's session


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--store-only", action="store_true",
        help="with ROLLCALL_TEST_DATABASE_URL: only the tests whose store is that database "
             "(CI's PostgreSQL run; the rest ran on SQLite already and do the same either way)")


def _store_is_the_test_database(item: pytest.Item) -> bool:
    """Whether the test's store is ROLLCALL_TEST_DATABASE_URL's: it asks for the session's
    PostgreSQL (`db`, `database_url`, `each_db`, `postgres_url`, ...), or it is the
    "postgresql" case of a fixture parametrised over both; never a "sqlite" case of one."""
    callspec = getattr(item, "callspec", None)
    cases = [value for value in (callspec.params.values() if callspec else ())
             if isinstance(value, str)]
    if "sqlite" in cases:
        return False
    return "postgresql" in cases or not {"_postgres", "postgres_url"}.isdisjoint(
        getattr(item, "fixturenames", ()))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not config.getoption("store_only"):
        return
    if not POSTGRES_URL:
        raise pytest.UsageError("--store-only needs ROLLCALL_TEST_DATABASE_URL")
    kept: list[pytest.Item] = []
    dropped: list[pytest.Item] = []
    for item in items:
        (kept if _store_is_the_test_database(item) else dropped).append(item)
    config.hook.pytest_deselected(items=dropped)
    items[:] = kept


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
def _sqlite_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Where the tests' SQLite files go: on a RAM disk when there is one. The store syncs its
    WAL at every commit (synchronous=FULL, as in production): 1.8 ms a commit on this
    machine's disk, 0.01 ms on tmpfs, the same code run either way."""
    shm = Path("/dev/shm")
    if not (shm.is_dir() and os.access(shm, os.W_OK)):
        yield tmp_path_factory.mktemp("stores")
        return
    with stores_folder(shm) as root:  # named with our pid; killed runs' folders removed
        yield root


@contextlib.contextmanager
def _sqlite_url(directory: Path) -> Iterator[str]:
    """A new SQLite file's URL, in a directory of its own that is removed afterwards (RAM)."""
    own = Path(tempfile.mkdtemp(dir=directory))
    try:
        yield f"sqlite:///{own / 'rollcall.db'}"
    finally:
        shutil.rmtree(own, ignore_errors=True)


@pytest.fixture(scope="session")
def _sqlite_template(_sqlite_dir: Path) -> Path:
    """An SQLite file with every table, made once a session; each test's store is a copy
    (`create_all` costs about 120 ms a test, copying the file 4 ms)."""
    path = Path(tempfile.mkdtemp(dir=_sqlite_dir)) / "rollcall.db"
    template = Database(f"sqlite:///{path}")
    template.create_all()
    template.dispose()  # the last connection closed: the WAL is checkpointed into the file
    return path


@contextlib.contextmanager
def _opened(url: str, template: Path) -> Iterator[Database]:
    """A Database with every table at `url`: PostgreSQL's are already there (emptied), and an
    SQLite file not made yet is the template's copy."""
    database = Database(url)
    if database.dialect == "sqlite":
        path = Path(make_url(url).database or "")
        if path.exists():  # made by the test before `db`: its tables are made as before
            database.create_all()
        else:
            shutil.copyfile(template, path)
    try:
        yield database
    finally:
        database.dispose()


@pytest.fixture
def database_url(_sqlite_dir: Path, _postgres: _Postgres | None) -> Iterator[str]:
    """A fresh, empty store's URL: SQLite in a new directory (no file yet), or the test
    PostgreSQL emptied."""
    if _postgres is not None:
        _postgres.empty()
        yield _postgres.url
        return
    with _sqlite_url(_sqlite_dir) as url:
        yield url


@pytest.fixture
def db(database_url: str, _sqlite_template: Path) -> Iterator[Database]:
    with _opened(database_url, _sqlite_template) as database:
        yield database


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
def each_db(request: pytest.FixtureRequest, _sqlite_dir: Path, _postgres: _Postgres | None,
            _sqlite_template: Path) -> Iterator[Database]:
    """The same test on SQLite and on PostgreSQL in one run (PostgreSQL skipped, saying why,
    when ROLLCALL_TEST_DATABASE_URL is not set): for SQL written for both."""
    if request.param == "sqlite":
        with _sqlite_url(_sqlite_dir) as url, _opened(url, _sqlite_template) as database:
            yield database
        return
    if _postgres is None:
        pytest.skip("ROLLCALL_TEST_DATABASE_URL is not set: the PostgreSQL half skipped")
    _postgres.empty()
    with _opened(_postgres.url, _sqlite_template) as database:
        yield database
