"""Recording what happened to each message the dispatcher tried to send."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session

from store.backoff import Backoff
from store.clock import Clock
from store.database import rows_by_id
from store.delivery import UNCONFIRMED, lose_channel, stop_using_channel
from store.models.outbound import Outbox
from store.outbox import mark_sent

# Jittered: a provider outage fails thousands of rows at once; they must not return together.
BACKOFF = Backoff(base=timedelta(seconds=5), cap=timedelta(minutes=10), jitter=True)
MAX_ATTEMPTS = 8  # then the row fails and the message fails over


@dataclass(frozen=True, slots=True)
class Sent:
    outbox_id: int
    provider_id: str


@dataclass(frozen=True, slots=True)
class Retry:
    outbox_id: int
    attempts: int
    error_code: str | None
    retry_after: float | None = None


@dataclass(frozen=True, slots=True)
class Failed:
    outbox_id: int
    error_code: str | None
    channel: str
    contact_id: int | None
    opted_out: bool = False
    channel_lost: bool = False


Outcome = Sent | Retry | Failed


def record(session: Session, outcomes: list[Outcome], *, now: datetime, clock: Clock) -> None:
    """Apply a batch of outcomes in one transaction."""
    mark_sent(session, [(o.outbox_id, o.provider_id) for o in outcomes if isinstance(o, Sent)],
              at=now)
    others: list[Retry | Failed] = [o for o in outcomes if not isinstance(o, Sent)]
    if not others:
        return
    rows = rows_by_id(session, Outbox, (o.outbox_id for o in others))
    for outcome in others:
        row = rows[outcome.outbox_id]
        row.lease_until = None
        if isinstance(outcome, Retry) and outcome.attempts < MAX_ATTEMPTS:
            row.status = "pending"
            # A provider that said "wait" (Retry-After) refused it; any other transient failure
            # (a timeout, a 5xx gateway error) may hide an accepted message: ask before resending.
            row.error_code = (outcome.error_code if outcome.retry_after is not None
                              else f"{UNCONFIRMED}:{outcome.error_code or 'no answer'}")
            row.next_attempt_at = now + BACKOFF.after(outcome.attempts,
                                                      retry_after=outcome.retry_after)
        elif isinstance(outcome, Retry):
            row.status, row.error_code = "failed", outcome.error_code or "too many attempts"
        else:
            row.status, row.error_code = "failed", outcome.error_code
            if outcome.contact_id is not None and (outcome.opted_out or outcome.channel_lost):
                _stop_using(session, clock, outcome)


def _stop_using(session: Session, clock: Clock, failed: Failed) -> None:
    if failed.channel_lost and not failed.opted_out:  # a chat that blocked the bot, no number
        lose_channel(session, clock, contact_id=failed.contact_id, channel=failed.channel,
                     why=f"refused for good ({failed.error_code})")
        return
    stop_using_channel(session, contact_id=failed.contact_id, channel=failed.channel,
                       opted_out=failed.opted_out)
