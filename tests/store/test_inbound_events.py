from __future__ import annotations

from sqlmodel import col, select

from store.clock import FakeClock
from store.database import Database
from store.inbound_events import (
    PARKED,
    NewEvent,
    event_by_key,
    events_waiting,
    mark_done,
    record_event,
    record_events,
)
from store.models.inbound import InboundEvent


def _record(db: Database, clock: FakeClock, key: str, *, sender: str = "+447700900001"
            ) -> tuple[int, bool]:
    with db.transaction() as session:
        event, new = record_event(session, clock, channel="sms", kind="message", dedupe_key=key,
                                  payload="{}", raw=b"Body=hi", ordering_key=sender)
        assert event.id is not None
        return event.id, new


def test_a_redelivered_event_is_stored_once(db: Database, clock: FakeClock) -> None:
    first_id, first_new = _record(db, clock, "sms:SM1")
    again_id, again_new = _record(db, clock, "sms:SM1")
    assert (first_new, again_new) == (True, False)
    assert first_id == again_id
    with db.transaction() as session:
        assert len(list(session.exec(select(InboundEvent)))) == 1


def test_a_duplicate_in_the_same_transaction_is_found_and_the_transaction_goes_on(
        db: Database, clock: FakeClock) -> None:
    with db.transaction() as session:
        session.add(InboundEvent(channel="sms", kind="message", dedupe_key="sms:SM3",
                                 payload="{}", received_at=clock.now()))
        session.flush()
        _event, new = record_event(session, clock, channel="sms", kind="message",
                                   dedupe_key="sms:SM3", payload="{}", raw=None)
        assert not new
        _other, other_new = record_event(session, clock, channel="sms", kind="message",
                                        dedupe_key="sms:SM4", payload="{}", raw=None)
        assert other_new
    with db.transaction() as session:
        assert event_by_key(session, "sms:SM4") is not None


def test_waiting_events_come_oldest_first_and_leave_when_done(
        db: Database, clock: FakeClock) -> None:
    _record(db, clock, "sms:SM5", sender="+447700900005")
    _record(db, clock, "sms:SM6", sender="+447700900006")
    with db.transaction() as session:
        waiting = events_waiting(session, kind="message")
        assert [e.dedupe_key for e in waiting] == ["sms:SM5", "sms:SM6"]
        assert [e.dedupe_key for e in events_waiting(
            session, kind="message", ordering_key="+447700900006")] == ["sms:SM6"]
        mark_done(session, clock, waiting[0], status=PARKED, error="unknown sender")
    with db.transaction() as session:
        assert [e.dedupe_key for e in events_waiting(session, kind="message")] == ["sms:SM6"]
        parked = event_by_key(session, "sms:SM5")
        assert parked is not None and parked.status == PARKED
        assert parked.processed_at == clock.now()


def _new(key: str, sender: str = "+447700900001") -> NewEvent:
    return NewEvent(channel="sms", kind="message", dedupe_key=key, payload="{}", raw=b"Body=hi",
                    ordering_key=sender)


def test_many_events_at_once_are_stored_once_each_in_the_order_given(
        db: Database, clock: FakeClock) -> None:
    stored_id, _ = _record(db, clock, "sms:SM7")
    with db.transaction() as session:
        result = record_events(session, clock, [_new("sms:SM9"), _new("sms:SM7"),
                                                _new("sms:SM8"), _new("sms:SM9")])
    [(first, first_new), (again, again_new), (second, second_new), (copy, copy_new)] = result
    assert (first_new, again_new, second_new, copy_new) == (True, False, True, False)
    assert again == stored_id and copy == first and stored_id < first < second
    with db.transaction() as session:
        rows = list(session.exec(select(InboundEvent).order_by(col(InboundEvent.id))))
    assert [(r.dedupe_key, r.status, r.attempts, r.received_at) for r in rows] == [
        ("sms:SM7", "pending", 0, clock.now()), ("sms:SM9", "pending", 0, clock.now()),
        ("sms:SM8", "pending", 0, clock.now())]
