"""The one backoff policy: exponential from a base, capped, optionally jittered."""

from __future__ import annotations

import random
from datetime import timedelta

from scheduling.inbound import BACKOFF as INBOUND
from scheduling.outcomes import BACKOFF as SENDS
from scheduling.write_back import BACKOFF as WRITE_BACK
from store.backoff import Backoff


def test_doubles_from_the_base_up_to_the_cap() -> None:
    policy = Backoff(base=timedelta(seconds=5), cap=timedelta(minutes=1))
    assert [policy.after(n).total_seconds() for n in range(0, 7)] == [5, 5, 10, 20, 40, 60, 60]


def test_a_row_retried_for_days_waits_the_cap_without_overflowing() -> None:
    assert Backoff(base=timedelta(seconds=5), cap=timedelta(hours=1)).after(10_000) == \
        timedelta(hours=1)


def test_jitter_spreads_over_the_upper_half_and_retry_after_is_a_floor() -> None:
    policy = Backoff(base=timedelta(seconds=8), cap=timedelta(minutes=10), jitter=True)
    rng = random.Random(7)
    waits = {policy.after(2, rng=rng).total_seconds() for _ in range(200)}
    assert min(waits) >= 8 and max(waits) <= 16 and len(waits) > 100
    assert policy.after(1, retry_after=120, rng=rng) == timedelta(seconds=120)


def test_each_kind_of_work_keeps_its_schedule() -> None:
    # Sends: 5 s doubling to 10 minutes, jittered; inbound events: 2 s to 5 minutes;
    # write-back pushes: 5 s to an hour (the schedules before they shared one formula).
    assert (SENDS.base, SENDS.cap, SENDS.jitter) == (timedelta(seconds=5), timedelta(minutes=10),
                                                     True)
    assert [INBOUND.after(n).total_seconds() for n in (1, 2, 8, 9)] == [2, 4, 256, 300]
    assert [WRITE_BACK.after(n).total_seconds() for n in (1, 2, 10, 11)] == [5, 10, 2560, 3600]
