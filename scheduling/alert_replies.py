"""Replies to an urgent alert: ACK from a safeguarding lead's phone, or a reply to the alert's
email (safety rule 1: the reminders, and the passing on to the next person, stop only when a
person has it).

SMS carries no token, so an ACK counts only from a member of staff's own phone that was sent
an alert in the last ACK_WINDOW, and only the word ACK: the lead may be a parent too, and "ok"
from their phone may be about their own child.

An alert email's Reply-To carries the alert's own token (`attendance+<token>@...`, the same
token as its link), so a reply to it is the alert's, whoever sent it, and never reaches the
engine or a family's thread. It acknowledges when all of these hold:

- it comes from the address the alert was sent to, and our mail server did not find that
  sender forged (`trusted_sender`: no failed DMARC, no failed SPF without a passing DKIM);
- it is not automatic (an out-of-office is not a person who has it);
- the alert is still valid (`LINK_VALID`, as long as its link works);
- its first word is ACK, or a word for OK or yes in the member of staff's language or in
  English (`staff.ack_words`: "OK, yes", "OK, iawn, ie", "OK, tak, dobrze", ...).

Anything else changes nothing: the member of staff is told that it did not acknowledge and
the reminders go on (or, when the alert is too old, to open the console); a reply from anyone
else gets no answer. Every reply is kept: the stored event, and `alert.reply` in the audit
with what came of it, shown on the alert's console page (`store.staff_alerts`).
"""

from __future__ import annotations

import logging
from datetime import timedelta

from sqlmodel import Session

from channels.base import InboundMessage
from channels.texts import render
from scheduling.alerts import acknowledge_alert
from store.clock import Clock
from store.escalations import escalation_by_id, recent_alerts_to_phone, staff_user
from store.inbound_events import place_event
from store.models.escalations import StaffAlert
from store.models.inbound import InboundEvent
from store.models.staff import StaffUser
from store.outbox import enqueue
from store.staff import alert_language
from store.staff_alerts import alert_by_reply_token, note_alert_reply
from store.tokens import hash_token

log = logging.getLogger(__name__)

ACK_WINDOW = timedelta(hours=4)  # an SMS ACK counts for alerts sent to that phone this recently
ACK_WORDS = frozenset({"ACK", "ACKNOWLEDGE", "ACKNOWLEDGED"})
# Latin punctuation, and the Arabic comma and semicolon, the Urdu full stop, the danda.
_AROUND_A_WORD = ".!,;:?¡¿\"'()«»\u060c\u061b\u06d4\u0964"

# What came of a reply to an alert email (the audit's `alert.reply` value).
ACKNOWLEDGED = "acknowledged"
NOT_ACKNOWLEDGED = "not_acknowledged"  # their words do not acknowledge
NOT_ALLOWED = "not_allowed"  # they may no longer act on the escalation
EXPIRED = "expired"
AUTOMATIC = "automatic"
UNVERIFIED = "unverified"  # our mail server found the sender forged
ANOTHER_SENDER = "another_sender"


def answer_alert_reply(session: Session, clock: Clock, *, event: InboundEvent,
                       received: InboundMessage, public_url: str) -> bool:
    """A reply to an alert, dealt with here: True. False for any other message, which goes on
    to the contacts and the engine."""
    if received.channel == "sms":
        return _ack_by_sms(session, clock, received=received, public_url=public_url)
    if received.channel == "email" and received.reply_token:
        alert = alert_by_reply_token(session, hash_token(received.reply_token))
        if alert is not None:
            _email_reply(session, clock, alert, event=event, received=received,
                         public_url=public_url)
            return True
    return False


def first_word(text: str | None) -> str:
    words = (text or "").split()
    return words[0].strip(_AROUND_A_WORD).upper() if words else ""


def is_ack(text: str | None) -> bool:
    """An SMS that acknowledges: ACK (any case, a full stop or the like after it)."""
    return first_word(text) in ACK_WORDS


