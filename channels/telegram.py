"""Telegram chat through aiogram 3: send within Telegram's limits, parse updates, fetch photos.

aiogram is only the transport here. The conversation state lives in the store, not in aiogram's
FSM, and updates are not fed to aiogram's dispatcher to be handled in the background: the
webhook stores each raw update first and the inbound worker processes it from the store, so a
crash after Telegram got its 200 loses nothing.
"""

from __future__ import annotations

import hmac
import json
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar

import aiohttp
from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import PRODUCTION, TelegramAPIServer
from aiogram.exceptions import (
    TelegramAPIError,
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
    TelegramUnauthorizedError,
)
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from pydantic import ValidationError

from channels.base import (
    EVIDENCE_MAX_BYTES,
    ChannelAccess,
    InboundMessage,
    MediaFile,
    MediaRef,
    OutboundMessage,
    Received,
    SendReceipt,
    UnhandledUpdate,
    WebhookRequest,
    check_evidence,
)
from channels.rate_limit import KeyedLimiter
from store.clock import Clock
from store.errors import (
    ConfigError,
    InvalidInput,
    PermanentSendError,
    TransientSendError,
    WebhookRejected,
)

log = logging.getLogger(__name__)

SECRET_HEADER = "x-telegram-bot-api-secret-token"
COMMANDS = frozenset({"/start", "/absent", "/help", "/stop"})
# The update types we ask Telegram for, in the webhook set-up and in polling alike (Telegram
# keeps the last list it was given): only those with an outcome in `updates_to_inbound`. A type
# added there is added here, or Telegram never sends it.
HANDLED_UPDATES: tuple[str, ...] = ("message", "edited_message", "callback_query",
                                    "my_chat_member")
# A private chat's member status of the bot: the family blocked it, or unblocked (or started) it.
_BLOCKED, _UNBLOCKED = "kicked", "member"
# What a person sends to show rather than say (the engine hands it to staff when no words we
# can read come with it). Any other content of a message without text is Telegram's own
# service message (a pin, an auto-delete timer, write access allowed): kept and counted as
# unhandled, never answered. A content type aiogram does not know yet ("unknown") is treated
# as shown: a person looks at it.
SHOWN_CONTENT = frozenset({
    "photo", "live_photo", "document", "voice", "audio", "video", "video_note", "animation",
    "sticker", "contact", "location", "venue", "dice", "poll", "story", "paid_media",
    "checklist", "game", "rich_message", "unknown",
})
MAX_TEXT = 4096  # Telegram refuses longer messages
MAX_CALLBACK_DATA = 64  # bytes, Telegram's limit for an inline button's callback_data
PER_CHAT_PER_SECOND = 1.0  # the overall rate is the dispatcher's telegram limit


def api_server(base: str | None) -> TelegramAPIServer:
    """Where the Bot API is: Telegram's own, or a local one (a self-hosted server, a test fake)."""
    return TelegramAPIServer.from_base(base) if base else PRODUCTION


@dataclass(frozen=True, slots=True)
class TelegramConfig:
    """What the Telegram channel needs from Settings."""

    bot_token: str
    webhook_secret: str | None = None  # None: no webhook (long polling in development)
    api_base: str | None = None  # a local Bot API server, or the test fake on 127.0.0.1
    bot_username: str = "rollcall_bot"


def build_bot(config: TelegramConfig) -> Bot:
    """An aiogram Bot for the configured token, talking to the configured Bot API server."""
    if not config.bot_token:
        raise ConfigError("ROLLCALL_TELEGRAM_BOT_TOKEN is not set: Telegram is off")
    session = AiohttpSession(api=api_server(config.api_base))
    return Bot(token=config.bot_token, session=session)


def link_url(bot_username: str, token: str) -> str:
    """The one-time link a school sends by SMS or email: opening it sends `/start <token>`."""
    return f"https://t.me/{bot_username}?start={token}"


