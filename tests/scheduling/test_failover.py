"""Failing over until there is nowhere left to try, and then a person is told."""

from __future__ import annotations

from sqlmodel import select

from channels.simulated import SimulatedChannel
from scheduling.dispatcher import Dispatcher
from scheduling.runs import start_run
from store.clock import FakeClock
from store.database import Database
from store.errors import PermanentSendError
from store.models.escalations import Escalation
from store.models.outbound import Outbox
from tests.scheduling.families import MONDAY, new_school


async def test_a_family_with_nowhere_left_to_try_puts_the_child_on_the_call_list_with_why(
        db: Database, clock: FakeClock) -> None:
    with db.transaction() as session:
        reg = new_school(session)
        mum = reg.contact("Mum", email="mum@example.org")
        amy = reg.student("Amy", mum)
        reg.mark("Amy", "N")
    start_run(db, clock, school_id=reg.school.id, day=MONDAY, kind="absence")
    channels = {name: SimulatedChannel(name, clock=clock) for name in ("sms", "email")}
    channels["sms"].fail_next(mum.phone or "", PermanentSendError("blocked", error_code="30004"))
    channels["email"].fail_next("mum@example.org",
                                PermanentSendError("refused", error_code="550"))
    sender = Dispatcher(db, clock, dict(channels))
    for _ in range(3):  # send, fail over to email, fail again: nowhere left
        await sender.drain()
        sender.upkeep()

    with db.transaction() as session:
        rows = list(session.exec(select(Outbox)))
        assert sorted((r.channel, r.status) for r in rows) == [("email", "failed"),
                                                                ("sms", "failed")]
        (escalation,) = session.exec(select(Escalation)).all()
        assert (escalation.student_id, escalation.contact_id) == (amy.id, mum.id)
        assert (escalation.urgency, escalation.status) == ("normal", "open")
        assert "nowhere left to try" in escalation.why and "email 550" in escalation.why
    sender.upkeep()
    with db.transaction() as session:  # told once
        assert len(session.exec(select(Escalation)).all()) == 1


async def test_a_family_reached_on_the_next_channel_raises_nothing(
        db: Database, clock: FakeClock) -> None:
    with db.transaction() as session:
        reg = new_school(session)
        mum = reg.contact("Mum", email="mum@example.org")
        reg.student("Amy", mum)
        reg.mark("Amy", "N")
    start_run(db, clock, school_id=reg.school.id, day=MONDAY, kind="absence")
    channels = {name: SimulatedChannel(name, clock=clock) for name in ("sms", "email")}
    channels["sms"].fail_next(mum.phone or "", PermanentSendError("blocked", error_code="30004"))
    sender = Dispatcher(db, clock, dict(channels))
    for _ in range(3):
        await sender.drain()
        sender.upkeep()
    assert [m.to for m, _, _ in channels["email"].sent] == ["mum@example.org"]
    with db.transaction() as session:
        assert session.exec(select(Escalation)).all() == []
