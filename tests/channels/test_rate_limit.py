"""The token bucket with a virtual monotonic clock: how long sends wait, paced and per chat."""

from __future__ import annotations

import asyncio

import pytest

from channels.rate_limit import KeyedLimiter, TokenBucket


class VirtualTime:
    def __init__(self) -> None:
        self.now = 0.0

    def monotonic(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += seconds


async def test_a_bucket_spends_its_burst_then_waits_for_its_rate() -> None:
    time = VirtualTime()
    bucket = TokenBucket(rate=30, capacity=30, monotonic=time.monotonic, sleep=time.sleep)
    for _ in range(30):
        await bucket.acquire()
    assert time.now == 0
    for _ in range(30):
        await bucket.acquire()
    assert time.now == pytest.approx(1.0)


async def test_a_bucket_of_one_spaces_takes_evenly_first_come_first_served() -> None:
    # The dispatcher's pacing: capacity 1, so sends go 1/rate apart, in the order they asked.
    time = VirtualTime()
    bucket = TokenBucket(rate=4, monotonic=time.monotonic, sleep=time.sleep)
    taken: list[tuple[int, float]] = []

    async def take(n: int) -> None:
        await bucket.acquire()
        taken.append((n, time.now))

    await asyncio.gather(*(take(n) for n in range(5)))
    assert [n for n, _ in taken] == [0, 1, 2, 3, 4]
    assert [at for _, at in taken] == pytest.approx([0, 0.25, 0.5, 0.75, 1.0])


def test_a_rate_must_be_positive() -> None:
    with pytest.raises(ValueError, match="positive"):
        TokenBucket(rate=0)


async def test_many_chats_each_get_their_first_message_at_once() -> None:
    # The overall Telegram rate is the dispatcher's limit, not the adapter's: one place.
    time = VirtualTime()
    limiter = KeyedLimiter(per_key_rate=1, monotonic=time.monotonic, sleep=time.sleep)
    for chat in range(90):
        await limiter.acquire(str(chat))
    assert time.now == 0
    await limiter.acquire("0")
    assert time.now == pytest.approx(1.0)


async def test_a_block_holds_one_chat_only() -> None:
    time = VirtualTime()
    limiter = KeyedLimiter(per_key_rate=1, monotonic=time.monotonic,
                           sleep=time.sleep)
    limiter.block("a", 5)
    await limiter.acquire("b")
    assert time.now == 0
    await limiter.acquire("a")
    assert time.now == pytest.approx(5.0)


async def test_idle_chat_buckets_are_forgotten_when_there_are_too_many() -> None:
    time = VirtualTime()
    limiter = KeyedLimiter(per_key_rate=1, monotonic=time.monotonic,
                           sleep=time.sleep, max_keys=10)
    for chat in range(10):
        await limiter.acquire(str(chat))
    time.now += 1
    await limiter.acquire("new")
    assert len(limiter._per_key) == 1
