"""The Telegram adapter against a fake Bot API on 127.0.0.1, through the real aiogram client."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from channels.base import (
    ChannelAccess,
    InboundMessage,
    MediaRef,
    OutboundMessage,
    UnhandledUpdate,
    WebhookRequest,
)
from channels.rate_limit import KeyedLimiter
from channels.telegram import TelegramChannel, TelegramConfig, link_url
from store.clock import FakeClock
from store.errors import InvalidInput, PermanentSendError, TransientSendError, WebhookRejected
from tests.channels import telegram_updates as updates
from tests.fakes.telegram_server import TOKEN, FakeTelegram, start

SECRET = "webhook-secret-for-tests"


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    server = FakeTelegram()
    runner = await start(server)
    yield server
    await runner.cleanup()


@pytest.fixture
async def channel(fake: FakeTelegram, clock: FakeClock) -> AsyncIterator[TelegramChannel]:
    config = TelegramConfig(bot_token=TOKEN, api_base=fake.base_url, webhook_secret=SECRET)
    adapter = TelegramChannel(config, clock=clock)
    yield adapter
    await adapter.close()


def outbound(text: str = "Thank you.", *, to: str = "5550001", options=()) -> OutboundMessage:
    return OutboundMessage(outbox_id=7, to=to, text=text, options=options)


async def test_send_returns_the_chat_and_message_id(channel, fake) -> None:
    receipt = await channel.send(outbound("We have recorded the reason for Amy."))
    [call] = fake.calls_of("sendMessage")
    assert call.params["chat_id"] == "5550001"
    assert call.params["text"] == "We have recorded the reason for Amy."
    assert "reply_markup" not in call.params
    assert receipt.provider_id == "5550001:1001"


async def test_menu_options_become_inline_buttons_with_their_values(channel, fake) -> None:
    await channel.send(outbound("What is the reason?", options=(
        ("illness", "Illness"), ("medical_appointment", "Medical or dental appointment"))))
    [call] = fake.calls_of("sendMessage")
    assert call.params["reply_markup"] == {"inline_keyboard": [
        [{"text": "Illness", "callback_data": "illness"}],
        [{"text": "Medical or dental appointment", "callback_data": "medical_appointment"}]]}
    assert "1." not in call.params["text"]


async def test_429_is_transient_with_telegrams_retry_after(channel, fake) -> None:
    fake.fail_next("sendMessage", 429, retry_after=17)
    with pytest.raises(TransientSendError) as raised:
        await channel.send(outbound())
    assert raised.value.retry_after == 17
    assert raised.value.error_code == "429"


async def test_a_blocked_bot_loses_the_channel(channel, fake) -> None:
    fake.blocked_chats.add(5550002)
    with pytest.raises(PermanentSendError) as raised:
        await channel.send(outbound(to="5550002"))
    assert raised.value.channel_lost is True
    assert raised.value.error_code == "403"


async def test_a_server_error_is_transient_and_a_bad_request_permanent(channel, fake) -> None:
    fake.fail_next("sendMessage", 500, description="Internal Server Error")
    with pytest.raises(TransientSendError):
        await channel.send(outbound())
    fake.fail_next("sendMessage", 400, description="Bad Request: message text is empty")
    with pytest.raises(PermanentSendError) as raised:
        await channel.send(outbound())
    assert raised.value.channel_lost is False


async def test_a_bad_address_or_overlong_text_is_refused_before_sending(channel, fake) -> None:
    with pytest.raises(PermanentSendError):
        await channel.send(outbound(to="+447700900001"))
    with pytest.raises(PermanentSendError):
        await channel.send(outbound("x" * 4097))
    with pytest.raises(PermanentSendError):
        await channel.send(outbound(options=(("v" * 65, "Too long a value"),)))
    assert fake.calls_of("sendMessage") == []


def webhook(update: dict, *, secret: str | None = SECRET) -> WebhookRequest:
    headers = {"content-type": "application/json"}
    if secret is not None:
        headers["x-telegram-bot-api-secret-token"] = secret
    return WebhookRequest(url="https://rollcall.example.org/webhooks/telegram", headers=headers,
                          body=updates.body(update))


def test_a_missing_or_wrong_secret_is_rejected(channel) -> None:
    for secret in (None, "", "guess", SECRET + "x"):
        with pytest.raises(WebhookRejected):
            channel.parse_inbound(webhook(updates.message_update(1, "hi"), secret=secret))


def test_text_becomes_an_inbound_message_from_the_chat(channel, clock) -> None:
    [item] = channel.parse_inbound(webhook(updates.message_update(42, "Amy has a temperature")))
    assert item == InboundMessage(channel="telegram", sender="5550001",
                                  text="Amy has a temperature", provider_id="update:42",
                                  received_at=clock.now())
    assert item.dedupe_key() == "telegram:update:42"


@pytest.mark.parametrize(("text", "command", "argument"), [
    ("/start 3q2-Xb_token", "/start", "3q2-Xb_token"),
    ("/start", "/start", None),
    ("/absent", "/absent", None),
    ("/absent@rollcall_bot", "/absent", None),
    ("/HELP", "/help", None),
    ("/stop", "/stop", None),
    ("/unknown thing", None, None),
    ("I'm off sick /absent", None, None),
])
def test_commands(channel, text, command, argument) -> None:
    [item] = channel.parse_inbound(webhook(updates.message_update(5, text)))
    assert (item.command, item.command_arg) == (command, argument)
    assert item.text == text


def test_a_pressed_button_comes_back_as_its_value(channel) -> None:
    [item] = channel.parse_inbound(webhook(updates.button_update(6, "illness")))
    assert item.button == "illness"
    assert item.sender == "5550001"


def test_a_photo_is_a_media_reference_to_its_largest_size(channel) -> None:
    [item] = channel.parse_inbound(webhook(updates.photo_update(7, caption="Doctor's note")))
    assert item.text == "Doctor's note"
    assert item.media == (MediaRef(ref="AgACAgQAAxkBAAIBRWZphoto", content_type="image/jpeg",
                                   size=48213),)


def test_updates_with_no_outcome_yet_are_kept_as_unhandled(channel) -> None:
    future = {"update_id": 8, "guest_poll_vote": {"poll_id": "1", "option_ids": [0]}}
    [item] = channel.parse_inbound(webhook(future))
    assert isinstance(item, UnhandledUpdate)
    assert (item.provider_id, item.update_type) == ("update:8", "guest_poll_vote")
    group = updates.message_update(9, "hi", chat=-1001555000001)
    group["message"]["chat"] = {"id": -1001555000001, "type": "supergroup", "title": "Y7"}
    [item] = channel.parse_inbound(webhook(group))
    assert isinstance(item, UnhandledUpdate) and item.update_type == "message"
    # Telegram's own service message in the family's chat: kept and counted, never answered.
    timer = updates.content_update(10, {"message_auto_delete_timer_changed": {
        "message_auto_delete_time": 86400}})
    [item] = channel.parse_inbound(webhook(timer))
    assert isinstance(item, UnhandledUpdate)
    assert item.update_type == "message:message_auto_delete_timer_changed"


def test_an_edit_is_a_message_marked_edited_and_never_a_command(channel) -> None:
    [item] = channel.parse_inbound(webhook(updates.edited_update(10, "Amy has flu")))
    assert isinstance(item, InboundMessage)
    assert (item.text, item.edited, item.provider_id) == ("Amy has flu", True, "update:10")
    [item] = channel.parse_inbound(webhook(updates.edited_update(11, "/stop")))
    assert item.command is None
    photo = updates.photo_update(12, caption="Doctor's note for Amy")
    [item] = channel.parse_inbound(webhook({"update_id": 12, "edited_message": {
        **photo["message"], "edit_date": 1795420900}}))
    assert (item.text, item.content, item.media) == ("Doctor's note for Amy", "photo", ())


@pytest.mark.parametrize(("status", "blocked"), [("kicked", True), ("member", False)])
def test_blocking_and_unblocking_the_bot(channel, status, blocked) -> None:
    [item] = channel.parse_inbound(webhook(updates.member_update(12, status)))
    assert item == ChannelAccess(channel="telegram", provider_id="update:12", sender="5550001",
                                 blocked=blocked, received_at=item.received_at)


@pytest.mark.parametrize(("content", "kind", "text", "media"), [
    ({"voice": {"file_id": "AwAD-voice", "file_unique_id": "v1", "duration": 5,
                "mime_type": "audio/ogg", "file_size": 23000}},
     "voice", "", MediaRef(ref="AwAD-voice", content_type="audio/ogg", size=23000)),
    ({"video_note": {"file_id": "DQAC-note", "file_unique_id": "n1", "length": 240,
                     "duration": 5, "file_size": 40960}},
     "video_note", "", MediaRef(ref="DQAC-note", content_type="video/mp4", size=40960)),
    ({"video": {"file_id": "BAAD-video", "file_unique_id": "", "width": 512, "height": 640,
                "duration": 13, "file_size": 1381334}},
     "video", "", MediaRef(ref="BAAD-video", content_type="video/mp4", size=1381334)),
    ({"sticker": {"file_id": "CAAC-st", "file_unique_id": "s1", "width": 512, "height": 512,
                  "is_animated": True, "is_video": False, "type": "regular", "emoji": "👍"}},
     "sticker", "👍", None),
    ({"contact": {"phone_number": "+447700900123", "first_name": "Sam"}},
     "contact", "", None),
    ({"location": {"latitude": 51.5, "longitude": -0.12}}, "location", "", None),
])
def test_what_a_message_carries_besides_words(channel, content, kind, text, media) -> None:
    [item] = channel.parse_inbound(webhook(updates.content_update(13, content)))
    assert (item.content, item.text) == (kind, text)
    assert item.media == ((media,) if media else ())
    assert item.to_inbound().content == kind


@pytest.mark.parametrize("body", [b"\xff\xfe not utf-8", b"{not json", b"[]", b"{}",
                                  b'{"update_id": "1"}',
                                  ])
def test_malformed_updates_are_invalid_input(channel, body) -> None:
    request = WebhookRequest(url="https://rollcall.example.org/webhooks/telegram",
                             headers={"x-telegram-bot-api-secret-token": SECRET}, body=body)
    with pytest.raises(InvalidInput):
        channel.parse_inbound(request)


async def test_a_photo_is_fetched_through_get_file(channel, fake) -> None:
    fake.add_file("AgACAgQAAxkBAAIBRWZphoto", b"\xff\xd8\xff\xe0 a jpeg", path="photos/file_3.jpg")
    media = await channel.fetch_media(MediaRef(ref="AgACAgQAAxkBAAIBRWZphoto",
                                               content_type="image/jpeg", size=18))
    assert media.data == b"\xff\xd8\xff\xe0 a jpeg"
    assert media.content_type == "image/jpeg"
    assert fake.calls_of("getFile")[0].params["file_id"] == "AgACAgQAAxkBAAIBRWZphoto"


async def test_media_outside_the_evidence_limits_is_refused(channel, fake) -> None:
    with pytest.raises(InvalidInput):
        await channel.fetch_media(MediaRef(ref="x", content_type="application/x-msdownload"))
    with pytest.raises(InvalidInput):
        await channel.fetch_media(MediaRef(ref="missing", content_type="image/jpeg"))
    fake.add_file("big", b"x" * (5 * 1024 * 1024 + 1))
    with pytest.raises(InvalidInput):
        await channel.fetch_media(MediaRef(ref="big", content_type="image/jpeg"))


async def test_answering_a_button_press(channel, fake) -> None:
    await channel.answer_button("4382bfdwdsb323b2d9")
    [call] = fake.calls_of("answerCallbackQuery")
    assert call.params["callback_query_id"] == "4382bfdwdsb323b2d9"


async def test_sends_wait_for_the_per_chat_bucket(fake, clock) -> None:
    now = [0.0]

    async def sleep(seconds: float) -> None:
        now[0] += seconds

    limiter = KeyedLimiter(per_key_rate=1, monotonic=lambda: now[0], sleep=sleep)
    config = TelegramConfig(bot_token=TOKEN, api_base=fake.base_url)
    adapter = TelegramChannel(config, clock=clock, limiter=limiter)
    try:
        for _ in range(3):
            await adapter.send(outbound(to="5550001"))
        assert now[0] == pytest.approx(2.0)  # one a second to one chat
        await adapter.send(outbound(to="5550003"))
        assert now[0] == pytest.approx(2.0)  # another chat does not wait
    finally:
        await adapter.close()


def test_link_url() -> None:
    assert link_url("demo_academy_bot", "abc") == "https://t.me/demo_academy_bot?start=abc"


def test_a_webhook_without_a_configured_secret_is_refused(fake, clock) -> None:
    adapter = TelegramChannel(TelegramConfig(bot_token=TOKEN, api_base=fake.base_url),
                              clock=clock)
    with pytest.raises(WebhookRejected):
        adapter.parse_inbound(webhook(updates.message_update(1, "hi"), secret=""))
