"""A reply to an urgent alert's email acknowledges it, end to end: the alert goes through the
dispatcher to a real SMTP server (aiosmtpd) with the alert's own token in its Reply-To, the
safeguarding lead's reply comes back as a raw message posted to /webhooks/email, and the inbound
worker reads it. Only the lead's own, authentic, human reply that says ACK or OK (in their
language) acknowledges; anything else changes nothing and is kept (scheduling/alert_replies)."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from datetime import timedelta
from email.message import EmailMessage
from email.utils import parseaddr

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from bot.app import create_app
from bot.settings import Settings
from channels.email import EmailChannel, EmailConfig
from channels.simulated import SimulatedChannel
from scheduling.alert_replies import acknowledges
from scheduling.dispatcher import Dispatcher
from scheduling.inbound import InboundWorker
from scheduling.urgent import escalate_unacknowledged
from store.clock import FakeClock
from store.database import Database
from store.models.audit import AuditEntry
from store.models.escalations import Escalation, StaffAlert
from store.models.inbound import InboundEvent
from store.models.outbound import Outbox
from store.models.schools import School
from tests.channels.test_email_send import FROM, Catcher, smtp  # noqa: F401 (aiosmtpd fixture)
from tests.scheduling.test_alerts import urgent_reply
from tests.scheduling.world import World

INBOUND_TOKEN = "inbound-token-for-tests"
SAM = "sam.carter@example.org"  # the safeguarding lead in tests.scheduling.world
OLU = "olu.hart@example.org"  # an attendance officer there


@pytest.fixture
def settings(database_url: str, smtp: tuple[Catcher, int]) -> Settings:  # noqa: F811
    return Settings(database_url=database_url, public_url="http://127.0.0.1:8000",
                    smtp_url=f"smtp://127.0.0.1:{smtp[1]}", email_from=FROM,
                    email_inbound_token=INBOUND_TOKEN)


@pytest.fixture
def client(db: Database, clock: FakeClock, settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings, database=db, clock=clock, background=False)) as test:
        yield test


@pytest.fixture
def dispatcher(db: Database, clock: FakeClock, smtp: tuple[Catcher, int]  # noqa: F811
               ) -> Dispatcher:
    email = EmailChannel(EmailConfig(smtp_url=f"smtp://127.0.0.1:{smtp[1]}", from_address=FROM),
                         clock=clock)
    return Dispatcher(db, clock, {"email": email, "sms": SimulatedChannel("sms", clock=clock)})


async def alert_email(db: Database, clock: FakeClock, world: World, worker: InboundWorker,
                      dispatcher: Dispatcher, catcher: Catcher, *,
                      language: str = "en") -> EmailMessage:
    """Amy's mother's urgent reply, and the alert email Sam's mail server received."""
    urgent_reply(db, clock, world, worker, language=language)
    await dispatcher.drain()
    [alert] = [m for _from, to, m in catcher.received if to == [SAM]]
    return alert


def reply_to(alert: EmailMessage, words: str, *, sender: str = SAM, to: str | None = None,
             headers: dict[str, str] | None = None) -> bytes:
    """A reply as a mail client writes it: the words, then the alert quoted."""
    reply = EmailMessage()
    reply["From"] = f"Someone <{sender}>"
    reply["To"] = to or str(alert["Reply-To"])
    reply["Subject"] = f"Re: {alert['Subject']}"
    reply["Message-ID"] = f"<{secrets.token_hex(8)}@mail.example.org>"
    reply["In-Reply-To"] = str(alert["Message-ID"])
    for name, value in (headers or {}).items():
        reply[name] = value
    quoted = "\n".join(f"> {line}" for line in
                       alert.get_body(("plain",)).get_content().splitlines())  # type: ignore[union-attr]
    reply.set_content(f"{words}\n\nOn Mon, 23 Nov 2026 at 09:31, Demo Academy wrote:\n{quoted}\n")
    return bytes(reply)


def post(client: TestClient, raw: bytes) -> None:
    answer = client.post("/webhooks/email", content=raw,
                         headers={"content-type": "message/rfc822",
                                  "authorization": f"Bearer {INBOUND_TOKEN}"})
    assert answer.status_code == 200


