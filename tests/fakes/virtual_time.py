"""Time that passes only when a test's code sleeps: a client's waits (paces, backoffs,
Retry-After) are counted, not spent."""

from __future__ import annotations

import threading


class VirtualTime:
    def __init__(self) -> None:
        self._lock = threading.Lock()  # a fake server reads it from its own thread
        self.now = 0.0
        self.slept: list[float] = []

    def monotonic(self) -> float:
        with self._lock:
            return self.now

    def sleep(self, seconds: float) -> None:
        with self._lock:
            self.now += max(0.0, seconds)
            self.slept.append(seconds)