class TelegramChannel:
    """The Telegram adapter: wraps an aiogram Bot, never subclasses it."""

    name: ClassVar[str] = "telegram"
    simulated = False

    def __init__(self, config: TelegramConfig, *, clock: Clock,
                 limiter: KeyedLimiter | None = None) -> None:
        self.config = config
        self.bot = build_bot(config)
        self._clock = clock
        self._secret = config.webhook_secret or None
        self._limiter = limiter or KeyedLimiter(per_key_rate=PER_CHAT_PER_SECOND)

    async def send(self, message: OutboundMessage) -> SendReceipt:
        """Send one message, waiting for the chat's token; menus as buttons."""
        chat_id = _chat_id(message.to)
        if len(message.text) > MAX_TEXT:
            raise PermanentSendError(f"text of {len(message.text)} characters is over "
                                     f"Telegram's {MAX_TEXT}", error_code="too_long")
        markup = inline_keyboard(message.options)
        await self._limiter.acquire(message.to)
        try:
            sent = await self.bot.send_message(chat_id=chat_id, text=message.text,
                                               reply_markup=markup)
        except TelegramAPIError as error:
            raise self._send_error(message, error) from error
        log.info("telegram sent outbox=%s message=%s", message.outbox_id, sent.message_id)
        return SendReceipt(provider_id=f"{chat_id}:{sent.message_id}", status="sent")

    def _send_error(self, message: OutboundMessage,
                    error: TelegramAPIError) -> TransientSendError | PermanentSendError:
        log.warning("telegram send failed outbox=%s error=%s", message.outbox_id,
                    type(error).__name__)
        if isinstance(error, TelegramRetryAfter):
            self._limiter.block(message.to, error.retry_after)
            return TransientSendError("Telegram asked us to slow down",
                                      retry_after=float(error.retry_after), error_code="429")
        if isinstance(error, TelegramForbiddenError):
            # The user blocked the bot or deleted their account: this chat reaches nobody now.
            return PermanentSendError("the chat blocked the bot", error_code="403",
                                      channel_lost=True)
        if isinstance(error, TelegramBadRequest) and "chat not found" in error.message.lower():
            return PermanentSendError("no such chat", error_code="400", channel_lost=True)
        if isinstance(error, TelegramUnauthorizedError):
            # A revoked token: fail over now so the family still hears from the school.
            return PermanentSendError("the bot token was refused", error_code="401")
        if isinstance(error, TelegramNetworkError | TelegramServerError):
            return TransientSendError("Telegram did not answer", error_code="network")
        return PermanentSendError("Telegram refused the message", error_code="400")

    def parse_inbound(self, request: WebhookRequest) -> list[Received]:
        """Check the webhook's secret header (else WebhookRejected), then parse the update."""
        given = request.header(SECRET_HEADER)
        if self._secret is None:
            raise WebhookRejected("ROLLCALL_TELEGRAM_WEBHOOK_SECRET is not set: webhook is off")
        if given is None or not hmac.compare_digest(given.encode(), self._secret.encode()):
            raise WebhookRejected("wrong or missing X-Telegram-Bot-Api-Secret-Token")
        return self.parse_update(request.body)

    def parse_update(self, body: bytes) -> list[Received]:
        """The inbound messages in one raw update (webhook body or one getUpdates item).

        An update Telegram sent (our secret header on it, an update_id) in a shape aiogram
        cannot read is kept as an unhandled update, raw: refusing it would make Telegram give
        up on it after its retries, and it would be lost."""
        try:
            update = parse_update_json(body, bot=self.bot)
        except UnreadableUpdate as unreadable:
            return [UnhandledUpdate(
                channel="telegram", provider_id=f"update:{unreadable.update_id}",
                update_type=unreadable.update_type, received_at=self._clock.now())]
        return updates_to_inbound(update, received_at=self._clock.now())

    async def set_webhook(self, url: str) -> None:
        """Point Telegram at our webhook, with our secret header and the update types we
        handle (ConfigError when no secret is set: the webhook would accept anyone)."""
        if self._secret is None:
            raise ConfigError("ROLLCALL_TELEGRAM_WEBHOOK_SECRET is not set: the webhook would "
                              "accept anyone's requests")
        await self.bot.set_webhook(url=url, secret_token=self._secret,
                                   allowed_updates=list(HANDLED_UPDATES))

    async def acknowledge(self, stored: Sequence[Received]) -> None:
        """Stop the spinner on each pressed button among `stored` (Telegram shows it until
        the callback query is answered). Call it only once they are in the store."""
        for item in stored:
            if isinstance(item, InboundMessage) and item.acknowledge_id:
                await self.answer_button(item.acknowledge_id)

    async def answer_button(self, callback_query_id: str) -> None:
        """Stop the spinner on one pressed button."""
        try:
            await self.bot.answer_callback_query(callback_query_id=callback_query_id)
        except TelegramAPIError as error:
            # Only cosmetic: the press itself is already stored.
            log.warning("telegram answerCallbackQuery failed: %s", type(error).__name__)

    async def find_sent(self, to: str, since: datetime, body: str) -> str | None:
        """Telegram cannot list what a bot sent, so a lost answer cannot be looked up."""
        return None

    async def fetch_media(self, media: MediaRef) -> MediaFile:
        """Download a photo or document by file id via getFile, within the evidence limits."""
        content_type = check_evidence(media.content_type, media.size)
        try:
            file = await self.bot.get_file(media.ref)
        except (TelegramNetworkError, TelegramServerError, TelegramRetryAfter) as error:
            # Telegram is down or busy, not the file gone: the media job tries again later.
            raise TransientSendError(f"Telegram did not answer: {type(error).__name__}") from None
        except TelegramAPIError as error:
            raise InvalidInput(f"Telegram file not available: {type(error).__name__}") from None
        check_evidence(content_type, file.file_size)
        if not file.file_path:
            raise InvalidInput("Telegram gave no path for the file")
        url = self.bot.session.api.file_url(self.bot.token, file.file_path)
        data = bytearray()
        try:
            async for chunk in self.bot.session.stream_content(url=url):
                data.extend(chunk)
                if len(data) > EVIDENCE_MAX_BYTES:
                    raise InvalidInput(f"file over the {EVIDENCE_MAX_BYTES} byte limit")
        except aiohttp.ClientError as error:  # the download broke off: try again later
            raise TransientSendError(f"Telegram file download failed: "
                                     f"{type(error).__name__}") from None
        return MediaFile(content_type=content_type, data=bytes(data), filename=media.filename)

    async def close(self) -> None:
        await self.bot.session.close()


