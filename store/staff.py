"""Staff users: passwords, lockout, roles and the schools each one may see.

Passwords are argon2 hashes (argon2-cffi). After `MAX_FAILED_LOGINS` wrong passwords in a row the
account is locked for `LOCKOUT` so a guessed-password attack stalls; a right password afterwards
still waits out the lock.
"""

from __future__ import annotations

from datetime import timedelta
from enum import StrEnum

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlmodel import Session, col, select

from store.audit import audit
from store.clock import Clock
from store.contacts import normalise_email
from store.errors import InvalidInput, NotFound
from store.models import School, StaffSchool, StaffUser

MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 10

_hasher = PasswordHasher()


class Role(StrEnum):
    ADMIN = "admin"
    OFFICER = "officer"
    DSL = "dsl"
    READ_ONLY = "read_only"


# Who may read the content of safeguarding conversations (DESIGN: safety rule 5).
SAFEGUARDING_ROLES = frozenset({Role.ADMIN, Role.DSL})
# Who may change anything (take over, reply, set a code, resolve).
ACTING_ROLES = frozenset({Role.ADMIN, Role.OFFICER, Role.DSL})


# Shown for every refusal: it never says whether the email exists or the account is locked.
REFUSED = "Wrong email or password, or too many attempts (wait 15 minutes)."


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput(f"a password needs at least {MIN_PASSWORD_LENGTH} characters")
    return _hasher.hash(password)


def add_user(session: Session, clock: Clock, *, email: str, name: str, role: str,
             school_ids: list[int], password: str | None = None) -> StaffUser:
    """Create a member of staff who may see `school_ids`. Refuses a taken email, an unknown
    role or school, so a typo never makes an account that sees nothing (or everything)."""
    address = normalise_email(email)
    if role not in set(Role):
        raise InvalidInput(f"unknown role {role!r} (one of: {', '.join(Role)})")
    if session.exec(select(StaffUser).where(StaffUser.email == address)).first():
        raise InvalidInput(f"a user with email {address} already exists")
    if not school_ids:
        raise InvalidInput("a user needs at least one school")
    for school_id in school_ids:
        if session.get(School, school_id) is None:
            raise InvalidInput(f"no school with id {school_id}")
    user = StaffUser(email=address, name=name.strip(), role=role,
                     password_hash=hash_password(password) if password else None)
    session.add(user)
    session.flush()
    assert user.id is not None
    for school_id in sorted(set(school_ids)):
        session.add(StaffSchool(user_id=user.id, school_id=school_id))
    audit(session, clock, actor="system", action="user.add", entity="staff_user",
          entity_id=user.id, new=f"{address} role={role} schools={sorted(set(school_ids))}")
    session.flush()
    return user


def set_password(session: Session, clock: Clock, *, user_id: int, password: str) -> None:
    user = session.get(StaffUser, user_id)
    if user is None:
        raise NotFound(f"no staff user {user_id}")
    user.password_hash = hash_password(password)
    user.failed_logins = 0
    user.locked_until = None
    session.add(user)
    audit(session, clock, actor="system", action="user.password", entity="staff_user",
          entity_id=user_id)


def authenticate(session: Session, clock: Clock, *, email: str,
                 password: str) -> StaffUser | None:
    """The user whose email and password these are, or None (show them `REFUSED`).

    Returns rather than raises so that the caller's transaction commits what a failure changes:
    every failure counts towards the lockout and is audited; success resets the count.
    """
    try:
        address = normalise_email(email)
    except InvalidInput:
        return None
    user = session.exec(select(StaffUser).where(StaffUser.email == address)).first()
    if user is None or not user.password_hash:
        _hasher.hash(password)  # spend the same time as a real check: no user enumeration
        return None
    now = clock.now()
    if user.locked_until is not None and user.locked_until > now:
        audit(session, clock, actor=f"staff:{user.id}", action="sign_in.locked",
              entity="staff_user", entity_id=user.id)
        return None
    if not _verify(user.password_hash, password):
        user.failed_logins += 1
        if user.failed_logins >= MAX_FAILED_LOGINS:
            user.locked_until = now + LOCKOUT
            user.failed_logins = 0
        session.add(user)
        audit(session, clock, actor=f"staff:{user.id}", action="sign_in.failed",
              entity="staff_user", entity_id=user.id,
              new="locked" if user.locked_until and user.locked_until > now else None)
        return None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    user.failed_logins = 0
    user.locked_until = None
    session.add(user)
    audit(session, clock, actor=f"staff:{user.id}", action="sign_in", entity="staff_user",
          entity_id=user.id)
    return user


def school_ids_of(session: Session, user_id: int) -> list[int]:
    """The schools this member of staff may see, in id order."""
    stmt = (select(StaffSchool.school_id).where(StaffSchool.user_id == user_id)
            .order_by(col(StaffSchool.school_id)))
    return list(session.exec(stmt))


def may_read_safeguarding(user: StaffUser) -> bool:
    return user.role in SAFEGUARDING_ROLES


def may_act(user: StaffUser) -> bool:
    return user.role in ACTING_ROLES


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False
