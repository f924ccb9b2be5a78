"""Fetching an inbound message's media and keeping it as evidence.

It runs after the webhook has answered (a provider will not wait for a photo download), for
newly stored events only, so a redelivery never fetches twice. Media refused by the evidence
limits is logged and left referenced in the event's payload, where staff can still see it.
"""

from __future__ import annotations

import asyncio
import logging

from channels.base import Channel, InboundMessage
from store.clock import Clock
from store.database import Database
from store.errors import InvalidInput, TransientSendError
from store.evidence import add_evidence

log = logging.getLogger(__name__)


async def keep_media(database: Database, clock: Clock, channel: Channel, *, event_id: int,
                     message: InboundMessage) -> int:
    """Fetch each media item of `message` and store it as Evidence of the event; how many."""
    kept = 0
    for index, media in enumerate(message.media):
        try:
            fetched = await channel.fetch_media(media)
        except (InvalidInput, TransientSendError) as error:
            log.warning("media not kept event=%s item=%s why=%s", event_id, index, error)
            continue
        await asyncio.to_thread(_store, database, clock, event_id, fetched.content_type,
                                fetched.data, fetched.filename)
        kept += 1
    log.info("media kept event=%s items=%s of=%s", event_id, kept, len(message.media))
    return kept


def _store(database: Database, clock: Clock, event_id: int, content_type: str, data: bytes,
           filename: str | None) -> None:
    with database.transaction() as session:
        add_evidence(session, clock, inbound_event_id=event_id, content_type=content_type,
                     data=data, filename=filename)
