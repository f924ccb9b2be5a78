"""Running the inbound worker: as `rollcall worker` (a loop until a signal) or as a task inside
the app (`rollcall serve`). Both also watch urgent escalations nobody acknowledged and push
confirmed reasons to the write-back webhook when one is configured."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
import time
from typing import TYPE_CHECKING

from scheduling.inbound import InboundWorker
from scheduling.urgent import escalate_unacknowledged
from scheduling.write_back import push_write_back

if TYPE_CHECKING:
    from bot.settings import Settings

log = logging.getLogger(__name__)

PERIODIC_SECONDS = 5.0  # urgent reminders and write-back pushes
BATCH = 50


def run_until_stopped(worker: InboundWorker, settings: Settings, *,
                      stop: threading.Event) -> None:
    """Process events as they arrive until `stop` is set (SIGTERM/SIGINT in the CLI)."""
    next_check = 0.0
    while not stop.is_set():
        handled = _tick(worker)
        if time.monotonic() >= next_check:
            _periodic(worker, settings)
            next_check = time.monotonic() + PERIODIC_SECONDS
        if handled == 0:
            stop.wait(settings.inbound_poll_seconds)


async def run_in_background(worker: InboundWorker, settings: Settings, *,
                            wake: asyncio.Event) -> None:
    """The same loop as an asyncio task; the database work runs in a thread so the event loop
    keeps answering webhooks. `wake` is set by a webhook that stored an event."""
    next_check = 0.0
    while True:
        handled = await asyncio.to_thread(_tick, worker)
        if time.monotonic() >= next_check:
            await asyncio.to_thread(_periodic, worker, settings)
            next_check = time.monotonic() + PERIODIC_SECONDS
        if handled == 0:
            wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(wake.wait(), timeout=settings.inbound_poll_seconds)


def _tick(worker: InboundWorker) -> int:
    try:
        return worker.process_pending(limit=BATCH)
    except Exception as error:  # the database went away: log, wait, try again; nothing is lost
        log.warning("inbound worker pass failed error=%s", type(error).__name__)
        return 0


def _periodic(worker: InboundWorker, settings: Settings) -> None:
    for job in (escalate_unacknowledged, push_write_back):
        try:
            job(worker.database, worker.clock, settings)
        except Exception as error:  # retried on the next pass
            log.warning("%s failed error=%s", job.__name__, type(error).__name__)
