"""The outbox: every outbound message is stored here before it is sent, and finished rows are
archived a while later so the queue stays small.

The dispatcher's claim only ever reads the partial index of rows still to send, so finished rows
cost it nothing; they are kept a while for the console and the chase, then deleted (the message
itself stays in `message`, which loses only its link to the outbox row)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta

from sqlalchemy import delete, update
from sqlmodel import Session, col, or_, select

from store.clock import Clock
from store.models.conversations import Conversation, Message
from store.models.outbound import Outbox, Run
from store.models.people import Contact

KEEP_FINISHED = timedelta(days=30)
FINAL = ("sent", "delivered", "cancelled", "expired")
FAILED = ("undelivered", "failed")
ARCHIVE_BATCH = 5_000


def enqueue(session: Session, clock: Clock, *, channel: str, to_address: str, body: str,
            kind: str, language: str = "en", school_id: int | None = None,
            contact_id: int | None = None, staff_user_id: int | None = None,
            conversation_id: int | None = None, student_ids: Iterable[int] = (),
            urgent: bool = False, run_id: int | None = None,
            expires_at: datetime | None = None,
            options: Sequence[tuple[str, str]] = (),
            due_at: datetime | None = None, staff_alert_id: int | None = None,
            reply_token: str | None = None) -> Outbox:
    """Add one message to the outbox, due now (or at `due_at`: a staff reply held for the end
    of quiet hours). The dispatcher sends it; nothing else does. A staff alert names its
    alert, and an email one the token its Reply-To address carries."""
    row = Outbox(school_id=school_id, contact_id=contact_id, staff_user_id=staff_user_id,
                 conversation_id=conversation_id, run_id=run_id, kind=kind, channel=channel,
                 to_address=to_address, body=body, language=language,
                 student_ids=list(student_ids), urgent=urgent,
                 created_at=clock.now(), next_attempt_at=due_at or clock.now(),
                 expires_at=expires_at, staff_alert_id=staff_alert_id,
                 reply_token=reply_token,
                 options=json.dumps([list(o) for o in options], ensure_ascii=False)
                 if options else "")
    session.add(row)
    session.flush()
    return row


def queued_to_since(session: Session, *, to_address: str, kind: str, since: datetime) -> bool:
    """Whether a message of this kind was queued to this address since `since`."""
    return session.exec(select(Outbox.id).where(
        Outbox.to_address == to_address, Outbox.kind == kind,
        col(Outbox.created_at) >= since)).first() is not None


def queued_in_conversation(session: Session, *, conversation_id: int | None,
                           kind: str) -> bool:
    """Whether a message of this kind was ever queued in the conversation."""
    return session.exec(select(Outbox.id).where(Outbox.conversation_id == conversation_id,
                                                Outbox.kind == kind)).first() is not None


def lock_due(session: Session, *, now: datetime, limit: int) -> list[Outbox]:
    """Up to `limit` rows due to be sent, locked for this transaction: urgent ones first, then
    the rest, then those whose lease ran out (a dispatcher died mid-send). PostgreSQL skips
    rows another dispatcher holds (`FOR UPDATE SKIP LOCKED`); SQLite has one writer."""
    postgres = session.get_bind().dialect.name == "postgresql"
    found: list[Outbox] = []
    for where in (
        (Outbox.status == "pending", Outbox.urgent == True,  # noqa: E712
         col(Outbox.next_attempt_at) <= now),
        (Outbox.status == "pending", col(Outbox.next_attempt_at) <= now),
        (Outbox.status == "claimed", col(Outbox.lease_until) < now),
    ):
        if len(found) >= limit:
            break
        statement = select(Outbox).where(*where).order_by(col(Outbox.next_attempt_at))
        if found:
            statement = statement.where(col(Outbox.id).not_in([r.id for r in found]))
        statement = statement.limit(limit - len(found))
        if postgres:
            statement = statement.with_for_update(skip_locked=True)
        found.extend(session.exec(statement))
    return found


def renew_lease(session: Session, ids: list[int], *, until: datetime) -> None:
    """Keep rows that are still being sent claimed by this dispatcher."""
    if ids:
        session.connection().execute(
            update(Outbox).where(col(Outbox.id).in_(ids), col(Outbox.status) == "claimed")
            .values(lease_until=until))


def mark_sent(session: Session, sent: Sequence[tuple[int, str]], *, at: datetime) -> None:
    """Rows the provider accepted, with its ids: one bulk UPDATE by primary key, no objects
    loaded (nearly every outcome of a batch is this one)."""
    if sent:
        session.execute(update(Outbox), [
            {"id": outbox_id, "status": "sent", "provider_id": provider_id, "sent_at": at,
             "error_code": None, "lease_until": None} for outbox_id, provider_id in sent])


def fail_waiting_to(session: Session, *, channel: str, to_address: str, why: str) -> int:
    """Fail the rows still waiting to go to an address that reaches nobody now (a chat that
    blocked the bot), so failing over carries them on at once instead of after a refused
    send. Rows being sent (claimed) are left to their send. Returns how many."""
    result = session.connection().execute(
        update(Outbox).where(col(Outbox.channel) == channel,
                             col(Outbox.to_address) == to_address,
                             col(Outbox.status) == "pending")
        .values(status="failed", error_code=why)
        .execution_options(synchronize_session=False))
    return int(result.rowcount or 0)


def sent_to(session: Session, *, contact_id: int | None = None,
            staff_user_id: int | None = None, channel: str | None = None) -> list[Outbox]:
    """Messages that went (sent or delivered) to a contact, or to a member of staff (an alert:
    no contact), on `channel` when given, in the order they went."""
    stmt = select(Outbox).where(col(Outbox.status).in_(("sent", "delivered")))
    if contact_id is not None:
        stmt = stmt.where(Outbox.contact_id == contact_id)
    else:
        stmt = stmt.where(Outbox.staff_user_id == staff_user_id,
                          col(Outbox.contact_id).is_(None))
    if channel:
        stmt = stmt.where(Outbox.channel == channel)
    return list(session.exec(stmt.order_by(col(Outbox.sent_at), col(Outbox.id))))


def every_sent(session: Session) -> list[Outbox]:
    """Every message that went (sent or delivered), for a replay's transcript."""
    return list(session.exec(select(Outbox).where(col(Outbox.status).in_(("sent", "delivered")))))


