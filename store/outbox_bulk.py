"""Writing many outbox rows at once, inside the caller's transaction: the outbox's bulk path.

`store.outbox.enqueue` writes one message through the ORM; a daily run's tens of thousands go
here, into the same table with the same columns, and nowhere else writes the outbox in bulk.

SQLite gets an `executemany` of a prepared INSERT per chunk; PostgreSQL one `COPY ... FROM STDIN`
fed chunk by chunk. Both go through the session's own connection, so the rows commit (or roll
back) with the run's key.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any, NamedTuple

from sqlmodel import Session

# The columns each row fills, those that differ from row to row first (see _copy).
COLUMNS = ("contact_id", "kind", "channel", "to_address", "body", "language", "student_ids",
           "school_id", "run_id", "urgent", "status", "attempts", "created_at",
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
    student_ids: str  # a JSON array's text, written as it is (see store.types.json_text)


def write_outbox(session: Session, rows: Iterable[OutboxRow], *, school_id: int, run_id: int,
                 now: datetime, expires_at: datetime,
                 progress: Callable[[int], None] | None = None) -> int:
    """Insert every row, pending and due now, in bulk, CHUNK rows at a time as they come;
    `progress` hears how many are written so far. Returns how many were written."""
    dbapi = session.connection().connection.dbapi_connection
    assert dbapi is not None
    fixed = (school_id, run_id, False, "pending", 0, now, now, expires_at)
    chunks = _chunks(rows)
    first = next(chunks, None)  # composing it runs the queries the rows come from
    if first is None:
        return 0
    written = 0
    with _writer(session, dbapi, fixed) as write:
        for chunk in itertools.chain([first], chunks):
            write(chunk)
            written += len(chunk)
            if progress is not None:
                progress(written)
    return written


def _chunks(rows: Iterable[OutboxRow]) -> Iterator[list[OutboxRow]]:
    iterator = iter(rows)
    while chunk := list(itertools.islice(iterator, CHUNK)):
        yield chunk


@contextmanager
def _writer(session: Session, dbapi: Any, fixed: tuple[Any, ...]
            ) -> Iterator[Callable[[list[OutboxRow]], None]]:
    if session.get_bind().dialect.name != "postgresql":
        # SQLite: a prepared INSERT per chunk, plain tuples, no ORM object per row.
        stamped = tuple(_sqlite_time(v) if isinstance(v, datetime) else v for v in fixed)
        marks = ", ".join("?" * len(COLUMNS))
        insert = f"INSERT INTO outbox ({', '.join(COLUMNS)}) VALUES ({marks})"
        cursor = dbapi.cursor()
        try:
            yield lambda chunk: cursor.executemany(insert, [(*row, *stamped) for row in chunk])
        finally:
            cursor.close()
        return
    # PostgreSQL: one COPY for the whole run, fed as the rows are composed, so the server
    # stores and indexes one chunk while the next is composed. COPY's text format is written
    # here rather than by write_row(), which adapts every value of every row (twice the time):
    # the fixed columns are one ready suffix, and only the values from the data are escaped.
    suffix = "\t".join(_copy_text(v) for v in fixed) + "\n"
    with dbapi.cursor() as cursor, cursor.copy(
            f"COPY outbox ({', '.join(COLUMNS)}) FROM STDIN") as copy:
        yield lambda chunk: copy.write("".join(
            f"{r.contact_id}\t{r.kind}\t{r.channel}\t{_escaped(r.to_address)}\t"
            f"{_escaped(r.body)}\t{_escaped(r.language)}\t{r.student_ids}\t{suffix}"
            for r in chunk))


_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})
_COPY_SPECIAL = re.compile(r"[\\\t\n\r]")


def _escaped(value: str) -> str:
    # Searching is cheaper than translating, and most values have nothing to escape.
    return value.translate(_COPY_ESCAPES) if _COPY_SPECIAL.search(value) else value


def _copy_text(value: Any) -> str:
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, datetime):
        return value.isoformat()
    return _escaped(str(value))


def _sqlite_time(instant: datetime) -> str:
    # The text form SQLAlchemy's SQLite DateTime reads back (naive UTC, see store/types.py).
    return instant.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