def escalation(session: Session) -> Escalation:
    [row] = session.exec(select(Escalation)).all()
    return row


def replies(session: Session) -> list[str]:
    return [e.new_value or "" for e in session.exec(
        select(AuditEntry).where(AuditEntry.action == "alert.reply")
        .order_by(col(AuditEntry.id)))]


def answers_to(session: Session, address: str) -> list[str]:
    """What was queued back to an address after the alert itself."""
    return [row.body for row in session.exec(
        select(Outbox).where(Outbox.to_address == address, Outbox.kind == "staff_alert",
                             col(Outbox.staff_alert_id).is_(None)).order_by(col(Outbox.id)))]


async def test_the_alert_email_carries_its_own_token_and_a_reply_ok_acknowledges_it(
        db: Database, clock: FakeClock, world: World, worker: InboundWorker,
        dispatcher: Dispatcher, smtp: tuple[Catcher, int], client: TestClient,  # noqa: F811
        settings: Settings) -> None:
    catcher = smtp[0]
    alert = await alert_email(db, clock, world, worker, dispatcher, catcher)
    reply_address = parseaddr(str(alert["Reply-To"]))[1]
    assert reply_address.startswith("attendance+") and reply_address.endswith("@example.org")
    assert "Reply ACK to acknowledge" in alert.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    clock.advance(timedelta(minutes=4))
    post(client, reply_to(alert, "OK, I'm calling the family now"))
    assert worker.process_pending() == 1
    with db.transaction() as session:
        row = escalation(session)
        assert (row.status, row.assigned_user_id) == ("acknowledged", world.staff["Sam"])
        [sent] = session.exec(select(StaffAlert)).all()
        assert sent.acknowledged_via == "email" and sent.acknowledged_at == clock.now()
        assert replies(session) == ["acknowledged"]
        assert session.exec(select(AuditEntry).where(
            AuditEntry.action == "escalation.acknowledged")).one().actor == \
            f"staff:{world.staff['Sam']}"
        event = session.exec(select(InboundEvent).where(InboundEvent.channel == "email")).one()
        assert (event.status, event.school_id, event.contact_id) == (
            "processed", world.school_id, None)
    clock.advance(timedelta(minutes=30))
    assert escalate_unacknowledged(db, clock, worker.settings) == 0  # nobody else is woken
    await dispatcher.drain()
    [thanks] = [m for _from, to, m in catcher.received if to == [SAM]][1:]
    assert "Acknowledged, thank you" in thanks.get_body(("plain",)).get_content()  # type: ignore[union-attr]


async def test_a_lead_acknowledges_in_their_own_language(
        db: Database, clock: FakeClock, world: World, worker: InboundWorker,
        dispatcher: Dispatcher, smtp: tuple[Catcher, int], client: TestClient  # noqa: F811
        ) -> None:
    alert = await alert_email(db, clock, world, worker, dispatcher, smtp[0], language="pl")
    post(client, reply_to(alert, "Tak, dzwonię do rodziny."))
    assert worker.process_pending() == 1
    with db.transaction() as session:
        assert escalation(session).status == "acknowledged"
        [answer] = answers_to(session, SAM)
        assert answer.startswith("Potwierdzono")


