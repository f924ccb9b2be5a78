"""What an admin does to colleagues' accounts beyond store/staff.py: change a role, issue and
redeem one-time password links, turn two-factor sign-in on and off. Each change is audited.

A password link's token is 192 random bits, kept only as its hash, good once and for an hour
(`RESET_TTL`): a copy of the database lets nobody in, and an old email is worth nothing.
"""

from __future__ import annotations

import secrets
from collections.abc import Collection
from datetime import datetime, timedelta

from sqlalchemy import update
from sqlmodel import Session, col, select

from store.audit import audit
from store.clock import Clock
from store.console_sessions import end_sessions_of
from store.errors import InvalidInput
from store.models.staff import PasswordReset, StaffUser
from store.staff import Role, set_password, staff_user
from store.tokens import hash_token
from store.totp import accepted_step

RESET_TTL = timedelta(hours=1)
WELCOME_TTL = timedelta(days=3)  # a new account's first password: they may not read it at once


def change_role(session: Session, clock: Clock, *, user_id: int, role: str, actor: str) -> None:
    """A new role, from the next request on (sessions read the role each time)."""
    if role not in set(Role):
        raise InvalidInput(f"unknown role {role!r} (one of: {', '.join(Role)})",
                           problem="unknown_role", role=role)
    _change(session, clock, user_id=user_id, field="role", value=role, actor=actor)


def issue_password_link(
    session: Session, clock: Clock, *, user_id: int, actor: str, ttl: timedelta = RESET_TTL
) -> str:
    """A new one-time token for the user to choose a password with; earlier ones stop working."""
    user = staff_user(session, user_id)
    if not user.active:
        raise InvalidInput("this account is deactivated", problem="account_deactivated")
    now = clock.now()
    session.execute(
        update(PasswordReset)
        .where(col(PasswordReset.user_id) == user_id, col(PasswordReset.used_at).is_(None))
        .values(used_at=now)
    )
    token = secrets.token_urlsafe(24)
    session.add(
        PasswordReset(
            token_hash=hash_token(token), user_id=user_id, created_at=now, expires_at=now + ttl
        )
    )
    audit(
        session,
        clock,
        actor=actor,
        action="user.password_link",
        entity="staff_user",
        entity_id=user_id,
        new=f"expires={(now + ttl).isoformat()}",
    )
    session.flush()
    return token


def password_link_user(session: Session, clock: Clock, *, token: str) -> StaffUser | None:
    """The active user a live token is for, or None (used, expired, replaced or made up)."""
    reset = _live(session, token, clock.now())
    user = session.get(StaffUser, reset.user_id) if reset is not None else None
    return user if user is not None and user.active else None


def redeem_password_link(session: Session, clock: Clock, *, token: str, password: str) -> int:
    """Set the password the link was for (used up; every session of theirs ends); the user's id.
    A dead token or a short password changes nothing."""
    reset = _live(session, token, clock.now())
    user = password_link_user(session, clock, token=token)
    if reset is None or user is None or user.id is None:
        raise InvalidInput("this link has expired or was already used: ask an admin for a new one",
                           problem="link_expired")
    set_password(session, clock, user_id=user.id, password=password, actor=f"staff:{user.id}")
    reset.used_at = clock.now()
    session.add(reset)
    return user.id


def turn_on_two_factor(
    session: Session, clock: Clock, *, user_id: int, secret: str, code: str
) -> None:
    """Two-factor sign-in from now on, once the authenticator app shows it has the secret."""
    user = staff_user(session, user_id)
    step = accepted_step(secret, code, now=clock.now(), last_step=None)
    if step is None:
        raise InvalidInput("that code is not right: check the app's clock and try the new code",
                           problem="two_factor_code")
    user.totp_secret, user.totp_last_step = secret, step
    session.add(user)
    audit(
        session,
        clock,
        actor=f"staff:{user_id}",
        action="user.two_factor_on",
        entity="staff_user",
        entity_id=user_id,
    )


def turn_off_two_factor(session: Session, clock: Clock, *, user_id: int, actor: str) -> None:
    """Password only again (a lost phone); their sessions end, as after a password change."""
    user = staff_user(session, user_id)
    user.totp_secret = user.totp_last_step = None
    session.add(user)
    end_sessions_of(session, user_id=user_id, now=clock.now(), why="two_factor")
    audit(
        session,
        clock,
        actor=actor,
        action="user.two_factor_off",
        entity="staff_user",
        entity_id=user_id,
    )


def choose_language(
    session: Session, clock: Clock, *, user_id: int, language: str | None, offered: Collection[str]
) -> None:
    """A member of staff's own language (their console, alerts and emails), one of `offered`
    (the languages rollcall has catalogs for), or None: the console follows the browser."""
    if language is not None and language not in offered:
        raise InvalidInput(f"unknown language {language!r} (one of: {', '.join(offered)})",
                           problem="unknown_language", language=language)
    _change(session, clock, user_id=user_id, field="language", value=language,
            actor=f"staff:{user_id}")


def _change(session: Session, clock: Clock, *, user_id: int, field: str, value: str | None,
            actor: str) -> None:
    """One field of an account set, audited as `user.<field>` with the old and new value."""
    user = staff_user(session, user_id)
    old = getattr(user, field)
    if old == value:
        return
    setattr(user, field, value)
    session.add(user)
    audit(session, clock, actor=actor, action=f"user.{field}", entity="staff_user",
          entity_id=user_id, old=old, new=value)


def _live(session: Session, token: str, now: datetime) -> PasswordReset | None:
    reset = session.exec(
        select(PasswordReset).where(PasswordReset.token_hash == hash_token(token))
    ).first()
    if (
        reset is None
        or reset.used_at is not None
        or reset.expires_at is None
        or reset.expires_at <= now
    ):
        return None
    return reset
