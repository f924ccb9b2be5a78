"""The nightly engagement recompute: scheduled for colleges and universities only, at their
local time, and safe when two nodes fire it at once (the second finds nothing to change)."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

from sqlmodel import select

from bot.settings import Settings
from scheduling.engagement import add_engagement, engagement_pass
from scheduling.scheduler import build_scheduler
from store.clock import FakeClock
from store.database import Database
from store.models.engagement import EngagementChange
from store.models.escalations import Escalation
from tests.store.engagement_world import DAY, add_student, always, build


def test_colleges_and_universities_are_recomputed_nightly_schools_are_not(
        db: Database) -> None:
    clock = FakeClock(datetime(2026, 11, 27, 12, tzinfo=UTC))
    university = build(db, clock)
    school = build(db, clock, setting="school", tag="2")
    scheduler = build_scheduler(db, clock)
    add_engagement(scheduler, db, clock, Settings(database_url=db.url))
    job = scheduler.get_job(f"engagement:{university.school_id}")
    assert job is not None and scheduler.get_job(f"engagement:{school.school_id}") is None
    fields = {f.name: str(f) for f in job.trigger.fields}
    assert (fields["hour"], fields["minute"]) == ("20", "0")
    assert engagement_pass(db, clock, school_id=school.school_id, day=DAY) == []


def test_two_nodes_firing_at_once_open_one_task_a_student(each_db: Database) -> None:
    clock = FakeClock(datetime(2026, 11, 27, 20, tzinfo=UTC))
    world = build(each_db, clock)
    for name in ("Ann", "Bob", "Cat"):
        add_student(each_db, world, name, always("absent"))
    add_student(each_db, world, "Dee", always("present"))
    start = threading.Barrier(2)

    def node() -> None:
        start.wait()
        engagement_pass(each_db, clock, school_id=world.school_id, day=DAY)

    nodes = [threading.Thread(target=node) for _ in range(2)]
    for thread in nodes:
        thread.start()
    for thread in nodes:
        thread.join()
    with each_db.transaction() as session:
        tasks = session.exec(select(Escalation.student_id)).all()
        changes = session.exec(select(EngagementChange.student_id)).all()
    assert sorted(tasks) == sorted(changes) == sorted(
        world.students[name] for name in ("Ann", "Bob", "Cat"))
