"""Quiet hours are for broadcasts only: a reply at night gets its answer, its holding message
and its staff alert at once, while the runs' messages wait for the morning."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from bot.settings import Settings
from channels.simulated import SimulatedChannel
from scheduling import staff_actions
from scheduling.dispatcher import Dispatcher
from scheduling.inbound import InboundWorker, default_engine
from store.clock import FakeClock
from store.database import Database
from store.models.conversations import Conversation
from store.models.outbound import Outbox
from store.models.staff import StaffUser
from tests.scheduling.test_inbound import absence_message_sent, outbox
from tests.scheduling.world import JANE, World, store_inbound

NIGHT = datetime(2026, 11, 23, 22, 0, tzinfo=UTC)  # 22:00 in London (GMT in November)
MORNING = datetime(2026, 11, 24, 7, 30, tzinfo=UTC)  # the default quiet hours end


@pytest.fixture
def night() -> FakeClock:
    return FakeClock(NIGHT)


def _dispatcher(db: Database, clock: FakeClock) -> tuple[Dispatcher, dict[str, SimulatedChannel]]:
    channels = {name: SimulatedChannel(name, clock=clock) for name in ("sms", "email")}
    return Dispatcher(db, clock, dict(channels)), channels


def _sent_kinds(db: Database) -> dict[str, set[str]]:
    with db.transaction() as session:
        rows = outbox(session)
    kinds: dict[str, set[str]] = {}
    for row in rows:
        kinds.setdefault(row.status, set()).add(row.kind)
    return kinds


async def test_a_night_reply_gets_its_holding_message_and_alert_at_once_the_broadcast_waits(
        db: Database, night: FakeClock, world: World, settings: Settings) -> None:
    # The absence message is still queued (a late register): it is a broadcast.
    absence_message_sent(db, night, world)
    store_inbound(db, night, sender=JANE,
                  text="Amy never came home from school, I don't know where she is")
    worker = InboundWorker(database=db, clock=night, settings=settings,
                           engine=default_engine())
    assert worker.process_pending() == 1
    sender, channels = _dispatcher(db, night)
    await sender.drain()

    kinds = _sent_kinds(db)
    assert {"holding", "staff_alert"} <= kinds["sent"]
    assert kinds["pending"] == {"absence"}
    with db.transaction() as session:
        (absence,) = outbox(session, kind="absence")
        assert absence.next_attempt_at == MORNING
    assert {m.to for m, _, _ in channels["sms"].sent} == {JANE, "+447700900950"}
    assert [m.to for m, _, _ in channels["email"].sent] == ["sam.carter@example.org"]

    night.advance(MORNING - NIGHT)
    await sender.drain()
    assert set(_sent_kinds(db)) == {"sent"}


async def test_a_night_reply_in_a_conversation_is_answered_at_once(
        db: Database, night: FakeClock, world: World, settings: Settings) -> None:
    absence_message_sent(db, night, world)
    store_inbound(db, night, sender=JANE, text="Amy has a temperature")
    InboundWorker(database=db, clock=night, settings=settings,
                  engine=default_engine()).process_pending()
    sender, channels = _dispatcher(db, night)
    await sender.drain()
    assert "reply" in _sent_kinds(db)["sent"]
    assert [m.to for m, _, _ in channels["sms"].sent] == [JANE]


def _staff_reply(db: Database, clock: FakeClock, world: World, conversation_id: int, *,
                 send_now: bool) -> int:
    with db.transaction() as session:
        sam = session.get(StaffUser, world.staff["Sam"])
        assert sam is not None
        row = staff_actions.reply(session, clock, user=sam, conversation_id=conversation_id,
                                  text="This is Mr Carter, I am calling you now.",
                                  send_now=send_now)
        assert row.id is not None
        return row.id


async def test_a_staff_reply_in_quiet_hours_goes_when_confirmed_and_is_held_otherwise(
        db: Database, night: FakeClock, world: World) -> None:
    conversation_id = absence_message_sent(db, night, world)
    held = _staff_reply(db, night, world, conversation_id, send_now=False)
    confirmed = _staff_reply(db, night, world, conversation_id, send_now=True)
    sender, channels = _dispatcher(db, night)
    await sender.drain()
    with db.transaction() as session:
        rows = {r.id: r for r in session.exec(select(Outbox))}
        assert rows[confirmed].status == "sent"
        assert (rows[held].status, rows[held].next_attempt_at) == ("pending", MORNING)
        assert session.get(Conversation, conversation_id) is not None
    assert len(channels["sms"].sent) == 1

    night.advance(MORNING - NIGHT - timedelta(minutes=1))
    await sender.drain()
    assert len(channels["sms"].sent) == 1
    night.advance(timedelta(minutes=1))
    await sender.drain()
    sent = [m.outbox_id for m, _, _ in channels["sms"].sent]
    assert sent[0] == confirmed and sorted(sent[1:]) == sorted([1, held])  # with the absence


async def test_a_staff_reply_in_the_day_goes_at_once(
        db: Database, clock: FakeClock, world: World) -> None:
    conversation_id = absence_message_sent(db, clock, world)
    _staff_reply(db, clock, world, conversation_id, send_now=False)
    sender, channels = _dispatcher(db, clock)
    await sender.drain()
    assert [m.to for m, _, _ in channels["sms"].sent] == [JANE, JANE]  # absence, then reply
