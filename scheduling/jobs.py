"""The jobs that talk to the outside world or watch the clock, each in a loop of its own.

The urgent-escalation watch, write-back pushes and media fetches used to run inside the inbound
worker's loop, so a dead write-back endpoint (three pushes, ten seconds each) made a parent's
reply wait thirty seconds. Each job now runs beside the worker on its own thread, with its own
timeouts: whatever an external endpoint does, the inbound worker only waits for the database.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from channels.base import Channel
from scheduling.media_fetch import fetch_due_media
from scheduling.mis.push import push_to_mis
from scheduling.urgent import escalate_unacknowledged
from scheduling.write_back import push_write_back
from store.clock import Clock
from store.database import Database

if TYPE_CHECKING:
    from scheduling.config import SchedulingSettings

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Job:
    """One background job: called with (database, clock, settings) every `every` seconds."""

    name: str
    run: Callable[[Database, Clock, SchedulingSettings], int]
    every: float


JOBS = (Job("urgent watch", escalate_unacknowledged, 5.0),
        Job("write-back push", push_write_back, 5.0),
        Job("mis push", push_to_mis, 5.0))
MEDIA_EVERY = 2.0  # seconds between media passes when no webhook wakes the job sooner


def run_job_once(job: Job, database: Database, clock: Clock, settings: SchedulingSettings) -> int:
    """One pass of a job; a failure is logged and the next pass tries again (nothing is lost:
    each job's work is rows in the store)."""
    try:
        return job.run(database, clock, settings)
    except Exception as error:
        log.warning("job %s failed error=%s", job.name, type(error).__name__)
        return 0


async def run_jobs_in_background(database: Database, clock: Clock, settings: SchedulingSettings, *,
                                 channels: Mapping[str, Channel],
                                 media_wake: asyncio.Event | None = None,
                                 jobs: tuple[Job, ...] = JOBS) -> None:
    """Every job in a loop of its own, each pass on a thread, and the media fetches on the
    event loop (the channels' clients live there) (`rollcall serve`); runs until cancelled.
    `media_wake` is set by a webhook that stored media."""
    await asyncio.gather(*(_loop(job, database, clock, settings) for job in jobs),
                         fetch_media_until_cancelled(database, clock, channels,
                                                     wake=media_wake or asyncio.Event()))


async def fetch_media_until_cancelled(database: Database, clock: Clock,
                                      channels: Mapping[str, Channel], *,
                                      wake: asyncio.Event) -> None:
    """The media job's loop: a pass, then wait for `wake` or MEDIA_EVERY seconds."""
    while True:
        wake.clear()  # before the pass: media stored during it wakes the next one at once
        try:
            await fetch_due_media(database, clock, channels)
        except Exception as error:  # the database went away: the rows wait, nothing is lost
            log.warning("job media fetch failed error=%s", type(error).__name__)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(wake.wait(), timeout=MEDIA_EVERY)


async def _loop(job: Job, database: Database, clock: Clock, settings: SchedulingSettings) -> None:
    while True:
        await asyncio.to_thread(run_job_once, job, database, clock, settings)
        await asyncio.sleep(job.every)


def start_job_threads(database: Database, clock: Clock, settings: SchedulingSettings, *,
                      stop: threading.Event, channels: Mapping[str, Channel] | None = None,
                      jobs: tuple[Job, ...] = JOBS) -> list[threading.Thread]:
    """Every job on a thread of its own until `stop` is set (`rollcall worker`), and the
    media fetches on an event loop of their own when `channels` are given."""
    threads = [threading.Thread(target=_thread_loop, name=f"job:{job.name}", daemon=True,
                                args=(job, database, clock, settings, stop)) for job in jobs]
    if channels is not None:
        threads.append(threading.Thread(target=_media_thread, name="job:media fetch",
                                        daemon=True, args=(database, clock, channels, stop)))
    for thread in threads:
        thread.start()
    return threads


def _media_thread(database: Database, clock: Clock, channels: Mapping[str, Channel],
                  stop: threading.Event) -> None:
    async def until_stopped() -> None:
        while not stop.is_set():
            try:
                await fetch_due_media(database, clock, channels)
            except Exception as error:
                log.warning("job media fetch failed error=%s", type(error).__name__)
            await asyncio.to_thread(stop.wait, MEDIA_EVERY)

    asyncio.run(until_stopped())


def _thread_loop(job: Job, database: Database, clock: Clock, settings: SchedulingSettings,
                 stop: threading.Event) -> None:
    while not stop.is_set():
        run_job_once(job, database, clock, settings)
        stop.wait(job.every)
