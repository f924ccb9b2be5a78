"""The loop end to end: a stored inbound event becomes marks, escalations and replies."""

from __future__ import annotations

import json
import threading
from datetime import date, timedelta

from sqlmodel import Session, col, select

from bot.settings import Settings
from conversations.policy import STAFF_CODED_WHY
from conversations.types import (
    ConversationState,
    Decision,
    Facts,
    Inbound,
    Intent,
    ReasonStatus,
    RecordReason,
    SessionRef,
)
from conversations.types import Session as RegisterSession
from scheduling.apply import Arrival, apply_decisions, follow_up_staff_coded
from scheduling.inbound import InboundWorker, default_engine
from scheduling.urgent import escalate_unacknowledged
from store.clock import FakeClock
from store.conversations import open_conversation
from store.database import Database
from store.facts import build_facts
from store.link_tokens import issue_link_token
from store.marks import RegisterEntry, upsert_mark
from store.messages import log_received
from store.models.audit import AuditEntry
from store.models.conversations import Conversation, Message
from store.models.escalations import Escalation
from store.models.inbound import InboundEvent
from store.models.marks import Mark
from store.models.outbound import Outbox
from store.models.people import Contact
from store.models.schools import School
from store.notices import pending_notice
from store.outbox import enqueue
from store.reasons import find_mark
from store.writeback_feed import write_back_feed
from tests.scheduling.world import (
    JANE,
    MONDAY,
    World,
    add_contact,
    add_mark,
    add_student,
    store_inbound,
)


def absence_message_sent(db: Database, clock: FakeClock, world: World) -> int:
    """What the absence run leaves behind: an open conversation and the message in the outbox."""
    with db.transaction() as session:
        conversation = open_conversation(session, clock, school_id=world.school_id,
                                         contact_id=world.contacts["P1"], channel="sms",
                                         student_ids=world.students.values())
        enqueue(session, clock, channel="sms", to_address=JANE, kind="absence",
                body="Demo Academy: Amy and Ben were marked absent", school_id=world.school_id,
                contact_id=world.contacts["P1"], conversation_id=conversation.id)
        assert conversation.id is not None
        return conversation.id


def mark(session: Session, student_id: int, day: date = MONDAY, register: str = "AM") -> Mark:
    found = session.exec(select(Mark).where(Mark.student_id == student_id, Mark.day == day,
                                            Mark.session == register)).one()
    return found


def outbox(session: Session, **where: object) -> list[Outbox]:
    stmt = select(Outbox).order_by(col(Outbox.id))
    for name, value in where.items():
        stmt = stmt.where(getattr(Outbox, name) == value)
    return list(session.exec(stmt))


def test_illness_reply_confirms_the_named_child_with_audit_and_one_thanks(
        db: Database, clock: FakeClock, world: World, worker: InboundWorker) -> None:
    conversation_id = absence_message_sent(db, clock, world)
    clock.advance(timedelta(minutes=20))
    event_id = store_inbound(db, clock, sender=JANE, text="Amy's got D&V")

    assert worker.process_pending() == 1

    with db.transaction() as session:
        amy, ben = mark(session, world.students["Amy"]), mark(session, world.students["Ben"])
        message = session.exec(select(Message).where(Message.direction == "in")).one()
        assert (amy.code, amy.reason_status, amy.intent) == ("I", "confirmed", "illness")
        assert amy.message_id == message.id and amy.version == 2 and amy.set_by == "bot"
        assert (ben.code, ben.reason_status) == ("N", "unexplained")
        entry = session.exec(select(AuditEntry).where(AuditEntry.entity == "mark")).one()
        assert entry.message_id == message.id and entry.entity_id == str(amy.id)
        assert json.loads(entry.old_value or "")["code"] == "N"
        assert json.loads(entry.new_value or "")["code"] == "I"
        assert message.conversation_id == conversation_id and message.intent == "illness"
        replies = outbox(session, kind="reply")
        assert len(replies) == 1 and replies[0].to_address == JANE
        assert "Amy" in replies[0].body and replies[0].conversation_id == conversation_id
        event = session.get(InboundEvent, event_id)
        assert event is not None and event.status == "processed"
        assert event.contact_id == world.contacts["P1"]
        feed, _ = write_back_feed(session, school_id=world.school_id)
        assert [(i.first_name, i.code, i.message_id) for i in feed] == [("Amy", "I", message.id)]

    assert worker.process_pending() == 0  # nothing left: processed once


