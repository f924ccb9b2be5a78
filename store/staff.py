"""Staff users: passwords, sign-in throttles, roles and the schools each one may see.

Passwords are argon2 hashes (store/passwords.py, at the cost the `ROLLCALL_PASSWORD_*` settings
set). Sign-in attempts are throttled per account and per IP address (store/throttle.py): after
`MAX_FAILED_LOGINS` wrong passwords in a row for an account (`MAX_FAILED_PER_IP` from one
address) each further attempt waits a backoff that starts
at 30 seconds and doubles up to 15 minutes; a right password in the backoff still waits it out.
So guessing stalls, while a member of staff who mistypes is held up for seconds, not locked out;
`unlock_user` (`rollcall user unlock`) clears an account's backoff at once.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from enum import StrEnum

from sqlmodel import Session, col, select

from store.audit import audit
from store.clock import Clock
from store.console_sessions import end_sessions_of
from store.contacts import normalise_email
from store.errors import InvalidInput, NotFound
from store.models.schools import School
from store.models.staff import StaffSchool, StaffUser
from store.passwords import make_hash, matches, needs_rehash
from store.phones import read_phone
from store.throttle import clear_attempts, reserve_attempt, waiting_until
from store.totp import accepted_step

MAX_FAILED_LOGINS = 5  # per account, before the backoff starts
MAX_FAILED_PER_IP = 20  # per address: a school's staff may share one (NAT)
MIN_PASSWORD_LENGTH = 10


class Role(StrEnum):
    ADMIN = "admin"
    OFFICER = "officer"
    DSL = "dsl"
    READ_ONLY = "read_only"
    # Colleges and universities: a Personal or Senior Tutor (which students are theirs is on
    # each student), the student engagement team, the wellbeing service, UKVI compliance.
    TUTOR = "tutor"
    ENGAGEMENT = "engagement"
    WELLBEING = "wellbeing"
    COMPLIANCE = "compliance"


# Who may read the content of safeguarding conversations (DESIGN: safety rule 5).
SAFEGUARDING_ROLES = frozenset({Role.ADMIN, Role.DSL})
# Who may change anything (take over, reply, set a code, resolve).
ACTING_ROLES = frozenset({Role.ADMIN, Role.OFFICER, Role.DSL, Role.TUTOR, Role.ENGAGEMENT,
                          Role.WELLBEING, Role.COMPLIANCE})


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput(f"a password needs at least {MIN_PASSWORD_LENGTH} characters",
                           problem="password_short", least=str(MIN_PASSWORD_LENGTH))
    return make_hash(password)


def _alert_phone(phone: str) -> str:
    """A member of staff's number for urgent texts: E.164 as written, valid, and a mobile."""
    if not (phone.startswith("+") and phone[1:].isdigit() and 8 <= len(phone) <= 16):
        raise InvalidInput(f"phone {phone!r} is not an E.164 number such as +447700900123",
                           problem="phone_not_e164", phone=phone)
    number = read_phone(phone)
    if not number.textable:
        raise InvalidInput(f"phone {phone!r} is a landline: urgent alerts go by text",
                           problem="phone_landline", phone=phone)
    return number.e164


def add_user(session: Session, clock: Clock, *, email: str, name: str, role: str,
             school_ids: list[int], password: str | None = None, phone: str | None = None,
             language: str | None = None, actor: str = "system") -> StaffUser:
    """Create a member of staff who may see `school_ids`. Refuses a taken email, an unknown
    role or school, so a typo never makes an account that sees nothing (or everything).
    `phone` (E.164) gets urgent alerts by SMS, in `language`, as their email does."""
    if phone is not None:
        phone = _alert_phone(phone)
    address = normalise_email(email)
    if role not in set(Role):
        raise InvalidInput(f"unknown role {role!r} (one of: {', '.join(Role)})",
                           problem="unknown_role", role=role)
    if session.exec(select(StaffUser).where(StaffUser.email == address)).first():
        raise InvalidInput(f"a user with email {address} already exists", problem="email_taken",
                           email=address)
    if not school_ids:
        raise InvalidInput("a user needs at least one school", problem="needs_school")
    for school_id in school_ids:
        if session.get(School, school_id) is None:
            raise InvalidInput(f"no school with id {school_id}", problem="unknown_school",
                               school=str(school_id))
    user = StaffUser(email=address, name=name.strip(), role=role, phone=phone,
                     language=(language or "").strip() or None,
                     password_hash=hash_password(password) if password else None)
    session.add(user)
    session.flush()
    assert user.id is not None
    for school_id in sorted(set(school_ids)):
        session.add(StaffSchool(user_id=user.id, school_id=school_id))
    audit(session, clock, actor=actor, action="user.add", entity="staff_user",
          entity_id=user.id, new=f"{address} role={role} schools={sorted(set(school_ids))}")
    session.flush()
    return user


