"""Schools: creating one, and the API token the MIS side uses to reach it.

A token is shown once, when it is issued; only its SHA-256 is stored (`School.api_token_hash`),
so a copy of the database does not give access to the API.
"""

from __future__ import annotations

import hashlib
import secrets
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlmodel import Session, col, select

from store.audit import audit
from store.clock import Clock
from store.errors import InvalidInput, NotFound
from store.models import School


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def add_school(session: Session, clock: Clock, *, name: str,
               timezone: str = "Europe/London") -> tuple[School, str]:
    """Create a school; returns it with its new API token (shown once, stored hashed)."""
    if not name.strip():
        raise InvalidInput("a school needs a name")
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidInput(f"unknown time zone {timezone!r} (e.g. Europe/London)") from None
    school = School(name=name.strip(), timezone=timezone)
    session.add(school)
    session.flush()
    audit(session, clock, actor="system", action="school.created", entity="school",
          entity_id=school.id, school_id=school.id, new=school.name)
    return school, issue_api_token(session, clock, school_id=school.id or 0)


def issue_api_token(session: Session, clock: Clock, *, school_id: int) -> str:
    """A new API token for the school; the old one stops working at once."""
    school = session.get(School, school_id)
    if school is None:
        raise NotFound(f"no school with id {school_id}")
    token = "rc_" + secrets.token_urlsafe(32)
    school.api_token_hash = hash_token(token)
    session.add(school)
    audit(session, clock, actor="system", action="school.api_token", entity="school",
          entity_id=school_id, school_id=school_id)
    return token


def school_for_token(session: Session, token: str) -> School | None:
    """The school this API token belongs to, or None."""
    if not token:
        return None
    return session.exec(select(School).where(School.api_token_hash == hash_token(token))).first()


def all_schools(session: Session) -> list[School]:
    return list(session.exec(select(School).order_by(col(School.id))))
