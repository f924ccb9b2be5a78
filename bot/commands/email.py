"""`rollcall email poll`: fetch inbound mail by IMAP and store it as the webhook would."""

from __future__ import annotations

import asyncio
import imaplib
import signal

import typer

from bot.commands import configure_logging
from bot.settings import Settings, load_settings
from channels.email_imap import build_poller
from channels.registry import build_channels
from store.clock import SystemClock
from store.database import Database
from store.errors import ConfigError, RollcallError


def register(app: typer.Typer) -> None:
    email_app = typer.Typer(help="Inbound email by IMAP.", no_args_is_help=True)

    @email_app.command("poll")
    def poll(once: bool = typer.Option(False, "--once", help="One pass, then exit.")) -> None:
        """Fetch unseen mail from ROLLCALL_IMAP_URL and store it as the webhook would."""
        settings = load_settings()
        configure_logging(settings)
        stored = asyncio.run(_poll(settings, once=once))
        typer.echo(f"stored {stored} new email messages" if once else "email poller stopped")

    app.add_typer(email_app, name="email")


async def _poll(settings: Settings, *, once: bool) -> int:
    clock = SystemClock()
    channels = build_channels(settings, clock=clock)
    database = Database(settings.database_url)
    try:
        poller = build_poller(settings, email=channels.get("email"), database=database,
                              clock=clock)
        if poller is None:
            raise ConfigError("ROLLCALL_IMAP_URL, ROLLCALL_SMTP_URL and ROLLCALL_EMAIL_FROM "
                              "must be set to poll for email")
        if once:
            try:
                return (await asyncio.to_thread(poller.poll_once)).new
            except (imaplib.IMAP4.error, OSError) as error:
                # one clear line, not a traceback; the mail stays on the server, untouched
                raise RollcallError(f"the mailbox could not be read: {error}") from None
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)
        await poller.run(stop=stop, every=settings.imap_poll_seconds)
        return 0
    finally:
        await channels.close()
        database.dispose()
