"""Token buckets: each channel and each sender sends no faster than its limit.

A bucket of `rate` tokens a second holding at most `burst`; `take()` waits until a token is free.
It reserves the slot before sleeping, so concurrent senders queue in order instead of racing.
Real time (monotonic), not the Clock: this paces work, it decides nothing.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable


class TokenBucket:
    def __init__(self, rate: float, *, burst: int = 1,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        if rate <= 0:
            raise ValueError("a rate limit must be positive")
        self.interval = 1.0 / rate
        self.burst = burst
        self._monotonic = monotonic
        self._next_free = monotonic() - burst * self.interval  # full at the start

    async def take(self) -> None:
        """Wait for one token."""
        now = self._monotonic()
        # The earliest a burst may start: never bank more than `burst` tokens while idle.
        start = max(self._next_free, now - (self.burst - 1) * self.interval)
        self._next_free = start + self.interval
        if start > now:
            await asyncio.sleep(start - now)


class RateLimits:
    """Buckets per channel and per (channel, sender), built on first use from the limits given
    in messages a second: `per_sender["sms"] = 1` paces each school's own number to one text a
    second (a UK long code's limit). A channel not listed is unlimited."""

    def __init__(self, *, per_channel: dict[str, float] | None = None,
                 per_sender: dict[str, float] | None = None) -> None:
        self.per_channel = per_channel or {}
        self.per_sender = per_sender or {}
        self._buckets: dict[tuple[str, str | None], TokenBucket] = {}

    async def take(self, channel: str, sender: str | None) -> None:
        channel_rate = self.per_channel.get(channel)
        if channel_rate:
            await self._bucket((channel, None), channel_rate).take()
        sender_rate = self.per_sender.get(channel)
        if sender_rate and sender:
            await self._bucket((channel, sender), sender_rate).take()

    def _bucket(self, key: tuple[str, str | None], rate: float) -> TokenBucket:
        if key not in self._buckets:
            self._buckets[key] = TokenBucket(rate)
        return self._buckets[key]
