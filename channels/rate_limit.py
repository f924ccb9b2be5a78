"""Token buckets: how fast a channel may send, overall and to one recipient.

Telegram allows about 30 messages a second across all chats and about one a second to any one
chat; going faster earns 429s and, if kept up, a longer ban. Waiting here is cheaper than that.
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
    """`rate` tokens a second, at most `capacity` saved up; `acquire()` waits for one."""

    def __init__(self, *, rate: float, capacity: float, monotonic: Monotonic = time.monotonic,
                 sleep: Sleep = asyncio.sleep) -> None:
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
    """One bucket overall and one per recipient; a send takes a token from both."""

    def __init__(self, *, overall_rate: float, per_key_rate: float,
                 monotonic: Monotonic = time.monotonic, sleep: Sleep = asyncio.sleep,
                 max_keys: int = 10_000) -> None:
        self._monotonic = monotonic
        self._sleep = sleep
        self._per_key_rate = per_key_rate
        self._max_keys = max_keys
        self.overall = TokenBucket(rate=overall_rate, capacity=overall_rate,
                                   monotonic=monotonic, sleep=sleep)
        self._per_key: dict[str, TokenBucket] = {}

    async def acquire(self, key: str) -> None:
        # The recipient's bucket first: a busy chat must not hold an overall token while it waits.
        await self._bucket(key).acquire()
        await self.overall.acquire()

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