def acknowledges(text: str | None, language: str) -> bool:
    """An email reply that acknowledges: ACK, or a word for OK or yes in `language` or English."""
    word = first_word(text)
    return bool(word) and (word in ACK_WORDS or word in ack_words(language)
                           or word in ack_words("en"))


def ack_words(language: str) -> frozenset[str]:
    """The words that acknowledge in `language` (its catalog's `staff.ack_words`)."""
    listed = render("staff.ack_words", language).replace(",", " ").split()
    return frozenset(word.strip(_AROUND_A_WORD).upper() for word in listed)


def _ack_by_sms(session: Session, clock: Clock, *, received: InboundMessage,
                public_url: str) -> bool:
    """ACK from a member of staff's own phone to the alerts it was sent in the last
    ACK_WINDOW: acknowledge those escalations and say so."""
    if not is_ack(received.text):
        return False
    recent = recent_alerts_to_phone(session, received.sender,
                                    since=clock.now() - ACK_WINDOW)
    if not recent:
        return False
    acknowledged = {alert.escalation_id for alert, user in recent
                    if acknowledge_alert(session, clock, alert, user, via="sms")}
    user = recent[0][1]
    _tell(session, clock, user, channel="sms", key="staff.ack_done", public_url=public_url)
    log.info("urgent alert acknowledged by reply user=%s escalations=%s", user.id,
             len(acknowledged))
    return True


def _email_reply(session: Session, clock: Clock, alert: StaffAlert, *, event: InboundEvent,
                 received: InboundMessage, public_url: str) -> None:
    user = staff_user(session, alert.staff_user_id)
    escalation = escalation_by_id(session, alert.escalation_id)
    theirs = user is not None and received.sender == user.email.strip().lower()
    language = alert_language(session, user) if user is not None else "en"
    outcome = _outcome(clock, alert, user, received, language) if theirs else ANOTHER_SENDER
    if outcome == ACKNOWLEDGED and user is not None and not acknowledge_alert(
            session, clock, alert, user, via="email") and escalation is not None \
            and escalation.status == "open":
        outcome = NOT_ALLOWED
    place_event(session, event, school_id=escalation.school_id if escalation else None,
                contact_id=None)
    note_alert_reply(session, clock, alert=alert, escalation=escalation, event=event,
                     actor=f"staff:{user.id}" if theirs and user else "unknown",
                     outcome=outcome)
    answer = {ACKNOWLEDGED: "staff.ack_done", NOT_ACKNOWLEDGED: "staff.ack_not_understood",
              EXPIRED: "staff.ack_expired"}.get(outcome)
    if answer and user is not None:
        _tell(session, clock, user, channel="email", key=answer, public_url=public_url)
    log.info("urgent alert email reply alert=%s escalation=%s outcome=%s", alert.id,
             alert.escalation_id, outcome)


def _outcome(clock: Clock, alert: StaffAlert, user: StaffUser | None,
             received: InboundMessage, language: str) -> str:
    """What a reply from the alert's own member of staff comes to, before acknowledging."""
    if not received.trusted_sender:
        return UNVERIFIED
    if received.auto_reply:
        return AUTOMATIC
    if alert.expires_at is None or alert.expires_at <= clock.now():  # as its link
        return EXPIRED
    if user is None or not acknowledges(received.text, language):
        return NOT_ACKNOWLEDGED
    return ACKNOWLEDGED


def _tell(session: Session, clock: Clock, user: StaffUser, *, channel: str, key: str,
          public_url: str) -> None:
    """A word back to the member of staff, on the channel they replied on, at any hour."""
    address = user.email if channel == "email" else user.phone
    if not address:
        return
    language = alert_language(session, user)
    enqueue(session, clock, channel=channel, to_address=address, kind="staff_alert",
            urgent=True, language=language, staff_user_id=user.id,
            body=render(key, language, channel=channel,
                        params={"url": f"{public_url}/console/"}))
