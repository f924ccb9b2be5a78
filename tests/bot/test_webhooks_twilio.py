"""Twilio's webhooks end to end: signed exactly as Twilio signs, through the real app."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from urllib.parse import urlencode

import pytest
from fastapi.testclient import TestClient
from sqlmodel import col, select

from bot.app import create_app
from bot.settings import Settings
from channels.sms import SmsChannel
from scheduling.media_fetch import fetch_due_media
from store.clock import FakeClock
from store.database import Database
from store.models.escalations import Escalation
from store.models.inbound import Evidence, InboundEvent, MediaFetch
from store.models.outbound import Outbox
from store.models.people import Contact
from store.outbox import enqueue
from tests.fakes.twilio_fixtures import PUBLIC_URL, SERVICE_SID, inbound_form, signed
from tests.fakes.twilio_server import ACCOUNT_SID, AUTH_TOKEN, FakeTwilio
from tests.scheduling.delivery import sms_config
from tests.scheduling.families import new_school

SMS = "/webhooks/twilio/sms"
STATUS = "/webhooks/twilio/status"
EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response />'


def _settings(db: Database, twilio: FakeTwilio | None) -> Settings:
    if twilio is None:
        return Settings(database_url=db.url, public_url=PUBLIC_URL)
    return Settings(database_url=db.url, public_url=PUBLIC_URL,
                    twilio_account_sid=ACCOUNT_SID, twilio_auth_token=AUTH_TOKEN,
                    twilio_messaging_service_sid=SERVICE_SID, twilio_api_base=twilio.base_url)


@pytest.fixture
def client(db: Database, clock: FakeClock, twilio: FakeTwilio) -> Iterator[TestClient]:
    app = create_app(_settings(db, twilio), database=db, clock=clock, background=False)
    with TestClient(app) as test_client:  # http://testserver: not the URL Twilio signed
        yield test_client


def post(client: TestClient, path: str, form: dict[str, str], **overrides: object
         ) -> tuple[int, str]:
    request = signed(path, form)
    headers = dict(request.headers)
    headers["content-type"] = "application/x-www-form-urlencoded"
    body = overrides.get("body", request.body)
    if "signature" in overrides:
        headers["x-twilio-signature"] = str(overrides["signature"])
    if overrides.get("unsigned"):
        del headers["x-twilio-signature"]
    response = client.post(path, content=body, headers=headers)
    return response.status_code, response.text


def events(db: Database) -> list[InboundEvent]:
    with db.transaction() as session:
        return list(session.exec(select(InboundEvent).order_by(col(InboundEvent.id))))


def test_a_signed_text_is_stored_and_answered_with_empty_twiml(
        client: TestClient, db: Database, parent: Contact) -> None:
    status, text = post(client, SMS, inbound_form())
    assert (status, text) == (200, EMPTY_TWIML)
    [event] = events(db)
    assert (event.channel, event.kind, event.status) == ("sms", "message", "pending")
    assert event.dedupe_key == "sms:SM" + "a" * 32
    assert event.contact_id == parent.id and event.ordering_key == "+447700900001"
    assert event.raw == urlencode(inbound_form()).encode()


def test_a_redelivered_text_is_stored_once(client: TestClient, db: Database) -> None:
    assert post(client, SMS, inbound_form())[0] == 200
    assert post(client, SMS, inbound_form())[0] == 200
    assert len(events(db)) == 1


def test_an_unknown_sender_is_kept_for_staff(client: TestClient, db: Database) -> None:
    assert post(client, SMS, inbound_form(From="+447700900777"))[0] == 200
    [event] = events(db)
    assert event.contact_id is None and event.status == "pending"


@pytest.mark.parametrize(("bad", "expected"), [
    ({"unsigned": True}, 403),
    ({"signature": "bm90IHRoZSBzaWduYXR1cmU="}, 403),
    ({"body": urlencode(inbound_form(Body="forged reason")).encode()}, 403),
    ({"body": b"MessageSid=SM1&Body=\xff\xfe"}, 400),
    ({"body": b"MessageSid=SM1&Body=" + b"a" * (1024 * 1024)}, 413),
])
def test_bad_requests_get_a_clear_status_and_change_nothing(
        client: TestClient, db: Database, bad: dict[str, object], expected: int) -> None:
    status, _ = post(client, SMS, inbound_form(), **bad)
    assert status == expected
    assert events(db) == []


def test_the_webhooks_shortcut_answers_as_the_app_does(client: TestClient, db: Database) -> None:
    """Webhook POSTs skip the app's routing (bot.webhooks.Shortcut): a refusal is still
    FastAPI's JSON, and anything but a POST still goes through the app."""
    status, text = post(client, SMS, inbound_form(), unsigned=True)
    assert (status, json.loads(text)) == (403, {"detail": "request could not be verified"})
    assert client.get(SMS).status_code == 405
    assert events(db) == []


def test_a_signed_request_missing_fields_is_400_and_changes_nothing(
        client: TestClient, db: Database) -> None:
    form = inbound_form()
    del form["MessageSid"]
    status, text = post(client, SMS, form)
    assert status == 400 and "MessageSid" in text
    assert events(db) == []


