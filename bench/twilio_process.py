"""The fake Twilio Messages API in a process of its own, for the dispatch bench.

    python bench/twilio_process.py

Prints its base URL on the first line, then answers commands on stdin, one a line:
`report` prints one JSON line (how many texts it created, how many distinct (to, body) pairs,
and the monotonic time each arrived); `reset` forgets them. It exits when stdin closes.
"""

from __future__ import annotations

import json
import sys
import time
from datetime import UTC, datetime
from http.server import ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the fake lives in tests/

from tests.fakes.twilio_server import FakeTwilio


def main() -> None:
    arrivals: list[float] = []

    def now() -> datetime:
        arrivals.append(time.monotonic())
        return datetime.now(UTC)

    # The stdlib server's listen backlog is 5: a real provider takes many connections at once.
    ThreadingHTTPServer.request_queue_size = 256
    fake = FakeTwilio(now=now).start()
    print(fake.base_url, flush=True)
    for line in sys.stdin:
        if line.strip() == "report":
            sent = {(m["to"], m["body"]) for m in fake.messages}
            print(json.dumps({"created": len(fake.messages), "distinct": len(sent),
                              "arrivals": sorted(arrivals)}), flush=True)
        elif line.strip() == "reset":
            fake.messages.clear()
            fake.seen.clear()
            arrivals.clear()
    fake.stop()


if __name__ == "__main__":
    main()
