"""Keeping an inbound message's media as evidence.

Media a provider holds (an MMS photo, a Telegram file) is noted with the event when the webhook
stores it (`queue_held_media`, newly stored events only, so a redelivery never fetches twice)
and fetched by a job of its own after the webhook has answered (a provider will not wait for a
photo download), retried until it is kept or given up, when staff are told
(`scheduling.media_fetch`). Media that came inside the message (`MediaRef.inline`: an email's
attachments) is not fetched: the inbound worker keeps it from the stored raw message in the
transaction that processes the event. Either way a crash between storing and keeping loses none.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import timedelta

from sqlmodel import Session

from channels.base import InboundMessage, MediaFile, MediaRef
from channels.email_inbound import attachments
from store.clock import Clock
from store.evidence import add_evidence, queue_media_fetches
from store.models.inbound import InboundEvent

log = logging.getLogger(__name__)

# How long a provider's media is worth trying for: Twilio keeps MMS media until it is deleted
# and Telegram's file ids last, so a day covers an outage of theirs or ours; after that staff
# are told it is lost.
KEEP_TRYING = timedelta(hours=24)


def queue_held_media(session: Session, clock: Clock, *, event_id: int,
                     message: InboundMessage) -> int:
    """Note the media the provider holds for a newly stored event, in the transaction that
    stores it, for the media job (`scheduling.media_fetch`) to fetch; how many."""
    held = [media_ref_json(media) for media in message.media if not media.inline]
    if held:
        queue_media_fetches(session, clock, inbound_event_id=event_id, channel=message.channel,
                            refs=held, keep_trying=KEEP_TRYING)
    return len(held)


def media_ref_json(media: MediaRef) -> str:
    return json.dumps({"ref": media.ref, "content_type": media.content_type,
                       "filename": media.filename, "size": media.size}, sort_keys=True)


def media_ref_from_json(stored: str) -> MediaRef:
    return MediaRef(**json.loads(stored))


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
