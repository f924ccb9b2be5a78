"""The console's session cookie: who is signed in, and the CSRF token every form must carry.

The cookie is signed (itsdangerous) with settings.secret_key. It holds the CSRF token, when it
was issued (from the Clock, so tests can age it) and, once signed in, the user id and the token
of a server-side session (store/console_sessions.py): the row, not the cookie, decides whether
the session is still live, so signing out, a new password or deactivation end it at once.
"""

from __future__ import annotations

import hmac
import logging
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from itsdangerous import BadSignature, URLSafeSerializer

from bot.settings import Settings

COOKIE = "rollcall_session"
MAX_AGE_SECONDS = 12 * 60 * 60  # a cookie's own limit, unless console_session_hours says more
_SALT = "rollcall.console.session"

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class CookieSession:
    csrf: str
    issued_at: float
    user_id: int | None = None
    token: str | None = None  # the server-side session's token (only its hash is stored)


def secret_key(settings: Settings) -> str:
    """settings.secret_key, or for a demo or development install one generated once and kept in
    `secret_key_file` (mode 0600) so that sessions survive a restart. Never logged."""
    if settings.secret_key is not None:
        return settings.secret_key.get_secret_value()
    path = Path(settings.secret_key_file)
    if path.is_file():
        return path.read_text().strip()
    key = secrets.token_urlsafe(48)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w") as file:
        file.write(key + "\n")
    log.warning("ROLLCALL_SECRET_KEY is not set: generated one and kept it in %s", path)
    return key


class SessionCodec:
    """Signs and reads the session cookie."""

    def __init__(self, key: str, *, max_age_seconds: float = MAX_AGE_SECONDS) -> None:
        self._serializer = URLSafeSerializer(key, salt=_SALT)
        self._max_age = max_age_seconds

    def dump(self, session: CookieSession) -> str:
        return self._serializer.dumps({"c": session.csrf, "t": session.issued_at,
                                       "u": session.user_id, "s": session.token})

    def load(self, value: str | None, *, now: float) -> CookieSession | None:
        """The session in the cookie, or None when it is missing, forged or too old."""
        if not value:
            return None
        try:
            data = self._serializer.loads(value)
        except BadSignature:
            return None
        if not isinstance(data, dict) or not isinstance(data.get("c"), str):
            return None
        issued = float(data.get("t") or 0)
        if not 0 <= now - issued <= self._max_age:
            return None
        user_id, token = data.get("u"), data.get("s")
        return CookieSession(csrf=data["c"], issued_at=issued,
                             user_id=user_id if isinstance(user_id, int) else None,
                             token=token if isinstance(token, str) else None)


def new_session(*, now: float, user_id: int | None = None,
                token: str | None = None) -> CookieSession:
    """A fresh cookie with a fresh CSRF token (a new one at sign-in: no fixation)."""
    return CookieSession(csrf=secrets.token_urlsafe(32), issued_at=now, user_id=user_id,
                         token=token)


def tokens_match(expected: str, given: str | None) -> bool:
    return given is not None and hmac.compare_digest(expected.encode(), given.encode())
