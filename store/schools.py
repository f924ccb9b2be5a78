"""Schools: creating one, and the API token the MIS side uses to reach it.

A token is shown once, when it is issued; only its SHA-256 is stored (`School.api_token_hash`),
so a copy of the database does not give access to the API.
"""

from __future__ import annotations

import secrets
from email.utils import getaddresses, parseaddr
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlmodel import Session, col, select

from store.audit import audit
from store.clock import Clock
from store.errors import InvalidInput, NotFound
from store.institutions import check_setting
from store.models.schools import School
from store.tokens import hash_token


def add_school(session: Session, clock: Clock, *, name: str, timezone: str = "Europe/London",
               setting: str = "school") -> tuple[School, str]:
    """Create a school, college or university (`setting`, store/institutions.py); returns it
    with its new API token (shown once, stored hashed)."""
    if not name.strip():
        raise InvalidInput("a school needs a name")
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidInput(f"unknown time zone {timezone!r} (e.g. Europe/London)") from None
    school = School(name=name.strip(), timezone=timezone, setting=check_setting(setting))
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


def school_by_id(session: Session, school_id: int | None) -> School | None:
    """The school with this id, or None (none given, or no such school)."""
    return session.get(School, school_id) if school_id is not None else None


def only_school_id(session: Session) -> int | None:
    """The school's id when this rollcall serves one school, else None."""
    ids = session.exec(select(School.id).limit(2)).all()
    return ids[0] if len(ids) == 1 else None


def all_schools(session: Session) -> list[School]:
    return list(session.exec(select(School).order_by(col(School.id))))


def schools_sent_to(session: Session, *, channel: str, recipient: str | None) -> list[School]:
    """The schools a message sent to `recipient` (our number or address) may be for.

    A school with its own sender on the channel (`sms_sender`, `email_from`) owns what is sent
    to it (an email sent to several addresses: the first a school owns, its reply address with
    a token after a plus too). A message to any other address of ours is for the schools
    sharing the default sender: those without their own (a Messaging Service SID counts as
    none: a reply arrives on one of the service's numbers, which we cannot tell apart).
    Telegram has one bot for every school. When nothing matches, every school: the message
    must reach someone."""
    schools = all_schools(session)
    if channel not in ("sms", "email"):
        return schools
    for to in _sent_to(channel, recipient):
        owners = [s for s in schools if _own_sender(s, channel) == to]
        if owners:
            return owners
    sharing = [s for s in schools if not _has_own_sender(s, channel)]
    return sharing or schools


def _sent_to(channel: str, recipient: str | None) -> list[str]:
    """The addresses a message was sent to, as the senders compare: an email's every address
    (its recipient is an address list), a reply address's plus and token left off."""
    if channel != "email":
        return [recipient.strip()] if recipient and recipient.strip() else []
    found = []
    for _name, address in getaddresses([recipient or ""]):
        local, _at, domain = address.strip().lower().rpartition("@")
        found.append(f"{local.partition('+')[0]}@{domain}" if local else "")
    return [a for a in found if a]


def own_email_addresses(session: Session) -> list[str]:
    """Every school's own sender address (its `email_from` setting), bare and lower-case."""
    return [a for a in (_address(s) for s in session.exec(
        select(School.email_from).where(col(School.email_from).is_not(None)))) if a]


def _has_own_sender(school: School, channel: str) -> bool:
    own = _own_sender(school, channel)
    return own.startswith("+") if channel == "sms" else bool(own)


def _own_sender(school: School, channel: str) -> str:
    """The school's own number (E.164) or address on a channel; "" when it has none."""
    if channel == "sms":
        return (school.sms_sender or "").strip()
    return _address(school.email_from)


def _address(value: str | None) -> str:
    return parseaddr(value or "")[1].strip().lower()


ALERT_DETAILS = ("full", "concern", "minimal")  # how much an urgent alert to staff names
