"""An HTTP endpoint on 127.0.0.1 that accepts every connection and never answers: the worst
a write-back receiver or a media host can do (a refused connection at least fails at once)."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class DeadEndpoint:
    """Accepts and holds connections until `close()`; `url` points at it."""

    def __init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}/hook"
        self._held: list[socket.socket] = []
        self._connected = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def wait_for_connection(self, timeout: float) -> bool:
        """True once someone has connected (and is now waiting for an answer)."""
        return self._connected.wait(timeout)

    @property
    def connections(self) -> int:
        return len(self._held)

    def close(self) -> None:
        """Stop listening and drop every held connection: their requests fail at once."""
        self._listener.close()
        for held in self._held:
            held.close()

    def _accept(self) -> None:
        while True:
            try:
                held, _ = self._listener.accept()
            except OSError:
                return  # closed
            self._held.append(held)
            self._connected.set()


@contextmanager
def dead_endpoint() -> Iterator[DeadEndpoint]:
    endpoint = DeadEndpoint()
    try:
        yield endpoint
    finally:
        endpoint.close()
