"""Urgent alerts to staff: what they say, how they go, and how a person acknowledges one from a
phone (safety rule 1). `store.escalations` keeps the rows; this module words and queues them,
and acknowledges one by its link (`scheduling.alert_replies`: by a reply to it).

An alert names what a safeguarding lead needs to act from a phone: the child (first name,
initial, year or form), the concern in plain words and the family's number, tap-to-call (a bare
number on SMS, which phones link; a `tel:` link in email), and how to acknowledge: reply ACK, or
tap the alert's own link (no sign-in). How much it names is the school's `alert_detail`. Alerts
are outbox rows of kind `staff_alert` marked urgent: they go at any hour, ahead of the rest, in
the member of staff's language.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Sequence
from datetime import timedelta

from sqlmodel import Session

from channels.texts import render
from scheduling.staff_actions import acknowledge
from store.clock import Clock
from store.errors import Forbidden, NotFound
from store.escalations import (
    AlertSubject,
    alert_by_token,
    alert_subject,
    count_notice,
    escalation_by_id,
    first_recipients,
    needs_alert,
    note_alert_acknowledged,
    record_staff_alert,
    staff_user,
)
from store.models.escalations import Escalation, StaffAlert
from store.models.staff import StaffUser
from store.outbox import enqueue
from store.staff import alert_language
from store.tokens import hash_token

log = logging.getLogger(__name__)

LINK_VALID = timedelta(hours=12)  # an alert's acknowledge link: through a night on call
CONCERNS = {"whereabouts_unknown": "concern.whereabouts_unknown",
            "in_school_dispute": "concern.in_school_dispute",
            "safeguarding": "concern.safeguarding"}
GENERAL_CONCERN = "concern.urgent"


def alert_new(session: Session, clock: Clock, escalation: Escalation, *,
              public_url: str) -> int:
    """Alert the first people of an urgent escalation nobody has been told of yet, in the
    transaction that raised it; how many messages were queued."""
    if not needs_alert(escalation):
        return 0
    return alert_staff(session, clock, escalation,
                       first_recipients(session, escalation.school_id), public_url=public_url)


def alert_staff(session: Session, clock: Clock, escalation: Escalation,
                users: Sequence[StaffUser], *, public_url: str) -> int:
    """Tell each user of an urgent escalation by email and by SMS where they have them, each
    with a link of their own; how many messages were queued."""
    subject = alert_subject(session, escalation)
    queued = 0
    for user in users:
        # One token an alert: the link's, and on email its Reply-To's (a reply acknowledges).
        token = secrets.token_urlsafe(24)
        alert = record_staff_alert(session, clock, escalation=escalation, user=user,
                                   token_hash=hash_token(token), valid_for=LINK_VALID)
        url = f"{public_url}/ack/{token}"
        language = alert_language(session, user)
        for channel, address in (("email", user.email), ("sms", user.phone)):
            if address:
                enqueue(session, clock, channel=channel, to_address=address,
                        body=alert_text(subject, language, url=url, channel=channel),
                        kind="staff_alert", language=language,
                        school_id=escalation.school_id, staff_user_id=user.id,
                        conversation_id=escalation.conversation_id, urgent=True,
                        staff_alert_id=alert.id,
                        reply_token=token if channel == "email" else None)
                queued += 1
    count_notice(session, escalation)
    log.info("urgent alert escalation=%s people=%s messages=%s", escalation.id, len(users),
             queued)
    return queued


def alert_text(subject: AlertSubject, language: str, *, url: str, channel: str) -> str:
    """One alert's words in `language`, as much as the school's `alert_detail` allows."""
    params = {"school": subject.school, "about": alert_about(subject, language), "url": url}
    if subject.phone and subject.detail != "minimal":
        # A bare number is a link on a phone's SMS app; email needs the tel: URI.
        params["phone"] = f"tel:{subject.phone}" if channel == "email" else subject.phone
        return render("staff.urgent_alert", language, channel=channel, params=params)
    return render("staff.urgent_alert_no_phone", language, channel=channel, params=params)


def alert_about(subject: AlertSubject, language: str) -> str:
    """The child and the concern ("Amy S. (Year 7): ..."), as much as the school allows."""
    if subject.detail == "minimal":
        return render(GENERAL_CONCERN, language)
    about = render(CONCERNS.get(subject.intent or "", GENERAL_CONCERN), language)
    if subject.detail == "full" and subject.first_name:
        about = f"{child_label(subject, language)}: {about}"
    return about


def child_label(subject: AlertSubject, language: str) -> str:
    """"Amy S. (Year 7)": first name, initial, and year (or form when there is no year)."""
    name = f"{subject.first_name} {subject.last_initial}." if subject.last_initial \
        else str(subject.first_name)
    group = subject.form
    if subject.year_group:
        group = (render("staff.year", language, params={"year": subject.year_group})
                 if subject.year_group.isdigit() else subject.year_group)
    return f"{name} ({group})" if group else name


def alert_for_link(session: Session, clock: Clock, token: str
                   ) -> tuple[StaffAlert, StaffUser, str] | None:
    """The alert a link's token belongs to while it is valid, its member of staff and what it
    is about (shown on the page the link opens); None for an unknown or expired token."""
    alert = alert_by_token(session, hash_token(token), clock.now())
    user = staff_user(session, alert.staff_user_id) if alert else None
    escalation = escalation_by_id(session, alert.escalation_id) if alert else None
    if alert is None or user is None or escalation is None:
        return None
    subject = alert_subject(session, escalation)
    about = alert_about(subject, alert_language(session, user))
    return alert, user, f"{subject.school}: {about}"


def acknowledge_by_link(session: Session, clock: Clock, token: str) -> StaffUser | None:
    """One tap on an alert's link: acknowledge its escalation as the member of staff it was
    sent to; who that is, or None for an unknown or expired token."""
    found = alert_for_link(session, clock, token)
    if found is None:
        return None
    alert, user, _text = found
    acknowledge_alert(session, clock, alert, user, via="link")
    log.info("urgent alert acknowledged by link user=%s escalation=%s", user.id,
             alert.escalation_id)
    return user


def acknowledge_alert(session: Session, clock: Clock, alert: StaffAlert, user: StaffUser, *,
                      via: str) -> bool:
    """The member of staff an alert went to acknowledges it (`via` sms, email or link): the
    escalation and its siblings are theirs and the reminders stop. False when it was no longer
    open, or they may no longer act on it."""
    escalation = escalation_by_id(session, alert.escalation_id)
    if escalation is None:
        return False
    was_open = escalation.status == "open"
    if was_open:
        try:
            acknowledge(session, clock, user=user, escalation_id=alert.escalation_id)
        except (NotFound, Forbidden):  # their school or role changed since the alert went
            log.warning("urgent alert not acknowledged user=%s escalation=%s why=no longer "
                        "allowed", user.id, alert.escalation_id)
            return False
    note_alert_acknowledged(session, alert, at=clock.now(), via=via)
    return was_open
