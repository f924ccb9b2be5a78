"""Corrections are sent once, also when two nodes' upkeep passes overlap on PostgreSQL."""

from __future__ import annotations

import threading

from sqlmodel import select

from scheduling.corrections import send_corrections
from store.clock import FakeClock
from store.database import Database
from store.models.marks import Mark
from store.models.outbound import Outbox
from tests.scheduling.families import absence_sent_to_mum


def _absence_sent_then_register_corrected(db: Database, clock: FakeClock) -> None:
    """Amy's absence message went this morning; then her register was fixed to present."""
    absence_sent_to_mum(db, clock)
    with db.transaction() as session:
        mark = session.exec(select(Mark)).one()
        mark.code, mark.version, mark.updated_at = "/", mark.version + 1, clock.now()
        session.add(mark)


def _corrections(db: Database) -> int:
    with db.transaction() as session:
        return len(session.exec(select(Outbox).where(Outbox.kind == "correction")).all())


def test_two_nodes_passes_overlapping_send_one_correction(
        db: Database, clock: FakeClock, postgres_url: str) -> None:
    _absence_sent_then_register_corrected(db, clock)
    other_node = Database(postgres_url)
    queued: list[int] = []

    def second_pass() -> None:
        with other_node.transaction() as session:
            queued.append(send_corrections(session, clock))

    try:
        with db.transaction() as session:
            assert send_corrections(session, clock) == 1  # not committed yet
            # The other node's pass runs while this one is still open: it must not add its own.
            other = threading.Thread(target=second_pass)
            other.start()
            other.join(timeout=60)
            assert not other.is_alive(), "the second pass waited on the first"
        assert queued == [0]
        assert _corrections(db) == 1
        with other_node.transaction() as session:  # and later passes find it done
            assert send_corrections(session, clock) == 0
        assert _corrections(db) == 1
    finally:
        other_node.dispose()


def test_one_correction_per_child_and_message_however_many_passes(
        db: Database, clock: FakeClock) -> None:
    _absence_sent_then_register_corrected(db, clock)
    for _ in range(3):
        with db.transaction() as session:
            send_corrections(session, clock)
    assert _corrections(db) == 1
