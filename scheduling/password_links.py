"""Emailing a member of staff a one-time link to choose their password: an admin's reset, or a
new account's first password. The link goes through the outbox like every message (the
dispatcher sends it by email), in the member of staff's language; the token is
store/staff_accounts.py's (hashed, good once, short-lived).
"""

from __future__ import annotations

import logging
from datetime import timedelta

from sqlmodel import Session

from channels.texts import render
from store.clock import Clock
from store.errors import InvalidInput
from store.outbox import enqueue
from store.schools import school_by_id
from store.staff import alert_language, school_ids_of, staff_user
from store.staff_accounts import RESET_TTL, issue_password_link

log = logging.getLogger(__name__)

KIND = "password_link"  # the outbox kind
RESET_PATH = "/console/password/"


def send_password_link(
    session: Session,
    clock: Clock,
    *,
    user_id: int,
    actor: str,
    public_url: str,
    ttl: timedelta = RESET_TTL,
) -> int:
    """Queue the email with a fresh link (earlier links stop working); the outbox row's id."""
    user = staff_user(session, user_id)
    if not user.email:
        raise InvalidInput("this account has no email address to send the link to",
                           problem="no_email")
    token = issue_password_link(session, clock, user_id=user_id, actor=actor, ttl=ttl)
    schools = school_ids_of(session, user_id)
    school = school_by_id(session, schools[0]) if schools else None
    language = alert_language(session, user)
    body = render(
        "staff.password_link",
        language,
        channel="email",
        params={
            "school": school.name if school else "rollcall",
            "url": f"{public_url.rstrip('/')}{RESET_PATH}{token}",
        },
    )
    row = enqueue(
        session,
        clock,
        channel="email",
        to_address=user.email,
        body=body,
        kind=KIND,
        language=language,
        school_id=school.id if school else None,
        staff_user_id=user_id,
    )
    log.info("outbox=%s password link for staff=%s", row.id, user_id)
    assert row.id is not None
    return row.id
