"""The schedule: each school's runs at its times, in its timezone, after the settle delay."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from sqlmodel import select

from scheduling.scheduler import build_scheduler, daily_times, fire_run
from store.clock import FakeClock
from store.database import Database
from store.models.outbound import Outbox, Run
from store.models.schools import School
from tests.scheduling.families import new_school


def test_absence_run_waits_for_the_settle_delay() -> None:
    school = School(name="Hillside Primary", register_close=time(9, 25), settle_minutes=10)
    times = daily_times(school)
    assert times["absence"] == time(9, 35)
    assert times["late"] == time(10, 0) and times["chase"] == time(11, 0)
    assert times["catch_up:1005"] == time(10, 5) and "catch_up:1505" not in times
    # The afternoon run's late marks are caught up too, after it and not before.
    assert times["pm_absence"] == time(14, 0) and times["pm_catch_up:1430"] == time(14, 30)
    assert times["pm_catch_up:1700"] == time(17, 0) and "pm_catch_up:1730" not in times
    assert not any(k.startswith("pm_catch_up") and t <= times["pm_absence"]
                   for k, t in times.items())


def test_each_school_runs_in_its_own_timezone(db: Database, clock: FakeClock) -> None:
    with db.transaction() as session:
        london = new_school(session).school
        new_york = new_school(session, name="Riverside", timezone="America/New_York",
                              country="US").school
    scheduler = build_scheduler(db, clock)  # not started: its jobs and triggers are all here
    after = datetime(2026, 11, 23, 0, 0, tzinfo=UTC)
    jobs = {job.id: job for job in scheduler.get_jobs()}
    london_run = jobs[f"run:{london.id}:absence"].trigger.get_next_fire_time(None, after)
    ny_run = jobs[f"run:{new_york.id}:absence"].trigger.get_next_fire_time(None, after)
    assert london_run.astimezone(UTC) == datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
    assert ny_run.astimezone(UTC) == datetime(2026, 11, 23, 14, 30, tzinfo=UTC)
    # After the clocks go forward the London run is at 08:30 UTC.
    spring = datetime(2026, 3, 30, 0, 0, tzinfo=UTC)
    spring_run = jobs[f"run:{london.id}:absence"].trigger.get_next_fire_time(None, spring)
    assert spring_run.astimezone(UTC) == datetime(2026, 3, 30, 8, 30, tzinfo=UTC)


def test_a_fired_run_uses_the_schools_own_date(db: Database) -> None:
    # 23:30 UTC on Monday is already Tuesday in Auckland.
    with db.transaction() as session:
        reg = new_school(session, timezone="Pacific/Auckland", country="NZ")
        reg.student("Amy", reg.contact("Mum"))
        reg.mark("Amy", "N", day=date(2026, 11, 24))
    clock = FakeClock(datetime(2026, 11, 23, 23, 30, tzinfo=UTC))
    fire_run(database=db, clock=clock, school_id=reg.school.id or 0, kind="absence")
    with db.transaction() as session:
        (run,) = session.exec(select(Run)).all()
        assert str(run.day) == "2026-11-24"
        assert len(session.exec(select(Outbox)).all()) == 1
