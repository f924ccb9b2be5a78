"""The simulated channel and the registry that puts it wherever settings are absent."""

from __future__ import annotations

import logging
import time
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient

from bot.app import create_app
from bot.settings import Settings
from channels.base import OutboundMessage, StatusUpdate, WebhookRequest
from channels.events import store_items, store_received
from channels.registry import build_channels
from channels.simulated import SimulatedChannel, data_ref, store_simulated_receipts
from channels.sms import SmsChannel
from scheduling.dispatcher import Dispatcher
from store.clock import FakeClock
from store.database import Database
from store.errors import InvalidInput, PermanentSendError, TransientSendError, WebhookRejected
from store.inbound_events import event_by_key
from store.models.outbound import Outbox
from store.outbox import enqueue
from tests.fakes.twilio_server import ACCOUNT_SID, AUTH_TOKEN

PARENT = "+447700900001"


def _message(text: str = "Harbour Lane: Amy was absent today.") -> OutboundMessage:
    return OutboundMessage(outbox_id=7, to=PARENT, text=text)


async def test_sending_keeps_the_message_and_finds_it_again(clock: FakeClock) -> None:
    sms = SimulatedChannel("sms", clock=clock, segment_budget=4)
    since = clock.now()
    receipt = await sms.send(_message())
    assert receipt.provider_id.startswith("sim-sms-") and receipt.segments == 1
    assert [m.outbox_id for m, _, _ in sms.sent] == [7]
    assert await sms.find_sent(PARENT, since, _message().text) == receipt.provider_id
    assert await sms.find_sent(PARENT, since + timedelta(seconds=1), _message().text) is None


async def test_the_segment_budget_and_scripted_failures_apply_as_for_real(
        clock: FakeClock) -> None:
    sms = SimulatedChannel("sms", clock=clock, segment_budget=2)
    with pytest.raises(PermanentSendError) as caught:
        await sms.send(_message("x" * 400))
    assert caught.value.error_code == "segments"
    sms.fail_next(PARENT, TransientSendError("busy", retry_after=5))
    with pytest.raises(TransientSendError):
        await sms.send(_message())
    assert (await sms.send(_message())).provider_id
    email = SimulatedChannel("email", clock=clock, segment_budget=2)
    assert (await email.send(_message("x" * 400))).segments == 1


async def test_simulated_inbound_goes_through_the_same_store(
        clock: FakeClock, db: Database) -> None:
    telegram = SimulatedChannel("telegram", clock=clock)
    photo = data_ref("image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, filename="note.png")
    message = telegram.inbound("900000001", "Off sick today", media=[photo])
    with db.transaction() as session:
        event, new = store_received(session, clock, message, raw=None)
    assert new and event.ordering_key == "900000001"
    with db.transaction() as session:
        assert event_by_key(session, message.dedupe_key()) is not None
    fetched = await telegram.fetch_media(photo)
    assert (fetched.content_type, fetched.filename) == ("image/png", "note.png")
    with pytest.raises(InvalidInput):
        await telegram.fetch_media(data_ref("text/html", b"<script>"))


def test_simulated_parse_inbound_is_in_process_only(clock: FakeClock) -> None:
    sms = SimulatedChannel("sms", clock=clock)
    body = b'{"from": "+447700900001", "text": "hi", "id": "demo-1"}'
    with pytest.raises(WebhookRejected):
        sms.parse_inbound(WebhookRequest("http://x/", {}, body))
    [message] = sms.parse_inbound(WebhookRequest("http://x/", {"x-rollcall-simulated": "1"},
                                                 body))
    assert message.provider_id == "demo-1" and message.sender == PARENT  # type: ignore[union-attr]
    with pytest.raises(InvalidInput):
        sms.parse_inbound(WebhookRequest("http://x/", {"x-rollcall-simulated": "1"}, b"{}"))


async def test_channels_without_settings_are_simulated_and_say_so(
        clock: FakeClock, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="channels.registry")
    channels = build_channels(Settings(), clock=clock)
    assert all(c.simulated for c in channels)
    assert "sms: off (simulated): ROLLCALL_TWILIO_ACCOUNT_SID" in caplog.text
    configured = build_channels(Settings(twilio_account_sid=ACCOUNT_SID,
                                         twilio_auth_token=AUTH_TOKEN), clock=clock)
    assert isinstance(configured.get("sms"), SmsChannel)
    assert configured.get("email").simulated
    assert build_channels(Settings(twilio_account_sid=ACCOUNT_SID, twilio_auth_token=AUTH_TOKEN),
                          clock=clock, simulate=True).get("sms").simulated
    await configured.close()


def _queued(db: Database, clock: FakeClock) -> int:
    with db.transaction() as session:
        row = enqueue(session, clock, channel="sms", to_address=PARENT, body="hello",
                      kind="reply")
        assert row.id is not None
        return row.id


def _status(db: Database, outbox_id: int) -> str:
    with db.transaction() as session:
        row = session.get(Outbox, outbox_id)
        assert row is not None
        return row.status


async def test_a_simulated_send_is_delivered_through_the_receipt_path(
        db: Database, clock: FakeClock) -> None:
    sms = SimulatedChannel("sms", clock=clock)
    outbox_id = _queued(db, clock)
    assert await Dispatcher(db, clock, {"sms": sms}).drain() == 1
    assert _status(db, outbox_id) == "sent"
    assert store_simulated_receipts([sms], db, clock) == 1
    assert _status(db, outbox_id) == "delivered"
    assert store_simulated_receipts([sms], db, clock) == 0  # each receipt once
    with db.transaction() as session:
        event = event_by_key(session, "sms:status:sim-sms-1:delivered")
        assert event is not None and event.kind == "status" and event.status == "processed"


async def test_a_receipt_before_the_dispatcher_recorded_the_id_waits_for_it(
        db: Database, clock: FakeClock) -> None:
    # As a fast provider's callback can: the receipt is stored before the send is recorded.
    sms = SimulatedChannel("sms", clock=clock)
    outbox_id = _queued(db, clock)
    early = StatusUpdate(channel="sms", provider_id="sim-sms-1", status="delivered",
                         received_at=clock.now())
    with db.transaction() as session:
        assert store_items(session, clock, [early], raw=None) == [early]
    assert await Dispatcher(db, clock, {"sms": sms}).drain() == 1
    assert _status(db, outbox_id) == "delivered"


def test_the_demo_app_moves_its_outbox_to_delivered(db: Database, clock: FakeClock) -> None:
    app = create_app(Settings(database_url=db.url), database=db, clock=clock)
    outbox_id = _queued(db, clock)
    with TestClient(app):
        deadline = time.monotonic() + 10
        while _status(db, outbox_id) != "delivered" and time.monotonic() < deadline:
            time.sleep(0.05)
    assert _status(db, outbox_id) == "delivered"
