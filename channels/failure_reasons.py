"""Why a message failed, as a person reads it.

The outbox keeps the provider's code or our own label (`error_code`); staff read one of a few
plain reasons instead, worded in their language by the console (`_delivery.html`):
Twilio's documented error codes for the common cases (SMS and WhatsApp), an email's status
(a bounce's RFC 3463 class, or the SMTP reply when the server refused it as we sent it) and
Telegram's 403 (the bot blocked). Anything else is shown with its code (`OTHER`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OTHER = "other"
# Twilio's error codes (https://www.twilio.com/docs/api/errors): delivery receipts' 300xx and
# the API's 21xxx refusals as we send.
_TWILIO = {
    "30003": "unreachable",  # Unreachable destination handset
    "30005": "unknown_number",  # Unknown destination handset
    "30006": "landline",  # Landline or unreachable carrier
    "30007": "filtered",  # Message filtered (carrier spam filtering)
    "30008": "carrier_unknown",  # Unknown error
    "21610": "opted_out",  # Attempt to send to an unsubscribed recipient (STOP)
    "21211": "invalid_number",  # Invalid 'To' phone number
}
# SMTP replies refused as we sent (RFC 5321): 550/551/553 the mailbox or address, 552 its
# storage, 554 the transaction refused.
_SMTP_REPLIES = {"550": "email_address", "551": "email_address", "553": "email_address",
                 "552": "mailbox", "554": "email_refused"}
# A bounce's enhanced status (RFC 3463) by its subject: x.1.x the address, x.2.x the mailbox,
# x.7.x security or policy; a 4.x.x is transient.
_DSN_SUBJECTS = {"1": "email_address", "2": "mailbox", "7": "email_refused"}
_DSN = re.compile(r"([245])\.(\d{1,3})\.\d{1,3}")
_TELEGRAM = {"403": "chat_blocked"}


@dataclass(frozen=True, slots=True)
class FailureReason:
    """One plain reason (`key`) and the code it was read from (shown with `OTHER`)."""

    key: str
    code: str


def failure_reason(channel: str, code: str | None) -> FailureReason | None:
    """What a failed message's `error_code` on `channel` means to a person; None: no code."""
    if not code:
        return None
    if channel in ("sms", "whatsapp"):
        return FailureReason(_TWILIO.get(code, OTHER), code)
    if channel == "email":
        return FailureReason(_email(code), code)
    if channel == "telegram":
        return FailureReason(_TELEGRAM.get(code, OTHER), code)
    return FailureReason(OTHER, code)


def _email(code: str) -> str:
    status = _DSN.fullmatch(code)
    if status is not None:
        if status[1] == "4":
            return "email_later"
        return _DSN_SUBJECTS.get(status[2], OTHER) if status[1] == "5" else OTHER
    if re.fullmatch(r"4\d\d", code):
        return "email_later"
    return _SMTP_REPLIES.get(code, OTHER)
