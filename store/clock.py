"""The one way rollcall reads the time: nothing calls datetime.now() directly."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, aware, in UTC."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class OffsetClock:
    """Another clock moved to start at `start`, then running at its pace: the demo's school
    morning on a Sunday night (`scheduling.demo_morning`)."""

    def __init__(self, base: Clock, *, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("OffsetClock needs an aware datetime")
        self._base = base
        self._offset = start - base.now()

    def now(self) -> datetime:
        return self._base.now() + self._offset


class FakeClock:
    """A clock that only moves when told to: tests and `rollcall replay`."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("FakeClock needs an aware datetime")
        self._now = start.astimezone(UTC)

    def now(self) -> datetime:
        return self._now

    def advance(self, by: timedelta) -> None:
        if by < timedelta(0):
            raise ValueError("the clock never moves backwards")
        self._now += by

    def set(self, to: datetime) -> None:
        self.advance(to.astimezone(UTC) - self._now)
