"""How long a failed piece of work waits before its next try: one policy, parameterised.

Sends, inbound events, write-back pushes and media fetches all retry; each says how fast it
starts, where it stops growing and whether it is jittered, and this one formula does the rest:
the n-th retry waits `base * 2**(n-1)`, never more than `cap`. Jitter (for sends, where a
provider outage fails thousands of rows at once) spreads each wait over its upper half, so
those rows do not all come back in the same second. Pure: the caller adds it to its clock.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import timedelta


@dataclass(frozen=True, slots=True)
class Backoff:
    base: timedelta  # the wait after the first failure
    cap: timedelta  # no wait is longer
    jitter: bool = False  # a random wait in [half, all] of the exponential one

    def after(self, attempts: int, *, retry_after: float | None = None,
              rng: random.Random | None = None) -> timedelta:
        """The wait after `attempts` failures, never sooner than the provider's Retry-After
        (seconds) when it gave one."""
        # In float seconds: a row retried for days would overflow timedelta's arithmetic.
        exponent = min(max(0, attempts - 1), 64)
        seconds = min(self.cap.total_seconds(), self.base.total_seconds() * 2.0 ** exponent)
        if self.jitter:
            seconds *= (rng or random).uniform(0.5, 1.0)
        if retry_after is not None:
            seconds = max(seconds, retry_after)
        return timedelta(seconds=seconds)
