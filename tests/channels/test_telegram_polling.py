"""Long polling stores updates exactly as the webhook does, against the fake Bot API."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator

import pytest
from sqlmodel import col, select

from channels.base import UnhandledUpdate
from channels.telegram import HANDLED_UPDATES, TelegramChannel, TelegramConfig
from channels.telegram_polling import poll_updates
from store.errors import ConfigError
from store.models.inbound import InboundEvent
from tests.channels import telegram_updates as updates
from tests.fakes.telegram_server import TOKEN, FakeTelegram, start


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    server = FakeTelegram()
    runner = await start(server)
    yield server
    await runner.cleanup()


async def test_polled_updates_are_stored_once_and_buttons_answered(fake, db, clock) -> None:
    fake.updates = [updates.message_update(70, "/absent"), updates.button_update(71, "illness"),
                    {"update_id": 72, "guest_poll_vote": {"poll_id": "1", "option_ids": [0]}}]
    channel = TelegramChannel(TelegramConfig(bot_token=TOKEN, api_base=fake.base_url),
                              clock=clock)
    try:
        stop = asyncio.Event()
        assert await poll_updates(channel, db, clock, stop=stop, once=True) == 2
        # Telegram redelivers what was not confirmed: stored once all the same.
        assert await poll_updates(channel, db, clock, stop=stop, once=True) == 0
    finally:
        await channel.close()
    with db.transaction() as session:
        rows = list(session.exec(select(InboundEvent).order_by(col(InboundEvent.id))))
    assert [r.dedupe_key for r in rows] == ["telegram:update:70", "telegram:update:71",
                                            "telegram:update:72"]
    assert rows[2].kind == "unhandled"  # a type we do not know: kept raw and counted
    assert json.loads(rows[0].payload)["command"] == "/absent"
    assert json.loads(rows[0].raw)["update_id"] == 70
    assert len(fake.calls_of("deleteWebhook")) == 2
    assert len(fake.calls_of("answerCallbackQuery")) == 2


async def test_polling_confirms_only_what_it_stored(fake, db, clock) -> None:
    fake.updates = [updates.message_update(80, "Amy is ill")]
    channel = TelegramChannel(TelegramConfig(bot_token=TOKEN, api_base=fake.base_url),
                              clock=clock)
    stop = asyncio.Event()
    task = asyncio.create_task(poll_updates(channel, db, clock, stop=stop, timeout=0))
    try:
        while len(fake.calls_of("getUpdates")) < 3:
            await asyncio.sleep(0.01)
        stop.set()
        await asyncio.wait_for(task, 5)
    finally:
        await channel.close()
    offsets = [c.params.get("offset") for c in fake.calls_of("getUpdates")]
    assert offsets[0] is None and set(offsets[1:]) == {"81"}


async def test_telegram_is_asked_for_the_handled_update_types_by_webhook_and_by_polling(
        fake, db, clock) -> None:
    channel = TelegramChannel(TelegramConfig(bot_token=TOKEN, api_base=fake.base_url,
                                             webhook_secret="s3cret-for-tests"), clock=clock)
    try:
        await channel.set_webhook("https://rollcall.example.org/webhooks/telegram")
        await poll_updates(channel, db, clock, stop=asyncio.Event(), once=True)
    finally:
        await channel.close()
    [webhook] = fake.calls_of("setWebhook")
    [polled] = fake.calls_of("getUpdates")
    asked = ["message", "edited_message", "callback_query", "my_chat_member"]
    assert webhook.params["allowed_updates"] == asked
    assert polled.params["allowed_updates"] == asked
    assert webhook.params["secret_token"] == "s3cret-for-tests"
    # Every type asked for has an outcome: a real update of it is not left unhandled.
    edited = {"update_id": 82, "edited_message": updates.message_update(82, "ill")["message"]}
    for name, update in (("message", updates.message_update(80, "Amy is ill")),
                         ("callback_query", updates.button_update(81, "illness")),
                         ("edited_message", edited),
                         ("my_chat_member", updates.member_update(83, "kicked"))):
        assert name in HANDLED_UPDATES and name in update
        [item] = channel.parse_update(json.dumps(update).encode())
        assert not isinstance(item, UnhandledUpdate), name


async def test_the_webhook_is_never_set_without_its_secret(fake, clock) -> None:
    channel = TelegramChannel(TelegramConfig(bot_token=TOKEN, api_base=fake.base_url),
                              clock=clock)
    try:
        with pytest.raises(ConfigError, match="WEBHOOK_SECRET"):
            await channel.set_webhook("https://rollcall.example.org/webhooks/telegram")
    finally:
        await channel.close()
    assert fake.calls_of("setWebhook") == []
