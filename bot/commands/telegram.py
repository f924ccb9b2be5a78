"""`rollcall telegram ...`: long polling for development, and pointing Telegram at our webhook."""

from __future__ import annotations

import asyncio
import signal
from typing import TYPE_CHECKING

import typer

from bot.commands import configure_logging
from bot.settings import Settings, load_settings
from channels.registry import build_channels
from store.clock import SystemClock
from store.database import Database
from store.errors import ConfigError

if TYPE_CHECKING:  # aiogram takes seconds to import: only these commands load it, when run
    from channels.telegram import TelegramChannel


def register(app: typer.Typer) -> None:
    telegram_app = typer.Typer(help="Telegram chat: polling and webhook.", no_args_is_help=True)

    @telegram_app.command("poll")
    def poll(once: bool = typer.Option(False, "--once", help="One batch, then exit.")) -> None:
        """Fetch updates by long polling and store them as the webhook would (development)."""
        settings = load_settings()
        configure_logging(settings)
        stored = asyncio.run(_poll(settings, once=once))
        typer.echo(f"stored {stored} new telegram messages")

    @telegram_app.command("set-webhook")
    def set_webhook() -> None:
        """Tell Telegram to post updates to ROLLCALL_PUBLIC_URL/webhooks/telegram."""
        settings = load_settings()
        url = asyncio.run(_set_webhook(settings))
        typer.echo(f"telegram webhook set to {url}")

    app.add_typer(telegram_app, name="telegram")


def _channel(settings: Settings) -> TelegramChannel:
    from channels.telegram import TelegramChannel

    channel = build_channels(settings, clock=SystemClock()).get("telegram")
    if not isinstance(channel, TelegramChannel):
        raise ConfigError("ROLLCALL_TELEGRAM_BOT_TOKEN is not set: Telegram is off")
    return channel


async def _poll(settings: Settings, *, once: bool) -> int:
    from channels.telegram_polling import poll_updates

    channel = _channel(settings)
    database = Database(settings.database_url)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    try:
        return await poll_updates(channel, database, SystemClock(), stop=stop, once=once)
    finally:
        await channel.close()
        database.dispose()


async def _set_webhook(settings: Settings) -> str:
    channel = _channel(settings)
    url = f"{settings.public_url}/webhooks/telegram"
    try:
        await channel.set_webhook(url)
    finally:
        await channel.close()
    return url
