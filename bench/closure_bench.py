"""An emergency closure of the demo school (1,200 students, ~800 families) mid-morning: how long
the confirm page's preview and the closure itself take, and how much they do.

    python bench/closure_bench.py [--database-url postgresql+psycopg://...]

Builds the demo on a fresh SQLite file (or the empty database given), runs the 09:30 absence
run and marks its messages sent (as the dispatcher would), then at 10:30 times `plan_closure`
and `declare_emergency_closure` (Y4 on every afternoon session, notices to every family
messaged), each once, in its own transaction.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import update
from sqlmodel import select

from scheduling.closure import declare_emergency_closure, plan_closure
from scheduling.runs import start_run
from store.clock import FakeClock
from store.database import Database
from store.demo import create_demo, store_is_empty
from store.models.outbound import Outbox
from store.models.staff import StaffUser

MONDAY_0930 = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
MONDAY_1030 = datetime(2026, 11, 23, 10, 30, tzinfo=UTC)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=None)
    url = parser.parse_args().database_url or \
        f"sqlite:///{Path(tempfile.mkdtemp()) / 'closure-bench.db'}"
    database = Database(url)
    database.create_all()
    clock = FakeClock(MONDAY_0930)
    with database.transaction() as session:
        if not store_is_empty(session):
            raise SystemExit("closure_bench: the database must be empty (it builds the demo)")
        demo = create_demo(session, clock, password="rollcall-demo")
    start_run(database, clock, school_id=demo.school_id, day=MONDAY_0930.date(), kind="absence")
    with database.transaction() as session:
        session.execute(update(Outbox).values(status="sent"))
        admin = session.exec(select(StaffUser).where(StaffUser.role == "admin")).one()
    clock.set(MONDAY_1030)
    with database.transaction() as session:
        started = time.perf_counter()
        plan = plan_closure(session, clock, user=admin, school_id=demo.school_id)
        preview = time.perf_counter() - started
    with database.transaction() as session:
        started = time.perf_counter()
        done = declare_emergency_closure(session, clock, user=admin, school_id=demo.school_id,
                                         note="snow")
    declared = time.perf_counter() - started  # the commit included
    print(f"{database.engine.dialect.name}: {demo.students} students, {demo.families} families")
    print(f"preview  {preview * 1000:7.0f} ms  ({len(plan.runs_stopped)} runs to stop, "
          f"{plan.sessions_coded} sessions, {plan.families_told} families)")
    print(f"closure  {declared * 1000:7.0f} ms  ({done.sessions_coded} sessions coded Y4, "
          f"{done.families_told} notices queued, {done.messages_cancelled} cancelled)")
    database.dispose()


if __name__ == "__main__":
    main()
