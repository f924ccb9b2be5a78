"""Sign-in throttles: consecutive failures per key ("account:<id>", "ip:<address>") and a
backoff that grows with them.

An attempt is *reserved* before the password is checked, in one atomic upsert (INSERT … ON
CONFLICT DO UPDATE … WHERE … RETURNING): the count goes up and, past the free attempts, the
time before which the next attempt is refused is set, in the same statement. Parallel guesses
on PostgreSQL therefore each get their own number and cannot all slip past the limit, as a read
followed by a write-back could. A right password clears the key again.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import case, delete, literal
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col

from store.models.staff import SignInThrottle
from store.types import UTCDateTime

FIRST_BACKOFF = timedelta(seconds=30)
MAX_BACKOFF = timedelta(minutes=15)

_TABLE: Any = SignInThrottle.__table__  # type: ignore[attr-defined]
_DIALECTS = {"sqlite": sqlite, "postgresql": postgresql}


def sign_in_backoff(failures: int, *, free: int) -> timedelta | None:
    """How long to wait after `failures` consecutive failures: nothing for the first
    `free - 1`, then 30 s, doubling each time, never more than 15 minutes."""
    if failures < free:
        return None
    return min(FIRST_BACKOFF * (1 << min(failures - free, 16)), MAX_BACKOFF)


def reserve_attempt(session: Session, *, key: str, now: datetime, free: int) -> int | None:
    """Count one attempt for `key` and return its number, or None when the key is waiting out
    its backoff (the attempt is refused without checking anything, and not counted)."""
    dialect = _DIALECTS[session.get_bind().dialect.name]
    failures = _TABLE.c.failures + 1
    steps = [(failures == n, _at(now + wait)) for n in range(free, free + 8)
             if (wait := sign_in_backoff(n, free=free)) is not None and wait < MAX_BACKOFF]
    not_before = case((failures < free, None), *steps, else_=_at(now + MAX_BACKOFF))
    stmt = (dialect.insert(_TABLE)
            .values(key=key, failures=1, updated_at=now,
                    not_before=_at_or_none(now, sign_in_backoff(1, free=free)))
            .on_conflict_do_update(
                index_elements=["key"],
                set_={"failures": failures, "not_before": not_before, "updated_at": now},
                where=col(SignInThrottle.not_before).is_(None)
                | (col(SignInThrottle.not_before) <= now))
            .returning(_TABLE.c.failures))
    counted = session.execute(stmt).scalar_one_or_none()
    return None if counted is None else int(counted)


def clear_attempts(session: Session, keys: Iterable[str]) -> None:
    """Forget the failures of these keys (a right password, an admin's unlock)."""
    session.execute(delete(SignInThrottle).where(col(SignInThrottle.key).in_(list(keys))))


def waiting_until(session: Session, *, key: str) -> datetime | None:
    """When the key's backoff ends, if it has one."""
    row = session.get(SignInThrottle, key)
    return None if row is None else row.not_before


def _at(value: datetime) -> Any:
    return literal(value, UTCDateTime())


def _at_or_none(now: datetime, wait: timedelta | None) -> datetime | None:
    return None if wait is None else now + wait
