"""Pushing confirmed reasons to the MIS side's webhook, signed, retried with backoff until
accepted (optional: the pull feed of the REST API always has them).

The body is the JSON queued with the reason; the header `X-Rollcall-Signature` is
`sha256=<hex HMAC-SHA256 of the body with the shared secret>`, so the receiver can check the
push is ours before it records a code. A row is leased before the request (so a second process
does not send it at the same time) and the request is made outside any transaction.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
from datetime import timedelta
from typing import TYPE_CHECKING

import httpx

from store.backoff import Backoff
from store.clock import Clock
from store.database import Database
from store.write_back import lease_due_pushes, record_push, set_aside_pending

if TYPE_CHECKING:
    from scheduling.config import SchedulingSettings

log = logging.getLogger(__name__)

SIGNATURE_HEADER = "X-Rollcall-Signature"
LEASE = timedelta(minutes=2)
# Per request, connecting included: the pusher is a job of its own (scheduling.jobs), but a
# dead endpoint should still cost a pass seconds, not minutes.
TIMEOUT = httpx.Timeout(5.0)
BACKOFF = Backoff(base=timedelta(seconds=5), cap=timedelta(hours=1))


def sign(body: bytes, secret: str) -> str:
    """The signature header's value for a body."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def push_write_back(db: Database, clock: Clock, settings: SchedulingSettings, *,
                    client: httpx.Client | None = None, limit: int = 50) -> int:
    """Send every due push once; returns how many the receiver accepted.

    The pass stops at the first push the endpoint did not answer (refused, timed out): the
    others keep their lease and are tried again when it ends, so a dead endpoint costs one
    timeout per pass, not one per push."""
    url = settings.write_back_webhook_url
    if not url:
        with db.transaction() as session:
            set_aside_pending(session)
        return 0
    secret = settings.write_back_webhook_secret
    leased = _lease(db, clock, limit)
    if not leased:
        return 0
    accepted = 0
    owned = client is None
    http = client or httpx.Client(timeout=TIMEOUT)
    try:
        for push_id, body in leased:
            error = _send(http, url, body, secret.get_secret_value() if secret else "", push_id)
            _record(db, clock, push_id, error)
            accepted += error is None
            if error is not None and not error.startswith("HTTP"):
                break  # unreachable: the rest wait for their lease to end
    finally:
        if owned:
            http.close()
    return accepted


def _send(http: httpx.Client, url: str, body: str, secret: str, push_id: int) -> str | None:
    data = body.encode()
    headers = {"Content-Type": "application/json", "X-Rollcall-Delivery": str(push_id)}
    if secret:
        headers[SIGNATURE_HEADER] = sign(data, secret)
    try:
        response = http.post(url, content=data, headers=headers)
    except httpx.HTTPError as error:
        return type(error).__name__
    return None if response.is_success else f"HTTP {response.status_code}"


def _lease(db: Database, clock: Clock, limit: int) -> list[tuple[int, str]]:
    with db.transaction() as session:
        return lease_due_pushes(session, clock.now(), lease=LEASE, limit=limit)


def _record(db: Database, clock: Clock, push_id: int, error: str | None) -> None:
    with db.transaction() as session:
        record_push(session, push_id, error=error, now=clock.now(), backoff=BACKOFF)
    log.info("write-back push=%s outcome=%s", push_id, error or "accepted")
