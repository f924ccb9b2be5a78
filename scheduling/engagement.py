"""The nightly engagement recompute of each college and university: every student's status on
both tracks, from the day's attendance (`store.engagement.recompute`), once the day's registers
are in. Firing it twice, or on two nodes, is safe: the second finds nothing to change."""

from __future__ import annotations

import logging
from datetime import date
from typing import TYPE_CHECKING

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger

from scheduling.daily import fire_daily
from store.clock import Clock
from store.database import Database
from store.engagement import Recomputed, recompute
from store.runs import lock_run
from store.schools import all_schools, school_by_id

if TYPE_CHECKING:
    from scheduling.config import SchedulingSettings

log = logging.getLogger(__name__)

RUN_KIND = "engagement"


def engagement_pass(database: Database, clock: Clock, *, school_id: int,
                    day: date) -> list[Recomputed]:
    """Recompute one college's or university's statuses on `day` (its local date), in one
    transaction; nothing for a school (its students have no timetabled events)."""
    with database.transaction() as session:
        school = school_by_id(session, school_id)
        if school is None or school.setting == "school":
            return []
        # Two nodes firing at once: the second waits, then finds nothing left to change.
        lock_run(session, school_id=school_id, day=day, kind=RUN_KIND)
        found = recompute(session, clock, school=school, day=day)
    for track in found:
        log.info("engagement school=%s day=%s track=%s students=%s met=%s moved=%s tasks=%s",
                 school_id, day, track.track, track.students, track.met, dict(track.moved),
                 track.tasks)
    return found


def fire_engagement(*, database: Database, clock: Clock, school_id: int) -> None:
    """The scheduled recompute: errors are logged, and firing again is always safe."""
    fire_daily("engagement", database=database, clock=clock, school_id=school_id,
               act=lambda day: engagement_pass(database, clock, school_id=school_id, day=day))


def add_engagement(scheduler: AsyncIOScheduler, database: Database, clock: Clock,
                   settings: SchedulingSettings) -> None:
    """Every college's and university's recompute, daily at the set school-local time."""
    with database.transaction() as session:
        schools = [school for school in all_schools(session) if school.setting != "school"]
    at = settings.engagement_at
    for school in schools:
        scheduler.add_job(
            fire_engagement, CronTrigger(hour=at.hour, minute=at.minute,
                                         timezone=school.timezone),
            id=f"engagement:{school.id}", replace_existing=True,
            kwargs={"database": database, "clock": clock, "school_id": school.id})
