"""The optional write-back push: signed with HMAC-SHA256, retried with backoff until accepted."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterator
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from sqlmodel import select

from bot.settings import Settings
from scheduling.inbound import InboundWorker
from scheduling.write_back import push_write_back
from store.clock import FakeClock
from store.database import Database
from store.models.mis import WriteBackPush
from tests.fakes.serving import serve, stop
from tests.scheduling.world import JANE, World, store_inbound

SECRET = "made-up-shared-secret"


class Receiver(HTTPServer):
    """The MIS side: refuses the first `failures` pushes, then checks and keeps each one."""

    def __init__(self, failures: int) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.failures = failures
        self.accepted: list[dict[str, object]] = []
        self.bad_signatures = 0


class _Handler(BaseHTTPRequestHandler):
    server: Receiver

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        expected = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(self.headers.get("X-Rollcall-Signature", ""), expected):
            self.server.bad_signatures += 1
            self.send_response(401)
        elif self.server.failures > 0:
            self.server.failures -= 1
            self.send_response(503)
        else:
            self.server.accepted.append(json.loads(body))
            self.send_response(204)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    server = Receiver(failures=2)
    serve(server)
    yield server
    stop(server)


def test_a_confirmed_reason_is_pushed_signed_and_retried_until_accepted(
        db: Database, clock: FakeClock, world: World, worker: InboundWorker,
        receiver: Receiver, settings: Settings) -> None:
    configured = Settings(database_url=settings.database_url, write_back_webhook_secret=SECRET,
                          write_back_webhook_url=f"http://127.0.0.1:{receiver.server_port}/mis")
    store_inbound(db, clock, sender=JANE, text="Amy's got D&V")
    worker.process_pending()

    assert push_write_back(db, clock, configured) == 0  # 503
    assert push_write_back(db, clock, configured) == 0  # backing off: not due yet
    clock.advance(timedelta(seconds=6))
    assert push_write_back(db, clock, configured) == 0  # 503 again
    clock.advance(timedelta(seconds=11))
    assert push_write_back(db, clock, configured) == 1
    assert push_write_back(db, clock, configured) == 0  # delivered once, not again
    assert receiver.bad_signatures == 0
    [pushed] = receiver.accepted
    assert (pushed["code"], pushed["student_id"]) == ("I", world.students["Amy"])
    with db.transaction() as session:
        row = session.exec(select(WriteBackPush)).one()
        assert (row.status, row.attempts) == ("delivered", 3)


def test_without_a_webhook_nothing_is_sent_and_the_queue_stays_empty(
        db: Database, clock: FakeClock, world: World, worker: InboundWorker,
        settings: Settings) -> None:
    store_inbound(db, clock, sender=JANE, text="Amy's got D&V")
    worker.process_pending()
    assert push_write_back(db, clock, settings) == 0
    with db.transaction() as session:
        assert {r.status for r in session.exec(select(WriteBackPush))} == {"not_configured"}
