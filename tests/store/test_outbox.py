"""The outbox: finished rows archived after a while (the message log keeps what was said), and
the emails a reply may quote, found by its reply token or by the Message-IDs it names."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import col, select

from store.clock import FakeClock
from store.conversations import open_conversation
from store.database import Database
from store.messages import log_queued
from store.models.conversations import Message
from store.models.outbound import Outbox
from store.models.people import Contact
from store.models.schools import School
from store.outbox import KEEP_FINISHED, archive_finished, enqueue, sent_emails_in_thread


def _row(db: Database, clock: FakeClock, status: str, *, failed_over: bool = False) -> int:
    with db.transaction() as session:
        school = School(name="Hillside Primary")
        session.add(school)
        session.flush()
        row = enqueue(session, clock, channel="sms", to_address="+447700900001",
                      body="Hillside: Amy was marked absent", kind="absence",
                      school_id=school.id)
        row.status = status
        row.failed_over_at = clock.now() if failed_over else None
        log_queued(session, clock, row, author="bot")
        assert row.id is not None
        return row.id


def test_finished_rows_go_after_thirty_days_and_the_message_stays(
        db: Database, clock: FakeClock) -> None:
    delivered = _row(db, clock, "delivered")
    carried_on = _row(db, clock, "failed", failed_over=True)
    failed = _row(db, clock, "failed")  # not yet failed over: the failover still needs it
    pending = _row(db, clock, "pending")
    clock.advance(KEEP_FINISHED - timedelta(minutes=1))
    with db.transaction() as session:
        assert archive_finished(session, clock) == 0
    clock.advance(timedelta(minutes=2))
    with db.transaction() as session:
        assert archive_finished(session, clock) == 2
    with db.transaction() as session:
        left = set(session.exec(select(Outbox.id)))
        assert left == {failed, pending}
        linked = set(session.exec(select(Message.outbox_id).order_by(col(Message.id))))
        assert linked == {None, failed, pending}  # four messages kept, two unlinked
        assert len(session.exec(select(Message)).all()) == 4
        assert delivered not in left and carried_on not in left


def test_the_emails_a_reply_may_quote_by_its_token_or_by_its_references(
        db: Database, clock: FakeClock) -> None:
    with db.transaction() as session:
        school = School(name="Hillside Primary")
        session.add(school)
        session.flush()
        assert school.id is not None
        jane = Contact(school_id=school.id, external_id="P1", name="Jane Smith",
                       email="jane.smith@example.org")
        session.add(jane)
        session.flush()
        conversation = open_conversation(session, clock, school_id=school.id,
                                         contact_id=jane.id, channel="email")
        # Sent in the conversation; queued but never accepted (no Message-ID: never seen by
        # Jane); sent outside it, found only by the Message-ID a reply names.
        for n, (provider_id, conversation_id) in enumerate(
                [("<ours.0@example.org>", conversation.id), (None, conversation.id),
                 ("<ours.2@example.org>", None)]):
            row = enqueue(session, clock, channel="email", to_address="jane.smith@example.org",
                          body=f"message {n}", kind="absence", school_id=school.id,
                          contact_id=jane.id, conversation_id=conversation_id)
            row.provider_id = provider_id
        token = conversation.reply_token

    def found(reply_token: str | None, message_ids: list[str]) -> list[str]:
        with db.transaction() as session:
            return [row.body for row in sent_emails_in_thread(
                session, reply_token=reply_token, message_ids=message_ids)]

    assert found(token, []) == ["message 0"]
    assert found(None, ["<ours.2@example.org>"]) == ["message 2"]
    assert found(token, ["<ours.2@example.org>", "<other@example.org>"]) == [
        "message 0", "message 2"]
    assert found("not-a-token", []) == []
