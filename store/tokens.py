"""Secret tokens kept only as their hash: school API tokens, Telegram link tokens."""

from __future__ import annotations

import hashlib


def hash_token(token: str) -> str:
    """The stored form of a secret token: its SHA-256, hex. The tokens are long and random
    (`secrets.token_urlsafe`), not passwords: a plain hash makes a leaked table useless,
    and a slow password hash would only make every API call slower."""
    return hashlib.sha256(token.encode()).hexdigest()
