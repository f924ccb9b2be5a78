"""Long polling for development: updates fetched with getUpdates and stored exactly as the
webhook stores them, so the same inbound worker processes them.

An update is confirmed to Telegram (the next getUpdates' offset) only after it is stored, so
stopping the poller at any moment loses nothing; a redelivered update is deduped on its id.
"""

from __future__ import annotations

import asyncio
import logging

from aiogram.exceptions import TelegramAPIError
from aiogram.types import Update

from channels.base import InboundMessage, Received
from channels.events import store_items
from channels.telegram import TelegramChannel
from channels.telegram_updates import HANDLED_UPDATES
from store.clock import Clock
from store.database import Database
from store.errors import InvalidInput

log = logging.getLogger(__name__)

BACKOFF_SECONDS = 5.0


async def poll_updates(channel: TelegramChannel, database: Database, clock: Clock, *,
                       stop: asyncio.Event, timeout: int = 25, once: bool = False) -> int:
    """Fetch and store updates until `stop` is set (or after one batch with `once`); how many
    new messages were stored. Drops the webhook first: Telegram allows one or the other."""
    await channel.bot.delete_webhook(drop_pending_updates=False)
    offset: int | None = None
    stored = 0
    while not stop.is_set():
        try:
            updates = await channel.bot.get_updates(offset=offset, timeout=timeout,
                                                    allowed_updates=list(HANDLED_UPDATES))
        except TelegramAPIError as error:
            log.warning("telegram getUpdates failed: %s", type(error).__name__)
            await asyncio.sleep(BACKOFF_SECONDS)
            continue
        for update in updates:
            stored += await _keep(channel, database, clock, update)
            offset = update.update_id + 1
        if once:
            break
    return stored


async def _keep(channel: TelegramChannel, database: Database, clock: Clock,
                update: Update) -> int:
    raw = update.model_dump_json(exclude_none=True, by_alias=True).encode()
    try:
        items = channel.parse_update(raw)
    except InvalidInput as error:
        log.warning("telegram update %s not readable: %s", update.update_id, error)
        return 0
    new = await asyncio.to_thread(_store, database, clock, items, raw)
    await channel.acknowledge(items)
    log.info("telegram update %s stored new=%s", update.update_id, new)
    return new


def _store(database: Database, clock: Clock, items: list[Received], raw: bytes) -> int:
    with database.transaction() as session:
        stored = store_items(session, clock, items, raw=raw)
        return sum(1 for item in stored if isinstance(item, InboundMessage))
