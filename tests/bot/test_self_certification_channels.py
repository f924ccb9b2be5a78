"""Self-certification through the real channel paths: a university student on Telegram (the app's
webhook, aiogram against the fake Bot API, Yes/No buttons, a photo fetched as evidence) and by
email (MIME posted to the email webhook, answers sent over SMTP to aiosmtpd, the "yes" carrying
the reply token that proves the mailbox is the student's)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from email.message import EmailMessage

import pytest
from fastapi.testclient import TestClient
from sqlmodel import select

from bot.app import create_app
from bot.settings import Settings
from channels.email import EmailChannel, EmailConfig
from channels.telegram import TelegramChannel, TelegramConfig
from scheduling.dispatcher import Dispatcher
from scheduling.inbound import InboundWorker, default_engine
from scheduling.media_fetch import fetch_due_media
from store.clock import FakeClock
from store.database import Database
from store.events import attendance_status
from store.importer import import_csv
from store.models.inbound import Evidence
from store.models.people import Contact, Student, StudentContact
from store.models.schools import School
from store.self_certifications import certifications_of
from tests.bot.test_webhooks_chat import INBOUND_TOKEN, SECRET, email, fake, telegram
from tests.channels import telegram_updates as updates
from tests.channels.test_email_send import Catcher, smtp
from tests.fakes.telegram_server import TOKEN, FakeTelegram

__all__ = ["fake", "smtp"]  # the fake Bot API and the SMTP catcher, as fixtures here too
SMTP_URL = "smtp://rollcall:p%40ss%20word@127.0.0.1:{port}?allow_plain_auth=yes"

CHAT = updates.CHAT
ADDRESS = "priya.shah@example.org"
FROM = "Northgate University <attendance@example.org>"
# Monday 23 November 2026 (the clock fixture's day): a lecture missed this morning, Tuesday's
# lab and Wednesday's lecture not taken yet.
EVENTS = """Event ID,Student ID,Module,Event Type,Start,Attendance
EC2010-L1,S1,EC2010 Econometrics,lecture,2026-11-23T10:00,Absent
EC2020-P1,S1,EC2020 Microeconomics,lab,2026-11-24T14:00,Not Taken
EC2010-L2,S1,EC2010 Econometrics,lecture,2026-11-25T10:00,Not Taken
"""


@pytest.fixture
def priya(db: Database, clock: FakeClock) -> tuple[int, int]:
    """A university and Priya, her own contact on Telegram and email: (school, student)."""
    with db.transaction() as session:
        school = School(name="Northgate University", setting="university")
        session.add(school)
        session.flush()
        assert school.id is not None
        student = Student(school_id=school.id, mis_id="S1", first_name="Priya",
                          last_name="Shah")
        contact = Contact(school_id=school.id, external_id="self:S1", name="Priya Shah",
                          email=ADDRESS, telegram_chat_id=str(CHAT),
                          channels=["telegram", "email"])
        session.add_all([student, contact])
        session.flush()
        assert student.id is not None and contact.id is not None
        session.add(StudentContact(student_id=student.id, contact_id=contact.id,
                                   relationship="self"))
        school_id, student_id = school.id, student.id
    report = import_csv(db, clock, kind="event-attendance", school_id=school_id,
                        data=EVENTS.encode())
    assert report.errors == []
    return school_id, student_id


@pytest.fixture
def settings(db: Database, fake: FakeTelegram, smtp: tuple[Catcher, int]) -> Settings:
    return Settings(database_url=db.url, telegram_bot_token=TOKEN,
                    telegram_webhook_secret=SECRET, telegram_api_base=fake.base_url,
                    smtp_url=SMTP_URL.format(port=smtp[1]), email_from=FROM,
                    email_inbound_token=INBOUND_TOKEN)


@pytest.fixture
def client(db: Database, clock: FakeClock, settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings, database=db, clock=clock, background=False)) as test:
        yield test


class Service:
    """The inbound worker, the media job and the dispatcher, on this test's event loop."""

    def __init__(self, db: Database, clock: FakeClock, settings: Settings,
                 fake: FakeTelegram, smtp_port: int) -> None:
        self.db, self.clock = db, clock
        self.worker = InboundWorker(database=db, clock=clock, settings=settings,
                                    engine=default_engine())
        self.telegram = TelegramChannel(TelegramConfig(bot_token=TOKEN,
                                                       api_base=fake.base_url), clock=clock)
        self.email = EmailChannel(EmailConfig(smtp_url=SMTP_URL.format(port=smtp_port),
                                              from_address=FROM), clock=clock)
        self.channels = {"telegram": self.telegram, "email": self.email}
        self.dispatcher = Dispatcher(db, clock, self.channels)

    async def settle(self) -> None:
        await fetch_due_media(self.db, self.clock, self.channels)
        await asyncio.to_thread(self.worker.process_pending)
        await self.dispatcher.drain()

    async def close(self) -> None:
        await self.telegram.close()


