"""Staff accounts, the schools they see, and signing in to the console: password resets,
sessions, sign-in throttles, form idempotency keys."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import UniqueConstraint, text
from sqlmodel import Field, SQLModel

from store.models.fields import at_field


class StaffUser(SQLModel, table=True):
    __tablename__ = "staff_user"
    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(unique=True)
    name: str
    role: str = "officer"  # admin | officer | dsl | read_only
    password_hash: str | None = None
    phone: str | None = None
    external_id: str | None = None
    # Their own choice (the console's account page, `rollcall user add --language`), or None:
    # the console then follows the browser's language, and alerts go in English.
    language: str | None = None
    # False: deactivated; cannot sign in, and every console session of theirs has ended.
    active: bool = Field(default=True, sa_column_kwargs={"server_default": text("true")})
    # Optional two-factor sign-in (RFC 6238 TOTP, store/totp.py): the shared secret in base32,
    # and the last time step a code was accepted for, so a code is never accepted twice.
    totp_secret: str | None = None
    totp_last_step: int | None = None


class StaffSchool(SQLModel, table=True):
    """The schools a member of staff may see."""

    __tablename__ = "staff_school"
    __table_args__ = (UniqueConstraint("user_id", "school_id"),)
    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="staff_user.id", index=True)
    school_id: int = Field(foreign_key="school.id", index=True)
    # Their place on the school's on-call list for urgent alerts (1 first); None: no place.
    # When nobody of the school has one, the list is its DSLs then its admins (store/on_call.py).
    on_call_rank: int | None = None


class PasswordReset(SQLModel, table=True):
    """A one-time link to choose a new password, emailed to a member of staff (an admin's
    reset, or a new account's first password). Only the token's hash is kept."""

    __tablename__ = "password_reset"
    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(unique=True)
    user_id: int = Field(foreign_key="staff_user.id", index=True)
    created_at: datetime | None = at_field(nullable=False)
    expires_at: datetime | None = at_field(nullable=False)
    used_at: datetime | None = at_field()


class ConsoleSession(SQLModel, table=True):
    """A signed-in console session. The cookie holds a random token; only its hash is kept, so
    ending the row (sign-out, password change, deactivation) ends the session at once."""

    __tablename__ = "console_session"
    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(unique=True)
    user_id: int = Field(foreign_key="staff_user.id", index=True)
    created_at: datetime | None = at_field(nullable=False)
    last_seen_at: datetime | None = at_field(nullable=False)
    ended_at: datetime | None = at_field()
    ended_why: str | None = None  # sign_out | password | deactivated


class SignInThrottle(SQLModel, table=True):
    """Consecutive failed sign-ins for one key ("account:<id>" or "ip:<address>"), and the
    time before which no further attempt for that key is even checked (a growing backoff)."""

    __tablename__ = "sign_in_throttle"
    key: str = Field(primary_key=True)
    failures: int = 0
    not_before: datetime | None = at_field()
    updated_at: datetime | None = at_field(nullable=False)


class FormSubmission(SQLModel, table=True):
    """A console form's idempotency key: the same key twice is one action, and the second
    submit is answered with the first one's outcome (where it redirected)."""

    __tablename__ = "form_submission"
    key: str = Field(primary_key=True)
    user_id: int = Field(foreign_key="staff_user.id")
    created_at: datetime | None = at_field(nullable=False, index=True)
    outcome: str | None = None
