"""Token buckets with a virtual monotonic clock: how long sends wait, overall and per chat."""

from __future__ import annotations

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


async def test_overall_limit_holds_across_many_chats() -> None:
    time = VirtualTime()
    limiter = KeyedLimiter(overall_rate=30, per_key_rate=1, monotonic=time.monotonic,
                           sleep=time.sleep)
    for chat in range(90):
        await limiter.acquire(str(chat))
    assert time.now == pytest.approx(2.0)  # 30 at once, then 30 a second


async def test_a_block_holds_one_chat_only() -> None:
    time = VirtualTime()
    limiter = KeyedLimiter(overall_rate=30, per_key_rate=1, monotonic=time.monotonic,
                           sleep=time.sleep)
    limiter.block("a", 5)
    await limiter.acquire("b")
    assert time.now == 0
    await limiter.acquire("a")
    assert time.now == pytest.approx(5.0)


async def test_idle_chat_buckets_are_forgotten_when_there_are_too_many() -> None:
    time = VirtualTime()
    limiter = KeyedLimiter(overall_rate=1000, per_key_rate=1, monotonic=time.monotonic,
                           sleep=time.sleep, max_keys=10)
    for chat in range(10):
        await limiter.acquire(str(chat))
    time.now += 1
    await limiter.acquire("new")
    assert len(limiter._per_key) == 1
