"""The jobs that talk to the outside world or watch the clock, each in a loop of its own.

The urgent-escalation watch, write-back pushes and media fetches used to run inside the inbound
worker's loop, so a dead write-back endpoint (three pushes, ten seconds each) made a parent's
reply wait thirty seconds. Each job now runs beside the worker on its own thread, with its own
timeouts: whatever an external endpoint does, the inbound worker only waits for the database.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from scheduling.urgent import escalate_unacknowledged
from scheduling.write_back import push_write_back
from store.clock import Clock
from store.database import Database

if TYPE_CHECKING:
    from bot.settings import Settings

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Job:
    """One background job: called with (database, clock, settings) every `every` seconds."""

    name: str
    run: Callable[[Database, Clock, Settings], int]
    every: float


JOBS = (Job("urgent watch", escalate_unacknowledged, 5.0),
        Job("write-back push", push_write_back, 5.0))


def run_job_once(job: Job, database: Database, clock: Clock, settings: Settings) -> int:
    """One pass of a job; a failure is logged and the next pass tries again (nothing is lost:
    each job's work is rows in the store)."""
    try:
        return job.run(database, clock, settings)
    except Exception as error:
        log.warning("job %s failed error=%s", job.name, type(error).__name__)
        return 0


async def run_jobs_in_background(database: Database, clock: Clock, settings: Settings, *,
                                 jobs: tuple[Job, ...] = JOBS) -> None:
    """Every job in a loop of its own, each pass on a thread (`rollcall serve`); runs until
    cancelled."""
    await asyncio.gather(*(_loop(job, database, clock, settings) for job in jobs))


async def _loop(job: Job, database: Database, clock: Clock, settings: Settings) -> None:
    while True:
        await asyncio.to_thread(run_job_once, job, database, clock, settings)
        await asyncio.sleep(job.every)


def start_job_threads(database: Database, clock: Clock, settings: Settings, *,
                      stop: threading.Event,
                      jobs: tuple[Job, ...] = JOBS) -> list[threading.Thread]:
    """Every job on a thread of its own until `stop` is set (`rollcall worker`)."""
    threads = []
    for job in jobs:
        thread = threading.Thread(target=_thread_loop, name=f"job:{job.name}", daemon=True,
                                  args=(job, database, clock, settings, stop))
        thread.start()
        threads.append(thread)
    return threads


def _thread_loop(job: Job, database: Database, clock: Clock, settings: Settings,
                 stop: threading.Event) -> None:
    while not stop.is_set():
        run_job_once(job, database, clock, settings)
        stop.wait(job.every)
