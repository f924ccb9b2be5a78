"""The IMAP poller as `rollcall serve` and `rollcall email poll` run it, against the fake
IMAP4rev1 server on 127.0.0.1 (served from its own thread: these tests are synchronous)."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlmodel import select
from typer.testing import CliRunner

from bot.app import create_app
from bot.cli import build_app
from bot.settings import Settings
from scheduling.inbound import default_engine
from store.clock import FakeClock
from store.database import Database
from store.errors import RollcallError
from store.models.inbound import InboundEvent
from tests.channels.test_email_imap import FROM, URL, eml
from tests.fakes.imap_server import FakeImap

cli = build_app()  # every command, as `rollcall --help` lists them


@pytest.fixture
def imap() -> Iterator[FakeImap]:
    server = FakeImap()
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    asyncio.run_coroutine_threadsafe(server.start(), loop).result(5)
    yield server
    asyncio.run_coroutine_threadsafe(server.stop(), loop).result(5)
    loop.call_soon_threadsafe(loop.stop)
    thread.join(5)
    loop.close()


def stored(db: Database) -> list[InboundEvent]:
    with db.transaction() as session:
        return list(session.exec(select(InboundEvent)))


def test_serve_polls_the_mailbox_and_the_worker_takes_the_mail(db: Database, clock: FakeClock,
                                                               imap: FakeImap) -> None:
    imap.deliver(eml("gmail_reply.eml"))
    settings = Settings(database_url=db.url, smtp_url="smtp://127.0.0.1:2525", email_from=FROM,
                        imap_url=URL.format(port=imap.port), imap_poll_seconds=0.05)
    app = create_app(settings, database=db, clock=clock, engine=default_engine())
    with TestClient(app):
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not (
                [e for e in stored(db) if e.status == "processed"] and not imap.unseen()):
            time.sleep(0.02)
    [event] = stored(db)
    assert event.dedupe_key == "email:<CAJx7uQ1gmailReply0001=abc@mail.gmail.com>"
    assert event.status == "processed" and imap.unseen() == []


def test_rollcall_email_poll_once(db: Database, imap: FakeImap) -> None:
    imap.deliver(eml("gmail_reply.eml"))
    env = {"ROLLCALL_DATABASE_URL": db.url, "ROLLCALL_SMTP_URL": "smtp://127.0.0.1:2525",
           "ROLLCALL_EMAIL_FROM": FROM, "ROLLCALL_IMAP_URL": URL.format(port=imap.port)}
    result = CliRunner().invoke(cli, ["email", "poll", "--once"], env=env)
    assert result.exit_code == 0, result.output
    assert "stored 1 new email messages" in result.output
    assert len(stored(db)) == 1 and imap.unseen() == []


def test_rollcall_email_poll_says_what_is_missing(db: Database) -> None:
    result = CliRunner().invoke(cli, ["email", "poll", "--once"],
                                env={"ROLLCALL_DATABASE_URL": db.url})
    assert result.exit_code != 0
    assert "ROLLCALL_IMAP_URL" in str(result.exception) + result.output


def test_rollcall_email_poll_once_with_a_wrong_password_is_one_clear_line(
        db: Database, imap: FakeImap) -> None:
    imap.deliver(eml("gmail_reply.eml"))
    wrong = URL.replace("p%40ss%20word", "not-the-password").format(port=imap.port)
    env = {"ROLLCALL_DATABASE_URL": db.url, "ROLLCALL_SMTP_URL": "smtp://127.0.0.1:2525",
           "ROLLCALL_EMAIL_FROM": FROM, "ROLLCALL_IMAP_URL": wrong}
    result = CliRunner().invoke(cli, ["email", "poll", "--once"], env=env)
    assert isinstance(result.exception, RollcallError)  # main() prints it as one line, exit 2
    assert str(result.exception).startswith("the mailbox could not be read")
    assert "not-the-password" not in str(result.exception)
    assert stored(db) == [] and len(imap.unseen()) == 1
