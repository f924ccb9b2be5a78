"""Fault tests, counting messages at the fake Twilio: a run fired from two processes at once,
a dispatcher killed with SIGKILL in the middle of 5,000 messages and restarted, and a pass that
outlasts its lease while another dispatcher looks for expired ones."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from datetime import time as clock_time

import pytest
from sqlalchemy import func, insert
from sqlmodel import select

from channels.sms import SmsChannel
from scheduling.dispatcher import Dispatcher, DispatcherConfig
from scheduling.ratelimit import RateLimits
from scheduling.runs import start_run
from store.clock import FakeClock, SystemClock
from store.database import Database
from store.models.marks import Mark
from store.models.outbound import Outbox, Run
from store.models.people import Contact, Student, StudentContact
from store.models.schools import School
from tests.fakes.twilio_server import FakeTwilio
from tests.scheduling.delivery import sms_config
from tests.scheduling.families import MONDAY

PROJECT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _seed(db: Database, families: int) -> int:
    """A school with no quiet hours (the test may run at any hour) and `families` absences."""
    with db.transaction() as session:
        school = School(name="Hillside Primary", quiet_start=clock_time(0, 0),
                        quiet_end=clock_time(0, 0))
        session.add(school)
        session.flush()
        assert school.id is not None
        ids = range(1, families + 1)
        session.execute(insert(Contact), [
            {"id": n, "school_id": school.id, "external_id": f"C{n}", "name": f"Parent {n}",
             "phone": f"+447700900{n % 1000:03d}"} for n in ids])
        session.execute(insert(Student), [
            {"id": n, "school_id": school.id, "mis_id": f"S{n}", "first_name": f"Kid{n}",
             "last_name": "Ashdown"} for n in ids])
        session.execute(insert(StudentContact), [{"student_id": n, "contact_id": n}
                                                 for n in ids])
        session.execute(insert(Mark), [
            {"school_id": school.id, "student_id": n, "day": MONDAY, "session": "AM",
             "code": "N"} for n in ids])
        return school.id


def _count(db: Database, model: type[Outbox] | type[Run],
           *where: bool) -> int:  # SQLModel types `Outbox.status == "sent"` as bool
    with db.transaction() as session:
        return session.exec(select(func.count()).select_from(model).where(*where)).one()


@pytest.fixture
def live_twilio() -> Iterator[FakeTwilio]:
    fake = FakeTwilio().start()  # real time: the dispatcher processes use the system clock
    yield fake
    fake.stop()


def _python(*args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, *args], cwd=PROJECT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def test_the_same_run_fired_from_two_processes_at_once(db: Database, database_url: str) -> None:
    school_id = _seed(db, 400)
    # Both start together once both have imported (however long that takes): each says it is
    # ready and waits for the word to go.
    code = ("import sys; from datetime import date; from store.database import Database; "
            "from store.clock import SystemClock; from scheduling.runs import start_run; "
            "print('ready', flush=True); sys.stdin.readline(); "
            f"s = start_run(Database(sys.argv[1]), SystemClock(), school_id={school_id}, "
            f"day=date.fromisoformat('{MONDAY}'), kind='absence'); print(s.outcome)")
    procs = [subprocess.Popen([sys.executable, "-c", code, database_url], cwd=PROJECT,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    for process in procs:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "ready", process.communicate()[1]
    outcomes = sorted(p.communicate("go\n", timeout=120)[0].strip() for p in procs)
    assert outcomes == ["already run", "done"], outcomes
    assert _count(db, Outbox) == 400 and _count(db, Run) == 1
    # And once more from this process: still nothing new.
    again = start_run(db, SystemClock(), school_id=school_id, day=MONDAY, kind="absence")
    assert again.outcome == "already run" and _count(db, Outbox) == 400


def test_dispatcher_killed_mid_send_and_restarted_delivers_each_once(
        db: Database, database_url: str, live_twilio: FakeTwilio) -> None:
    school_id = _seed(db, 5000)
    start_run(db, SystemClock(), school_id=school_id, day=MONDAY, kind="absence")
    args = ("-m", "tests.scheduling.dispatch_process", database_url, live_twilio.base_url, "2")
    first = _python(*args)
    deadline = time.monotonic() + 120
    while len(live_twilio.messages) < 1500 and time.monotonic() < deadline:
        time.sleep(0.05)
    first.send_signal(signal.SIGKILL)
    first.wait()
    killed_at = len(live_twilio.messages)
    assert 1500 <= killed_at < 5000, "the dispatcher was not killed mid-send"
    second = _python(*args)
    try:
        while _count(db, Outbox, Outbox.status == "sent") < 5000:
            assert time.monotonic() < deadline + 120, "not all delivered after the restart"
            assert second.poll() is None, second.stderr.read() if second.stderr else ""
            time.sleep(0.25)
    finally:
        second.send_signal(signal.SIGTERM)
        second.wait(timeout=30)
    sent = [(m["to"], m["body"]) for m in live_twilio.created()]
    assert len(sent) == 5000 and len(set(sent)) == 5000
    with db.transaction() as session:
        rows = session.exec(select(Outbox.provider_id)).all()
    assert set(rows) == {m["sid"] for m in live_twilio.created()}


async def test_a_pass_longer_than_its_lease_renews_it_so_no_other_dispatcher_resends(
        db: Database, live_twilio: FakeTwilio) -> None:
    # The leases run on a clock the test moves, a second at a time and only once every row in
    # hand has been renewed to the current time: so the pass outlasts its lease many times over
    # however slowly a busy machine runs it, and a lease can run out only if renewing is broken
    # (then the wait below fails), never because the test process was starved for a second.
    clock = FakeClock(datetime.now(UTC))
    school_id = _seed(db, 40)
    start_run(db, clock, school_id=school_id, day=MONDAY, kind="absence")
    sms = SmsChannel(sms_config(live_twilio.base_url), clock=clock)
    lease = timedelta(seconds=1.5)
    slow = Dispatcher(db, clock, {"sms": sms}, config=DispatcherConfig(
        lease=lease, batch=40, limits=RateLimits(per_channel={"sms": 10.0})))  # 4 s of sending
    other = Dispatcher(db, clock, {"sms": sms}, config=DispatcherConfig(lease=lease))
    started = clock.now()
    try:
        sending = asyncio.create_task(slow.drain())
        while _count(db, Outbox, Outbox.status == "pending") > 0:
            await asyncio.sleep(0.05)
        poached = 0
        while not sending.done():  # another dispatcher, looking for rows whose lease ran out
            deadline = time.monotonic() + 30
            while not sending.done() and not _renewed(db, until=clock.now() + lease):
                assert time.monotonic() < deadline, "the leases in hand were not renewed"
                await asyncio.sleep(0.05)
            clock.advance(timedelta(seconds=1))
            poached += await other.run_once()
        assert await sending == 40 and poached == 0
        assert clock.now() - started > 2 * lease  # the pass outlasted its lease
    finally:
        await sms.close()
    sent = [(m["to"], m["body"]) for m in live_twilio.created()]
    assert len(sent) == 40 and len(set(sent)) == 40
    assert [s.method for s in live_twilio.seen] == ["POST"] * 40  # nothing was reconciled


def _renewed(db: Database, *, until: datetime) -> bool:
    """Whether every row still claimed is leased until at least `until`."""
    with db.transaction() as session:
        earliest = session.exec(select(func.min(Outbox.lease_until)).where(
            Outbox.status == "claimed")).one()
    return earliest is None or earliest >= until
