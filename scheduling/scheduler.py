"""APScheduler wiring: each school's daily runs at its own times, in its own timezone.

Every node runs the same schedule; the run key and the advisory lock make each run happen once.
A node that was down when a run was due still runs it when it starts, within the grace time
(a late absence run beats none; the messages' validity stops a stale one reaching families).
The dispatcher is not a job: it runs continuously beside the scheduler (`bot/app.py`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger

from scheduling.mis.sync import sync_on_schedule
from scheduling.runs import DEFAULT_RUN_CONFIG, RunConfig, start_run
from store import calendar
from store.clock import Clock
from store.database import Database
from store.models.schools import School
from store.schools import all_schools, school_by_id

if TYPE_CHECKING:
    from scheduling.config import SchedulingSettings

log = logging.getLogger(__name__)

GRACE_SECONDS = 2 * 3600
CATCH_UP_EVERY = timedelta(minutes=30)
CATCH_UP_UNTIL = time(15, 0)  # the morning's: registers fixed late in the day
PM_CATCH_UP_UNTIL = time(17, 0)  # the afternoon's: before families' evenings (quiet hours)


BeforeRun = Callable[[int], object]  # called with the school's id just before its run


def build_scheduler(database: Database, clock: Clock, *,
                    config: RunConfig = DEFAULT_RUN_CONFIG,
                    before_run: BeforeRun | None = None) -> AsyncIOScheduler:
    """A scheduler with every school's runs on it (not started). `before_run` (the MIS pull)
    is called before each run, so a run reads the register as it stands then."""
    scheduler = AsyncIOScheduler(job_defaults={"coalesce": True,
                                               "misfire_grace_time": GRACE_SECONDS})
    add_schools(scheduler, database, clock, config=config, before_run=before_run)
    # Schools added or retimed while running are picked up without a restart.
    scheduler.add_job(add_schools, "interval", minutes=10, id="schools:refresh",
                      args=(scheduler, database, clock),
                      kwargs={"config": config, "before_run": before_run})
    return scheduler


def add_mis_sync(scheduler: AsyncIOScheduler, database: Database, clock: Clock,
                 settings: SchedulingSettings) -> None:
    """Every linked school's MIS asked what changed every few minutes (the pass itself keeps
    to each school's day); one pass at a time, a late one coalesced."""
    scheduler.add_job(sync_on_schedule, "interval", minutes=settings.mis_sync_minutes,
                      id="mis:sync", replace_existing=True, max_instances=1,
                      args=(database, clock, settings))


def add_schools(scheduler: AsyncIOScheduler, database: Database, clock: Clock, *,
                config: RunConfig = DEFAULT_RUN_CONFIG,
                before_run: BeforeRun | None = None) -> None:
    """(Re)schedule every school's runs."""
    with database.transaction() as session:
        schools = all_schools(session)
    for school in schools:
        add_school(scheduler, database, clock, school, config=config, before_run=before_run)


def daily_times(school: School) -> dict[str, time]:
    """When each run happens, school-local. The absence run waits for the settle delay after
    registers close, so a teacher fixing the register at 09:05 is not a parent's false alarm."""
    settled = _plus(school.register_close, timedelta(minutes=school.settle_minutes))
    times = {"absence": max(school.absence_run_at, settled), "late": school.late_run_at,
             "chase": school.chase_run_at, "call_list": school.call_list_at,
             "pm_absence": school.pm_absence_run_at}
    if school.setting != "school":  # a college's or university's students: missed events
        times["digest"] = school.digest_at
    for run, kind, until in (("absence", "catch_up", CATCH_UP_UNTIL),
                             ("pm_absence", "pm_catch_up", PM_CATCH_UP_UNTIL)):
        slot = _plus(times[run], CATCH_UP_EVERY)
        while slot <= until:
            times[f"{kind}:{slot:%H%M}"] = slot
            slot = _plus(slot, CATCH_UP_EVERY)
    return times


def add_school(scheduler: AsyncIOScheduler, database: Database, clock: Clock, school: School,
               *, config: RunConfig = DEFAULT_RUN_CONFIG,
               before_run: BeforeRun | None = None) -> None:
    """Put one school's runs on the scheduler, weekdays in the school's timezone (the calendar
    decides the rest: bank holidays, terms, closures)."""
    for kind, at in daily_times(school).items():
        trigger = CronTrigger(day_of_week="mon-fri", hour=at.hour, minute=at.minute,
                              timezone=school.timezone)
        scheduler.add_job(fire_run, trigger, id=f"run:{school.id}:{kind}",
                          replace_existing=True,
                          kwargs={"database": database, "clock": clock, "school_id": school.id,
                                  "kind": kind, "config": config, "before": before_run})


def fire_run(*, database: Database, clock: Clock, school_id: int, kind: str,
             config: RunConfig = DEFAULT_RUN_CONFIG, day: date | None = None,
             before: BeforeRun | None = None) -> None:
    """One scheduled run (APScheduler calls this in its thread pool). Errors are logged; the
    run key means firing it again later is always safe."""
    if before is not None:
        before(school_id)  # must not raise: a failed pull leaves the register as last pulled
    try:
        with database.transaction() as session:
            school = school_by_id(session, school_id)
            if school is None:  # deleted since it was scheduled
                return
            when = day or calendar.local_day(school, clock.now())
        summary = start_run(database, clock, school_id=school_id, day=when, kind=kind,
                            config=config)
    except Exception:
        log.exception("run school=%s kind=%s failed", school_id, kind)
        return
    log.info("run school=%s day=%s kind=%s outcome=%s composed=%s escalated=%s", school_id,
             when, kind, summary.outcome, summary.composed, summary.escalated)


def _plus(at: time, delta: timedelta) -> time:
    return (datetime.combine(date(2000, 1, 3), at) + delta).time()
