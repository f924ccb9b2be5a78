"""Evidence: photos of doctor's notes and attachments kept on a conversation, and the media a
provider holds for an inbound event, waiting to be fetched (`MediaFetch`)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from store.clock import Clock
from store.models.conversations import Message
from store.models.inbound import Evidence, InboundEvent, MediaFetch


def evidence_of_conversation(session: Session, conversation_id: int) -> list[Evidence]:
    return list(session.exec(select(Evidence).where(Evidence.conversation_id == conversation_id)))


def evidence_by_id(session: Session, evidence_id: int) -> Evidence | None:
    return session.get(Evidence, evidence_id)


def add_evidence(session: Session, clock: Clock, *, inbound_event_id: int, content_type: str,
                 data: bytes, filename: str | None = None) -> Evidence:
    """Keep one fetched media item of an inbound event.

    Media is fetched after the webhook has answered, so the event may already have been
    processed: then the evidence joins the conversation its message went to straight away;
    otherwise the inbound worker ties it to one when it processes the event."""
    message = session.exec(select(Message).where(
        Message.inbound_event_id == inbound_event_id)).first()
    row = Evidence(inbound_event_id=inbound_event_id,
                   conversation_id=message.conversation_id if message else None,
                   content_type=content_type, filename=filename, size=len(data), data=data,
                   created_at=clock.now())
    session.add(row)
    session.flush()
    return row


def attach_to_conversation(session: Session, *, inbound_event_id: int | None,
                           conversation_id: int | None) -> None:
    """Tie the evidence an event brought to the conversation its message went to."""
    for evidence in session.exec(select(Evidence).where(
            Evidence.inbound_event_id == inbound_event_id)).all():
        evidence.conversation_id = conversation_id
        session.add(evidence)


def queue_media_fetches(session: Session, clock: Clock, *, inbound_event_id: int, channel: str,
                        refs: Sequence[str], keep_trying: timedelta) -> None:
    """Note the media a provider holds for a new event (each a MediaRef as JSON), in the
    transaction that stores the event: a crash before the fetch loses nothing."""
    now = clock.now()
    session.add_all([MediaFetch(inbound_event_id=inbound_event_id, channel=channel, item=item,
                                ref=ref, created_at=now, next_attempt_at=now,
                                expires_at=now + keep_trying)
                     for item, ref in enumerate(refs)])


def lease_due_media(session: Session, now: datetime, *, lease: timedelta,
                    limit: int) -> list[MediaFetch]:
    """Media waiting to be fetched whose time has come, leased for `lease` so a second process
    does not fetch them at the same time (skipping rows another one holds)."""
    stmt = (select(MediaFetch)
            .where(MediaFetch.status == "pending", col(MediaFetch.next_attempt_at) <= now)
            .order_by(col(MediaFetch.id)).limit(limit).with_for_update(skip_locked=True))
    rows = list(session.exec(stmt))
    for row in rows:
        row.next_attempt_at = now + lease
        session.add(row)
    return rows


def media_fetch(session: Session, fetch_id: int) -> MediaFetch | None:
    return session.get(MediaFetch, fetch_id)


def keep_fetched_media(session: Session, clock: Clock, fetch: MediaFetch, *, content_type: str,
                       data: bytes, filename: str | None) -> Evidence:
    """The fetched item, kept as Evidence of its event; the fetch is done."""
    evidence = add_evidence(session, clock, inbound_event_id=fetch.inbound_event_id,
                            content_type=content_type, data=data, filename=filename)
    fetch.status, fetch.evidence_id, fetch.last_error = "kept", evidence.id, None
    fetch.attempts += 1
    session.add(fetch)
    return evidence


def note_media_failure(session: Session, now: datetime, fetch: MediaFetch, *, error: str,
                       retry_in: timedelta | None) -> bool:
    """Count a failed fetch: try again in `retry_in`, or give it up (`retry_in` None: refused;
    or the next try would be past its expiry). True when it is lost."""
    fetch.attempts += 1
    fetch.last_error = error[:200]
    expired = fetch.expires_at is not None and now + (retry_in or timedelta()) > fetch.expires_at
    if retry_in is None or expired:
        fetch.status, fetch.next_attempt_at = "lost", None
    else:
        fetch.next_attempt_at = now + retry_in
    session.add(fetch)
    return fetch.status == "lost"


def event_whereabouts(session: Session, inbound_event_id: int
                      ) -> tuple[int | None, int | None, int | None]:
    """(school, conversation, contact) an inbound event belongs to, as far as it is known yet:
    from the message it became once processed, else from the event."""
    message = session.exec(select(Message).where(
        Message.inbound_event_id == inbound_event_id)).first()
    event = session.get(InboundEvent, inbound_event_id)
    school = (message.school_id if message else None) or (event.school_id if event else None)
    contact = (message.contact_id if message else None) or (event.contact_id if event else None)
    return school, message.conversation_id if message else None, contact