def user_by_email(session: Session, email: str) -> StaffUser | None:
    """The member of staff with this email (any case), if there is one."""
    try:
        address = normalise_email(email)
    except InvalidInput:
        return None
    return session.exec(select(StaffUser).where(StaffUser.email == address)).first()


def set_password(session: Session, clock: Clock, *, user_id: int, password: str,
                 actor: str = "system") -> None:
    """A new password: every console session of theirs ends, and any backoff is cleared."""
    user = staff_user(session, user_id)
    user.password_hash = hash_password(password)
    session.add(user)
    clear_attempts(session, [account_key(user_id)])
    end_sessions_of(session, user_id=user_id, now=clock.now(), why="password")
    audit(session, clock, actor=actor, action="user.password", entity="staff_user",
          entity_id=user_id)


def deactivate_user(session: Session, clock: Clock, *, user_id: int,
                    actor: str = "system") -> None:
    """They can no longer sign in, and every console session of theirs ends now."""
    user = staff_user(session, user_id)
    user.active = False
    session.add(user)
    ended = end_sessions_of(session, user_id=user_id, now=clock.now(), why="deactivated")
    audit(session, clock, actor=actor, action="user.deactivate", entity="staff_user",
          entity_id=user_id, new=f"sessions_ended={ended}")


def unlock_user(session: Session, clock: Clock, *, user_id: int, actor: str = "system") -> None:
    """Clear an account's sign-in backoff (the recovery path when someone is locked out)."""
    staff_user(session, user_id)
    clear_attempts(session, [account_key(user_id)])
    audit(session, clock, actor=actor, action="user.unlock", entity="staff_user",
          entity_id=user_id)


def colleagues_of(session: Session, *, school_ids: Iterable[int]) -> list[StaffUser]:
    """Every member of staff who may see any of these schools, by name."""
    stmt = (select(StaffUser).join(StaffSchool, col(StaffSchool.user_id) == col(StaffUser.id))
            .where(col(StaffSchool.school_id).in_(list(school_ids)))
            .distinct().order_by(col(StaffUser.name), col(StaffUser.id)))
    return list(session.exec(stmt))


def held_back_until(session: Session, *, user_id: int, now: datetime) -> datetime | None:
    """When this account's sign-in backoff ends, if it is in one now."""
    until = waiting_until(session, key=account_key(user_id))
    return until if until is not None and until > now else None


def account_key(user_id: int) -> str:
    return f"account:{user_id}"


def authenticate(session: Session, clock: Clock, *, email: str, password: str,
                 ip: str | None = None, code: str = "") -> StaffUser | None:
    """The user whose email and password these are, or None (one refusal for every reason:
    it never says whether the email exists or the account is waiting out a backoff).

    Returns rather than raises so that the caller's transaction commits what a failure changes.
    The attempt is counted (per IP address, then per account) before the password is checked,
    each in one atomic statement, and a right password clears both counts. An account with
    two-factor sign-in also needs `code`, its authenticator app's current code; a wrong one is
    a failed attempt like a wrong password.
    """
    now = clock.now()
    keys = [f"ip:{ip}"] if ip else []
    if ip and reserve_attempt(session, key=keys[0], now=now, free=MAX_FAILED_PER_IP) is None:
        make_hash(password)  # the same time as a real check: a refusal says nothing
        return None
    user = user_by_email(session, email)
    if user is None or not user.password_hash or not user.active:
        make_hash(password)  # spend the same time as a real check: no user enumeration
        return None
    assert user.id is not None
    keys.append(account_key(user.id))
    actor = f"staff:{user.id}"
    attempt = reserve_attempt(session, key=keys[-1], now=now, free=MAX_FAILED_LOGINS)
    if attempt is None:
        make_hash(password)
        audit(session, clock, actor=actor, action="sign_in.locked", entity="staff_user",
              entity_id=user.id)
        return None
    if not matches(user.password_hash, password) or not _second_factor(user, code, now):
        audit(session, clock, actor=actor, action="sign_in.failed", entity="staff_user",
              entity_id=user.id, new="backoff" if attempt >= MAX_FAILED_LOGINS else None)
        return None
    if needs_rehash(user.password_hash):
        user.password_hash = make_hash(password)
        session.add(user)
    clear_attempts(session, keys)
    audit(session, clock, actor=actor, action="sign_in", entity="staff_user",
          entity_id=user.id)
    return user


