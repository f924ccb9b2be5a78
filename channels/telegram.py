"""Telegram chat through aiogram 3: send within Telegram's limits, take the webhook (its
updates are read by `channels.telegram_updates`), fetch photos and other files.

aiogram is only the transport here. The conversation state lives in the store, not in aiogram's
FSM, and updates are not fed to aiogram's dispatcher to be handled in the background: the
webhook stores each raw update first and the inbound worker processes it from the store, so a
crash after Telegram got its 200 loses nothing.
"""

from __future__ import annotations

import hmac
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar

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
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from channels.base import (
    EVIDENCE_MAX_BYTES,
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
from channels.telegram_updates import (
    HANDLED_UPDATES,
    UnreadableUpdate,
    parse_update_json,
    updates_to_inbound,
)
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


def _chat_id(to: str) -> int:
    # A phone number in E.164 would parse as an int: only a bare (possibly negative) id is one.
    if not re.fullmatch(r"-?[0-9]{1,20}", to):
        raise PermanentSendError("not a Telegram chat id", error_code="bad_address")
    return int(to)
