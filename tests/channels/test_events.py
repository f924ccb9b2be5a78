from __future__ import annotations

from datetime import UTC, datetime

from sqlmodel import select

from channels.base import InboundMessage, MediaRef, StatusUpdate, from_payload, to_payload
from channels.events import apply_waiting_receipts, store_received
from store.clock import FakeClock
from store.database import Database
from store.models.inbound import InboundEvent
from store.models.outbound import Outbox
from store.models.people import Contact
from store.outbox import enqueue

AT = datetime(2026, 11, 23, 8, 5, tzinfo=UTC)


def _message(sid: str = "SM1", sender: str = "+447700900001") -> InboundMessage:
    return InboundMessage(channel="sms", sender=sender, text="Amy is poorly", provider_id=sid,
                          received_at=AT, recipient="+447700900500",
                          media=(MediaRef("https://example.org/m/1", "image/jpeg"),))


def _receipt(status: str, sid: str = "SMout", code: str | None = None) -> StatusUpdate:
    return StatusUpdate(channel="sms", provider_id=sid, status=status, received_at=AT,
                        error_code=code)


def _sent_outbox(db: Database, clock: FakeClock, provider_id: str = "SMout") -> int:
    with db.transaction() as session:
        row = enqueue(session, clock, channel="sms", to_address="+447700900001", body="hello",
                      kind="absence")
        row.status, row.provider_id = "sent", provider_id
        assert row.id is not None
        return row.id


def _outbox(db: Database, outbox_id: int) -> Outbox:
    with db.transaction() as session:
        row = session.get(Outbox, outbox_id)
        assert row is not None
        return row


def test_payload_round_trips_messages_and_receipts() -> None:
    for item in (_message(), _receipt("delivered", code="30003")):
        assert from_payload(to_payload(item)) == item


def test_a_message_from_a_known_number_is_stored_with_its_contact(
        db: Database, clock: FakeClock, parent: Contact) -> None:
    with db.transaction() as session:
        event, new = store_received(session, clock, _message(), raw=b"raw")
    assert new and event.contact_id == parent.id and event.school_id == parent.school_id
    assert event.ordering_key == "+447700900001" and event.status == "pending"
    assert from_payload(event.payload) == _message()


def test_a_message_from_an_unknown_number_is_kept_without_a_contact(
        db: Database, clock: FakeClock) -> None:
    with db.transaction() as session:
        event, new = store_received(session, clock, _message(sender="+447700900777"), raw=b"")
    assert new and event.contact_id is None and event.status == "pending"


def test_receipts_only_move_forward_and_a_final_status_stays(
        db: Database, clock: FakeClock) -> None:
    outbox_id = _sent_outbox(db, clock)
    for status, code in [("undelivered", "30003"), ("sent", None), ("delivered", None),
                         ("queued", None)]:
        with db.transaction() as session:
            store_received(session, clock, _receipt(status, code=code), raw=None)
    row = _outbox(db, outbox_id)
    assert (row.status, row.error_code) == ("undelivered", "30003")


def test_a_redelivered_receipt_is_stored_once_and_an_unknown_status_changes_nothing(
        db: Database, clock: FakeClock) -> None:
    outbox_id = _sent_outbox(db, clock)
    for status in ("delivered", "delivered", "teleported"):
        with db.transaction() as session:
            store_received(session, clock, _receipt(status), raw=None)
    with db.transaction() as session:
        events = list(session.exec(select(InboundEvent)))
    assert sorted(e.dedupe_key for e in events) == ["sms:status:SMout:delivered",
                                                    "sms:status:SMout:teleported"]
    assert all(e.status == "processed" for e in events)
    assert _outbox(db, outbox_id).status == "delivered"


def test_a_receipt_before_the_provider_id_is_recorded_waits_then_applies(
        db: Database, clock: FakeClock) -> None:
    with db.transaction() as session:
        event, _ = store_received(session, clock, _receipt("delivered", sid="SMearly"),
                                  raw=None)
    assert event.status == "pending"
    outbox_id = _sent_outbox(db, clock, provider_id="SMearly")
    with db.transaction() as session:
        assert apply_waiting_receipts(session, clock, provider_ids=["SMearly"]) == 1
    assert _outbox(db, outbox_id).status == "delivered"
    with db.transaction() as session:
        assert apply_waiting_receipts(session, clock, provider_ids=["SMearly"]) == 0
