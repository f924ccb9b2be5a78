"""Claiming a batch from the outbox: a few statements however large the batch, and the marks of
the whole batch re-read before anything is sent."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

from sqlalchemy import event
from sqlmodel import select

from scheduling.claims import claim_due
from scheduling.runs import start_run
from store.clock import FakeClock
from store.database import Database
from store.models.marks import Mark
from store.models.outbound import Outbox
from tests.scheduling.families import MONDAY, Register, new_school

LEASE = timedelta(seconds=60)


def _families(db: Database, clock: FakeClock, count: int) -> Register:
    with db.transaction() as session:
        reg = new_school(session)
        for n in range(count):
            reg.student(f"Kid{n}", reg.contact(f"Parent{n}"))
            reg.mark(f"Kid{n}", "N")
    assert reg.school.id is not None
    start_run(db, clock, school_id=reg.school.id, day=MONDAY, kind="absence")
    return reg


@contextmanager
def statements(db: Database) -> Iterator[list[str]]:
    seen: list[str] = []

    def note(*args: Any) -> None:
        seen.append(args[2])

    event.listen(db.engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", note)


def test_a_batch_is_claimed_in_a_few_statements_however_large(
        db: Database, clock: FakeClock) -> None:
    _families(db, clock, 10)
    with statements(db) as small, db.transaction() as session:
        taken, ready = claim_due(session, now=clock.now(), limit=500, lease=LEASE)
    assert taken == len(ready) == 10
    _families(db, clock, 120)  # a second school, ten times the size
    with statements(db) as large, db.transaction() as session:
        taken, ready = claim_due(session, now=clock.now(), limit=500, lease=LEASE)
    assert taken == len(ready) == 120
    assert len(large) == len(small) <= 10


def test_marks_corrected_in_a_batch_are_dropped_and_the_rest_claimed(
        db: Database, clock: FakeClock) -> None:
    reg = _families(db, clock, 6)
    with db.transaction() as session:
        for name in ("Kid1", "Kid4"):
            mark = session.exec(select(Mark).where(
                Mark.student_id == reg.students[name].id)).one()
            mark.code = "/"
            session.add(mark)
    with db.transaction() as session:
        taken, ready = claim_due(session, now=clock.now(), limit=500, lease=LEASE)
    assert taken == 6 and len(ready) == 4
    with db.transaction() as session:
        rows = {tuple(r.student_ids): r.status for r in session.exec(select(Outbox))}
    cancelled = {(reg.students[n].id,) for n in ("Kid1", "Kid4")}
    assert {ids for ids, status in rows.items() if status == "cancelled"} == cancelled
    assert {status for ids, status in rows.items() if ids not in cancelled} == {"claimed"}