@pytest.mark.parametrize(("words", "sender", "headers", "later", "outcome", "answer"), [
    # Sam's words do not acknowledge: told so, and the reminders go on.
    ("Can't, I'm driving - ask Olu", SAM, {}, 0, "not_acknowledged", "Not acknowledged"),
    # Olu was forwarded the alert and replies: not who it was sent to.
    ("ACK", OLU, {}, 0, "another_sender", None),
    # Sam's address, but our mail server found the sender forged.
    ("ACK", SAM, {"Authentication-Results": "mx.example.org; spf=fail smtp.mailfrom=x; "
                                            "dkim=none; dmarc=fail header.from=example.org"},
     0, "unverified", None),
    # An out-of-office answering the alert is not a person who has it.
    ("OK", SAM, {"Auto-Submitted": "auto-replied"}, 0, "automatic", None),
    # Past the alert's 12 hours: as its link, it no longer acknowledges.
    ("ACK", SAM, {}, 13, "expired", "can no longer be acknowledged"),
])
async def test_any_other_reply_changes_nothing_and_is_kept(
        db: Database, clock: FakeClock, world: World, worker: InboundWorker,
        dispatcher: Dispatcher, smtp: tuple[Catcher, int], client: TestClient,  # noqa: F811
        words: str, sender: str, headers: dict[str, str], later: int, outcome: str,
        answer: str | None) -> None:
    alert = await alert_email(db, clock, world, worker, dispatcher, smtp[0])
    with db.transaction() as session:  # open however long it waits (the test is the reply)
        row = escalation(session)
        row.due_at = clock.now() + timedelta(days=1)
        session.add(row)
    clock.advance(timedelta(hours=later))
    post(client, reply_to(alert, words, sender=sender, headers=headers))
    assert worker.process_pending() == 1
    with db.transaction() as session:
        assert escalation(session).status == "open"
        assert session.exec(select(StaffAlert)).one().acknowledged_at is None
        assert replies(session) == [outcome]  # kept, with what came of it
        told = answers_to(session, SAM) + answers_to(session, OLU)
        assert len(told) == (1 if answer else 0) and all(answer in t for t in told)
        assert session.exec(select(InboundEvent).where(
            InboundEvent.status != "processed")).all() == []


async def test_a_forged_token_acknowledges_nothing(
        db: Database, clock: FakeClock, world: World, worker: InboundWorker,
        dispatcher: Dispatcher, smtp: tuple[Catcher, int], client: TestClient  # noqa: F811
        ) -> None:
    alert = await alert_email(db, clock, world, worker, dispatcher, smtp[0])
    forged = f"Demo Academy <attendance+{secrets.token_urlsafe(24)}@example.org>"
    post(client, reply_to(alert, "ACK", to=forged))
    assert worker.process_pending() == 1
    with db.transaction() as session:
        urgent = session.exec(select(Escalation).where(Escalation.urgency == "urgent")).one()
        assert urgent.status == "open"
        assert replies(session) == []
        # Kept like any message from an address we do not know: for a person to read.
        assert session.exec(select(Escalation).where(Escalation.urgency == "normal")).one()


@pytest.mark.parametrize(("words", "language", "acknowledged"), [
    ("ACK", "en", True), ("ok.", "en", True), ("Yes - on it", "en", True),
    ("Tak, dzwonię", "pl", True), ("Iawn!", "cy", True), ("ٹھیک\u06d4 دیکھ رہی ہوں", "ur", True),
    ("Sí, voy", "es", True), ("OK", "bn", True), ("Yes", "lt", True),  # English always counts
    ("No", "en", False), ("Not OK", "en", False), ("Nie", "pl", False), ("", "en", False),
    ("Can't - driving", "en", False),
])
def test_what_acknowledges_is_the_first_word(words: str, language: str,
                                             acknowledged: bool) -> None:
    assert acknowledges(words, language) is acknowledged


async def test_an_alert_from_a_schools_own_address_is_acknowledged_by_a_reply_to_it(
        db: Database, clock: FakeClock, world: World, worker: InboundWorker,
        dispatcher: Dispatcher, smtp: tuple[Catcher, int], client: TestClient  # noqa: F811
        ) -> None:
    # The school sends from its own address (email_from): the alert's Reply-To is there, with
    # the alert's token, and the lead's reply to it is read back by that token.
    with db.transaction() as session:
        school = session.get_one(School, world.school_id)
        school.email_from = "Demo Academy <office@demo.example.org>"
    alert = await alert_email(db, clock, world, worker, dispatcher, smtp[0])
    reply_address = parseaddr(str(alert["Reply-To"]))[1]
    assert reply_address.startswith("office+") and reply_address.endswith("@demo.example.org")
    post(client, reply_to(alert, "ACK"))
    assert worker.process_pending() == 1
    with db.transaction() as session:
        row = escalation(session)
        assert (row.status, row.assigned_user_id) == ("acknowledged", world.staff["Sam"])
        assert replies(session) == ["acknowledged"]
