"""The demo's school morning, whenever `rollcall demo` is started (issue 19 item 8).

A newcomer trying rollcall on a Sunday night, on a bank holiday or at 2 a.m. should see a school
morning at once: the absence messages going out, a family's reply read, an escalation in the
inbox. The demo's registers are those of the latest school day (`store.demo`); outside that
day's school hours the demo's clock runs from that day's absence run (an `OffsetClock`), so the
runs, the engine's "today", quiet hours and the messages' validity all see a school morning.
The morning's runs are fired at start: a run happens once, however often it is fired.
"""

from __future__ import annotations

from datetime import date, time

from sqlmodel import Session

from scheduling.runs import DEFAULT_RUN_CONFIG, RunConfig, RunSummary, start_run
from scheduling.scheduler import daily_times
from store import calendar
from store.clock import Clock, OffsetClock
from store.database import Database
from store.models.schools import School
from store.schools import school_by_id

SCHOOL_DAY_ENDS = time(16, 0)  # after this the day's runs are over: the demo starts a morning
MORNING_RUNS = ("absence", "late")


def demo_clock(session: Session, school: School, clock: Clock) -> Clock:
    """`clock` while the latest school day's morning runs are due or done and school is not yet
    over; otherwise a clock running from that day's absence run."""
    local = calendar.local_now(school, clock.now())
    day = calendar.latest_school_day(session, school, local.date()) or local.date()
    morning = daily_times(school)["absence"]
    if day == local.date() and morning <= local.time() < SCHOOL_DAY_ENDS:
        return clock
    return OffsetClock(clock, start=calendar.local_time(school, day, morning))


def run_the_morning(database: Database, clock: Clock, *, school_id: int,
                    config: RunConfig = DEFAULT_RUN_CONFIG) -> list[RunSummary]:
    """Fire the school's morning runs for the day it is by `clock` (once each, ever)."""
    with database.transaction() as session:
        school = school_by_id(session, school_id)
        assert school is not None
        day = calendar.local_day(school, clock.now())
    return [start_run(database, clock, school_id=school_id, day=day, kind=kind, config=config)
            for kind in MORNING_RUNS]


def run_the_evening(database: Database, clock: Clock, *, school_id: int, day: date,
                    config: RunConfig = DEFAULT_RUN_CONFIG) -> list[RunSummary]:
    """The demo college's or university's evening after its week (`store.demo_university`):
    the digests of the week's last day, so the students' messages are there at once (once
    ever, like every run)."""
    return [start_run(database, clock, school_id=school_id, day=day, kind="digest",
                      config=config)]
