"""Which school, family and conversation an inbound message belongs to (issues 14 and 15):
the number it was sent to, the reply token, a child it names, the only open conversation;
strangers through the urgent check; never a guess, and no school sees another's child."""

from __future__ import annotations

from sqlmodel import Session, col, select

from scheduling.inbound import InboundWorker
from store.clock import FakeClock
from store.conversations import open_conversation, state_from_json
from store.database import Database
from store.models.conversations import Conversation, Message
from store.models.escalations import Escalation
from store.models.marks import Mark
from store.models.outbound import Outbox
from store.models.people import Contact
from store.models.schools import School
from tests.scheduling.world import (
    JANE,
    MONDAY,
    World,
    add_contact,
    add_mark,
    add_staff,
    add_student,
    store_inbound,
)

STRANGER = "+447700900777"
DISCLOSURE = "this is his aunt, he told me his stepdad hits him"
SCHOOL_NUMBER = "+447700900500"


def second_school(db: Database, *, sms_sender: str | None = None,
                  email_from: str | None = None) -> tuple[int, int, int]:
    """Hill Primary: Cara Smith (absent), whose mother is Jane on the same number and email
    address as at Demo Academy; a DSL of its own. Returns (school id, Cara's id, Jane's
    contact id there)."""
    with db.transaction() as session:
        school = School(name="Hill Primary", sms_sender=sms_sender, email_from=email_from)
        session.add(school)
        session.flush()
        assert school.id is not None
        cara = add_student(session, school.id, "Cara", "Smith")
        jane = add_contact(session, school.id, "H1", "Jane Smith", phone=JANE,
                           email="jane.smith@example.org", students=[cara])
        add_mark(session, school.id, cara, MONDAY, "AM", "N")
        add_staff(session, school.id, "Ruth Bell", "dsl", email="ruth.bell@example.org",
                  phone="+447700900951")
        return school.id, cara, jane


def conversation_for(db: Database, clock: FakeClock, *, school_id: int, contact_id: int,
                     student_ids: list[int], channel: str = "sms") -> int:
    """The absence run's open conversation with a contact."""
    with db.transaction() as session:
        conversation = open_conversation(session, clock, school_id=school_id,
                                         contact_id=contact_id, channel=channel,
                                         student_ids=student_ids)
        assert conversation.id is not None
        return conversation.id


def rows(session: Session, model: type, **where: object) -> list:  # type: ignore[type-arg]
    stmt = select(model).order_by(col(model.id))  # type: ignore[attr-defined]
    for name, value in where.items():
        stmt = stmt.where(getattr(model, name) == value)
    return list(session.exec(stmt))


def test_a_disclosure_from_an_unknown_number_is_urgent_and_alerts_the_dsl(
        db: Database, clock: FakeClock, world: World, worker: InboundWorker) -> None:
    store_inbound(db, clock, sender=STRANGER, text=DISCLOSURE)
    worker.process_pending()

    with db.transaction() as session:
        [escalation] = rows(session, Escalation)
        assert (escalation.urgency, escalation.school_id) == ("urgent", world.school_id)
        alerts = rows(session, Outbox, kind="staff_alert")
        assert {a.to_address for a in alerts} == {"sam.carter@example.org", "+447700900950"}
        [answer] = rows(session, Outbox, to_address=STRANGER)
        assert "999" in answer.body and answer.urgent  # the holding message, naming no one
        assert {m.code for m in session.exec(select(Mark))} == {"N"}


def test_an_unknown_number_on_a_shared_sender_reaches_every_sharing_school(
        db: Database, clock: FakeClock, world: World, worker: InboundWorker) -> None:
    hill, _cara, _jane = second_school(db)
    store_inbound(db, clock, sender=STRANGER, text=DISCLOSURE, recipient="+447700900400")
    store_inbound(db, clock, sender=STRANGER, text="hello?", recipient="+447700900400")
    worker.process_pending()

    with db.transaction() as session:
        escalations = rows(session, Escalation)
        urgent = [e for e in escalations if e.urgency == "urgent"]
        assert sorted(e.school_id for e in urgent) == sorted([world.school_id, hill])
        assert all(e.school_id is not None and e.student_id is None for e in escalations)
        alerts = {a.to_address for a in rows(session, Outbox, kind="staff_alert")}
        assert {"sam.carter@example.org", "ruth.bell@example.org"} <= alerts
        assert len(rows(session, Message, direction="in")) == 2  # each kept once


