"""A chat that blocked the bot (Telegram 403, through aiogram and the fake Bot API): the
dispatcher marks the contact's Telegram lost, tells staff, and fails over to the next channel."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from sqlmodel import col, select

from channels.simulated import SimulatedChannel
from channels.telegram import TelegramChannel, TelegramConfig
from scheduling.dispatcher import Dispatcher
from store.clock import FakeClock
from store.database import Database
from store.models.audit import AuditEntry
from store.models.escalations import Escalation
from store.models.outbound import Outbox
from store.models.people import Contact
from store.models.schools import School
from store.outbox import enqueue
from tests.fakes.telegram_server import TOKEN, FakeTelegram, start

CHAT = 5550002


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    server = FakeTelegram()
    runner = await start(server)
    yield server
    await runner.cleanup()


async def test_a_blocked_bot_loses_the_chat_tells_staff_and_fails_over(
        db: Database, clock: FakeClock, fake: FakeTelegram) -> None:
    fake.blocked_chats.add(CHAT)
    with db.transaction() as session:
        school = School(name="Demo Academy")
        session.add(school)
        session.flush()
        assert school.id is not None
        contact = Contact(school_id=school.id, external_id="P7", name="Lee Example",
                          telegram_chat_id=str(CHAT), phone="+447700900007",
                          channels=["telegram", "sms"])
        session.add(contact)
        session.flush()
        enqueue(session, clock, channel="telegram", to_address=str(CHAT), body="Amy is absent.",
                kind="reply", school_id=school.id, contact_id=contact.id)
    telegram = TelegramChannel(TelegramConfig(bot_token=TOKEN, api_base=fake.base_url),
                               clock=clock)
    dispatcher = Dispatcher(db, clock, {"telegram": telegram,
                                        "sms": SimulatedChannel("sms", clock=clock)})
    try:
        assert await dispatcher.drain() == 1
        dispatcher.upkeep()  # fails over what failed
        assert await dispatcher.drain() == 1
    finally:
        await telegram.close()
    with db.transaction() as session:
        assert session.get(Contact, contact.id).lost == ["telegram"]  # type: ignore[union-attr]
        [told] = list(session.exec(select(Escalation)))
        assert told.contact_id == contact.id and "telegram" in told.why
        assert session.exec(select(AuditEntry).where(
            AuditEntry.action == "contact.lost")).one().new_value == "telegram"
        rows = list(session.exec(select(Outbox).order_by(col(Outbox.id))))
    assert [(r.channel, r.status, r.error_code) for r in rows] == [
        ("telegram", "failed", "403"), ("sms", "sent", None)]
