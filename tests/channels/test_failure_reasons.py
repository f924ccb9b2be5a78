"""A failed message's code as a plain reason: Twilio's documented codes for the common cases,
an email's bounce class or SMTP reply, Telegram's blocked bot; the rest kept by their code."""

from __future__ import annotations

import pytest

from channels.failure_reasons import OTHER, FailureReason, failure_reason


@pytest.mark.parametrize(
    ("channel", "code", "key"),
    [
        ("sms", "30003", "unreachable"),
        ("sms", "30005", "unknown_number"),
        ("sms", "30006", "landline"),
        ("sms", "30007", "filtered"),
        ("sms", "30008", "carrier_unknown"),
        ("sms", "21610", "opted_out"),
        ("sms", "21211", "invalid_number"),
        ("whatsapp", "30003", "unreachable"),  # the same Twilio account and codes
        ("sms", "30036", OTHER),  # documented, not common: shown by its code
        ("sms", "expired", OTHER),  # our own label
        ("email", "5.1.1", "email_address"),  # bad destination mailbox address
        ("email", "5.1.10", "email_address"),  # RFC 7505: a null MX
        ("email", "5.2.2", "mailbox"),  # mailbox full
        ("email", "5.7.1", "email_refused"),  # delivery not authorised, message refused
        ("email", "4.4.7", "email_later"),  # delivery time expired, transient
        ("email", "5.3.4", OTHER),  # message too big: by its code
        ("email", "550", "email_address"),  # SMTP replies as we sent
        ("email", "552", "mailbox"),
        ("email", "554", "email_refused"),
        ("email", "421", "email_later"),
        ("email", "network", OTHER),
        ("telegram", "403", "chat_blocked"),
        ("telegram", "400", OTHER),
        ("simulated", "30003", OTHER),
    ],
)
def test_a_code_is_read_as_its_reason(channel: str, code: str, key: str) -> None:
    assert failure_reason(channel, code) == FailureReason(key, code)


def test_no_code_is_no_reason() -> None:
    assert failure_reason("sms", None) is None and failure_reason("email", "") is None
