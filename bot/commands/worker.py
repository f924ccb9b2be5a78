"""`rollcall worker`: process stored inbound events on their own, outside the web app."""

from __future__ import annotations

import logging
import signal
import threading

import typer

from bot.commands import configure_logging
from bot.settings import load_settings
from channels.registry import build_channels
from scheduling.inbound import InboundWorker, default_engine
from scheduling.inbound_loop import run_until_stopped
from store.clock import SystemClock
from store.database import Database


def register(app: typer.Typer) -> None:
    @app.command("worker")
    def worker(once: bool = typer.Option(False, "--once",
                                         help="Process what is waiting, then exit.")) -> None:
        """Process inbound messages from the store until stopped (SIGTERM or Ctrl-C).

        Run as many as you like on PostgreSQL: they share the work and never reorder one
        sender's messages. On SQLite run one (or let `rollcall serve` do it)."""
        settings = load_settings()
        configure_logging(settings)
        database = Database(settings.database_url)
        inbound = InboundWorker(database=database, clock=SystemClock(), settings=settings,
                                engine=default_engine(),
                                max_attempts=settings.inbound_max_attempts)
        if once:
            typer.echo(f"processed {inbound.process_pending()} inbound events")
            return
        stop = threading.Event()
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, lambda *_: stop.set())
        logging.getLogger(__name__).info("inbound worker started (%s)", database.dialect)
        channels = build_channels(settings, clock=inbound.clock)  # the media job fetches
        run_until_stopped(inbound, settings, stop=stop, channels=channels.by_name)
        database.dispose()
