"""A socketserver-based fake served on a thread, and stopped without waiting."""

from __future__ import annotations

import socketserver
import threading

# serve_forever() looks at its shutdown flag only between polls: at the default 0.5 s every
# stop() waited up to half a second, which summed to minutes over the suite's fakes.
POLL_SECONDS = 0.02


def serve(server: socketserver.BaseServer) -> threading.Thread:
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": POLL_SECONDS},
                              daemon=True)
    thread.start()
    return thread


def stop(server: socketserver.BaseServer) -> None:
    server.shutdown()
    server.server_close()
