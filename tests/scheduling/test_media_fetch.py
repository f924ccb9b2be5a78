"""Evidence is durable: the media a provider holds is noted with the event and fetched by a job,
retried with backoff through a slow or failing media host until it is kept, or given up and
shown to staff."""

from __future__ import annotations

import uuid
from datetime import timedelta

from sqlmodel import select

from channels.base import InboundMessage, MediaRef
from channels.events import store_received
from channels.sms import SmsChannel
from scheduling.media_fetch import fetch_due_media
from store.clock import FakeClock
from store.database import Database
from store.models.escalations import Escalation
from store.models.inbound import Evidence, MediaFetch
from tests.fakes.twilio_server import FakeTwilio
from tests.scheduling.world import JANE, World

JPEG = b"\xff\xd8\xff\xe0" + b"\x01" * 2048


def store_mms(db: Database, clock: FakeClock, *urls: str) -> int:
    """An MMS stored as the webhook stores it (its media noted in the same transaction)."""
    message = InboundMessage(channel="sms", sender=JANE, text="her note",
                             provider_id=f"MM{uuid.uuid4().hex}", received_at=clock.now(),
                             media=tuple(MediaRef(url, "image/jpeg") for url in urls))
    with db.transaction() as session:
        event, new = store_received(session, clock, message, raw=None)
        assert new and event.id is not None
        return event.id


def fetches(db: Database) -> list[MediaFetch]:
    with db.transaction() as session:
        return list(session.exec(select(MediaFetch).order_by(MediaFetch.id)))  # type: ignore[arg-type]


def evidence_of(db: Database, event_id: int) -> list[bytes]:
    with db.transaction() as session:
        return [e.data for e in session.exec(select(Evidence).where(
            Evidence.inbound_event_id == event_id))]


async def test_a_photo_is_kept_through_a_slow_then_failing_media_host(
        db: Database, clock: FakeClock, world: World, sms: SmsChannel,
        twilio: FakeTwilio) -> None:
    event_id = store_mms(db, clock, twilio.add_media("image/jpeg", JPEG))
    channels = {"sms": sms}
    twilio.media_delay = 2.0  # slower than the fetch may take
    assert await fetch_due_media(db, clock, channels, timeout=0.3) == 0
    twilio.media_delay, twilio.media_failures = 0.0, 1  # then its storage answers 503 once
    assert await fetch_due_media(db, clock, channels) == 0  # backing off: not due yet
    clock.advance(timedelta(minutes=1))
    assert await fetch_due_media(db, clock, channels) == 0  # 503
    assert evidence_of(db, event_id) == []
    clock.advance(timedelta(minutes=1))
    assert await fetch_due_media(db, clock, channels) == 1
    assert evidence_of(db, event_id) == [JPEG]
    [fetch] = fetches(db)
    assert (fetch.status, fetch.attempts, fetch.evidence_id is not None) == ("kept", 3, True)
    clock.advance(timedelta(hours=1))
    assert await fetch_due_media(db, clock, channels) == 0  # kept once, never again
    assert evidence_of(db, event_id) == [JPEG]


async def test_media_still_failing_when_it_expires_is_lost_and_staff_are_told(
        db: Database, clock: FakeClock, world: World, sms: SmsChannel,
        twilio: FakeTwilio) -> None:
    event_id = store_mms(db, clock, twilio.add_media("image/jpeg", JPEG))
    twilio.media_failures = 10_000
    for _ in range(40):
        await fetch_due_media(db, clock, {"sms": sms})
        clock.advance(timedelta(hours=1))
    [fetch] = fetches(db)
    assert fetch.status == "lost" and "503" in (fetch.last_error or "")
    with db.transaction() as session:
        [escalation] = session.exec(select(Escalation)).all()
    assert escalation.inbound_event_id == event_id and escalation.status == "open"
    assert escalation.school_id == world.school_id and "could not be kept" in escalation.why
    assert evidence_of(db, event_id) == []


async def test_media_the_evidence_limits_refuse_is_lost_at_once_and_shown_to_staff(
        db: Database, clock: FakeClock, world: World, sms: SmsChannel,
        twilio: FakeTwilio) -> None:
    event_id = store_mms(db, clock, twilio.add_media("text/html", b"<script>"))
    assert await fetch_due_media(db, clock, {"sms": sms}) == 0
    [fetch] = fetches(db)
    assert (fetch.status, fetch.attempts) == ("lost", 1)
    with db.transaction() as session:
        [escalation] = session.exec(select(Escalation)).all()
    assert escalation.inbound_event_id == event_id
