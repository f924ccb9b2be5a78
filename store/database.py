"""The one way into the database: an engine built from a URL, and transactions."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any, TypeVar

from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError
from sqlmodel import Session, SQLModel, create_engine, select

from store import models  # noqa: F401  (registers the tables on SQLModel.metadata)
from store.errors import ConfigError


class Database:
    """Owns the engine. `transaction()` commits on success and rolls back on error;
    repositories take the session it yields and never commit themselves."""

    def __init__(self, url: str, *, echo: bool = False) -> None:
        try:
            parsed = make_url(url)
        except ArgumentError:
            raise ConfigError(f"ROLLCALL_DATABASE_URL is not a database URL: {url!r}") from None
        self.url = url
        self.dialect = parsed.get_backend_name()
        kwargs: dict[str, Any] = {"echo": echo}
        if self.dialect == "sqlite":
            kwargs["connect_args"] = {"check_same_thread": False, "timeout": 30}
        else:
            kwargs["pool_pre_ping"] = True
        try:
            self.engine: Engine = create_engine(url, **kwargs)
        except (ArgumentError, ModuleNotFoundError) as error:
            raise ConfigError(f"ROLLCALL_DATABASE_URL cannot be used: {error}") from None
        if self.dialect == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
            event.listen(self.engine, "begin", _sqlite_begin)

    @property
    def is_postgres(self) -> bool:
        return self.dialect == "postgresql"

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def create_all(self) -> None:
        """Create every table directly (tests); production uses `rollcall db upgrade`."""
        SQLModel.metadata.create_all(self.engine)

    def dispose(self) -> None:
        self.engine.dispose()


Row = TypeVar("Row", bound=SQLModel)


def add_row(session: Session, row: Row) -> Row:
    """Insert one row now (its id is then set), in the caller's transaction."""
    session.add(row)
    session.flush()
    return row


def rows_by_id(session: Session, model: type[Row], ids: Iterable[int | None]) -> dict[int, Row]:
    """The rows of `model` with these ids (None and missing ones left out), by id: one query
    for a page's worth of references."""
    wanted = sorted({i for i in ids if i is not None})
    if not wanted:
        return {}
    column = model.id  # type: ignore[attr-defined]
    return {row.id: row for row in session.exec(select(model).where(column.in_(wanted)))}  # type: ignore[attr-defined]


CHUNK = 500  # ids per IN list: SQLite may bind no more than 32,766 a statement


def in_chunks(values: Iterable[Any], size: int = CHUNK) -> Iterator[list[Any]]:
    """`values` in lists of at most `size`: the IN lists of one query asked in turns."""
    items = list(values)
    for start in range(0, len(items), size):
        yield items[start:start + size]


def without_autoflush(session: Session) -> AbstractContextManager[None]:
    """A block whose reads do not first write what changed (a batch flushed once, at its end)."""
    return session.no_autoflush  # type: ignore[return-value]


def reread(session: Session, row: SQLModel) -> None:
    """Load the row again as the database has it now (after an action rolled back)."""
    session.refresh(row)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # pysqlite opens transactions lazily, before the first INSERT/UPDATE, so a SAVEPOINT issued
    # first becomes the outermost transaction and its RELEASE commits: rollback and
    # `begin_nested()` would silently stop working. Transactions are begun explicitly instead.
    dbapi_connection.isolation_level = None
    # WAL lets the dispatcher read while a run writes; foreign keys are off by default in SQLite.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    # FULL: WAL is synced at every commit. With NORMAL a commit survives a crash of the process
    # but not of the machine, and a webhook we answered 200 (so Twilio will not resend) would be
    # lost on power loss.
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def _sqlite_begin(connection: Any) -> None:
    # IMMEDIATE takes the write lock up front (waiting out busy_timeout) instead of failing with
    # "database is locked" when a read transaction later tries to write after another commit.
    connection.exec_driver_sql("BEGIN IMMEDIATE")
