"""What a family says back to an attendance letter's note (a text, a chat message) goes to the
letter's own thread, on the child's page, for a person: never read by the bot as today's
reason, and an urgent one is still urgent. A reply to a later absence message is the bot's as
before. On SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlmodel import col, select

from bot.settings import Settings
from scheduling.casework import casework_pass
from scheduling.casework_letters import approve, send_approved_letters
from scheduling.inbound import InboundWorker, default_engine
from scheduling.runs import start_run
from store.clock import FakeClock
from store.conversations import conversations_about, letter_thread
from store.database import Database
from store.models.casework import CaseworkLetter
from store.models.conversations import Conversation, Message
from store.models.escalations import Escalation
from store.models.marks import Mark
from store.models.outbound import Outbox
from store.models.people import Contact
from store.models.staff import StaffUser
from tests.scheduling.casework_world import FRIDAY, SchoolWorld, sessions
from tests.scheduling.world import store_inbound


@pytest.fixture
def inbound(each_db: Database, clock: FakeClock, settings: Settings) -> InboundWorker:
    """The inbound worker on the same store as the test (SQLite, then PostgreSQL)."""
    return InboundWorker(database=each_db, clock=clock, settings=settings,
                         engine=default_engine())


PHONE = "+447700900123"  # the casework world's families' mobile
CHAT = "700900123"
MONDAY = date(2026, 11, 30)  # the Monday after the weekly pass


def _letter_sent(db: Database, clock: FakeClock, *, channel: str) -> tuple[int, int]:
    """Amy at 90% (persistent), her mother reached on `channel` first; the weekly pass drafts
    her letter, a person approves it, it goes (email and note) and the note is delivered;
    Amy is absent again on Monday morning, unexplained: (Amy, her mother)."""
    clock.set(datetime(2026, 11, 27, 15, 30, tzinfo=UTC))  # the pass's Friday afternoon
    with db.transaction() as session:
        school = SchoolWorld(session)
        mum = school.family("Mum")
        contact = session.get(Contact, mum)
        assert contact is not None
        contact.telegram_chat_id = CHAT
        contact.channels = [channel, "email"]
        session.add(contact)
        amy = school.student("Amy", sessions(45, 5), mum)
        officer = StaffUser(email="olu.hart@example.org", name="Olu Hart")
        session.add(officer)
        session.flush()
        assert officer.id is not None
    casework_pass(db, clock, school_id=school.id, day=FRIDAY, rolling_weeks=6)
    with db.transaction() as session:
        letter = session.exec(select(CaseworkLetter)).one()
    approve(db, clock, letter_id=letter.id or 0, staff_id=officer.id)
    sent = send_approved_letters(db, clock, school_id=school.id)
    assert (sent.emailed, sent.notes) == (1, 1)
    _delivered(db, clock)
    with db.transaction() as session:
        session.add(Mark(school_id=school.id, student_id=amy, day=MONDAY, session="AM",
                         code="N", reason_status="unexplained"))
    clock.set(datetime(2026, 11, 30, 9, 40, tzinfo=UTC))
    return amy, mum


def _delivered(db: Database, clock: FakeClock) -> None:
    with db.transaction() as session:
        for row in session.exec(select(Outbox).where(Outbox.status == "pending")):
            row.status, row.sent_at = "delivered", clock.now()
            session.add(row)


def _sender(channel: str) -> str:
    return CHAT if channel == "telegram" else PHONE


@pytest.mark.parametrize("channel", ["sms", "telegram"])
def test_a_reply_to_the_letters_note_goes_to_the_letters_thread_for_a_person(
        each_db: Database, clock: FakeClock, inbound: InboundWorker, channel: str) -> None:
    amy, _ = _letter_sent(each_db, clock, channel=channel)
    store_inbound(each_db, clock, sender=_sender(channel), channel=channel,
                  text="She has been ill a lot with her asthma, she is ill today too")
    inbound.process_pending()
    with each_db.transaction() as session:
        mark = session.exec(select(Mark).where(Mark.day == MONDAY)).one()
        [escalation] = session.exec(select(Escalation)).all()
        thread = session.get(Conversation, escalation.conversation_id)
        messages = session.exec(select(Message).where(
            Message.conversation_id == escalation.conversation_id).order_by(
            col(Message.id))).all()
        on_page = [c.id for c in conversations_about(session, amy)]
        replies = session.exec(select(Outbox).where(Outbox.kind == "reply")).all()
    assert (mark.code, mark.reason_status) == ("N", "unexplained")  # not today's reason
    assert thread is not None and thread.kind == "letter" and thread.id in on_page
    assert (escalation.urgency, escalation.why, escalation.student_id) == (
        "normal", "a reply to an attendance letter", amy)
    # The thread holds the letter, its note and the family's answer, in order.
    assert [(m.direction, m.channel) for m in messages][:3] == [
        ("out", "email"), ("out", channel), ("in", channel)]
    assert [(r.conversation_id, r.channel) for r in replies] == [(thread.id, channel)]

    # A second message: the same person's, quietly (no second "someone will be in touch").
    _delivered(each_db, clock)
    store_inbound(each_db, clock, sender=_sender(channel), channel=channel,
                  text="also she had a doctor's appointment last week")
    inbound.process_pending()
    with each_db.transaction() as session:
        assert len(session.exec(select(Escalation)).all()) == 1
        assert len(session.exec(select(Outbox).where(Outbox.kind == "reply")).all()) == 1
        assert session.exec(select(Message).where(
            Message.direction == "in")).all()[-1].conversation_id == thread.id


def test_an_urgent_reply_to_the_note_is_urgent(each_db: Database, clock: FakeClock,
                                               inbound: InboundWorker) -> None:
    _letter_sent(each_db, clock, channel="sms")
    store_inbound(each_db, clock, sender=PHONE,
                  text="I dropped her at the gate this morning and she is not there")
    inbound.process_pending()
    with each_db.transaction() as session:
        [escalation] = session.exec(select(Escalation)).all()
        thread = session.get(Conversation, escalation.conversation_id)
    assert escalation.urgency == "urgent" and thread is not None and thread.kind == "letter"


def test_a_reply_to_a_later_absence_message_is_the_bots_as_before(
        each_db: Database, clock: FakeClock, inbound: InboundWorker) -> None:
    _, mum = _letter_sent(each_db, clock, channel="sms")
    with each_db.transaction() as session:
        school_id = session.exec(select(Contact.school_id)).first()
    assert school_id is not None
    start_run(each_db, clock, school_id=school_id, day=MONDAY, kind="absence")
    _delivered(each_db, clock)
    with each_db.transaction() as session:
        assert letter_thread(session, contact_ids=[mum], channel="sms", now=clock.now()) is None
    store_inbound(each_db, clock, sender=PHONE, text="she has a temperature")
    inbound.process_pending()
    with each_db.transaction() as session:
        mark = session.exec(select(Mark).where(Mark.day == MONDAY)).one()
        threads = {m.conversation_id for m in session.exec(
            select(Message).where(Message.direction == "in"))}
        kinds = {session.get(Conversation, c).kind for c in threads}  # type: ignore[union-attr]
    # The bot read it as Monday's reason (a person confirms it: Amy was ill last week too).
    assert (mark.intent, mark.reason_status, kinds) == ("illness", "reported", {"absence"})


def test_the_note_is_an_answer_only_within_the_episode_window(
        each_db: Database, clock: FakeClock) -> None:
    _, mum = _letter_sent(each_db, clock, channel="sms")
    with each_db.transaction() as session:
        assert letter_thread(session, contact_ids=[mum], channel="sms",
                             now=clock.now()) is not None
        assert letter_thread(session, contact_ids=[mum], channel="telegram",
                             now=clock.now()) is None
        later = clock.now() + timedelta(days=8)
        assert letter_thread(session, contact_ids=[mum], channel="sms", now=later) is None
