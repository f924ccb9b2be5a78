"""Keeping an inbound message's media as evidence.

Media a provider holds (an MMS photo, a Telegram file) is fetched after the webhook has answered
(a provider will not wait for a photo download), for newly stored events only, so a redelivery
never fetches twice. Media that came inside the message (`MediaRef.inline`: an email's
attachments) is not fetched: the inbound worker keeps it from the stored raw message in the
transaction that processes the event, so a crash between storing and processing loses none.
Media refused by the evidence limits is logged and left referenced in the event's payload,
where staff can still see it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from sqlmodel import Session

from channels.base import Channel, InboundMessage, MediaFile
from channels.email_inbound import attachments
from store.clock import Clock
from store.database import Database
from store.errors import InvalidInput, TransientSendError
from store.evidence import add_evidence
from store.models import InboundEvent

log = logging.getLogger(__name__)


async def keep_media(database: Database, clock: Clock, channel: Channel, *, event_id: int,
                     message: InboundMessage) -> int:
    """Fetch each media item of `message` the provider holds and store it as Evidence of the
    event; how many. Inline media is left to `keep_inline_media`."""
    kept = 0
    fetched_media = [media for media in message.media if not media.inline]
    if not fetched_media:
        return 0
    for index, media in enumerate(fetched_media):
        try:
            fetched = await channel.fetch_media(media)
        except (InvalidInput, TransientSendError) as error:
            log.warning("media not kept event=%s item=%s why=%s", event_id, index, error)
            continue
        await asyncio.to_thread(_store, database, clock, event_id, fetched.content_type,
                                fetched.data, fetched.filename)
        kept += 1
    log.info("media kept event=%s items=%s of=%s", event_id, kept, len(fetched_media))
    return kept


# channel -> what reads the media inside a stored raw message
RAW_MEDIA: dict[str, Callable[[bytes], list[MediaFile]]] = {"email": attachments}


def keep_inline_media(session: Session, clock: Clock, *, event: InboundEvent,
                      message: InboundMessage) -> int:
    """Store as Evidence the media that came inside the event's stored raw message, in the
    caller's transaction (the inbound worker's); how many."""
    read = RAW_MEDIA.get(message.channel)
    if read is None or event.raw is None or not message.media:
        return 0
    files = read(event.raw)
    for file in files:
        add_evidence(session, clock, inbound_event_id=event.id or 0,
                     content_type=file.content_type, data=file.data, filename=file.filename)
    log.info("inline media kept event=%s items=%s of=%s", event.id, len(files),
             len(message.media))
    return len(files)


def _store(database: Database, clock: Clock, event_id: int, content_type: str, data: bytes,
           filename: str | None) -> None:
    with database.transaction() as session:
        add_evidence(session, clock, inbound_event_id=event_id, content_type=content_type,
                     data=data, filename=filename)