def test_dropped_at_the_gate_is_urgent_holds_once_and_renotifies_when_unacknowledged(
        db: Database, clock: FakeClock, world: World, worker: InboundWorker,
        settings: Settings) -> None:
    absence_message_sent(db, clock, world)
    store_inbound(db, clock, sender=JANE, text="I dropped her at the gate at 8:30")
    store_inbound(db, clock, sender=JANE, text="hello?? she should be there")
    assert worker.process_pending() == 2

    with db.transaction() as session:
        escalations = list(session.exec(select(Escalation)))
        assert {(e.urgency, e.intent) for e in escalations} == {("urgent", "in_school_dispute")}
        assert len(outbox(session, kind="holding")) == 1
        assert outbox(session, kind="reply") == []  # nothing more from the bot
        alerts = outbox(session, kind="staff_alert")
        assert {(a.channel, a.to_address) for a in alerts} == {
            ("email", "sam.carter@example.org"), ("sms", "+447700900950")}
        # The child, the concern and the family's number (scheduling/test_alerts.py has more)
        assert all(a.urgent and "Amy S." in a.body and JANE in a.body for a in alerts)
        codes = {m.code for m in session.exec(select(Mark))}
        assert codes == {"N"}

    clock.advance(timedelta(minutes=settings.urgent_ack_minutes - 1))
    assert escalate_unacknowledged(db, clock, settings) == 0
    clock.advance(timedelta(minutes=2))
    assert escalate_unacknowledged(db, clock, settings) >= 1
    with db.transaction() as session:
        assert len(outbox(session, kind="staff_alert")) == 4  # told again, email and SMS
        # one row per child of the conversation; each was covered by both alerts
        escalations = list(session.exec(select(Escalation)))
        assert len(escalations) == 2
        assert {e.notices_sent for e in escalations} == {2}
        assert len({e.assigned_user_id for e in escalations}) == 1


def test_a_reply_about_a_mark_staff_coded_leaves_the_code_and_goes_to_staff(
        db: Database, clock: FakeClock, world: World, worker: InboundWorker) -> None:
    absence_message_sent(db, clock, world)
    with db.transaction() as session:
        amy = mark(session, world.students["Amy"])
        amy.code, amy.reason_status, amy.set_by_staff, amy.set_by = "M", "confirmed", True, \
            "staff:1"
        session.add(amy)
    store_inbound(db, clock, sender=JANE, text="Amy is sick")
    worker.process_pending()

    with db.transaction() as session:
        amy = mark(session, world.students["Amy"])
        assert (amy.code, amy.reason_status, amy.set_by) == ("M", "confirmed", "staff:1")
        escalation = session.exec(select(Escalation)).one()
        assert escalation.student_id == world.students["Amy"]
        assert escalation.urgency == "normal"
        assert session.exec(select(Message).where(Message.direction == "in")).one()


