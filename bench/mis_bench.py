"""How long a 1,500-student school's day takes through the Wonde connector, against the fake
Wonde on loopback at a stated request rate limit.

    python bench/mis_bench.py [--database-url URL] [--students 1500] [--rate-limit 10]
                              [--pace 5]

Fills the fake Wonde (tests/fakes/wonde_school.py: two contacts a family, every fifth student
a sibling, one student in two absent this morning), then measures on an empty store:
- the first full pull (codes, students with contacts, today's marks) written into the store;
- a delta pull after 20 marks and 5 contacts change in the MIS;
- 500 confirmed reasons queued as the loop queues them and pushed until the queue is empty.
The fake refuses past `--rate-limit` requests a second (429, Retry-After 1); the client paces
itself at `--pace` a second and waits out any 429. Prints one JSON line. Without
--database-url it uses a SQLite file in a temp dir; a PostgreSQL URL must name a database this
may wipe.
"""

from __future__ import annotations

import argparse
import json
import time
from datetime import UTC, date, datetime, timedelta

from import_bench import scratch_store
from pydantic import SecretStr
from sqlmodel import col, select

from bot.settings import Settings
from scheduling.mis.push import push_to_mis
from scheduling.mis.sync import sync_school
from store.clock import SystemClock
from store.database import Database
from store.mis_links import link_school
from store.models.marks import Mark
from store.models.mis import MisPush
from store.schools import add_school
from store.write_back import queue_push
from tests.fakes.wonde_school import seed_school
from tests.fakes.wonde_server import SCHOOL, TOKEN, FakeWonde

WRITE_BACKS = 500


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url")
    parser.add_argument("--students", type=int, default=1500)
    parser.add_argument("--rate-limit", type=int, default=10,
                        help="the fake's limit, requests a second")
    parser.add_argument("--pace", type=float, default=5.0,
                        help="ROLLCALL_WONDE_REQUESTS_PER_SECOND (0: no pace of ours)")
    args = parser.parse_args()
    with scratch_store(args.database_url) as database:
        fake = FakeWonde(rate_limit=args.rate_limit).start()
        try:
            print(json.dumps(measure(database, fake, students=args.students,
                                     pace=args.pace)))
        finally:
            fake.stop()


def measure(database: Database, fake: FakeWonde, *, students: int,
            pace: float) -> dict[str, object]:
    clock = SystemClock()
    today = datetime.now(UTC).date()
    # The school as it stood before the morning: its records stamped a second apart over the
    # last hours (as an MIS's are), not all in the second before the pull.
    stamps = (datetime.now(UTC) - timedelta(hours=3) + timedelta(seconds=n)
              for n in range(10**6))
    fake.now = lambda: next(stamps)
    seed_school(fake, students=students, day=today, absent_every=2)
    fake.now = lambda: datetime.now(UTC)
    with database.transaction() as session:
        school, _ = add_school(session, clock, name="MIS Bench School")
        school_id = school.id or 0
        link_school(session, clock, school_id=school_id, provider="wonde", mis_school_id=SCHOOL)
    settings = Settings(database_url=database.url, wonde_base_url=fake.base_url,
                        wonde_tokens={str(school_id): SecretStr(TOKEN)},
                        wonde_requests_per_second=pace)
    figures: dict[str, object] = {"dialect": database.dialect, "students": students,
                                  "rate_limit_per_s": fake.rate_limit, "pace_per_s": pace}

    def timed(name: str, run: object) -> None:
        before, limited = fake.requests, fake.limited
        started = time.perf_counter()
        assert callable(run)
        run()
        figures[f"{name}_s"] = round(time.perf_counter() - started, 2)
        figures[f"{name}_requests"] = fake.requests - before
        figures[f"{name}_429s"] = fake.limited - limited

    def pull() -> None:
        outcome = sync_school(database, clock, settings, school_id=school_id)
        assert outcome.error is None, outcome.error

    timed("full_pull", pull)
    for n in range(20):  # the morning's corrections in the MIS
        fake.set_mark(f"S{n * 7:09d}", today, "AM", "L")
    for n in range(5):
        fake.update_contact(f"P{n * 10 + 1:08d}0", title="Dr")
    timed("delta_pull", pull)
    confirm(database, clock, school_id=school_id, day=today)

    def push_all() -> None:
        while push_to_mis(database, clock, settings):
            pass

    timed("write_backs", push_all)
    with database.transaction() as session:
        written = len(session.exec(select(MisPush.id).where(
            MisPush.status == "written")).all())
    figures["written"] = written
    return figures


def confirm(database: Database, clock: SystemClock, *, school_id: int, day: date) -> None:
    """WRITE_BACKS absences confirmed as illness, each queued as the inbound loop queues it."""
    with database.transaction() as session:
        marks = session.exec(select(Mark).where(Mark.school_id == school_id, Mark.day == day,
                                                Mark.code == "N").order_by(col(Mark.id))
                             .limit(WRITE_BACKS)).all()
        assert len(marks) == WRITE_BACKS, len(marks)
        for mark in marks:
            mark.code, mark.reason_status, mark.source, mark.intent = "I", "confirmed", "bot", \
                "illness"
            mark.version += 1
            session.add(mark)
        session.flush()
        for mark in marks:
            queue_push(session, clock, mark)


if __name__ == "__main__":
    main()
