"""The demo phone plays the family: it shows what was sent and stores replies as a webhook."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from sqlmodel import select

from bot.app import create_app
from channels.base import from_payload
from store.clock import FakeClock
from store.database import Database
from store.models.inbound import InboundEvent
from store.models.outbound import Outbox
from tests.console.conftest import Seeded, console_settings, sign_in


def test_the_phone_shows_what_was_sent_and_stores_the_reply(
        client: TestClient, seeded: Seeded, db: Database, clock: FakeClock) -> None:
    with db.transaction() as session:
        session.add(Outbox(school_id=seeded.a.school_id, contact_id=seeded.a.contact_id,
                           kind="absence", channel="sms", to_address="+447700900101",
                           body="Alder Academy: Amy was marked absent (queued)",
                           created_at=clock.now()))
    token = sign_in(client, seeded.a.officer)
    assert "Jane Testerton" in client.get("/console/phone").text
    page = client.get(f"/console/phone/{seeded.a.contact_id}").text
    assert "Amy was marked absent (queued)" in page
    assert "She has gone to her nan" in page  # the family's own earlier message
    response = client.post(f"/console/phone/{seeded.a.contact_id}/send", data={
        "csrf_token": token, "channel": "sms", "text": "She is feeling better"})
    assert response.status_code == 303
    with db.transaction() as session:
        event = session.exec(select(InboundEvent)).one()
        message = from_payload(event.payload)
        assert (event.channel, event.status, event.contact_id) == (
            "sms", "pending", seeded.a.contact_id)
        assert message.sender == "+447700900101"  # type: ignore[union-attr]
        assert message.text == "She is feeling better"  # type: ignore[union-attr]


def test_the_phone_refuses_other_schools_and_channels_the_contact_lacks(
        client: TestClient, seeded: Seeded, db: Database) -> None:
    token = sign_in(client, seeded.a.officer)
    assert client.get(f"/console/phone/{seeded.b.contact_id}").status_code == 404
    assert client.post(f"/console/phone/{seeded.b.contact_id}/send", data={
        "csrf_token": token, "channel": "sms", "text": "hi"}).status_code == 404
    assert client.post(f"/console/phone/{seeded.a.contact_id}/send", data={
        "csrf_token": token, "channel": "telegram", "text": "hi"}).status_code == 400
    with db.transaction() as session:
        assert session.exec(select(InboundEvent)).all() == []


def test_there_is_no_phone_outside_the_demo(db: Database, clock: FakeClock, tmp_path: Path,
                                            seeded: Seeded) -> None:
    app = create_app(console_settings(db.url, tmp_path, demo=False), database=db, clock=clock,
                     background=False)
    with TestClient(app, follow_redirects=False) as client:
        sign_in(client, seeded.a.admin)
        assert client.get("/console/phone").status_code == 404
        assert client.get(f"/console/api/phone/{seeded.a.contact_id}").status_code == 404
        assert "Demo phone" not in client.get("/console/").text
