"""A bounce (DSN) for an email we sent: the message is undelivered, a dead address is marked
lost for its contact and staff are told, and the dispatcher fails over to the next channel.
Sent for real through aiosmtpd; the bounce read exactly as the webhook and IMAP poller read it."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import col, select

from channels.email import EmailChannel, EmailConfig
from channels.events import store_items
from channels.simulated import SimulatedChannel
from scheduling.dispatcher import Dispatcher
from store.clock import FakeClock
from store.database import Database
from store.models.audit import AuditEntry
from store.models.escalations import Escalation
from store.models.outbound import Outbox
from store.models.people import Contact
from store.models.schools import School
from store.outbox import enqueue
from tests.channels.test_email_send import FROM, smtp  # noqa: F401  (the aiosmtpd fixture)

ADDRESS = "sam.example@example.org"

BOUNCE = (Path(__file__).parent / "emails" / "bounce.eml").read_bytes()
RETURNED_ID = b"<rollcall.12.17642345.999@example.org>"


@pytest.fixture
def smtp_port(smtp) -> int:  # noqa: F811
    return int(smtp[1])


@pytest.fixture
def contact(db: Database) -> Contact:
    with db.transaction() as session:
        school = School(name="Demo Academy")
        session.add(school)
        session.flush()
        assert school.id is not None
        row = Contact(school_id=school.id, external_id="P9", name="Sam Example",
                      email=ADDRESS, phone="+447700900009",
                      channels=["email", "sms"])
        session.add(row)
        session.flush()
        return row


async def sent_email(db: Database, clock: FakeClock, smtp_port: int,
                     contact: Contact) -> tuple[Dispatcher, EmailChannel, Outbox]:
    email = EmailChannel(EmailConfig(smtp_url=f"smtp://rollcall:p%40ss%20word@127.0.0.1:"
                                              f"{smtp_port}?allow_plain_auth=yes",
                                    from_address=FROM), clock=clock)
    dispatcher = Dispatcher(db, clock, {"email": email, "sms": SimulatedChannel("sms",
                                                                              clock=clock)})
    with db.transaction() as session:
        enqueue(session, clock, channel="email", to_address=ADDRESS,
                body="Demo Academy: Amy was marked absent this morning.", kind="reply",
                school_id=contact.school_id, contact_id=contact.id)
    assert await dispatcher.drain() == 1
    with db.transaction() as session:
        [row] = list(session.exec(select(Outbox)))
    assert row.status == "sent" and row.provider_id
    return dispatcher, email, row


def bounce_of(row: Outbox, *, status: bytes = b"5.1.1") -> bytes:
    return (BOUNCE.replace(RETURNED_ID, (row.provider_id or "").encode())
            .replace(b"Status: 5.1.1", b"Status: " + status))


def receive(db: Database, clock: FakeClock, email: EmailChannel, raw: bytes) -> None:
    with db.transaction() as session:
        store_items(session, clock, email.read_raw(raw), raw=raw)


async def test_a_hard_bounce_loses_the_address_tells_staff_and_fails_over(
        db, clock, smtp_port, contact) -> None:
    dispatcher, email, row = await sent_email(db, clock, smtp_port, contact)
    receive(db, clock, email, bounce_of(row))
    receive(db, clock, email, bounce_of(row))  # redelivered: applied once
    with db.transaction() as session:
        bounced = session.get(Outbox, row.id)
        assert bounced is not None and (bounced.status, bounced.error_code) == (
            "undelivered", "5.1.1")
        assert session.get(Contact, contact.id).lost == ["email"]  # type: ignore[union-attr]
        [told] = list(session.exec(select(Escalation)))
        assert told.contact_id == contact.id and "bounced" in told.why
        assert session.exec(select(AuditEntry).where(
            AuditEntry.action == "contact.lost")).one().new_value == "email"
    dispatcher.upkeep()  # fails over what was undelivered
    assert await dispatcher.drain() == 1
    with db.transaction() as session:
        rows = list(session.exec(select(Outbox).order_by(col(Outbox.id))))
    assert [(r.channel, r.to_address, r.status) for r in rows] == [
        ("email", ADDRESS, "undelivered"),
        ("sms", "+447700900009", "sent")]


@pytest.mark.parametrize(("status", "outbox_status"), [
    (b"5.7.1", "undelivered"),  # refused for its content: the address itself still works
    (b"4.4.1", "sent"),  # only delayed: the server is still trying
])
async def test_other_reports_leave_the_address(db, clock, smtp_port, contact, status,
                                               outbox_status) -> None:
    _dispatcher, email, row = await sent_email(db, clock, smtp_port, contact)
    receive(db, clock, email, bounce_of(row, status=status))
    with db.transaction() as session:
        assert session.get(Outbox, row.id).status == outbox_status  # type: ignore[union-attr]
        assert session.get(Contact, contact.id).lost == []  # type: ignore[union-attr]
        assert list(session.exec(select(Escalation))) == []
