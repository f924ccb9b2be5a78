"""The outbox's archive: finished rows go after a while, the message log keeps what was said."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import col, select

from store.clock import FakeClock
from store.database import Database
from store.messages import log_queued
from store.models import Message, Outbox, School
from store.outbox import KEEP_FINISHED, archive_finished, enqueue


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