def test_an_unknown_number_texting_a_schools_own_number_is_that_schools_alone(
        db: Database, clock: FakeClock, world: World, worker: InboundWorker) -> None:
    hill, _cara, _jane = second_school(db, sms_sender=SCHOOL_NUMBER)
    store_inbound(db, clock, sender=STRANGER, text="is Cara in today?", recipient=SCHOOL_NUMBER)
    store_inbound(db, clock, sender=STRANGER, text="is Amy in?", recipient="+447700900400")
    worker.process_pending()

    with db.transaction() as session:
        first, second = rows(session, Escalation)
        assert (first.school_id, first.urgency) == (hill, "normal")
        assert second.school_id == world.school_id  # the shared number: Demo alone shares it


def test_a_reply_naming_the_second_schools_child_is_filed_there_only(
        db: Database, clock: FakeClock, world: World, worker: InboundWorker) -> None:
    hill, cara, jane_at_hill = second_school(db)
    conversation_for(db, clock, school_id=hill, contact_id=jane_at_hill, student_ids=[cara])
    # Demo Academy wrote last: the latest outbound message alone must not decide.
    conversation_for(db, clock, school_id=world.school_id, contact_id=world.contacts["P1"],
                     student_ids=list(world.students.values()))
    store_inbound(db, clock, sender=JANE, text="Cara has a temperature")
    worker.process_pending()

    with db.transaction() as session:
        [message] = rows(session, Message, direction="in")
        assert (message.school_id, message.contact_id) == (hill, jane_at_hill)
        demo_rows = [*rows(session, Escalation, school_id=world.school_id),
                     *rows(session, Message, school_id=world.school_id)]
        assert demo_rows == []  # Demo Academy sees nothing of Cara
        marks = {m.student_id: m.code for m in session.exec(select(Mark))}
        assert marks[cara] == "I"
        assert marks[world.students["Amy"]] == marks[world.students["Ben"]] == "N"


def test_a_reply_naming_no_child_between_two_schools_goes_to_staff_of_each(
        db: Database, clock: FakeClock, world: World, worker: InboundWorker) -> None:
    hill, cara, jane_at_hill = second_school(db)
    conversation_for(db, clock, school_id=world.school_id, contact_id=world.contacts["P1"],
                     student_ids=list(world.students.values()))
    conversation_for(db, clock, school_id=hill, contact_id=jane_at_hill, student_ids=[cara])
    store_inbound(db, clock, sender=JANE, text="sorry not well today")
    worker.process_pending()

    with db.transaction() as session:
        assert {m.code for m in session.exec(select(Mark))} == {"N"}  # never a guess
        escalations = rows(session, Escalation)
        assert sorted(e.school_id for e in escalations) == sorted([world.school_id, hill])
        # Each school's row names its own contact for Jane, and no child.
        assert {(e.school_id, e.contact_id) for e in escalations} == {
            (world.school_id, world.contacts["P1"]), (hill, jane_at_hill)}
        assert all(e.student_id is None for e in escalations)
        assert len(rows(session, Message, direction="in")) == 1  # stored once


def test_the_only_open_conversation_decides_the_school(
        db: Database, clock: FakeClock, world: World, worker: InboundWorker) -> None:
    hill, cara, jane_at_hill = second_school(db)
    conversation_id = conversation_for(db, clock, school_id=hill, contact_id=jane_at_hill,
                                       student_ids=[cara])
    store_inbound(db, clock, sender=JANE, text="she has a temperature")
    worker.process_pending()

    with db.transaction() as session:
        [message] = rows(session, Message, direction="in")
        assert (message.school_id, message.conversation_id) == (hill, conversation_id)
        assert rows(session, Conversation, school_id=world.school_id) == []
        marks = {m.student_id: m.code for m in session.exec(select(Mark))}
        assert marks[cara] == "I"


