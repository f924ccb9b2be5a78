"""Building the channel adapters from Settings, once, at start-up.

A channel whose settings are present gets its real adapter; one whose settings are absent is
off, and the simulated channel stands in for it so that nothing else changes (the demo runs
with all of them absent). Each says which it is in one start-up line.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Protocol

from pydantic import SecretStr

from channels.base import Channel
from channels.email import EmailChannel, EmailConfig
from channels.simulated import SimulatedChannel
from channels.sms import SmsChannel, TwilioConfig
from channels.whatsapp import WhatsAppChannel, WhatsAppConfig
from store.clock import Clock
from store.errors import ConfigError

log = logging.getLogger(__name__)

CHANNEL_NAMES = ("sms", "email", "telegram", "whatsapp")


class ChannelSettings(Protocol):
    """The part of `bot.settings.Settings` the channels read."""

    public_url: str
    twilio_account_sid: str | None
    twilio_auth_token: SecretStr | None
    twilio_messaging_service_sid: str | None
    twilio_api_base: str | None
    sms_validity_hours: float
    sms_segment_budget: int
    whatsapp_from: str | None
    whatsapp_templates: dict[str, str]
    telegram_bot_token: SecretStr | None
    telegram_webhook_secret: SecretStr | None
    telegram_api_base: str | None
    telegram_bot_username: str
    smtp_url: str | None
    email_from: str | None
    email_inbound_token: SecretStr | None
    smtp_ca_file: str | None


@dataclass
class Channels:
    """The adapters by channel name, real or simulated."""

    by_name: dict[str, Channel] = field(default_factory=dict)

    def get(self, name: str) -> Channel:
        try:
            return self.by_name[name]
        except KeyError:
            raise ConfigError(f"no such channel: {name!r}") from None

    def __iter__(self) -> Iterator[Channel]:
        return iter(self.by_name.values())

    def describe(self) -> list[str]:
        """One line per channel for the start-up log: on, or off and simulated, and why."""
        return [f"{name}: off (simulated): {getattr(c, 'why', '')}" if c.simulated
                else f"{name}: on" for name, c in self.by_name.items()]

    async def close(self) -> None:
        for channel in self:
            await channel.close()


# name -> builder: the real adapter, or the reason it cannot be built (settings absent).
Builder = Callable[[ChannelSettings, Clock], "Channel | str"]


def _twilio(settings: ChannelSettings) -> TwilioConfig | str:
    if not (settings.twilio_account_sid and settings.twilio_auth_token):
        return "ROLLCALL_TWILIO_ACCOUNT_SID and ROLLCALL_TWILIO_AUTH_TOKEN are not set"
    return TwilioConfig(
        account_sid=settings.twilio_account_sid,
        auth_token=settings.twilio_auth_token.get_secret_value(),
        public_url=settings.public_url,
        messaging_service_sid=settings.twilio_messaging_service_sid,
        api_base=settings.twilio_api_base,
        validity=timedelta(hours=settings.sms_validity_hours),
        segment_budget=settings.sms_segment_budget)


def _sms(settings: ChannelSettings, clock: Clock) -> Channel | str:
    config = _twilio(settings)
    return config if isinstance(config, str) else SmsChannel(config, clock=clock)


def _whatsapp(settings: ChannelSettings, clock: Clock) -> Channel | str:
    config = _twilio(settings)
    if isinstance(config, str):
        return config
    if not settings.whatsapp_from:
        return "ROLLCALL_WHATSAPP_FROM is not set"
    return WhatsAppChannel(config, WhatsAppConfig(sender=settings.whatsapp_from,
                                                  templates=dict(settings.whatsapp_templates)),
                           clock=clock)


def _telegram(settings: ChannelSettings, clock: Clock) -> Channel | str:
    if not settings.telegram_bot_token:
        return "ROLLCALL_TELEGRAM_BOT_TOKEN is not set"
    # aiogram's types take seconds to import: only a school that uses Telegram pays for them,
    # not every `rollcall run` from cron
    from channels.telegram import TelegramChannel, TelegramConfig

    secret = settings.telegram_webhook_secret
    config = TelegramConfig(
        bot_token=settings.telegram_bot_token.get_secret_value(),
        webhook_secret=secret.get_secret_value() if secret else None,
        api_base=settings.telegram_api_base, bot_username=settings.telegram_bot_username)
    return TelegramChannel(config, clock=clock)


def _email(settings: ChannelSettings, clock: Clock) -> Channel | str:
    if not (settings.smtp_url and settings.email_from):
        return "ROLLCALL_SMTP_URL and ROLLCALL_EMAIL_FROM are not set"
    token = settings.email_inbound_token
    config = EmailConfig(smtp_url=settings.smtp_url, from_address=settings.email_from,
                         inbound_token=token.get_secret_value() if token else None,
                         ca_file=settings.smtp_ca_file)
    return EmailChannel(config, clock=clock)


BUILDERS: dict[str, Builder] = {
    "sms": _sms,
    "email": _email,
    "telegram": _telegram,
    "whatsapp": _whatsapp,
}


def build_channels(settings: ChannelSettings, *, clock: Clock,
                   simulate: bool = False) -> Channels:
    """Every channel's adapter; `simulate=True` simulates all of them (demo, replay)."""
    channels = Channels()
    for name in CHANNEL_NAMES:
        built = "simulated on request" if simulate else BUILDERS[name](settings, clock)
        channels.by_name[name] = built if not isinstance(built, str) else SimulatedChannel(
            name, clock=clock, why=built, segment_budget=settings.sms_segment_budget)
    for line in channels.describe():
        log.info("channel %s", line)
    return channels
