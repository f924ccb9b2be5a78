"""The token bucket: how fast something may go, with a burst saved up while idle.

The one bucket in rollcall. The dispatcher's channel and sender limits pace with it
(`scheduling.ratelimit`), and the Telegram adapter keeps one per chat (`KeyedLimiter`): Telegram
allows about one message a second to any one chat, and going faster earns 429s and, if kept
up, a longer ban. The overall Telegram rate (about 30 a second per bot) is the dispatcher's
channel limit, ROLLCALL_TELEGRAM_RATE_PER_SECOND: one place, not two.
Time is a monotonic clock and a sleep function, both injectable so tests need not wait.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

_EPSILON = 1e-9

Monotonic = Callable[[], float]
Sleep = Callable[[float], Awaitable[None]]


class TokenBucket:
    """`rate` tokens a second, at most `capacity` saved up; `acquire()` waits for one.

    Waiters queue in order (one lock), so concurrent senders are served first come, first
    served, each `1/rate` after the one before once the saved-up burst is spent."""

    def __init__(self, *, rate: float, capacity: float = 1, monotonic: Monotonic = time.monotonic,
                 sleep: Sleep = asyncio.sleep) -> None:
        if rate <= 0:
            raise ValueError("a rate limit must be positive")
        self.rate = rate
        self.capacity = capacity
        self._monotonic = monotonic
        self._sleep = sleep
        self._tokens = capacity
        self._updated = monotonic()
        self._blocked_until = 0.0
        self._lock = asyncio.Lock()

    async def acquire(self) -> None:
        async with self._lock:
            while True:
                wait = self._wait_needed()
                if wait <= 0:
                    self._tokens -= 1
                    return
                await self._sleep(wait)

    def try_take(self) -> float:
        """For a synchronous caller on one thread (the MIS client): take a token now and
        return 0.0, or return how long to wait before asking again."""
        wait = self._wait_needed()
        if wait <= 0:
            self._tokens -= 1
            return 0.0
        return wait

    def block_for(self, seconds: float) -> None:
        """Take nothing for `seconds` (the provider said to back off)."""
        self._blocked_until = max(self._blocked_until, self._monotonic() + seconds)
        self._tokens = min(self._tokens, 1.0)  # one send when the quiet ends, no more

    def idle(self) -> bool:
        """Full and not blocked: forgetting this bucket changes nothing."""
        self._refill()
        return self._tokens >= self.capacity and self._monotonic() >= self._blocked_until

    def _wait_needed(self) -> float:
        now = self._refill()
        if now < self._blocked_until:
            return self._blocked_until - now
        if self._tokens >= 1 - _EPSILON:  # float sums of tiny waits fall just short of 1
            return 0.0
        return (1 - self._tokens) / self.rate

    def _refill(self) -> float:
        now = self._monotonic()
        if now >= self._blocked_until:
            start = max(self._updated, self._blocked_until)
            self._tokens = min(self.capacity, self._tokens + (now - start) * self.rate)
            self._updated = now
        return now


class KeyedLimiter:
    """One bucket per recipient (a chat), built on first use and forgotten when idle."""

    def __init__(self, *, per_key_rate: float, monotonic: Monotonic = time.monotonic,
                 sleep: Sleep = asyncio.sleep, max_keys: int = 10_000) -> None:
        self._monotonic = monotonic
        self._sleep = sleep
        self._per_key_rate = per_key_rate
        self._max_keys = max_keys
        self._per_key: dict[str, TokenBucket] = {}

    async def acquire(self, key: str) -> None:
        """Wait until this recipient may get one more message."""
        await self._bucket(key).acquire()

    def block(self, key: str, seconds: float) -> None:
        """The provider asked for `seconds` of quiet on this recipient."""
        self._bucket(key).block_for(seconds)

    def _bucket(self, key: str) -> TokenBucket:
        bucket = self._per_key.get(key)
        if bucket is None:
            if len(self._per_key) >= self._max_keys:
                self._per_key = {k: b for k, b in self._per_key.items() if not b.idle()}
            bucket = TokenBucket(rate=self._per_key_rate, capacity=1, monotonic=self._monotonic,
                                 sleep=self._sleep)
            self._per_key[key] = bucket
        return bucket
