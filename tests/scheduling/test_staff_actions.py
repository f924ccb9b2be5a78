"""Staff actions: authorised, audited, and the bot keeps out while a person has the family."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import Session, select

from bot.settings import Settings
from scheduling import staff_actions
from scheduling.inbound import InboundWorker
from scheduling.urgent import escalate_unacknowledged
from store.clock import FakeClock
from store.database import Database
from store.errors import Forbidden, InvalidCode, InvalidInput, NotFound, OverSegmentBudget
from store.models.audit import AuditEntry
from store.models.conversations import Conversation, Message
from store.models.escalations import Escalation
from store.models.marks import Mark
from store.models.outbound import Outbox
from store.models.schools import School
from store.models.staff import StaffUser
from store.writeback_feed import write_back_feed
from tests.scheduling.test_inbound import absence_message_sent
from tests.scheduling.world import JANE, MONDAY, World, add_staff, store_inbound


def user(session: Session, world: World, name: str) -> StaffUser:
    found = session.get(StaffUser, world.staff[name])
    assert found is not None
    return found


def amy_mark(session: Session, world: World) -> Mark:
    return session.exec(select(Mark).where(Mark.student_id == world.students["Amy"],
                                           Mark.day == MONDAY)).one()


def test_take_over_reply_hand_back_resolve(db: Database, clock: FakeClock, world: World,
                                           worker: InboundWorker) -> None:
    conversation_id = absence_message_sent(db, clock, world)
    with db.transaction() as session:
        olu = user(session, world, "Olu")
        staff_actions.take_over(session, clock, user=olu, conversation_id=conversation_id)
        row = staff_actions.reply(session, clock, user=olu, conversation_id=conversation_id,
                                  text="Hi, this is Mr Hart. Is Amy OK?")
        assert (row.channel, row.to_address, row.staff_user_id) == ("sms", JANE, olu.id)

    store_inbound(db, clock, sender=JANE, text="what do you need")
    worker.process_pending()
    with db.transaction() as session:
        assert session.exec(select(Outbox).where(Outbox.kind == "reply")).all() == []
        thread = session.exec(select(Message).where(
            Message.conversation_id == conversation_id)).all()
        assert [m.direction for m in thread] == ["out", "in"]
        staff_actions.hand_back(session, clock, user=user(session, world, "Olu"),
                                conversation_id=conversation_id)

    store_inbound(db, clock, sender=JANE, text="what do you need")
    worker.process_pending()
    with db.transaction() as session:
        assert len(session.exec(select(Outbox).where(Outbox.kind == "reply")).all()) == 1
        staff_actions.resolve(session, clock, user=user(session, world, "Olu"),
                              conversation_id=conversation_id)
        conversation = session.get(Conversation, conversation_id)
        assert conversation is not None and conversation.mode == "resolved"
        actions = [a.action for a in session.exec(select(AuditEntry).where(
            AuditEntry.actor == f"staff:{world.staff['Olu']}"))]
        assert actions == ["conversation.take_over", "conversation.reply",
                           "conversation.hand_back", "conversation.resolve"]


def test_set_code_is_validated_audited_fed_back_and_never_overwritten_by_the_bot(
        db: Database, clock: FakeClock, world: World, worker: InboundWorker) -> None:
    absence_message_sent(db, clock, world)
    with db.transaction() as session:
        olu, mark_id = user(session, world, "Olu"), amy_mark(session, world).id or 0
        with pytest.raises(InvalidCode):
            staff_actions.set_code(session, clock, user=olu, mark_id=mark_id, code="H",
                                   reason="holiday")
        with pytest.raises(InvalidInput):
            staff_actions.set_code(session, clock, user=olu, mark_id=mark_id, code="M",
                                   reason=" ")
    with db.transaction() as session:
        staff_actions.set_code(session, clock, user=user(session, world, "Olu"),
                               mark_id=mark_id, code="M", reason="mum phoned: dentist")
    store_inbound(db, clock, sender=JANE, text="Amy is sick")
    worker.process_pending()
    with db.transaction() as session:
        mark = amy_mark(session, world)
        assert (mark.code, mark.set_by_staff, mark.source) == ("M", True, "staff")
        feed, _ = write_back_feed(session, school_id=world.school_id)
        assert [(i.code, i.confirmed_by) for i in feed] == [("M", f"staff:{world.staff['Olu']}")]
        assert session.exec(select(Escalation)).one().student_id == world.students["Amy"]


def test_staff_outside_the_school_or_read_only_or_not_dsl_on_urgent_are_refused(
        db: Database, clock: FakeClock, world: World, worker: InboundWorker,
        settings: Settings) -> None:
    conversation_id = absence_message_sent(db, clock, world)
    with db.transaction() as session:
        other = School(name="Other School")
        session.add(other)
        session.flush()
        outsider = add_staff(session, other.id or 0, "Eve Stone", "admin",
                             email="eve.stone@example.org")
        viewer = add_staff(session, world.school_id, "Ray Dunn", "read_only",
                           email="ray.dunn@example.org")
    with db.transaction() as session:
        with pytest.raises(NotFound):
            staff_actions.take_over(session, clock, user=session.get(StaffUser, outsider),
                                    conversation_id=conversation_id)  # type: ignore[arg-type]
        with pytest.raises(Forbidden):
            staff_actions.take_over(session, clock, user=session.get(StaffUser, viewer),
                                    conversation_id=conversation_id)  # type: ignore[arg-type]

    store_inbound(db, clock, sender=JANE, text="I dropped her at the gate at 8:30")
    worker.process_pending()
    with db.transaction() as session:
        escalation = session.exec(select(Escalation)).first()
        assert escalation is not None
        with pytest.raises(Forbidden):
            staff_actions.acknowledge(session, clock, user=user(session, world, "Olu"),
                                      escalation_id=escalation.id or 0)
        staff_actions.acknowledge(session, clock, user=user(session, world, "Sam"),
                                  escalation_id=escalation.id or 0)
    clock.advance(timedelta(minutes=settings.urgent_ack_minutes + 1))
    assert escalate_unacknowledged(db, clock, settings) == 0  # acknowledged: no more reminders
    with db.transaction() as session:
        assert {e.status for e in session.exec(select(Escalation))} == {"acknowledged"}


def test_an_urgent_escalation_written_without_a_notice_is_told_to_the_leads_at_once(
        db: Database, clock: FakeClock, world: World, settings: Settings) -> None:
    # The call list writes its own rows; the urgent watch makes sure somebody is told.
    with db.transaction() as session:
        session.add(Escalation(school_id=world.school_id, student_id=world.students["Ben"],
                               urgency="urgent", why="still unaccounted for after the chase",
                               created_at=clock.now(),
                               due_at=clock.now() + timedelta(minutes=10)))
    assert escalate_unacknowledged(db, clock, settings) == 1
    assert escalate_unacknowledged(db, clock, settings) == 0  # told once, not every pass
    with db.transaction() as session:
        alerts = session.exec(select(Outbox).where(Outbox.kind == "staff_alert")).all()
        assert {a.to_address for a in alerts} == {"sam.carter@example.org", "+447700900950"}


def test_a_reply_too_long_for_the_sms_budget_is_refused_and_queues_nothing(
        db: Database, clock: FakeClock, world: World) -> None:
    conversation_id = absence_message_sent(db, clock, world)
    too_long = "Please call the office about Amy. " * 20  # 680 GSM-7 characters: 5 segments
    with db.transaction() as session:
        before = len(session.exec(select(Outbox)).all())
        olu = user(session, world, "Olu")
        with pytest.raises(OverSegmentBudget, match="shorten it"):
            staff_actions.reply(session, clock, user=olu, conversation_id=conversation_id,
                                text=too_long, segment_budget=4)
        assert len(session.exec(select(Outbox)).all()) == before
        row = staff_actions.reply(session, clock, user=olu, conversation_id=conversation_id,
                                  text=too_long[:600], segment_budget=4)
        assert row.body == too_long[:600].strip()
