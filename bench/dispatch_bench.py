"""Dispatching through the fake Twilio on loopback: what one dispatching process sustains.

    python bench/dispatch_bench.py [--messages 3000] [--limit 200] [--database-url URL]

Composes an absence run of `--messages` texts (SQLite in a temp dir, or `--database-url`, whose
tables are emptied first), then drains it through the real SMS adapter (the twilio client) to
the fake Messages API on 127.0.0.1. The fake runs in a process of its own
(`bench/twilio_process.py`): the target is about the dispatching process, so the provider's end
of the wire must not share its interpreter. Reported: messages a second unlimited (wall, and the
dispatching process's own CPU time per message), then again with the SMS channel limited to
`--limit` a second: the average over the run, and the most texts the fake received in any one
second window (which must not exceed the limit).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from bisect import bisect_left
from dataclasses import dataclass
from datetime import time as wall
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the fake lives in tests/

from sqlalchemy import insert, text
from sqlmodel import SQLModel

from channels.sms import SmsChannel
from scheduling.dispatcher import Dispatcher, DispatcherConfig
from scheduling.ratelimit import RateLimits
from scheduling.runs import start_run
from store.clock import SystemClock
from store.database import Database
from store.models.marks import Mark
from store.models.people import Contact, Student, StudentContact
from store.models.schools import School
from tests.scheduling.delivery import sms_config
from tests.scheduling.families import MONDAY

FAKE = Path(__file__).resolve().parent / "twilio_process.py"


@dataclass(frozen=True, slots=True)
class Figures:
    count: int
    seconds: float
    cpu_seconds: float  # the dispatching process's own CPU time
    busiest_second: int  # the most texts the fake received in any 1 s window


class FakeProcess:
    """The fake Twilio in its own process, spoken to over its stdin and stdout."""

    def __init__(self) -> None:
        self.process = subprocess.Popen([sys.executable, str(FAKE)], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, text=True)
        assert self.process.stdout is not None and self.process.stdin is not None
        self.base_url = self.process.stdout.readline().strip()

    def command(self, line: str) -> dict[str, object] | None:
        assert self.process.stdout is not None and self.process.stdin is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        if line == "report":
            answer: dict[str, object] = json.loads(self.process.stdout.readline())
            return answer
        return None

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(timeout=30)


def seed(database: Database, count: int) -> int:
    if database.is_postgres:
        SQLModel.metadata.drop_all(database.engine)
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
        if database.is_postgres:  # the ids above were given, not drawn from the sequences
            for table in ("contact", "student"):
                session.execute(text(f"SELECT setval('{table}_id_seq', {count})"))
        assert school.id is not None
        return school.id


async def dispatch(fake: FakeProcess, database_url: str, count: int,
                   limit: float | None) -> Figures:
    """Compose `count` texts, then time draining them through the fake."""
    fake.command("reset")
    database = Database(database_url)
    school_id = seed(database, count)
    clock = SystemClock()
    start_run(database, clock, school_id=school_id, day=MONDAY, kind="absence")
    channel = SmsChannel(sms_config(fake.base_url), clock=clock)
    limits = RateLimits(per_channel={"sms": limit} if limit else {})
    dispatcher = Dispatcher(database, clock, {"sms": channel},
                            config=DispatcherConfig(limits=limits))
    started, cpu = time.perf_counter(), time.process_time()
    await dispatcher.drain()
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    await channel.close()
    database.dispose()
    report = fake.command("report")
    assert report is not None
    assert report["created"] == report["distinct"] == count, f"not each once: {report}"
    arrivals = report["arrivals"]
    assert isinstance(arrivals, list)
    window = max(bisect_left(arrivals, t + 1.0) - i for i, t in enumerate(arrivals))
    return Figures(count, elapsed, cpu, window)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=3000)
    parser.add_argument("--limit", type=float, default=200.0)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    url = args.database_url or f"sqlite:///{tempfile.mkdtemp()}/dispatch.db"
    fake = FakeProcess()
    try:
        free = asyncio.run(dispatch(fake, url, args.messages, None))
        print(f"unlimited: {free.count:,} texts in {free.seconds:.2f} s = "
              f"{free.count / free.seconds:.0f} messages/s; dispatching process CPU "
              f"{free.cpu_seconds:.2f} s = {free.cpu_seconds / free.count * 1e3:.2f} ms a text "
              f"(load average {os.getloadavg()[0]:.1f})")
        if not args.database_url:
            url = f"sqlite:///{tempfile.mkdtemp()}/dispatch.db"
        limited = asyncio.run(dispatch(fake, url, min(args.messages, int(args.limit * 5)),
                                       args.limit))
        print(f"limited to {args.limit:.0f}/s: {limited.count:,} texts in "
              f"{limited.seconds:.2f} s = {limited.count / limited.seconds:.1f} messages/s "
              f"on average; most in any 1 s window: {limited.busiest_second} "
              f"(load average {os.getloadavg()[0]:.1f})")
    finally:
        fake.close()


if __name__ == "__main__":
    main()
