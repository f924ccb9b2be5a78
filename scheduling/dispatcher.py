"""The outbox dispatcher: claims due rows, sends them through the channel adapters within the
rate limits, and records what happened, so every message goes out once.

One pass (`run_once`): claim a batch under a lease (in a thread: the database is synchronous),
send it concurrently, record the outcomes in one transaction. A send whose answer was lost
(timeout, or a dispatcher killed mid-send whose lease ran out) is reconciled first: the adapter's
`find_sent` asks the provider whether it already took that message, so it is neither lost nor
doubled. Between passes it fails over undelivered messages, sends corrections for marks fixed
after their message went, and archives finished rows.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from channels.base import Channel, OutboundMessage
from scheduling.claims import Claimed, claim_due, renew_lease
from scheduling.corrections import send_corrections
from scheduling.failover import fail_over
from scheduling.housekeeping import archive_finished
from scheduling.outcomes import Failed, Outcome, Retry, Sent, record
from scheduling.ratelimit import RateLimits
from store.clock import Clock
from store.database import Database
from store.errors import PermanentSendError, TransientSendError

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class DispatcherConfig:
    batch: int = 200
    concurrency: int = 64
    lease: timedelta = timedelta(seconds=60)
    idle_seconds: float = 1.0  # how long an empty queue is left before looking again
    upkeep_seconds: float = 15.0  # failover, corrections and archiving between passes
    limits: RateLimits = field(default_factory=RateLimits)


class Dispatcher:
    def __init__(self, database: Database, clock: Clock, channels: Mapping[str, Channel], *,
                 config: DispatcherConfig = DispatcherConfig()) -> None:
        self.database = database
        self.clock = clock
        self.channels = channels
        self.config = config

    async def run_forever(self, stop: asyncio.Event | None = None) -> None:
        """Send until `stop` is set (or the task is cancelled); a database error is logged and
        the pass retried, since every row is still in the outbox."""
        stop = stop or asyncio.Event()
        loop = asyncio.get_running_loop()
        next_upkeep = 0.0
        while not stop.is_set():
            try:
                if loop.time() >= next_upkeep:
                    await asyncio.to_thread(self.upkeep)
                    next_upkeep = loop.time() + self.config.upkeep_seconds
                handled = await self.run_once()
            except Exception as error:  # the database went away: nothing is lost, try again
                log.warning("dispatcher pass failed error=%s", type(error).__name__)
                handled = 0
            if handled == 0:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), timeout=self.config.idle_seconds)

    async def run_once(self) -> int:
        """Claim, send and record one batch; returns how many rows were claimed."""
        claimed = await asyncio.to_thread(self._claim)
        if not claimed:
            return 0
        renewer = asyncio.create_task(self._renew([c.id for c in claimed]))
        gate = asyncio.Semaphore(self.config.concurrency)

        async def send(message: Claimed) -> Outcome:
            async with gate:
                return await self._send_one(message)

        try:
            outcomes = await asyncio.gather(*(send(c) for c in claimed))
        finally:
            renewer.cancel()
        await asyncio.to_thread(self._record, list(outcomes))
        return len(claimed)

    async def drain(self) -> int:
        """Send everything due now (tests, `rollcall run`); returns how many rows were claimed."""
        total = 0
        while handled := await self.run_once():
            total += handled
        return total

    def upkeep(self) -> None:
        """The work between passes, each in its own transaction."""
        with self.database.transaction() as session:
            fail_over(session, self.clock)
        with self.database.transaction() as session:
            send_corrections(session, self.clock)
        with self.database.transaction() as session:
            archive_finished(session, self.clock)

    def _claim(self) -> list[Claimed]:
        with self.database.transaction() as session:
            return claim_due(session, now=self.clock.now(), limit=self.config.batch,
                             lease=self.config.lease, clock=self.clock)

    def _record(self, outcomes: list[Outcome]) -> None:
        with self.database.transaction() as session:
            record(session, outcomes, now=self.clock.now())
        for outcome in outcomes:
            log.info("outbox=%s %s", outcome.outbox_id, type(outcome).__name__.lower())

    async def _renew(self, ids: list[int]) -> None:
        every = self.config.lease.total_seconds() / 3
        while True:
            await asyncio.sleep(every)
            until = self.clock.now() + self.config.lease
            await asyncio.to_thread(self._renew_now, ids, until)

    def _renew_now(self, ids: list[int], until: datetime) -> None:
        with self.database.transaction() as session:
            renew_lease(session, ids, until=until)

    async def _send_one(self, message: Claimed) -> Outcome:
        channel = self.channels.get(message.channel)
        if channel is None:
            return Failed(message.id, f"no {message.channel} channel configured",
                          message.channel, message.contact_id)
        try:
            if message.reconcile:
                found = await channel.find_sent(message.to, message.claimed_at, message.body)
                if found is not None:
                    return Sent(message.id, found)
            await self.config.limits.take(message.channel, message.sender)
            receipt = await channel.send(OutboundMessage(
                outbox_id=message.id, to=message.to, text=message.body,
                language=message.language, sender=message.sender,
                expires_at=message.expires_at, kind=message.kind, options=message.options,
                reply_token=message.reply_token))
        except TransientSendError as error:
            return Retry(message.id, message.attempts, error.error_code, error.retry_after)
        except PermanentSendError as error:
            return Failed(message.id, error.error_code or "refused", message.channel,
                          message.contact_id, opted_out=error.opted_out,
                          channel_lost=error.channel_lost)
        return Sent(message.id, receipt.provider_id)
