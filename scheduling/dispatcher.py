"""The outbox dispatcher: claims due rows, sends them through the channel adapters within the
rate limits, and records what happened, so every message goes out once.

A pass (`run_once`) is a stream, not a batch at a time: it claims a batch under a lease
whenever fewer than a batch are in hand (in a thread: the database is synchronous), sends each
message as soon as its channel's concurrency and rate limits allow, and records outcomes in one
transaction every fraction of a second, renewing the leases of everything still in hand. So the
sending never stops to wait for a claim or a record. A send whose answer was lost (timeout, or a
dispatcher killed mid-send whose lease ran out) is reconciled first: the adapter's `find_sent`
asks the provider whether it already took that message, so it is neither lost nor doubled.
Between passes it fails over undelivered messages, sends corrections for marks fixed after their
message went, and archives finished rows.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta

from channels.base import Channel, OutboundMessage
from channels.events import apply_waiting_receipts
from scheduling.claims import Claimed, claim_due
from scheduling.corrections import send_corrections
from scheduling.failover import fail_over
from scheduling.outcomes import Failed, Outcome, Retry, Sent, record
from scheduling.ratelimit import RateLimits
from store.clock import Clock
from store.database import Database
from store.errors import PermanentSendError, TransientSendError
from store.outbox import archive_finished, renew_lease

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class DispatcherConfig:
    batch: int = 200  # rows claimed at a time; the next batch is claimed when fewer are in hand
    concurrency: int = 64  # sends in flight at once on each channel
    lease: timedelta = timedelta(seconds=60)
    idle_seconds: float = 1.0  # how long an empty queue is left before looking again
    upkeep_seconds: float = 15.0  # failover, corrections and archiving between passes
    record_seconds: float = 0.25  # outcomes wait at most this long to be recorded together
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
                handled = await self.run_once(claim_for=self.config.upkeep_seconds, stop=stop)
            except Exception as error:  # the database went away: nothing is lost, try again
                log.warning("dispatcher pass failed error=%s", type(error).__name__)
                handled = 0
            if handled == 0:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), timeout=self.config.idle_seconds)

    async def run_once(self, *, claim_for: float | None = None,
                       stop: asyncio.Event | None = None) -> int:
        """Send what is due until the queue is empty, claiming no new batch after `claim_for`
        seconds or once `stop` is set, and record every outcome; returns how many rows were
        claimed."""
        stream = _Stream(self)
        try:
            return await stream.run(claim_for=claim_for, stop=stop)
        finally:
            stream.cancel()

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

    def _claim(self) -> tuple[int, list[Claimed]]:
        with self.database.transaction() as session:
            return claim_due(session, now=self.clock.now(), limit=self.config.batch,
                             lease=self.config.lease, clock=self.clock)

    def _record(self, outcomes: list[Outcome]) -> None:
        with self.database.transaction() as session:
            record(session, outcomes, now=self.clock.now(), clock=self.clock)
            # A receipt may have come before its id was recorded here (a fast provider).
            apply_waiting_receipts(session, self.clock, provider_ids=[
                o.provider_id for o in outcomes if isinstance(o, Sent)])
        for outcome in outcomes:
            log.info("outbox=%s %s", outcome.outbox_id, type(outcome).__name__.lower())

    def _renew(self, ids: list[int]) -> None:
        with self.database.transaction() as session:
            renew_lease(session, ids, until=self.clock.now() + self.config.lease)

    async def _send_one(self, message: Claimed, gate: asyncio.Semaphore) -> Outcome:
        channel = self.channels.get(message.channel)
        if channel is None:
            return Failed(message.id, f"no {message.channel} channel configured",
                          message.channel, message.contact_id)
        try:
            if message.reconcile:
                async with gate:
                    found = await channel.find_sent(message.to, message.claimed_at,
                                                    message.body)
                if found is not None:
                    return Sent(message.id, found)
            # The rate limits before the gate: a send waiting on its limit holds no place.
            async with self.config.limits.sending(message.channel, message.sender), gate:
                receipt = await channel.send(OutboundMessage(
                    outbox_id=message.id, to=message.to, text=message.body,
                    language=message.language, sender=message.sender,
                    expires_at=message.expires_at, kind=message.kind, options=message.options,
                    reply_token=message.reply_token, last_inbound_at=message.last_inbound_at,
                    school=message.school_name, school_id=message.school_id,
                    subject=message.subject, html=message.html,
                    attachments=message.attachments))
        except TransientSendError as error:
            return Retry(message.id, message.attempts, error.error_code, error.retry_after)
        except PermanentSendError as error:
            return Failed(message.id, error.error_code or "refused", message.channel,
                          message.contact_id, opted_out=error.opted_out,
                          channel_lost=error.channel_lost)
        except Exception as error:  # an adapter's bug must not lose the rest of the pass
            log.warning("outbox=%s send raised %s", message.id, type(error).__name__)
            # No Retry-After: recorded as unconfirmed, so the provider is asked before a resend.
            return Retry(message.id, message.attempts, type(error).__name__)
        return Sent(message.id, receipt.provider_id)


class _Stream:
    """One pass's moving parts: the sends in flight, the outcomes not yet recorded, and the
    rows in hand (claimed, outcome not yet recorded) whose leases are renewed meanwhile.

    Only `run` touches the database, one step at a time, so on SQLite the claims, records and
    renewals never wait on each other; the sends go on while it does."""

    def __init__(self, dispatcher: Dispatcher) -> None:
        self.dispatcher = dispatcher
        self.config = dispatcher.config
        self.sending: set[asyncio.Task[Outcome]] = set()
        self.held: set[int] = set()
        self.outcomes: list[Outcome] = []
        self.gates: dict[str, asyncio.Semaphore] = {}
        self.wake = asyncio.Event()
        self.more = True  # the last claim found rows: claim again when fewer than a batch in hand

    async def run(self, *, claim_for: float | None, stop: asyncio.Event | None) -> int:
        loop = asyncio.get_running_loop()
        started = loop.time()
        lease = self.config.lease.total_seconds()
        next_record = started + self.config.record_seconds
        next_renew = started + lease / 3
        claimed = 0
        while True:
            self.wake.clear()  # anything that happens from here on wakes the wait below
            if self.more and len(self.sending) < self.config.batch:
                self.more = ((claim_for is None or loop.time() - started < claim_for)
                             and not (stop is not None and stop.is_set()))
                if self.more:
                    taken, ready = await asyncio.to_thread(self.dispatcher._claim)
                    claimed += taken
                    self.more = taken > 0
                    for message in ready:
                        self._start(message)
                    continue  # claim again at once if that batch was short or all dropped
            if self.outcomes and (loop.time() >= next_record or not self.sending
                                  or len(self.outcomes) >= self.config.batch):
                await self._record()
                next_record = loop.time() + self.config.record_seconds
            if self.held and loop.time() >= next_renew:
                await asyncio.to_thread(self.dispatcher._renew, sorted(self.held))
                next_renew = loop.time() + lease / 3
            if not self.sending and not self.outcomes and not self.more:
                return claimed
            if self.sending:
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(min(next_record, next_renew) - loop.time()):
                        await self.wake.wait()

    def cancel(self) -> None:
        """Stop every send still in flight (the pass was cancelled or the database failed):
        their rows stay claimed, and are reconciled when their leases run out."""
        for task in self.sending:
            task.cancel()

    def _start(self, message: Claimed) -> None:
        if message.id in self.held:
            return  # still ours (its lease ran out under a slow database): never sent twice
        gate = self.gates.get(message.channel)
        if gate is None:
            gate = self.gates[message.channel] = asyncio.Semaphore(self.config.concurrency)
        self.held.add(message.id)
        task = asyncio.create_task(self.dispatcher._send_one(message, gate))
        self.sending.add(task)
        task.add_done_callback(self._sent)

    def _sent(self, task: asyncio.Task[Outcome]) -> None:
        self.sending.discard(task)
        if task.cancelled():
            return
        self.outcomes.append(task.result())
        if (not self.sending or len(self.outcomes) >= self.config.batch
                or (self.more and len(self.sending) < self.config.batch)):
            self.wake.set()

    async def _record(self) -> None:
        outcomes, self.outcomes = self.outcomes, []
        await asyncio.to_thread(self.dispatcher._record, outcomes)
        self.held.difference_update(o.outbox_id for o in outcomes)
