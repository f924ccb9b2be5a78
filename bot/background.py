"""The scheduled side of the app: the daily runs on APScheduler, the outbox dispatcher and the
optional IMAP poller, configured from Settings. Started in the app's lifespan when
`background=True`."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from datetime import timedelta
from functools import partial

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from sqlalchemy.exc import SQLAlchemyError

from bot.settings import Settings
from channels.base import Channel
from channels.email_imap import build_poller
from channels.simulated import store_simulated_receipts
from scheduling.casework import add_casework
from scheduling.dispatcher import Dispatcher, DispatcherConfig
from scheduling.engagement import add_engagement
from scheduling.mis.sync import pull_before_run
from scheduling.ratelimit import RateLimits
from scheduling.runs import RunConfig
from scheduling.scheduler import add_mis_sync, build_scheduler
from store.clock import Clock
from store.database import Database

log = logging.getLogger(__name__)


def start_daily_runs(database: Database, clock: Clock, settings: Settings) -> AsyncIOScheduler:
    """Every school's runs, the MIS pulls, the weekly casework pass and the colleges' nightly
    engagement recompute, started (needs a running event loop)."""
    scheduler = build_scheduler(database, clock, config=run_config(settings),
                                before_run=partial(pull_before_run, database, clock, settings))
    add_mis_sync(scheduler, database, clock, settings)
    add_casework(scheduler, database, clock, settings)
    add_engagement(scheduler, database, clock, settings)
    scheduler.start()
    return scheduler


def run_config(settings: Settings) -> RunConfig:
    """How long a run's messages stay worth sending and their SMS budget, from settings."""
    return RunConfig(validity=timedelta(hours=settings.sms_validity_hours),
                     sms_segment_budget=settings.sms_segment_budget)


def dispatcher_for(database: Database, clock: Clock, channels: Mapping[str, Channel],
                   settings: Settings) -> Dispatcher:
    """The outbox dispatcher over these channels, within the configured rate limits."""
    per_channel = {name: rate for name, rate in (
        ("sms", settings.sms_rate_per_second), ("email", settings.email_rate_per_second),
        ("telegram", settings.telegram_rate_per_second),
        ("whatsapp", settings.whatsapp_rate_per_second)) if rate > 0}
    per_sender = ({"sms": settings.sms_sender_rate_per_second}
                  if settings.sms_sender_rate_per_second > 0 else {})
    return Dispatcher(database, clock, channels, config=DispatcherConfig(
        limits=RateLimits(per_channel=per_channel, per_sender=per_sender)))


def start_email_poller(database: Database, clock: Clock, channels: Mapping[str, Channel],
                       settings: Settings, *,
                       wake: asyncio.Event) -> asyncio.Task[None] | None:
    """The IMAP poller as a task when ROLLCALL_IMAP_URL is set (it says "off" when not)."""
    poller = build_poller(settings, email=channels["email"], database=database, clock=clock)
    if poller is None:
        return None
    return asyncio.create_task(poller.run(stop=asyncio.Event(),
                                          every=settings.imap_poll_seconds, wake=wake))


async def deliver_simulated_receipts(database: Database, clock: Clock,
                                     channels: Mapping[str, Channel], *,
                                     every: float = 0.5) -> None:
    """Store the simulated channels' delivery receipts as they come (the demo's outbox moves
    from sent to delivered); runs until cancelled."""
    while True:
        try:
            await asyncio.to_thread(store_simulated_receipts, channels.values(), database, clock)
        except SQLAlchemyError as error:  # the database went away: the next pass tries again
            log.warning("simulated receipts not stored error=%s", type(error).__name__)
        await asyncio.sleep(every)