def shared_number_family(db: Database, world: World, *, language: str = "pt") -> tuple[int, int]:
    """The Costa family on Jane's number at Demo Academy: Zara (absent), her mother Ana.
    Returns (Zara's id, Ana's contact id)."""
    with db.transaction() as session:
        zara = add_student(session, world.school_id, "Zara", "Costa")
        ana = add_contact(session, world.school_id, "P9", "Ana Costa", phone=JANE,
                          students=[zara])
        session.get_one(Contact, ana).language = language
        add_mark(session, world.school_id, zara, MONDAY, "AM", "N")
        return zara, ana


def test_a_reply_naming_one_familys_child_on_a_shared_number_is_that_familys(
        db: Database, clock: FakeClock, world: World, worker: InboundWorker) -> None:
    zara, ana = shared_number_family(db, world)
    own = conversation_for(db, clock, school_id=world.school_id, contact_id=ana,
                           student_ids=[zara])
    conversation_for(db, clock, school_id=world.school_id, contact_id=world.contacts["P1"],
                     student_ids=list(world.students.values()))  # Jane's thread is the latest
    store_inbound(db, clock, sender=JANE, text="A Zara está com febre")
    worker.process_pending()

    with db.transaction() as session:
        [message] = rows(session, Message, direction="in")
        assert (message.contact_id, message.conversation_id) == (ana, own)
        [answer] = rows(session, Outbox, kind="reply")
        assert (answer.contact_id, answer.language) == (ana, "pt")
        assert "Amy" not in answer.body and "Ben" not in answer.body
        marks = {m.student_id: m.code for m in session.exec(select(Mark))}
        assert marks == {world.students["Amy"]: "N", world.students["Ben"]: "N", zara: "I"}


def test_the_answer_to_which_child_moves_to_that_familys_thread(
        db: Database, clock: FakeClock, world: World, worker: InboundWorker) -> None:
    zara, ana = shared_number_family(db, world, language="en")
    own = conversation_for(db, clock, school_id=world.school_id, contact_id=ana,
                           student_ids=[zara])
    thread = conversation_for(db, clock, school_id=world.school_id,
                              contact_id=world.contacts["P1"],
                              student_ids=list(world.students.values()))
    store_inbound(db, clock, sender=JANE, text="sick today sorry")
    worker.process_pending()
    with db.transaction() as session:
        [question] = rows(session, Outbox, kind="reply")
        assert all(name in question.body for name in ("Amy", "Ben", "Zara"))

    store_inbound(db, clock, sender=JANE, text="Zara")
    worker.process_pending()
    with db.transaction() as session:
        _first, answer = rows(session, Message, direction="in")
        assert (answer.contact_id, answer.conversation_id) == (ana, own)
        marks = {m.student_id: m.code for m in session.exec(select(Mark))}
        assert marks[zara] == "I" and marks[world.students["Amy"]] == "N"
        left = session.get_one(Conversation, thread)
        assert state_from_json(left.state_json).stage != "which_child"  # nothing pending


def test_wrong_number_from_a_shared_number_is_one_escalation(
        db: Database, clock: FakeClock, world: World, worker: InboundWorker) -> None:
    zara, ana = shared_number_family(db, world, language="en")
    conversation_for(db, clock, school_id=world.school_id, contact_id=ana, student_ids=[zara])
    conversation_for(db, clock, school_id=world.school_id, contact_id=world.contacts["P1"],
                     student_ids=list(world.students.values()))
    store_inbound(db, clock, sender=JANE, text="wrong number, I don't have a child at that school")
    worker.process_pending()

    with db.transaction() as session:
        [escalation] = rows(session, Escalation)
        assert (escalation.intent, escalation.student_id) == ("wrong_number", None)
        assert {m.code for m in session.exec(select(Mark))} == {"N"}