def test_the_webhook_is_404_when_sms_is_off(db: Database, clock: FakeClock) -> None:
    app = create_app(_settings(db, None), database=db, clock=clock, background=False)
    with TestClient(app) as off:
        status, text = post(off, SMS, inbound_form())
    assert status == 404 and "off" in text
    assert events(db) == []


def test_mms_media_is_noted_with_the_event_and_a_crash_before_the_fetch_loses_none(
        client: TestClient, db: Database, clock: FakeClock, twilio: FakeTwilio) -> None:
    photo = b"\xff\xd8\xff\xe0" + b"\x01" * 4096
    good = twilio.add_media("image/jpeg", photo)
    bad = twilio.add_media("application/x-msdownload", b"MZ")
    form = inbound_form(NumMedia="2", MediaUrl0=good, MediaContentType0="image/jpeg",
                        MediaUrl1=bad, MediaContentType1="application/x-msdownload")
    assert post(client, SMS, form)[0] == 200
    assert post(client, SMS, form)[0] == 200  # a redelivery notes nothing again
    [event] = events(db)
    with db.transaction() as session:
        noted = session.exec(select(MediaFetch).order_by(col(MediaFetch.item))).all()
        assert [(f.inbound_event_id, f.status) for f in noted] == [(event.id, "pending")] * 2
        assert session.exec(select(Evidence)).all() == []
    # The process dies before any fetch; a new one (its own engine) finds the media waiting.
    restarted = Database(db.url)
    sms = SmsChannel(sms_config(twilio.base_url), clock=clock)
    try:
        assert asyncio.run(fetch_due_media(restarted, clock, {"sms": sms})) == 1
    finally:
        asyncio.run(sms.close())
        restarted.dispose()
    with db.transaction() as session:
        [evidence] = session.exec(select(Evidence)).all()
        [lost] = session.exec(select(Escalation)).all()  # the refused one is shown to staff
    assert (evidence.inbound_event_id, evidence.content_type, evidence.data) == (
        event.id, "image/jpeg", photo)
    assert lost.inbound_event_id == event.id and "could not be kept" in lost.why


def _sent(db: Database, clock: FakeClock, sid: str) -> int:
    with db.transaction() as session:
        row = enqueue(session, clock, channel="sms", to_address="+447700900001",
                      body="hello", kind="absence")
        row.status, row.provider_id = "sent", sid
        assert row.id is not None
        return row.id


def _status(db: Database, outbox_id: int) -> tuple[str, str | None]:
    with db.transaction() as session:
        row = session.get(Outbox, outbox_id)
        assert row is not None
        return row.status, row.error_code


def receipt(sid: str, status: str, **extra: str) -> dict[str, str]:
    return {"MessageSid": sid, "SmsSid": sid, "MessageStatus": status, "SmsStatus": status,
            "AccountSid": ACCOUNT_SID, "To": "+447700900001", "From": "+447700900500",
            "ApiVersion": "2010-04-01", **extra}


def test_receipts_out_of_order_and_twice_end_at_the_final_status(
        client: TestClient, db: Database, clock: FakeClock) -> None:
    outbox_id = _sent(db, clock, "SMr1")
    for status, extra in [("sent", {}), ("undelivered", {"ErrorCode": "30003"}),
                          ("undelivered", {"ErrorCode": "30003"}), ("sent", {}),
                          ("delivered", {}), ("queued", {}), ("exploded", {})]:
        assert post(client, STATUS, receipt("SMr1", status, **extra)) == (200, EMPTY_TWIML)
    assert _status(db, outbox_id) == ("undelivered", "30003")
    keys = [e.dedupe_key for e in events(db)]
    assert keys == ["sms:status:SMr1:sent", "sms:status:SMr1:undelivered",
                    "sms:status:SMr1:delivered", "sms:status:SMr1:queued",
                    "sms:status:SMr1:exploded"]


def test_a_number_that_does_not_exist_loses_sms_for_that_contact_and_tells_staff(
        client: TestClient, db: Database, clock: FakeClock) -> None:
    with db.transaction() as session:
        contact = new_school(session).contact("Rowan", phone="+447700900001")
        row = enqueue(session, clock, channel="sms", to_address="+447700900001",
                      body="hello", kind="absence", contact_id=contact.id)
        row.status, row.provider_id = "sent", "SMr3"
        contact_id = contact.id
    assert post(client, STATUS, receipt("SMr3", "queued", ErrorCode="30005"))[0] == 200
    with db.transaction() as session:  # an error code on a status that is not final: nothing
        assert (session.get(Contact, contact_id) or Contact()).lost == []
    assert post(client, STATUS, receipt("SMr3", "undelivered", ErrorCode="30005"))[0] == 200
    with db.transaction() as session:
        assert (session.get(Contact, contact_id) or Contact()).lost == ["sms"]
        escalation = session.exec(select(Escalation)).one()
        assert escalation.contact_id == contact_id and "30005" in escalation.why


def test_an_unsigned_receipt_changes_nothing(
        client: TestClient, db: Database, clock: FakeClock) -> None:
    outbox_id = _sent(db, clock, "SMr2")
    assert post(client, STATUS, receipt("SMr2", "failed"), unsigned=True)[0] == 403
    assert _status(db, outbox_id) == ("sent", None)
    assert events(db) == []
