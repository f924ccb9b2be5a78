"""Real Twilio webhook shapes (tests/fixtures/twilio/inbound.json) posted signed to the app and
run through the inbound worker (and the media job): Advanced Opt-Out keywords, and a photo sent
without words."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlmodel import col, select

from bot.app import create_app
from channels.sms import SmsChannel
from channels.texts import render
from scheduling.inbound import InboundWorker, default_engine
from scheduling.media_fetch import fetch_due_media
from store.clock import FakeClock
from store.database import Database
from store.models.conversations import Message
from store.models.escalations import Escalation
from store.models.inbound import Evidence
from store.models.outbound import Outbox
from store.models.people import Contact
from tests.bot.test_webhooks_twilio import SMS, _settings, post
from tests.fakes.twilio_server import FakeTwilio
from tests.scheduling.delivery import sms_config

FIXTURES = json.loads((Path(__file__).parents[1] / "fixtures" / "twilio" / "inbound.json")
                      .read_text(encoding="utf-8"))


@pytest.fixture
def app_and_worker(db: Database, clock: FakeClock, twilio: FakeTwilio
                   ) -> Iterator[tuple[TestClient, InboundWorker]]:
    settings = _settings(db, twilio)
    app = create_app(settings, database=db, clock=clock, background=False)
    worker = InboundWorker(database=db, clock=clock, settings=settings, engine=default_engine())
    with TestClient(app) as client:
        yield client, worker


def received(client: TestClient, worker: InboundWorker, name: str) -> None:
    """Post the named fixture exactly as Twilio signs it, then let the worker process it."""
    assert post(client, SMS, FIXTURES[name])[0] == 200
    assert worker.process_pending() == 1


def opted_out(db: Database, contact_id: int | None) -> list[str]:
    with db.transaction() as session:
        return list((session.get(Contact, contact_id) or Contact()).opted_out)


def queued(db: Database) -> list[Outbox]:
    with db.transaction() as session:
        return list(session.exec(select(Outbox).order_by(col(Outbox.id))))


def test_advanced_opt_out_stop_and_start_change_the_contact_and_send_nothing_of_ours(
        app_and_worker: tuple[TestClient, InboundWorker], db: Database,
        parent: Contact) -> None:
    client, worker = app_and_worker
    received(client, worker, "stop_advanced_opt_out")
    assert opted_out(db, parent.id) == ["sms"]
    assert queued(db) == []  # Twilio confirmed; a text of ours would fail with 21610
    received(client, worker, "help_advanced_opt_out")
    assert opted_out(db, parent.id) == ["sms"] and queued(db) == []  # HELP changes nothing
    received(client, worker, "start_advanced_opt_out")
    assert opted_out(db, parent.id) == []
    assert queued(db) == []
    with db.transaction() as session:  # all three are in the family's thread for staff
        bodies = session.exec(select(Message.body).order_by(col(Message.id))).all()
    assert bodies == ["Stop", "help", "START"]


def test_stop_without_a_messaging_service_is_confirmed_by_us_as_before(
        app_and_worker: tuple[TestClient, InboundWorker], db: Database,
        parent: Contact) -> None:
    client, worker = app_and_worker
    received(client, worker, "stop_plain_number")
    assert opted_out(db, parent.id) == ["sms"]
    [confirmation] = queued(db)
    assert confirmation.to_address == parent.phone and confirmation.channel == "sms"
    assert "no longer" in confirmation.body


def test_an_advanced_opt_out_keyword_from_an_unknown_number_is_not_answered(
        app_and_worker: tuple[TestClient, InboundWorker], db: Database) -> None:
    client, worker = app_and_worker
    received(client, worker, "stop_advanced_opt_out")  # no contact has this number
    assert queued(db) == []


def test_a_photo_sent_with_no_words_is_kept_as_evidence_and_goes_to_staff(
        app_and_worker: tuple[TestClient, InboundWorker], db: Database, clock: FakeClock,
        twilio: FakeTwilio, parent: Contact) -> None:
    client, worker = app_and_worker
    photo = b"\xff\xd8\xff\xe0" + b"\x02" * 2048
    form = FIXTURES["mms_photo_no_words"] | {"MediaUrl0": twilio.add_media("image/jpeg", photo)}
    assert post(client, SMS, form)[0] == 200
    assert worker.process_pending() == 1
    sms = SmsChannel(sms_config(twilio.base_url), clock=clock)
    try:
        assert asyncio.run(fetch_due_media(db, clock, {"sms": sms})) == 1
    finally:
        asyncio.run(sms.close())
    with db.transaction() as session:
        [evidence] = session.exec(select(Evidence)).all()
        [escalation] = session.exec(select(Escalation)).all()
    assert (evidence.content_type, evidence.data) == ("image/jpeg", photo)
    assert escalation.inbound_event_id == evidence.inbound_event_id
    assert escalation.contact_id == parent.id and "no words" in escalation.why
    [answer] = queued(db)  # that a person will look, never "we did not understand"
    assert answer.body == render("handoff.staff", "en", channel="sms")
