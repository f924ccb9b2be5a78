"""Running the inbound worker: as `rollcall worker` (a loop until a signal) or as a task inside
the app (`rollcall serve`). The loop processes stored events and nothing else: the jobs that wait
on the outside world (write-back pushes, media fetches, the urgent watch) run beside it
(`scheduling.jobs`), so no endpoint can hold a parent's reply up."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from collections.abc import Mapping
from typing import TYPE_CHECKING

from channels.base import Channel
from scheduling.inbound import InboundWorker
from scheduling.jobs import start_job_threads

if TYPE_CHECKING:
    from scheduling.config import SchedulingSettings

log = logging.getLogger(__name__)

BATCH = 50


def run_until_stopped(worker: InboundWorker, settings: SchedulingSettings, *, stop: threading.Event,
                      channels: Mapping[str, Channel] | None = None) -> None:
    """Process events as they arrive until `stop` is set (SIGTERM/SIGINT in the CLI), with the
    background jobs on threads beside it (media fetches too, given the `channels`)."""
    jobs = start_job_threads(worker.database, worker.clock, settings, stop=stop,
                             channels=channels)
    while not stop.is_set():
        handled = _tick(worker)
        if handled == 0:
            stop.wait(settings.inbound_poll_seconds)
    for job in jobs:
        job.join(timeout=settings.inbound_poll_seconds)  # a job mid-request finishes on its own


async def run_in_background(worker: InboundWorker, settings: SchedulingSettings, *,
                            wake: asyncio.Event) -> None:
    """The same loop as an asyncio task; the database work runs in a thread so the event loop
    keeps answering webhooks. `wake` is set by a webhook that stored an event. The background
    jobs are a task of their own (`scheduling.jobs.run_jobs_in_background`)."""
    while True:
        handled = await asyncio.to_thread(_tick, worker)
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
