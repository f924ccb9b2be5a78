"""The dispatcher against the fake Twilio on loopback, counting what the provider received."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

from sqlmodel import col, select

from channels.sms import SmsChannel
from scheduling.dispatcher import DispatcherConfig
from scheduling.ratelimit import RateLimits
from scheduling.runs import start_run
from store.clock import FakeClock
from store.database import Database
from store.models.conversations import Conversation, ConversationStudent
from store.models.marks import Mark
from store.models.outbound import Outbox
from store.models.people import Contact
from tests.fakes.twilio_server import FakeTwilio
from tests.scheduling.delivery import dispatcher
from tests.scheduling.families import MONDAY, Register, new_school


def _families(db: Database, count: int, **school: object) -> Register:
    with db.transaction() as session:
        reg = new_school(session, **school)
        for n in range(count):
            reg.student(f"Kid{n}", reg.contact(f"Parent{n}"))
            reg.mark(f"Kid{n}", "N")
        return reg


def _rows(db: Database) -> list[Outbox]:
    with db.transaction() as session:
        return list(session.exec(select(Outbox).order_by(col(Outbox.id))))


def _to_and_body(twilio: FakeTwilio) -> list[tuple[str, str]]:
    return [(m["to"], m["body"]) for m in twilio.created()]


async def test_each_message_goes_once_and_records_the_provider_id(
        db: Database, clock: FakeClock, sms: SmsChannel, twilio: FakeTwilio) -> None:
    reg = _families(db, 30)
    start_run(db, clock, school_id=reg.school.id, day=MONDAY, kind="absence")
    sender = dispatcher(db, clock, sms, DispatcherConfig(batch=7))
    assert await sender.drain() == 30
    assert await sender.drain() == 0
    rows = _rows(db)
    sent = _to_and_body(twilio)
    assert len(sent) == 30 and len(set(sent)) == 30
    assert {(r.to_address, r.body) for r in rows} == set(sent)
    assert {r.status for r in rows} == {"sent"}
    assert {r.provider_id for r in rows} == {m["sid"] for m in twilio.created()}


async def test_429_and_500_for_a_while_then_all_delivered_once(
        db: Database, clock: FakeClock, sms: SmsChannel, twilio: FakeTwilio) -> None:
    reg = _families(db, 20)
    start_run(db, clock, school_id=reg.school.id, day=MONDAY, kind="absence")
    twilio.next_errors = [20429] * 15 + [20500] * 15
    sender = dispatcher(db, clock, sms)
    for _ in range(12):
        await sender.drain()
        clock.advance(timedelta(minutes=11))  # past the longest backoff
    sent = _to_and_body(twilio)
    assert len(sent) == 20 and len(set(sent)) == 20
    assert {r.status for r in _rows(db)} == {"sent"}
    assert max(r.attempts for r in _rows(db)) > 1


async def test_retry_waits_its_backoff_and_honours_retry_after(
        db: Database, clock: FakeClock, sms: SmsChannel, twilio: FakeTwilio) -> None:
    reg = _families(db, 1)
    start_run(db, clock, school_id=reg.school.id, day=MONDAY, kind="absence")
    twilio.retry_after = "120"
    twilio.next_errors = [20429]
    sender = dispatcher(db, clock, sms)
    await sender.drain()
    (row,) = _rows(db)
    assert row.status == "pending" and row.next_attempt_at is not None
    assert row.next_attempt_at >= clock.now() + timedelta(seconds=120)
    clock.advance(timedelta(seconds=60))
    assert await sender.drain() == 0  # not due yet: it does not jump the queue
    clock.advance(timedelta(seconds=61))
    assert await sender.drain() == 1 and len(twilio.created()) == 1


async def test_accepted_then_timed_out_is_not_sent_twice(
        db: Database, clock: FakeClock, sms: SmsChannel, twilio: FakeTwilio) -> None:
    reg = _families(db, 3)
    start_run(db, clock, school_id=reg.school.id, day=MONDAY, kind="absence")
    twilio.hang = True  # the first text is accepted but its answer is lost
    sender = dispatcher(db, clock, sms)
    await sender.drain()
    assert len(twilio.created()) == 3
    clock.advance(timedelta(minutes=11))
    await sender.drain()
    sent = _to_and_body(twilio)
    assert len(sent) == 3 and len(set(sent)) == 3
    assert {r.status for r in _rows(db)} == {"sent"}
    assert {r.provider_id for r in _rows(db)} == {m["sid"] for m in twilio.created()}


async def test_a_permanent_failure_fails_over_to_the_next_contact(
        db: Database, clock: FakeClock, sms: SmsChannel, twilio: FakeTwilio) -> None:
    with db.transaction() as session:
        reg = new_school(session)
        mum, dad = reg.contact("Mum"), reg.contact("Dad")
        reg.student("Amy", mum, dad)
        reg.mark("Amy", "N")
    start_run(db, clock, school_id=reg.school.id, day=MONDAY, kind="absence")
    twilio.errors_for[mum.phone or ""] = 21610  # Mum replied STOP to the provider
    sender = dispatcher(db, clock, sms)
    await sender.drain()
    sender.upkeep()
    await sender.drain()
    first, second = _rows(db)
    assert (first.status, first.next_outbox_id) == ("failed", second.id)
    assert (second.contact_id, second.status) == (dad.id, "sent")
    assert [m["to"] for m in twilio.created()] == [dad.phone]
    with db.transaction() as session:
        assert "sms" in (session.get(Contact, mum.id) or Contact()).opted_out
    sender.upkeep()
    assert len(_rows(db)) == 2  # failed over once only


async def test_quiet_hours_hold_a_message_until_morning(
        db: Database, sms: SmsChannel, twilio: FakeTwilio) -> None:
    clock = FakeClock(datetime(2026, 11, 23, 21, 0, tzinfo=UTC))
    reg = _families(db, 1)
    start_run(db, clock, school_id=reg.school.id, day=MONDAY, kind="absence")
    sender = dispatcher(db, clock, sms)
    await sender.drain()
    (row,) = _rows(db)
    assert twilio.created() == [] and row.status == "pending"
    assert row.next_attempt_at == datetime(2026, 11, 24, 7, 30, tzinfo=UTC)


async def test_an_expired_message_is_not_sent(
        db: Database, clock: FakeClock, sms: SmsChannel, twilio: FakeTwilio) -> None:
    reg = _families(db, 1)
    start_run(db, clock, school_id=reg.school.id, day=MONDAY, kind="absence")
    clock.advance(timedelta(hours=4))  # a morning text must not arrive at teatime
    await dispatcher(db, clock, sms).drain()
    assert twilio.created() == [] and _rows(db)[0].status == "expired"


def _correct_register(db: Database, clock: FakeClock, student_id: int | None,
                      code: str = "/") -> None:
    with db.transaction() as session:
        mark = session.exec(select(Mark).where(Mark.student_id == student_id)).one()
        mark.code, mark.version, mark.updated_at = code, mark.version + 1, clock.now()
        session.add(mark)


async def test_register_corrected_before_sending_trims_or_cancels(
        db: Database, clock: FakeClock, sms: SmsChannel, twilio: FakeTwilio) -> None:
    with db.transaction() as session:
        reg = new_school(session)
        mum = reg.contact("Mum")
        for name in ("Amy", "Ben"):
            reg.student(name, mum)
            reg.mark(name, "N")
        reg.student("Cara", reg.contact("Gran"))
        reg.mark("Cara", "N")
    start_run(db, clock, school_id=reg.school.id, day=MONDAY, kind="absence")
    _correct_register(db, clock, reg.students["Ben"].id)
    _correct_register(db, clock, reg.students["Cara"].id, code="L")
    await dispatcher(db, clock, sms).drain()
    (sent,) = twilio.created()
    assert "Amy was marked absent" in sent["body"] and "Ben" not in sent["body"]
    rows = {r.contact_id: r for r in _rows(db)}
    assert rows[mum.id].student_ids == [reg.students["Amy"].id]
    assert rows[reg.contacts["Gran"].id].status == "cancelled"


async def test_register_corrected_after_sending_gets_one_correction(
        db: Database, clock: FakeClock, sms: SmsChannel, twilio: FakeTwilio) -> None:
    with db.transaction() as session:
        reg = new_school(session)
        mum = reg.contact("Mum")
        amy = reg.student("Amy", mum)
        reg.mark("Amy", "N")
        conversation = Conversation(school_id=reg.school.id, contact_id=mum.id,
                                    opened_at=clock.now())
        session.add(conversation)
        session.flush()
        session.add(ConversationStudent(conversation_id=conversation.id, student_id=amy.id))
    start_run(db, clock, school_id=reg.school.id, day=MONDAY, kind="absence")
    sender = dispatcher(db, clock, sms)
    await sender.drain()
    clock.advance(timedelta(minutes=5))
    _correct_register(db, clock, amy.id)
    for _ in range(3):
        sender.upkeep()
        await sender.drain()
    bodies = [m["body"] for m in twilio.created()]
    assert len(bodies) == 2 and "sorry, Amy is marked present now" in bodies[1]
    with db.transaction() as session:
        closed = session.get(Conversation, conversation.id)
        assert closed is not None and closed.closed_at is not None


async def test_rate_limit_is_honoured(db: Database, clock: FakeClock, sms: SmsChannel,
                                      twilio: FakeTwilio) -> None:
    reg = _families(db, 12)
    start_run(db, clock, school_id=reg.school.id, day=MONDAY, kind="absence")
    limits = RateLimits(per_channel={"sms": 10.0})
    started = time.monotonic()
    await dispatcher(db, clock, sms, DispatcherConfig(limits=limits)).drain()
    assert len(twilio.created()) == 12
    assert time.monotonic() - started >= 1.05  # 12 at 10/s: the 12th leaves 1.1 s after the 1st