def test_a_mark_a_colleague_codes_while_the_reply_is_read_goes_to_a_person(
        db: Database, clock: FakeClock, world: World, settings: Settings) -> None:
    # A colleague codes Amy's mark in another transaction after the facts were read: the engine
    # records the reason, the store refuses it (STAFF_SET), and the one follow-up hands it on.
    conversation_id = absence_message_sent(db, clock, world)
    event_id = store_inbound(db, clock, sender=JANE, text="Amy is sick")
    amy_id = world.students["Amy"]
    with db.transaction() as session:
        school, contact = session.get(School, world.school_id), session.get(
            Contact, world.contacts["P1"])
        conversation = session.get(Conversation, conversation_id)
        event = session.get(InboundEvent, event_id)
        assert school and contact and conversation and event
        facts = build_facts(session, contacts=[contact], school=school, now=clock.now())
        amy = mark(session, amy_id)
        amy.code, amy.reason_status, amy.set_by_staff, amy.set_by = "M", "confirmed", True, \
            "staff:1"
        message = log_received(session, clock, channel="sms", body="Amy is sick",
                               inbound_event_id=event_id, school_id=world.school_id,
                               contact_id=contact.id, conversation_id=conversation_id)
        session.flush()
        turn = Arrival(event=event, inbound=Inbound("Amy is sick", "sms", clock.now()),
                       address=JANE, school=school, contacts=[contact],
                       conversation=conversation, facts=facts, message=message)
        decisions: list[Decision] = [RecordReason(
            str(amy_id), Intent.ILLNESS, (SessionRef(MONDAY, RegisterSession.AM),),
            ReasonStatus.CONFIRMED, "I", None, "Amy is sick")]
        apply_decisions(session, clock, settings, turn, decisions)
        follow_up_staff_coded(session, clock, settings, turn, decisions)

    with db.transaction() as session:
        amy = mark(session, amy_id)
        assert (amy.code, amy.reason_status, amy.set_by) == ("M", "confirmed", "staff:1")
        escalation = session.exec(select(Escalation)).one()
        assert (escalation.student_id, escalation.why, escalation.intent) == (
            amy_id, STAFF_CODED_WHY, "illness")


def test_a_number_shared_by_two_families_gets_asked_which_child(
        db: Database, clock: FakeClock, world: World, worker: InboundWorker) -> None:
    with db.transaction() as session:
        amy_jones = add_student(session, world.school_id, "Zara", "Jones")
        add_contact(session, world.school_id, "P9", "Kim Jones", phone=JANE,
                    students=[amy_jones])
        add_mark(session, world.school_id, amy_jones, MONDAY, "AM", "N")
    store_inbound(db, clock, sender=JANE, text="she's sick")
    worker.process_pending()

    with db.transaction() as session:
        reply = outbox(session, kind="reply")[0]
        assert all(name in reply.body for name in ("Amy", "Ben", "Zara"))
        assert {m.code for m in session.exec(select(Mark))} == {"N"}


def test_an_unknown_number_is_kept_for_staff_and_told_nothing(
        db: Database, clock: FakeClock, world: World, worker: InboundWorker) -> None:
    event_id = store_inbound(db, clock, sender="+447700900777", text="is Amy Smith in today?")
    store_inbound(db, clock, sender="+447700900777", text="hello?")
    assert worker.process_pending() == 2

    with db.transaction() as session:
        escalations = list(session.exec(select(Escalation)))
        assert [e.inbound_event_id for e in escalations][:1] == [event_id]
        assert all(e.school_id == world.school_id for e in escalations)
        replies = outbox(session, to_address="+447700900777")
        assert len(replies) == 1  # one answer, not one per message
        assert "Amy" not in replies[0].body and "Demo" not in replies[0].body
        kept = session.exec(select(Message).where(col(Message.contact_id).is_(None))).all()
        assert len(kept) == 2


def test_a_future_absence_is_kept_as_a_notice_and_taken_by_the_register_n(
        db: Database, clock: FakeClock, world: World, worker: InboundWorker) -> None:
    store_inbound(db, clock, sender=JANE, text="Amy will be off tomorrow, hospital appt")
    worker.process_pending()
    tomorrow = MONDAY + timedelta(days=1)
    amy = world.students["Amy"]
    with db.transaction() as session:
        for register in ("AM", "PM"):
            assert find_mark(session, student_id=amy, day=tomorrow,
                             register_session=register) is None  # never a made-up mark
            notice = pending_notice(session, student_id=amy, day=tomorrow,
                                    register_session=register)
            assert notice is not None and notice.intent == "medical_appointment"
            assert "hospital" in (notice.reason_text or "")
        conversation = session.exec(select(Conversation)).one()
        assert conversation.kind == "absence"
    with db.transaction() as session:
        upsert_mark(session, clock, school_id=world.school_id, actor="import",
                    entry=RegisterEntry(amy, tomorrow, "AM", "N"))
    with db.transaction() as session:
        taken = mark(session, amy, tomorrow, "AM")
        assert (taken.code, taken.reason_status) == ("M", "confirmed")


