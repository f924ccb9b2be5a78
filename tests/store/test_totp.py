"""TOTP against RFC 6238's own test vectors (Appendix B, SHA-1, the ASCII secret
"12345678901234567890"), and the rules rollcall adds: a step either side, never a replay."""

from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta

import pytest

from store.totp import accepted_step, code_at, new_secret, provisioning_uri, step_at

RFC_SECRET = base64.b32encode(b"12345678901234567890").decode()


@pytest.mark.parametrize(
    ("unix_time", "eight_digits"),
    [
        (59, "94287082"),
        (1111111109, "07081804"),
        (1111111111, "14050471"),
        (1234567890, "89005924"),
        (2000000000, "69279037"),
        (20000000000, "65353130"),
    ],
)
def test_rfc_6238_appendix_b(unix_time: int, eight_digits: str) -> None:
    step = step_at(datetime.fromtimestamp(unix_time, UTC))
    assert code_at(RFC_SECRET, step, digits=8) == eight_digits
    assert code_at(RFC_SECRET, step) == eight_digits[-6:]


def test_a_code_is_good_for_a_step_either_side_and_never_twice() -> None:
    now = datetime(2026, 12, 7, 9, 0, 10, tzinfo=UTC)
    secret = new_secret()
    current = step_at(now)
    assert accepted_step(secret, code_at(secret, current), now=now, last_step=None) == current
    earlier = code_at(secret, current - 1)
    assert accepted_step(secret, earlier, now=now, last_step=None) == current - 1
    assert accepted_step(secret, code_at(secret, current - 2), now=now, last_step=None) is None
    assert accepted_step(secret, code_at(secret, current), now=now, last_step=current) is None
    assert accepted_step(secret, earlier, now=now + timedelta(seconds=30), last_step=None) is None
    assert accepted_step(secret, "12 34", now=now, last_step=None) is None


def test_the_uri_an_authenticator_app_reads() -> None:
    assert provisioning_uri("JBSWY3DPEHPK3PXP", account="dana@example.org") == (
        "otpauth://totp/rollcall%3Adana%40example.org?secret=JBSWY3DPEHPK3PXP&issuer=rollcall"
    )
