"""Time-based one-time passwords (RFC 6238, as authenticator apps make them): HMAC-SHA1, 30-second
steps, 6 digits, the secret shared as base32 (RFC 4648) in an `otpauth://` URI.

No dependency for forty lines: the RFC's own test vectors check it (tests/store/test_totp.py).
A code is accepted for the step before and after the current one (a phone's clock drifts), and
never for a step at or before the last one accepted, so an overheard code cannot be replayed.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import struct
from datetime import datetime
from urllib.parse import quote, urlencode

STEP_SECONDS = 30
DIGITS = 6
DRIFT_STEPS = 1


def new_secret() -> str:
    """160 random bits in base32, as RFC 4226 recommends for HMAC-SHA1."""
    return base64.b32encode(secrets.token_bytes(20)).decode("ascii")


def step_at(instant: datetime) -> int:
    return int(instant.timestamp()) // STEP_SECONDS


def code_at(secret: str, step: int, *, digits: int = DIGITS) -> str:
    """The code for one time step (RFC 4226's HOTP of the step counter)."""
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    mac = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    value = struct.unpack(">I", mac[offset : offset + 4])[0] & 0x7FFFFFFF
    return str(value % 10**digits).zfill(digits)


def accepted_step(secret: str, code: str, *, now: datetime, last_step: int | None) -> int | None:
    """The time step `code` is right for, near `now` and after `last_step`; None if it is not."""
    given = "".join(code.split())
    if len(given) != DIGITS or not given.isdigit():
        return None
    current = step_at(now)
    for step in range(current - DRIFT_STEPS, current + DRIFT_STEPS + 1):
        fresh = last_step is None or step > last_step
        if fresh and hmac.compare_digest(code_at(secret, step), given):
            return step
    return None


def provisioning_uri(secret: str, *, account: str, issuer: str = "rollcall") -> str:
    """What an authenticator app's QR code holds (Google Authenticator's Key Uri Format)."""
    label = quote(f"{issuer}:{account}")
    return f"otpauth://totp/{label}?{urlencode({'secret': secret, 'issuer': issuer})}"