def inline_keyboard(options: tuple[tuple[str, str], ...]) -> InlineKeyboardMarkup | None:
    """A menu as one button a row; a press comes back as the option's value."""
    if not options:
        return None
    for value, _label in options:
        if not value or len(value.encode()) > MAX_CALLBACK_DATA:
            raise PermanentSendError(f"menu value {value!r} is not 1-64 bytes",
                                     error_code="bad_menu")
    rows = [[InlineKeyboardButton(text=label, callback_data=value)] for value, label in options]
    return InlineKeyboardMarkup(inline_keyboard=rows)


class UnreadableUpdate(InvalidInput):
    """An update with an update_id whose shape aiogram cannot read (an old or a new shape)."""

    def __init__(self, message: str, *, update_id: int, update_type: str) -> None:
        super().__init__(message)
        self.update_id = update_id
        self.update_type = update_type


def parse_update_json(body: bytes, *, bot: Bot | None = None) -> Update:
    """The Update in a raw body, or InvalidInput saying what is wrong with it."""
    try:
        data: Any = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError:
        raise InvalidInput("update is not UTF-8") from None
    except ValueError:
        raise InvalidInput("update is not JSON") from None
    if not isinstance(data, dict) or not isinstance(data.get("update_id"), int):
        raise InvalidInput("update has no integer update_id")
    try:
        return Update.model_validate(data, context={"bot": bot} if bot else {})
    except ValidationError as error:
        where = ".".join(str(p) for p in error.errors()[0]["loc"])
        kind = next((key for key in data if key != "update_id"), "unknown")
        raise UnreadableUpdate(f"update is not a Telegram update (at {where})",
                               update_id=data["update_id"],
                               update_type=f"unreadable {kind}") from None


