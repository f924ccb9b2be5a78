"""The Telegram and email webhooks end to end through the real app: verified, stored once,
answered fast; bad input gets a clear status and leaves the store unchanged."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlmodel import col, select

from bot.app import create_app
from bot.settings import Settings
from channels.telegram import TelegramChannel, TelegramConfig
from scheduling.inbound import InboundWorker, default_engine
from scheduling.media_fetch import fetch_due_media
from store.clock import FakeClock
from store.database import Database
from store.models.conversations import Message
from store.models.inbound import Evidence, InboundEvent
from store.models.outbound import Outbox
from store.models.people import Contact
from store.models.schools import School
from tests.channels import telegram_updates as updates
from tests.fakes.telegram_server import TOKEN, FakeTelegram, start

TELEGRAM = "/webhooks/telegram"
EMAIL = "/webhooks/email"
SECRET = "webhook-secret-for-tests"
INBOUND_TOKEN = "inbound-token-for-tests"
EMAILS = Path(__file__).parents[1] / "channels" / "emails"


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    server = FakeTelegram()
    runner = await start(server)
    yield server
    await runner.cleanup()


@pytest.fixture
def client(db: Database, clock: FakeClock, fake: FakeTelegram) -> Iterator[TestClient]:
    settings = Settings(database_url=db.url, telegram_bot_token=TOKEN,
                        telegram_webhook_secret=SECRET, telegram_api_base=fake.base_url,
                        smtp_url="smtp://127.0.0.1:2525",
                        email_from="Demo Academy <attendance@example.org>",
                        email_inbound_token=INBOUND_TOKEN)
    app = create_app(settings, database=db, clock=clock, background=False)
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def jane(db: Database) -> Contact:
    with db.transaction() as session:
        school = School(name="Demo Academy")
        session.add(school)
        session.flush()
        contact = Contact(school_id=school.id, external_id="P1", name="Jane Smith",
                          email="jane.smith@example.org", telegram_chat_id="5550001")
        session.add(contact)
        session.flush()
        return contact


def events(db: Database) -> list[InboundEvent]:
    with db.transaction() as session:
        return list(session.exec(select(InboundEvent).order_by(col(InboundEvent.id))))


def telegram(client: TestClient, body: bytes, *, secret: str | None = SECRET) -> int:
    headers = {"content-type": "application/json"}
    if secret is not None:
        headers["x-telegram-bot-api-secret-token"] = secret
    return client.post(TELEGRAM, content=body, headers=headers).status_code


def test_an_update_is_stored_before_the_200(client, db, jane) -> None:
    body = updates.body(updates.message_update(42, "Amy has a temperature"))
    assert telegram(client, body) == 200
    [event] = events(db)
    assert (event.channel, event.dedupe_key, event.status) == (
        "telegram", "telegram:update:42", "pending")
    assert event.contact_id == jane.id and event.raw == body
    assert json.loads(event.payload)["text"] == "Amy has a temperature"


async def test_a_redelivered_update_is_stored_once(client, db, jane) -> None:
    body = updates.body(updates.button_update(43, "illness"))
    # A button press is answered through the fake Bot API, which serves on this test's event
    # loop: post from a thread so it can answer (a plain call waits out the client's timeout).
    assert await asyncio.to_thread(telegram, client, body) == 200
    assert await asyncio.to_thread(telegram, client, body) == 200
    [event] = events(db)
    assert json.loads(event.payload)["button"] == "illness"


def test_an_unlinked_chat_is_kept_for_staff(client, db, jane) -> None:
    assert telegram(client, updates.body(updates.message_update(44, "/start", chat=5550999))) \
        == 200
    [event] = events(db)
    assert event.contact_id is None and event.ordering_key == "5550999"


async def test_a_pressed_button_is_answered_once_stored(client, db, jane, fake) -> None:
    body = updates.body(updates.button_update(46, "illness"))
    # The fake Bot API serves on this test's event loop: post from a thread so it can answer.
    assert await asyncio.to_thread(telegram, client, body) == 200
    [event] = events(db)
    assert json.loads(event.payload)["button"] == "illness"
    [answer] = fake.calls_of("answerCallbackQuery")
    assert answer.params["callback_query_id"] == "4382bfdwdsb323b2d9"
    # Telegram redelivers when it missed our 200: stored once, the spinner answered again.
    assert await asyncio.to_thread(telegram, client, body) == 200
    assert len(events(db)) == 1 and len(fake.calls_of("answerCallbackQuery")) == 2


async def test_a_refused_answer_leaves_the_press_stored(client, db, jane, fake) -> None:
    fake.fail_next("answerCallbackQuery", 400, description="Bad Request: query is too old")
    body = updates.body(updates.button_update(47, "illness"))
    assert await asyncio.to_thread(telegram, client, body) == 200
    assert len(events(db)) == 1 and len(fake.calls_of("answerCallbackQuery")) == 1


async def test_a_press_that_was_not_stored_is_not_answered(tmp_path, clock, fake) -> None:
    # A store that cannot take the update (it cannot be opened): Telegram gets a 5xx and
    # redelivers, and the button must keep spinning until the press is really kept.
    url = f"sqlite:///{tmp_path / 'no-such-directory' / 'rollcall.db'}"
    settings = Settings(database_url=url, telegram_bot_token=TOKEN,
                        telegram_webhook_secret=SECRET, telegram_api_base=fake.base_url)
    empty = Database(url)
    app = create_app(settings, database=empty, clock=clock, background=False)
    body = updates.body(updates.button_update(48, "illness"))
    try:
        with TestClient(app, raise_server_exceptions=False) as client:
            assert await asyncio.to_thread(telegram, client, body) >= 500
    finally:
        empty.dispose()
    assert fake.calls_of("answerCallbackQuery") == []


async def test_a_message_is_not_answered_as_a_button(client, db, jane, fake) -> None:
    body = updates.body(updates.message_update(49, "Amy has a temperature"))
    assert await asyncio.to_thread(telegram, client, body) == 200
    assert fake.calls_of("answerCallbackQuery") == []


@pytest.mark.parametrize(("secret", "body", "status"), [
    (None, updates.body(updates.message_update(1, "hi")), 403),
    ("wrong", updates.body(updates.message_update(1, "hi")), 403),
    ("wrong", updates.body(updates.button_update(1, "illness")), 403),
    (SECRET, b"\xff\xfe not utf-8", 400),
    (SECRET, b'{"message": {"text": "no update id"}}', 400),
    (SECRET, b"{" + b" " * (1024 * 1024) + b"}", 413),
])
def test_bad_telegram_requests_change_nothing(client, db, fake, secret, body, status) -> None:
    assert telegram(client, body, secret=secret) == status
    assert events(db) == []
    assert fake.calls == []


async def test_a_photo_is_kept_as_evidence_by_the_media_job_after_the_answer(
        client, db, clock, jane, fake) -> None:
    fake.add_file("AgACAgQAAxkBAAIBRWZphoto", b"\xff\xd8\xff\xe0 note", path="photos/f.jpg")
    # The fake Bot API serves on this test's event loop: post from a thread so it can answer.
    assert await asyncio.to_thread(telegram, client, updates.body(updates.photo_update(45))) \
        == 200
    with db.transaction() as session:
        assert list(session.exec(select(Evidence))) == []  # noted with the event, not fetched
    # The media job's own adapter, on this loop (the app's lives on the client's).
    channel = TelegramChannel(TelegramConfig(bot_token=TOKEN, api_base=fake.base_url),
                              clock=clock)
    try:
        assert await fetch_due_media(db, clock, {"telegram": channel}) == 1
    finally:
        await channel.close()
    with db.transaction() as session:
        [evidence] = list(session.exec(select(Evidence)))
        assert evidence.data == b"\xff\xd8\xff\xe0 note" and evidence.content_type == "image/jpeg"


def email(client: TestClient, raw: bytes, *, token: str | None = INBOUND_TOKEN) -> int:
    headers = {"content-type": "message/rfc822"}
    if token is not None:
        headers["authorization"] = f"Bearer {token}"
    return client.post(EMAIL, content=raw, headers=headers).status_code


def test_a_reply_is_stored_once_with_its_token(client, db, jane) -> None:
    raw = (EMAILS / "gmail_reply.eml").read_bytes()
    assert email(client, raw) == 200
    assert email(client, raw) == 200
    [event] = events(db)
    payload = json.loads(event.payload)
    assert event.dedupe_key == "email:<CAJx7uQ1gmailReply0001=abc@mail.gmail.com>"
    assert payload["reply_token"] == "q7Xw-3kLmN0pR_s8TtUvYz12"
    assert event.contact_id == jane.id and event.raw == raw


def test_an_email_attachment_survives_a_restart_before_processing(client, db, clock,
                                                                  jane) -> None:
    assert email(client, (EMAILS / "apple_mail_reply.eml").read_bytes()) == 200
    with db.transaction() as session:
        assert list(session.exec(select(Evidence))) == []  # stored, not processed yet
    # The process that took the webhook is gone: a new worker has only the store.
    assert process(db, clock) == 1
    with db.transaction() as session:
        [evidence] = list(session.exec(select(Evidence)))
        [message] = list(session.exec(select(Message).where(Message.direction == "in")))
    assert (evidence.content_type, evidence.filename) == ("image/jpeg", "IMG_0423.jpeg")
    assert evidence.data.startswith(b"\xff\xd8") and evidence.size == len(evidence.data)
    assert evidence.conversation_id is not None
    assert evidence.conversation_id == message.conversation_id


def process(db: Database, clock: FakeClock) -> int:
    """What the inbound worker does with the stored events; how many it handled."""
    worker = InboundWorker(database=db, clock=clock, settings=Settings(database_url=db.url),
                           engine=default_engine())
    return worker.process_pending()


def test_an_out_of_office_is_stored_marked_as_automatic(client, db, jane) -> None:
    assert email(client, (EMAILS / "out_of_office.eml").read_bytes()) == 200
    [event] = events(db)
    assert json.loads(event.payload)["auto_reply"] is True


@pytest.mark.parametrize(("name", "sender", "why"), [
    ("out_of_office.eml", b"tom.okafor@example.org", "auto_submitted"),  # nobody we know
    ("out_of_office.eml", b"jane.smith@example.org", "auto_submitted"),  # a contact
    ("bounce.eml", b"MAILER-DAEMON@mx.example.org", "bounce"),
])
def test_why_an_automatic_message_was_not_answered_is_recorded(client, db, clock, jane, name,
                                                               sender, why) -> None:
    raw = (EMAILS / name).read_bytes().replace(b"tom.okafor@example.org", sender)
    assert email(client, raw) == 200
    assert process(db, clock) == 1
    [event] = [e for e in events(db) if e.kind == "message"]
    with db.transaction() as session:
        [message] = list(session.exec(select(Message)))
        assert list(session.exec(select(Outbox))) == []  # never answered
    assert event.status == "processed" and event.error == f"not answered: automatic ({why})"
    assert message.intent == f"automatic:{why}"
    assert (message.contact_id == jane.id) == (sender == b"jane.smith@example.org")


def test_an_unknown_sender_and_a_forged_one_are_kept_not_trusted(client, db, jane) -> None:
    raw = (EMAILS / "spoofed_sender.eml").read_bytes()
    assert email(client, raw) == 200
    assert email(client, raw.replace(b"jane.smith@example.org", b"stranger@example.org")
                 .replace(b"forged.0001", b"forged.0002")) == 200
    forged, stranger = events(db)
    assert json.loads(forged.payload)["trusted_sender"] is False
    assert stranger.contact_id is None


@pytest.mark.parametrize(("token", "raw", "status"), [
    (None, b"From: jane.smith@example.org\r\n\r\nill\r\n", 403),
    ("wrong", b"From: jane.smith@example.org\r\n\r\nill\r\n", 403),
    (INBOUND_TOKEN, b"", 400),
    (INBOUND_TOKEN, b"\xff\xfe\x00 not an email", 400),
    (INBOUND_TOKEN, b"Subject: no sender\r\n\r\nill\r\n", 400),
    (INBOUND_TOKEN, b"From: a@example.org\r\n\r\n" + b"x" * (16 * 1024 * 1024), 413),
])
def test_bad_email_requests_change_nothing(client, db, token, raw, status) -> None:
    assert email(client, raw, token=token) == status
    assert events(db) == []


def test_a_one_megabyte_email_is_accepted(client, db, jane) -> None:
    raw = (b"From: jane.smith@example.org\r\nMessage-ID: <big.1@example.org>\r\n\r\n"
           + b"Amy is ill.\r\n" + b"x" * (1024 * 1024))
    assert email(client, raw) == 200
    assert len(events(db)) == 1
