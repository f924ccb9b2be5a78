"""Dispatching through the fake Twilio on loopback, from one process.

    python bench/dispatch_bench.py [--messages 3000] [--limit 200]

Composes an absence run of `--messages` texts on SQLite, then drains it through the real SMS
adapter (the twilio client) to the fake Messages API on 127.0.0.1: messages a second unlimited,
then again with the SMS channel limited to `--limit` a second, reporting the achieved rate and
the most texts the fake received in any one-second window.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from bisect import bisect_left
from datetime import UTC, datetime
from datetime import time as wall
from http.server import ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the fake lives in tests/

from sqlalchemy import insert

from channels.sms import SmsChannel
from scheduling.dispatcher import Dispatcher, DispatcherConfig
from scheduling.ratelimit import RateLimits
from scheduling.runs import start_run
from store.clock import SystemClock
from store.database import Database
from store.models import Contact, Mark, School, Student, StudentContact
from tests.fakes.twilio_server import FakeTwilio
from tests.scheduling.delivery import sms_config
from tests.scheduling.families import MONDAY


def seed(database: Database, count: int) -> int:
    database.create_all()
    with database.transaction() as session:
        school = School(name="Bench Academy", quiet_start=wall(0, 0), quiet_end=wall(0, 0))
        session.add(school)
        session.flush()
        ids = range(1, count + 1)
        session.execute(insert(Contact), [
            {"id": n, "school_id": school.id, "external_id": f"C{n}", "name": "Parent",
             "phone": f"+447700900{n % 1000:03d}"} for n in ids])
        session.execute(insert(Student), [
            {"id": n, "school_id": school.id, "mis_id": f"S{n}", "first_name": f"Kid{n}",
             "last_name": "Ashdown"} for n in ids])
        session.execute(insert(StudentContact), [{"student_id": n, "contact_id": n}
                                                 for n in ids])
        session.execute(insert(Mark), [{"school_id": school.id, "student_id": n, "day": MONDAY,
                                        "session": "AM", "code": "N"} for n in ids])
        assert school.id is not None
        return school.id


async def dispatch(count: int, limit: float | None) -> tuple[float, int]:
    """Seconds to send `count` texts, and the most the fake received in one second."""
    arrivals: list[float] = []

    def now() -> datetime:
        arrivals.append(time.monotonic())
        return datetime.now(UTC)

    # The stdlib server's listen backlog is 5: a real provider takes many connections at once.
    ThreadingHTTPServer.request_queue_size = 256
    fake = FakeTwilio(now=now).start()
    database = Database(f"sqlite:///{tempfile.mkdtemp()}/dispatch.db")
    school_id = seed(database, count)
    clock = SystemClock()
    start_run(database, clock, school_id=school_id, day=MONDAY, kind="absence")
    channel = SmsChannel(sms_config(fake.base_url), clock=clock)
    limits = RateLimits(per_channel={"sms": limit} if limit else {})
    dispatcher = Dispatcher(database, clock, {"sms": channel},
                            config=DispatcherConfig(limits=limits))
    started = time.perf_counter()
    await dispatcher.drain()
    elapsed = time.perf_counter() - started
    await channel.close()
    fake.stop()
    assert len(fake.created()) == count, "not every message reached the fake"
    arrivals.sort()
    window = max(bisect_left(arrivals, t + 1.0) - i for i, t in enumerate(arrivals))
    return elapsed, window


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=3000)
    parser.add_argument("--limit", type=float, default=200.0)
    args = parser.parse_args()
    elapsed, _ = asyncio.run(dispatch(args.messages, None))
    print(f"unlimited: {args.messages:,} texts in {elapsed:.2f} s = "
          f"{args.messages / elapsed:.0f} messages/s (load average {os.getloadavg()[0]:.1f})")
    limited = min(args.messages, int(args.limit * 5))
    elapsed, window = asyncio.run(dispatch(limited, args.limit))
    print(f"limited to {args.limit:.0f}/s: {limited:,} texts in {elapsed:.2f} s = "
          f"{limited / elapsed:.1f} messages/s; most in any 1 s window: {window}")


if __name__ == "__main__":
    main()
