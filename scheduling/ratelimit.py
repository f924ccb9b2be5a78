"""Rate limits: each channel and each sender sends no faster than its limit, exactly.

Two parts per limit. A pacing bucket (the one `channels.rate_limit.TokenBucket`) spaces sends
`1/rate` apart, so the provider sees a steady stream rather than bursts. A send window makes
the limit exact: at most `rate` sends in any one second *as the provider sees them*. A send
counts against the window from the moment it may start until a second after its answer came
back; the provider received it somewhere in between, so however the network or a busy event
loop bunches sends up, no one-second window on the provider's clock holds more than `rate` of
them. (The cost: a limit of 200/s sends about 200/(1 + round trip) a second, a fraction of a
percent less on a fast network.)
Real time (monotonic), not the Clock: this paces work, it decides nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections import deque
from collections.abc import AsyncIterator, Callable

from channels.rate_limit import TokenBucket

Monotonic = Callable[[], float]


class SendWindow:
    """At most `limit` sends counted in any `seconds`: those in flight, and those that finished
    less than `seconds` ago. Waiters queue in order (one lock), so only the first one sleeps."""

    def __init__(self, rate: float, *, monotonic: Monotonic = time.monotonic) -> None:
        if rate <= 0:
            raise ValueError("a rate limit must be positive")
        # 200/s: 200 in any second; 0.5/s: one in any two seconds.
        self.limit = max(1, int(rate))
        self.seconds = 1.0 if rate >= 1 else 1.0 / rate
        self._monotonic = monotonic
        self._in_flight = 0
        self._finished: deque[float] = deque()
        self._queue = asyncio.Lock()
        self._released = asyncio.Event()

    async def acquire(self) -> None:
        """Wait until one more send fits in the window, and count it as in flight."""
        async with self._queue:
            while True:
                now = self._monotonic()
                while self._finished and self._finished[0] <= now - self.seconds:
                    self._finished.popleft()
                if self._in_flight + len(self._finished) < self.limit:
                    self._in_flight += 1
                    return
                if self._finished:  # the oldest finished send leaves the window then
                    await asyncio.sleep(self._finished[0] + self.seconds - now)
                else:  # everything counted is still in flight: wait for an answer
                    self._released.clear()
                    await self._released.wait()

    def release(self) -> None:
        """The send's answer came back (or it failed): it counts for `seconds` more."""
        self._in_flight -= 1
        self._finished.append(self._monotonic())
        self._released.set()


class Limit:
    """One rate limit: paced by a bucket, made exact by a window."""

    def __init__(self, rate: float, *, monotonic: Monotonic = time.monotonic) -> None:
        self.pace = TokenBucket(rate=rate, capacity=1, monotonic=monotonic)
        self.window = SendWindow(rate, monotonic=monotonic)

    async def acquire(self) -> None:
        await self.pace.acquire()
        await self.window.acquire()

    def release(self) -> None:
        self.window.release()


class RateLimits:
    """Limits per channel and per (channel, sender), built on first use from the limits given
    in messages a second: `per_sender["sms"] = 1` paces each school's own number to one text a
    second (a UK long code's limit). A channel not listed is unlimited."""

    def __init__(self, *, per_channel: dict[str, float] | None = None,
                 per_sender: dict[str, float] | None = None) -> None:
        self.per_channel = per_channel or {}
        self.per_sender = per_sender or {}
        self._limits: dict[tuple[str, str | None], Limit] = {}

    @contextlib.asynccontextmanager
    async def sending(self, channel: str, sender: str | None) -> AsyncIterator[None]:
        """Hold a place in the channel's and the sender's limits for one send: enter just
        before sending, leave when the provider has answered."""
        taken: list[Limit] = []
        try:
            # The sender's limit first: a send waiting on its school's number must not hold a
            # place in the channel's window meanwhile.
            sender_rate = self.per_sender.get(channel)
            if sender_rate and sender:
                taken.append(await self._take((channel, sender), sender_rate))
            channel_rate = self.per_channel.get(channel)
            if channel_rate:
                taken.append(await self._take((channel, None), channel_rate))
            yield
        finally:
            for limit in taken:
                limit.release()

    async def _take(self, key: tuple[str, str | None], rate: float) -> Limit:
        limit = self._limits.get(key)
        if limit is None:
            limit = self._limits[key] = Limit(rate)
        await limit.acquire()
        return limit
