"""Rate limits as the provider sees them: the fake Twilio on loopback notes when each text
reaches it (real time), and no one-second window may hold more than the limit."""

from __future__ import annotations

import time
from bisect import bisect_left
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest

from channels.sms import SmsChannel
from scheduling.dispatcher import DispatcherConfig
from scheduling.ratelimit import RateLimits
from scheduling.runs import start_run
from store.clock import FakeClock
from store.database import Database
from tests.fakes.twilio_server import FakeTwilio
from tests.scheduling.delivery import dispatcher, sms_config
from tests.scheduling.families import MONDAY, new_school


class Arrivals:
    """When each text reached the fake, by sender."""

    def __init__(self) -> None:
        self.times: list[float] = []

    def now(self) -> datetime:
        self.times.append(time.monotonic())
        return datetime.now(UTC)


def busiest_second(times: list[float]) -> int:
    ordered = sorted(times)
    return max(bisect_left(ordered, t + 1.0) - i for i, t in enumerate(ordered))


@pytest.fixture
async def timed() -> AsyncIterator[tuple[FakeTwilio, Arrivals]]:
    arrivals = Arrivals()
    fake = FakeTwilio(now=arrivals.now).start()
    yield fake, arrivals
    fake.stop()


def _school(db: Database, clock: FakeClock, families: int, **school: object) -> None:
    with db.transaction() as session:
        reg = new_school(session, **school)
        for n in range(families):
            reg.student(f"Kid{n}", reg.contact(f"Parent{n}"))
            reg.mark(f"Kid{n}", "N")
    assert reg.school.id is not None
    start_run(db, clock, school_id=reg.school.id, day=MONDAY, kind="absence")


async def test_a_channel_limit_holds_at_the_provider_when_the_network_bunches_sends(
        db: Database, clock: FakeClock, timed: tuple[FakeTwilio, Arrivals]) -> None:
    fake, arrivals = timed
    _school(db, clock, 25)
    # Every fifth text is held up on the way: evenly paced sends then arrive bunched, and a
    # limit kept only when sending would let eleven land in one second.
    fake.delays = [0.4 if n % 5 == 4 else 0.0 for n in range(25)]
    sms = SmsChannel(sms_config(fake.base_url), clock=clock)
    limits = RateLimits(per_channel={"sms": 10.0})
    try:
        await dispatcher(db, clock, sms, DispatcherConfig(limits=limits, batch=8)).drain()
    finally:
        await sms.close()
    sent = [(m["to"], m["body"]) for m in fake.created()]
    assert len(sent) == 25 and len(set(sent)) == 25
    assert busiest_second(arrivals.times) == 10


async def test_each_sender_keeps_its_own_limit_and_does_not_hold_up_the_other(
        db: Database, clock: FakeClock, timed: tuple[FakeTwilio, Arrivals]) -> None:
    fake, arrivals = timed
    _school(db, clock, 8, name="Hillside Primary", sms_sender="+447700900901")
    _school(db, clock, 8, name="Riverside Academy", sms_sender="+447700900902")
    sms = SmsChannel(sms_config(fake.base_url), clock=clock)
    limits = RateLimits(per_sender={"sms": 4.0})
    try:
        await dispatcher(db, clock, sms, DispatcherConfig(limits=limits)).drain()
    finally:
        await sms.close()
    senders = [m["from"] for m in fake.created()]
    assert sorted(senders) == ["+447700900901"] * 8 + ["+447700900902"] * 8
    by_sender = {s: [t for t, f in zip(arrivals.times, senders, strict=True) if f == s]
                 for s in set(senders)}
    assert {s: busiest_second(times) for s, times in by_sender.items()} == {
        "+447700900901": 4, "+447700900902": 4}
    # The two numbers send side by side, not one after the other.
    first, second = sorted(by_sender.values())
    assert second[0] < first[-1]