def first_with_role(session: Session, *, school_id: int, role: str) -> StaffUser | None:
    """The school's first active member of staff with this role (who a task for the role is
    assigned to; nobody: it waits unassigned for the role to pick up)."""
    return session.exec(
        select(StaffUser).join(StaffSchool, col(StaffSchool.user_id) == col(StaffUser.id))
        .where(StaffSchool.school_id == school_id, StaffUser.role == role,
               col(StaffUser.active).is_(True)).order_by(col(StaffUser.id))).first()


def staff_names(session: Session, user_ids: Iterable[int | None]) -> dict[int, str]:
    """The names of these members of staff, by id."""
    ids = [user_id for user_id in user_ids if user_id is not None]
    if not ids:
        return {}
    users = session.exec(select(StaffUser).where(col(StaffUser.id).in_(ids)))
    return {user.id: user.name for user in users if user.id is not None}


def school_ids_of(session: Session, user_id: int) -> list[int]:
    """The schools this member of staff may see, in id order."""
    stmt = (select(StaffSchool.school_id).where(StaffSchool.user_id == user_id)
            .order_by(col(StaffSchool.school_id)))
    return list(session.exec(stmt))


def schools_staff_language(session: Session, school_ids: Iterable[int]) -> str | None:
    """The console's language these schools set for staff who have not chosen their own: the
    first school's (by id) that set one, or None (the browser's)."""
    ids = sorted(school_ids)
    if not ids:
        return None
    stmt = (select(School.staff_language).where(col(School.id).in_(ids))
            .where(col(School.staff_language).is_not(None)).order_by(col(School.id)).limit(1))
    return session.exec(stmt).first()


def alert_language(session: Session, user: StaffUser) -> str:
    """The language alerts and emails to a member of staff are written in: their choice, else
    their school's for its staff, else English (no browser to ask)."""
    if user.language:
        return user.language
    return schools_staff_language(session, school_ids_of(session, user.id or 0)) or "en"


def may_read_safeguarding(user: StaffUser) -> bool:
    return user.role in SAFEGUARDING_ROLES


def may_act(user: StaffUser) -> bool:
    return user.role in ACTING_ROLES


def _second_factor(user: StaffUser, code: str, now: datetime) -> bool:
    """True without two-factor; with it, for a fresh right code (which is then used up)."""
    if not user.totp_secret:
        return True
    step = accepted_step(user.totp_secret, code, now=now, last_step=user.totp_last_step)
    if step is None:
        return False
    user.totp_last_step = step
    return True


def staff_user(session: Session, user_id: int) -> StaffUser:
    """The member of staff with this id (NotFound if there is none)."""
    user = session.get(StaffUser, user_id)
    if user is None:
        raise NotFound(f"no staff user {user_id}")
    return user


def tutor_ids(session: Session) -> dict[str, int]:
    """Every staff account by its email and by its staff id (`external_id`), lower-cased: how
    an import names a student's Personal Tutor or Senior Tutor."""
    found: dict[str, int] = {}
    for user_id, email, external_id in session.exec(
            select(StaffUser.id, StaffUser.email, StaffUser.external_id)):
        if user_id is None:
            continue
        if external_id:
            found[external_id.strip().lower()] = user_id
        found[email.lower()] = user_id
    return found
