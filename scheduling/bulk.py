"""Writing many outbox rows at once, inside the caller's transaction.

SQLite gets one `executemany` of a prepared INSERT; PostgreSQL gets `COPY ... FROM STDIN`. Both
go through the session's own connection, so the rows commit (or roll back) with the run's key.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any, NamedTuple

from sqlmodel import Session

COLUMNS = ("school_id", "contact_id", "run_id", "kind", "channel", "to_address", "body",
           "language", "student_ids", "urgent", "status", "attempts", "created_at",
           "next_attempt_at", "expires_at")
CHUNK = 5_000


class OutboxRow(NamedTuple):
    """One message a run composed, ready to be written."""

    contact_id: int
    kind: str
    channel: str
    to_address: str
    body: str
    language: str
    student_ids: str


def write_outbox(session: Session, rows: Sequence[OutboxRow], *, school_id: int, run_id: int,
                 now: datetime, expires_at: datetime,
                 progress: Callable[[int], None] | None = None) -> int:
    """Insert every row, pending and due now, in bulk. Returns how many were written."""
    dbapi = session.connection().connection.dbapi_connection
    assert dbapi is not None
    postgres = session.get_bind().dialect.name == "postgresql"
    write = _copy if postgres else _executemany
    stamp: Callable[[datetime], Any] = (lambda t: t) if postgres else _sqlite_time
    fixed = (stamp(now), stamp(now), stamp(expires_at))
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start:start + CHUNK]
        write(dbapi, [(school_id, r.contact_id, run_id, r.kind, r.channel, r.to_address, r.body,
                       r.language, r.student_ids, False, "pending", 0, *fixed) for r in chunk])
        if progress is not None:
            progress(len(chunk))
    return len(rows)


def _executemany(dbapi: Any, values: list[tuple[Any, ...]]) -> None:
    marks = ", ".join("?" for _ in COLUMNS)
    cursor = dbapi.cursor()
    cursor.executemany(f"INSERT INTO outbox ({', '.join(COLUMNS)}) VALUES ({marks})", values)
    cursor.close()


def _copy(dbapi: Any, values: list[tuple[Any, ...]]) -> None:
    with dbapi.cursor() as cursor, cursor.copy(
            f"COPY outbox ({', '.join(COLUMNS)}) FROM STDIN") as copy:
        for value in values:
            copy.write_row(value)


def _sqlite_time(instant: datetime) -> str:
    # The text form SQLAlchemy's SQLite DateTime reads back (naive UTC, see store/types.py).
    return instant.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
