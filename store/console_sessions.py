"""Console sessions kept server-side, and the idempotency keys of console forms.

The session cookie carries a random token; only its hash is stored here. A session is live
while it has not been ended, has been used within the idle timeout and is younger than the
absolute limit. Ending it (sign-out, a password change, deactivation) takes effect on the next
request, on every node.

A console form carries an idempotency key. `claim_form_key` records it in the caller's
transaction before the action runs: a second submit with the same key waits on the unique key
(PostgreSQL) or the write lock (SQLite) until the first commits, then finds it and gets the
first one's outcome instead of acting again.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col, select

from store.models.staff import ConsoleSession, FormSubmission
from store.tokens import hash_token

# How long a form's key is remembered: a resubmit comes seconds (or a tab's life) later.
FORM_KEY_TTL = timedelta(days=2)
# How long a session's row outlives its last possible use (sign-ins and -outs are audited too).
SESSION_ROWS_KEPT = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class SessionLimits:
    """Idle timeout and absolute lifetime (settings console_idle_minutes / _session_hours)."""

    idle: timedelta = timedelta(minutes=30)
    absolute: timedelta = timedelta(hours=12)


def start_session(session: Session, *, user_id: int, now: datetime,
                  limits: SessionLimits | None = None) -> str:
    """A new session for this user; returns the token for the cookie (never stored). Rows of
    sessions that can no longer be live are dropped on the way (sign-ins are few)."""
    longest = (limits or SessionLimits()).absolute
    session.execute(delete(ConsoleSession).where(
        col(ConsoleSession.created_at) < now - longest - SESSION_ROWS_KEPT))
    token = secrets.token_urlsafe(32)
    session.add(ConsoleSession(token_hash=hash_token(token), user_id=user_id, created_at=now,
                               last_seen_at=now))
    session.flush()
    return token


def live_session_user(session: Session, *, token: str, now: datetime, limits: SessionLimits,
                      touch: bool = True) -> int | None:
    """The user id of the live session with this token, or None. `touch` counts this request
    as activity (pages and forms do; the pages' background polls do not, so an unattended
    console still times out)."""
    live = (col(ConsoleSession.token_hash) == hash_token(token),
            col(ConsoleSession.ended_at).is_(None),
            col(ConsoleSession.last_seen_at) > now - limits.idle,
            col(ConsoleSession.created_at) > now - limits.absolute)
    if not touch:
        return session.exec(select(ConsoleSession.user_id).where(*live)).first()
    touched = session.execute(update(ConsoleSession).where(*live).values(last_seen_at=now)
                              .returning(col(ConsoleSession.user_id)))
    return touched.scalar_one_or_none()


def end_session(session: Session, *, token: str, now: datetime, why: str) -> None:
    """End one session (signing out)."""
    session.execute(update(ConsoleSession)
                    .where(col(ConsoleSession.token_hash) == hash_token(token),
                           col(ConsoleSession.ended_at).is_(None))
                    .values(ended_at=now, ended_why=why))


def end_sessions_of(session: Session, *, user_id: int, now: datetime, why: str) -> int:
    """End every session of this user (a new password, deactivation); how many were live."""
    ended = session.execute(update(ConsoleSession)
                            .where(col(ConsoleSession.user_id) == user_id,
                                   col(ConsoleSession.ended_at).is_(None))
                            .values(ended_at=now, ended_why=why))
    return int(ended.rowcount)  # type: ignore[attr-defined]


_DIALECTS = {"sqlite": sqlite, "postgresql": postgresql}
_FORMS = FormSubmission.__table__  # type: ignore[attr-defined]


def claim_form_key(session: Session, *, key: str, user_id: int,
                   now: datetime) -> FormSubmission | None:
    """Record that this form is being acted on. None: it is new, go ahead (and call
    `record_form_outcome`). Otherwise the earlier submission, whose outcome to repeat."""
    dialect = _DIALECTS[session.get_bind().dialect.name]
    session.execute(delete(FormSubmission).where(
        col(FormSubmission.created_at) < now - FORM_KEY_TTL))
    claimed = session.execute(
        dialect.insert(_FORMS).values(key=key, user_id=user_id, created_at=now)
        .on_conflict_do_nothing(index_elements=["key"]).returning(_FORMS.c.key))
    if claimed.scalar_one_or_none() is not None:
        return None
    return session.get(FormSubmission, key, populate_existing=True)


def record_form_outcome(session: Session, *, key: str, outcome: str) -> None:
    """What the action came to (the page it redirected to), for a repeat of the same key."""
    session.execute(update(FormSubmission).where(col(FormSubmission.key) == key)
                    .values(outcome=outcome))


def release_form_key(session: Session, *, key: str) -> None:
    """The action was refused and changed nothing: the same form may be sent again."""
    session.execute(delete(FormSubmission).where(col(FormSubmission.key) == key))
