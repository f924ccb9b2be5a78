"""The media job: fetch what providers hold for inbound events (an MMS photo of a doctor's note,
a Telegram document) and keep it as Evidence, retrying with backoff until it is kept or lost.

Each item was noted with its event when the webhook stored it (`channels.media`), so neither a
slow media host nor a crash between the webhook's answer and the fetch loses it. An item is
leased before the download (a second process does not fetch it at the same time) and the
download happens outside any transaction, with a timeout. An item the evidence limits refuse,
or still failing when it expires, is lost: staff are told with an escalation on its message.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from datetime import timedelta

from channels.base import Channel, MediaFile
from channels.media import media_ref_from_json
from conversations.types import Urgency
from conversations.whys import Why
from scheduling.outcomes import BACKOFF
from store.clock import Clock
from store.database import Database
from store.errors import InvalidInput, TransientSendError
from store.escalations import raise_escalation
from store.evidence import (
    event_whereabouts,
    keep_fetched_media,
    lease_due_media,
    media_fetch,
    note_media_failure,
)

log = logging.getLogger(__name__)

FETCH_TIMEOUT = 60.0  # seconds for one download, however slowly the host trickles it
LEASE = timedelta(seconds=FETCH_TIMEOUT * 2)
BATCH = 20


async def fetch_due_media(database: Database, clock: Clock, channels: Mapping[str, Channel], *,
                          limit: int = BATCH, timeout: float = FETCH_TIMEOUT) -> int:
    """Fetch every media item whose time has come, once each; how many were kept."""
    leased = await asyncio.to_thread(_lease, database, clock, limit)
    kept = 0
    for fetch_id, channel_name, ref in leased:
        channel = channels.get(channel_name)
        try:
            if channel is None:  # not configured on this node: another may have it
                raise TransientSendError(f"no {channel_name} channel here")
            fetched = await asyncio.wait_for(channel.fetch_media(media_ref_from_json(ref)),
                                             timeout)
        except InvalidInput as error:  # refused by the limits, or gone: no retry helps
            await asyncio.to_thread(_failed, database, clock, fetch_id, str(error), False)
        except (TransientSendError, TimeoutError) as error:
            await asyncio.to_thread(_failed, database, clock, fetch_id,
                                    str(error) or "timed out", True)
        else:
            await asyncio.to_thread(_keep, database, clock, fetch_id, fetched)
            kept += 1
    return kept


def _lease(database: Database, clock: Clock, limit: int) -> list[tuple[int, str, str]]:
    with database.transaction() as session:
        rows = lease_due_media(session, clock.now(), lease=LEASE, limit=limit)
        return [(row.id or 0, row.channel, row.ref) for row in rows]


def _keep(database: Database, clock: Clock, fetch_id: int, fetched: MediaFile) -> None:
    with database.transaction() as session:
        fetch = media_fetch(session, fetch_id)
        if fetch is None or fetch.status != "pending":
            return
        keep_fetched_media(session, clock, fetch, content_type=fetched.content_type,
                           data=fetched.data, filename=fetched.filename)
        log.info("media kept event=%s item=%s attempts=%s", fetch.inbound_event_id, fetch.item,
                 fetch.attempts)


def _failed(database: Database, clock: Clock, fetch_id: int, error: str,
            retry: bool) -> None:
    with database.transaction() as session:
        fetch = media_fetch(session, fetch_id)
        if fetch is None or fetch.status != "pending":
            return
        lost = note_media_failure(session, clock.now(), fetch, error=error,
                                  retry_in=BACKOFF.after(fetch.attempts + 1) if retry else None)
        log.warning("media not fetched event=%s item=%s attempts=%s lost=%s",
                    fetch.inbound_event_id, fetch.item, fetch.attempts, lost)
        if not lost:
            return
        school, _conversation, contact = event_whereabouts(session, fetch.inbound_event_id)
        # On the event, not folded into an open escalation of its conversation: staff must
        # see that a photo or document the family sent is missing.
        raise_escalation(session, clock, school_id=school, urgency=Urgency.NORMAL,
                         why=Why("media_not_kept"),
                         contact_id=contact, inbound_event_id=fetch.inbound_event_id)
