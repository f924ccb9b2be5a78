"""Webhook requests stored in group commits: one transaction for all that arrive together.

A webhook answers the provider only once what it received is committed (safety rule 2), and a
transaction per request makes requests queue on the database's one write lock, each paying for
a whole transaction and a thread hop. Here requests wait in a queue instead; one writer at a
time takes everything waiting, stores it in one transaction on a worker thread
(`channels.events.store_requests`), and answers each request after the commit. While it
writes, the next group gathers, so the busier the webhook the larger the groups.

Storing a group costs about eight times storing one more request in it (a durable commit, a
thread hop, the statements' set-up: about 0.75 ms of CPU against 0.09 ms on SQLite), so when
fewer than FILL requests are waiting the writer holds the group open for `hold` seconds (5 ms)
first. Without it, at a steady rate below the most the webhook takes, requests arrive one by
one and each is a group of its own: at 1,000 a second the writer alone needs about a core, the
server spends more CPU a request at 80 % of its throughput than at 100 %, falls behind and a
queue grows. Held 2 ms such a group is about 3 requests (~0.4 ms a request), held 5 ms about
6 (~0.25 ms). Only while requests keep coming (the last group was stored under BUSY holds ago):
a request after a quiet spell is stored at once, since it would wait for nobody.

A group whose transaction fails is tried again one request at a time, so a request the
database refuses fails alone: it gets the error (the webhook answers 503 and the provider
retries) and its neighbours are stored as usual.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy.exc import SQLAlchemyError

from channels.base import InboundMessage, Received
from channels.events import store_requests
from store.clock import Clock
from store.database import Database

log = logging.getLogger(__name__)

MAX_GROUP = 256  # requests in one transaction: bounds how long the write lock is held
FILL = 16  # requests in a group from which one more costs little (no hold when this many wait)
HOLD = 0.005  # seconds a smaller group is held open for more requests (ROLLCALL_INTAKE_HOLD_MS)
BUSY = 4  # only while requests keep coming: the last group ended under BUSY holds ago

NewMessages = list[tuple[int, InboundMessage]]
"""What storing one request gives back: its new messages, (inbound event id, message)."""


@dataclass(slots=True)
class _Waiting:
    received: Sequence[Received]
    raw: bytes
    stored: asyncio.Future[NewMessages]


@dataclass(slots=True)
class Intake:
    """The webhooks' way into the store; one per app."""

    database: Database
    clock: Clock
    max_group: int = MAX_GROUP
    hold: float = HOLD
    _queue: list[_Waiting] = field(default_factory=list)
    _writer: asyncio.Task[None] | None = None
    _last_stored: float = float("-inf")  # the event loop's time when the last group was stored

    async def store(self, received: Sequence[Received], raw: bytes) -> NewMessages:
        """Store one request's items; returns once they are committed, with its new messages.

        Raises what storing raised (SQLAlchemyError when the database refused or failed):
        then nothing of this request was stored."""
        loop = asyncio.get_running_loop()
        waiting = _Waiting(received=received, raw=raw, stored=loop.create_future())
        self._queue.append(waiting)
        if self._writer is None:
            self._writer = loop.create_task(self._write_groups())
        return await waiting.stored

    async def _write_groups(self) -> None:
        # Runs while requests wait and ends when none does, so nothing is left running
        # between requests or when the event loop closes.
        group: list[_Waiting] = []
        try:
            loop = asyncio.get_running_loop()
            while self._queue:
                if (self.hold > 0 and len(self._queue) < FILL
                        and loop.time() - self._last_stored < BUSY * self.hold):
                    await asyncio.sleep(self.hold)  # let the group fill (see the docstring)
                group = self._queue[:self.max_group]
                del self._queue[:len(group)]
                outcomes = await asyncio.to_thread(self._store_group, group)
                self._last_stored = loop.time()
                for waiting, outcome in zip(group, outcomes, strict=True):
                    _settle(waiting.stored, outcome)
                group = []
        except BaseException as error:  # cancelled, or a bug: no request may wait forever
            for waiting in group + self._queue:
                _settle(waiting.stored, error)
            self._queue.clear()
            raise
        finally:
            self._writer = None

    def _store_group(self, group: list[_Waiting]) -> list[NewMessages | SQLAlchemyError]:
        """On the worker thread: the group in one transaction, or one by one if that fails."""
        try:
            with self.database.transaction() as session:
                return list(store_requests(session, self.clock,
                                           [(w.received, w.raw) for w in group]))
        except SQLAlchemyError as error:
            if len(group) == 1:
                log.error("webhook request not stored error=%s", type(error).__name__)
                return [error]
            log.warning("group of %s requests not stored error=%s: storing each alone",
                        len(group), type(error).__name__)
        return [self._store_group([waiting])[0] for waiting in group]


def _settle(stored: asyncio.Future[NewMessages],
            outcome: NewMessages | BaseException) -> None:
    if stored.done():  # the request went away (its client disconnected, the app stopped)
        return
    if isinstance(outcome, asyncio.CancelledError):
        stored.cancel()
    elif isinstance(outcome, BaseException):
        stored.set_exception(outcome)
    else:
        stored.set_result(outcome)