def updates_to_inbound(update: Update, *, received_at: datetime) -> list[Received]:
    """What a contact did in one private chat: said something (words, a command, a photo, a
    voice note, a sticker, a location...), changed a message, pressed a button, blocked or
    unblocked the bot.

    Any other update (a group's message, a type Telegram adds later) is an UnhandledUpdate:
    stored raw and counted, never silently dropped."""
    provider_id = f"update:{update.update_id}"
    message = update.message or update.edited_message
    if message is not None and message.chat.type == "private":
        if message.text is None and _content(message) not in SHOWN_CONTENT:
            kind = "message" if update.message is not None else "edited_message"
            return [UnhandledUpdate(channel="telegram", provider_id=provider_id,
                                    update_type=f"{kind}:{_content(message)}",
                                    received_at=received_at)]
        return [_from_message(message, provider_id=provider_id, received_at=received_at,
                              edited=update.message is None)]
    query = update.callback_query
    if query is not None and query.data is not None:
        chat = query.message.chat.id if query.message is not None else query.from_user.id
        return [InboundMessage(channel="telegram", sender=str(chat), text="",
                               provider_id=provider_id, received_at=received_at,
                               button=query.data, acknowledge_id=query.id)]
    member = update.my_chat_member
    if (member is not None and member.chat.type == "private"
            and member.new_chat_member.status in (_BLOCKED, _UNBLOCKED)):
        return [ChannelAccess(channel="telegram", provider_id=provider_id,
                              sender=str(member.chat.id), received_at=received_at,
                              blocked=member.new_chat_member.status == _BLOCKED)]
    return [UnhandledUpdate(channel="telegram", provider_id=provider_id,
                            update_type=_update_type(update), received_at=received_at)]


def _update_type(update: Update) -> str:
    """The update's type: its one field besides update_id (aiogram keeps a type it does not
    know yet as an extra field), "message" for a message we do not take (a group's)."""
    data = update.model_dump(exclude_none=True, exclude={"update_id"})
    return next(iter(data), "unknown")


def _from_message(message: Message, *, provider_id: str, received_at: datetime,
                  edited: bool = False) -> InboundMessage:
    # A sticker says what its emoji says: a 👍 sticker is read as a 👍.
    sticker = message.sticker.emoji if message.sticker is not None else None
    text = message.text or message.caption or sticker or ""
    command, argument = _command(text) if not edited else (None, None)
    content = None if message.text is not None else _content(message)
    # An edit's file is the one already kept with the message (a caption changed): fetching it
    # again would keep it twice. A replaced file is still in the stored raw update.
    return InboundMessage(channel="telegram", sender=str(message.chat.id), text=text,
                          provider_id=provider_id, received_at=received_at,
                          media=() if edited else _media(message), command=command,
                          command_arg=argument, content=content, edited=edited)


def _content(message: Message) -> str:
    """What a message without text carries, in the Bot API's name for it ("voice",
    "video_note", "contact", ...; aiogram's content type, "unknown" for one it lacks)."""
    kind = message.content_type
    return str(getattr(kind, "value", kind))


def _command(text: str) -> tuple[str | None, str | None]:
    """`/start abc` -> ("/start", "abc"); `/absent@rollcall_bot` -> ("/absent", None)."""
    if not text.startswith("/"):
        return None, None
    head, _, rest = text.partition(" ")
    name = head.split("@", 1)[0].lower()
    if name not in COMMANDS:
        return None, None
    return name, rest.strip() or None


# Files Telegram gives no MIME type for, by what they are (the Bot API's formats).
_VOICE, _VIDEO = "audio/ogg", "video/mp4"


def _media(message: Message) -> tuple[MediaRef, ...]:
    """The file a message carries, to keep as evidence (the media job fetches it within the
    evidence limits). A sticker is not evidence: its emoji is read and the update kept raw."""
    if message.photo:
        largest = message.photo[-1]  # Telegram lists sizes smallest first
        return (MediaRef(ref=largest.file_id, content_type="image/jpeg",
                         size=largest.file_size),)
    for file, default in ((message.document, None), (message.voice, _VOICE),
                          (message.audio, None), (message.video, _VIDEO),
                          (message.animation, _VIDEO)):
        if file is not None:
            return (MediaRef(ref=file.file_id, content_type=file.mime_type or default,
                             filename=getattr(file, "file_name", None), size=file.file_size),)
    if message.video_note is not None:  # a round video message: always MPEG-4, no name
        note = message.video_note
        return (MediaRef(ref=note.file_id, content_type=_VIDEO, size=note.file_size),)
    return ()


def _chat_id(to: str) -> int:
    # A phone number in E.164 would parse as an int: only a bare (possibly negative) id is one.
    if not re.fullmatch(r"-?[0-9]{1,20}", to):
        raise PermanentSendError("not a Telegram chat id", error_code="bad_address")
    return int(to)