def latest_digest_day(session: Session, *, contact_ids: Sequence[int],
                      since: datetime) -> date | None:
    """The school day of the newest digest (`scheduling/digests.py`) sent or queued to these
    contacts since `since`: what a reply with no dates is about."""
    stmt = (select(col(Run.day)).join(Outbox, col(Outbox.run_id) == col(Run.id))
            .where(col(Outbox.contact_id).in_(list(contact_ids)), Outbox.kind == "digest",
                   col(Outbox.created_at) >= since)
            .order_by(col(Outbox.id).desc()).limit(1))
    return session.exec(stmt).first()


def last_menu_to(session: Session, *, contact_id: int, channel: str) -> Outbox | None:
    """The latest message to this contact on `channel` that offered a menu."""
    return session.exec(select(Outbox).where(
        Outbox.contact_id == contact_id, Outbox.channel == channel, Outbox.options != "")
        .order_by(col(Outbox.id).desc())).first()


def outbox_to_contact(session: Session, contact_id: int | None) -> list[Outbox]:
    """Every message queued to this contact that was not cancelled."""
    return list(session.exec(select(Outbox).where(
        Outbox.contact_id == contact_id, col(Outbox.status).not_in(("cancelled",)))))


def archive_finished(session: Session, clock: Clock, *, keep: timedelta = KEEP_FINISHED) -> int:
    """Delete finished rows created more than `keep` ago; returns how many went."""
    before = clock.now() - keep
    ids = list(session.exec(select(Outbox.id).where(
        col(Outbox.created_at) < before,
        or_(col(Outbox.status).in_(FINAL),
            col(Outbox.status).in_(FAILED) & col(Outbox.failed_over_at).is_not(None)))
        .limit(ARCHIVE_BATCH)))
    if not ids:
        return 0
    session.connection().execute(update(Message).where(col(Message.outbox_id).in_(ids))
                                 .values(outbox_id=None))
    session.connection().execute(delete(Outbox).where(col(Outbox.id).in_(ids)))
    return len(ids)


def sent_emails_in_thread(session: Session, *, reply_token: str | None,
                          message_ids: Sequence[str], limit: int = 20) -> list[Outbox]:
    """The emails we sent that a reply may quote: those of the conversation its reply token
    names, and those whose Message-ID its In-Reply-To/References give; newest first."""
    found: list[Outbox] = []
    conversation = (session.exec(select(Conversation).where(
        Conversation.reply_token == reply_token)).first() if reply_token else None)
    if conversation is not None and conversation.contact_id is not None:
        # By the contact first (indexed; outbox.conversation_id is not), then the conversation.
        stmt = (select(Outbox)
                .where(Outbox.contact_id == conversation.contact_id,
                       Outbox.conversation_id == conversation.id, Outbox.channel == "email",
                       col(Outbox.provider_id).is_not(None))
                .order_by(col(Outbox.id).desc()).limit(limit))
        found.extend(session.exec(stmt))
    ids = [i for i in message_ids if i][:limit]
    if ids:
        stmt = (select(Outbox).where(Outbox.channel == "email", col(Outbox.provider_id).in_(ids))
                .order_by(col(Outbox.id).desc()))
        found.extend(row for row in session.exec(stmt) if row not in found)
    return found


def told_of_kind(session: Session, *, school_id: int, kind: str) -> list[tuple[Outbox, Contact]]:
    """A school's messages of one kind ("absence", ...) with the contact each went to, in
    contact order (the demo's families who reply are picked from them)."""
    return [(row, contact) for row, contact in session.exec(
        select(Outbox, Contact).join(Contact, col(Contact.id) == Outbox.contact_id)
        .where(Outbox.school_id == school_id, Outbox.kind == kind)
        .order_by(col(Contact.id), col(Outbox.id)))]