@pytest.fixture
async def service(db: Database, clock: FakeClock, settings: Settings, fake: FakeTelegram,
                  smtp: tuple[Catcher, int]) -> AsyncIterator[Service]:
    running = Service(db, clock, settings, fake, smtp[1])
    yield running
    await running.close()


def statuses(db: Database, school_id: int, student_id: int) -> list[str | None]:
    with db.transaction() as session:
        return [attendance_status(session, school_id=school_id, event=event,
                                  student_id=student_id)
                for event in ("EC2010-L1", "EC2020-P1", "EC2010-L2")]


async def post_update(client: TestClient, update: dict[str, object]) -> None:
    # The fake Bot API serves on this test's loop: post from a thread so it can answer.
    assert await asyncio.to_thread(telegram, client, updates.body(update)) == 200


async def test_telegram_read_back_buttons_then_a_photo_authorise_the_appointment(
        client: TestClient, db: Database, fake: FakeTelegram, service: Service,
        priya: tuple[int, int]) -> None:
    school_id, student_id = priya
    await post_update(client, updates.message_update(61, "hospital appointment tomorrow"))
    await service.settle()
    [read_back] = fake.calls_of("sendMessage")
    assert read_back.params["chat_id"] == str(CHAT)
    assert "Tuesday 24 November" in read_back.params["text"]
    assert read_back.params["reply_markup"] == {"inline_keyboard": [
        [{"text": "Yes", "callback_data": "1"}], [{"text": "No, change it",
                                                   "callback_data": "2"}]]}
    assert statuses(db, school_id, student_id) == ["absent", "not_taken", "not_taken"]

    await post_update(client, updates.button_update(62, "1"))
    await service.settle()
    asked = fake.calls_of("sendMessage")[-1]
    assert "PDF" in asked.params["text"]

    fake.add_file("AgACAgQAAxkBAAIBRWZphoto", b"\xff\xd8\xff\xe0 appointment letter",
                  path="photos/letter.jpg")
    await post_update(client, updates.photo_update(63, caption="my appointment letter"))
    await service.settle()
    done = fake.calls_of("sendMessage")[-1]
    assert "authorised" in done.params["text"]
    assert statuses(db, school_id, student_id) == ["absent", "authorised", "not_taken"]
    with db.transaction() as session:
        [certificate] = certifications_of(session, student_id=student_id)
        assert (certificate.intent, certificate.status, certificate.evidence) == (
            "medical_appointment", "confirmed", True)
        [evidence] = session.exec(select(Evidence)).all()
        assert evidence.conversation_id == certificate.conversation_id
        assert evidence.data == b"\xff\xd8\xff\xe0 appointment letter"


def student_email(text: str, *, to: str, message_id: str) -> bytes:
    message = EmailMessage()
    message["From"] = f"Priya Shah <{ADDRESS}>"
    message["To"] = to
    message["Subject"] = "Absence"
    message["Message-ID"] = message_id
    message.set_content(text)
    return bytes(message)


async def test_email_yes_in_reply_to_the_read_back_authorises_the_days(
        client: TestClient, db: Database, service: Service, smtp: tuple[Catcher, int],
        priya: tuple[int, int]) -> None:
    school_id, student_id = priya
    catcher, _ = smtp
    raw = student_email("I have flu, I will be off until Wednesday",
                        to="attendance@example.org", message_id="<first.1@example.org>")
    assert await asyncio.to_thread(email, client, raw) == 200
    await service.settle()
    [(_, to, read_back)] = catcher.received
    assert to == [ADDRESS]
    body = read_back.get_body(preferencelist=("plain",)).get_content()  # type: ignore[union-attr]
    assert "illness" in body and "Monday 23 November to Tuesday 24 November" in body
    reply_to = str(read_back["Reply-To"])
    assert "+" in reply_to  # the conversation's token: a reply proves the mailbox

    answer = student_email("Yes", to=reply_to, message_id="<second.2@example.org>")
    assert await asyncio.to_thread(email, client, answer) == 200
    await service.settle()
    done = catcher.received[-1][2].get_body(preferencelist=("plain",))
    assert "authorised" in done.get_content()  # type: ignore[union-attr]
    assert statuses(db, school_id, student_id) == ["authorised", "authorised", "not_taken"]


async def test_email_not_in_reply_to_ours_goes_to_a_person(
        client: TestClient, db: Database, service: Service, priya: tuple[int, int]) -> None:
    school_id, student_id = priya
    for number, text in enumerate(("I have flu today", "yes")):
        raw = student_email(text, to="attendance@example.org",
                            message_id=f"<spoofable.{number}@example.org>")
        assert await asyncio.to_thread(email, client, raw) == 200
        await service.settle()
    assert statuses(db, school_id, student_id) == ["absent", "not_taken", "not_taken"]
    with db.transaction() as session:
        [certificate] = certifications_of(session, student_id=student_id)
        assert certificate.status == "reported" and "verified" in certificate.why