def test_while_staff_have_the_conversation_the_bot_is_silent_but_urgent_still_escalates(
        db: Database, clock: FakeClock, world: World, worker: InboundWorker) -> None:
    conversation_id = absence_message_sent(db, clock, world)
    with db.transaction() as session:
        conversation = session.get(Conversation, conversation_id)
        assert conversation is not None
        conversation.mode = "staff"
        session.add(conversation)
    store_inbound(db, clock, sender=JANE, text="what is happening")
    store_inbound(db, clock, sender=JANE, text="I don't know where he is")
    worker.process_pending()
    with db.transaction() as session:
        assert outbox(session, kind="reply") == [] and outbox(session, kind="holding") == []
        assert {e.urgency for e in session.exec(select(Escalation))} == {"urgent"}
        assert len(outbox(session, kind="staff_alert")) == 2  # one alert, by email and SMS
        assert len(session.exec(select(Message).where(Message.direction == "in")).all()) == 2


def test_a_failing_event_is_retried_then_parked_for_staff_never_dropped(
        db: Database, clock: FakeClock, world: World, settings: Settings) -> None:
    def broken(state: ConversationState, inbound: Inbound, facts: Facts, now: object) -> object:
        raise RuntimeError("engine fault")

    worker = InboundWorker(database=db, clock=clock, settings=settings,
                           engine=broken, max_attempts=3)  # type: ignore[arg-type]
    event_id = store_inbound(db, clock, sender=JANE, text="Amy is sick")
    for _ in range(3):
        worker.process_pending()
        clock.advance(timedelta(minutes=10))
    with db.transaction() as session:
        event = session.get(InboundEvent, event_id)
        assert event is not None and (event.status, event.attempts) == ("parked", 3)
        assert session.exec(select(Message)).all() == []  # failed transactions applied nothing
        assert session.exec(select(Escalation)).one().inbound_event_id == event_id


def test_the_same_event_processed_by_two_workers_at_once_applies_once(
        db: Database, clock: FakeClock, world: World, settings: Settings) -> None:

    absence_message_sent(db, clock, world)
    assert store_inbound(db, clock, sender=JANE, text="Amy is sick", provider_id="SM1")
    assert store_inbound(db, clock, sender=JANE, text="Amy is sick", provider_id="SM1") is None
    workers = [InboundWorker(database=Database(db.url), clock=clock, settings=settings,
                             engine=default_engine()) for _ in range(2)]
    barrier = threading.Barrier(2)
    counts: list[int] = []

    def run(w: InboundWorker) -> None:
        barrier.wait()
        counts.append(w.process_pending())

    threads = [threading.Thread(target=run, args=(w,)) for w in workers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sum(counts) == 1
    with db.transaction() as session:
        assert len(outbox(session, kind="reply")) == 1
        entries = session.exec(select(AuditEntry).where(AuditEntry.entity == "mark")).all()
        assert len(entries) == 1


def test_a_telegram_link_links_the_chat_once_and_a_reused_token_links_nothing(
        db: Database, clock: FakeClock, world: World, worker: InboundWorker) -> None:
    with db.transaction() as session:
        token = issue_link_token(session, clock, contact_id=world.contacts["P1"])
    store_inbound(db, clock, channel="telegram", sender="5550001", text=f"/start {token}",
                  command="/start", command_arg=token)
    store_inbound(db, clock, channel="telegram", sender="5550666", text=f"/start {token}",
                  command="/start", command_arg=token)
    worker.process_pending()
    with db.transaction() as session:
        jane = session.get(Contact, world.contacts["P1"])
        assert jane is not None and jane.telegram_chat_id == "5550001"
        done, failed = outbox(session, kind="link")
        assert (done.to_address, failed.to_address) == ("5550001", "5550666")
        assert "Demo Academy" in done.body and "Demo" not in failed.body
    store_inbound(db, clock, channel="telegram", sender="5550001", text="Amy's got D&V")
    worker.process_pending()
    with db.transaction() as session:
        assert mark(session, world.students["Amy"]).code == "I"
