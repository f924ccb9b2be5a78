"""A contact a court order restricts is never written to, on every path a message takes: the
runs (on each channel they could be reached on), the chase, a correction, a closure notice, a
failed message carried on to the next contact, a letter and its note, the bot's replies and
holding message, a member of staff writing first or replying; and the dispatcher refuses
whatever was queued before the order was recorded. What they send reaches a person, never the
register."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import Session, col, select

from channels.simulated import SimulatedChannel
from scheduling import staff_actions
from scheduling.casework import casework_pass
from scheduling.casework_letters import send_approved_letters
from scheduling.claims import COURT_ORDER
from scheduling.closure import declare_emergency_closure
from scheduling.corrections import send_corrections
from scheduling.dispatcher import Dispatcher
from scheduling.inbound import InboundWorker
from scheduling.runs import start_run
from store.casework import approve_letter
from store.clock import FakeClock
from store.contacts import set_court_order
from store.database import Database
from store.errors import InvalidInput, PermanentSendError
from store.models.audit import AuditEntry
from store.models.casework import CaseworkLetter
from store.models.escalations import Escalation
from store.models.marks import Mark
from store.models.outbound import Outbox
from store.models.people import Contact
from store.models.staff import StaffSchool, StaffUser
from tests.scheduling.casework_world import FRIDAY, SchoolWorld, sessions
from tests.scheduling.families import MONDAY, absence_sent_to_mum, new_school
from tests.scheduling.test_inbound import absence_message_sent
from tests.scheduling.world import JANE, World, store_inbound

# How a contact is reached on each channel, and nowhere else.
ONLY_ON = {
    "sms": {"channels": ["sms"]},
    "email": {"phone": None, "email": "dad@example.org", "channels": ["email"]},
    "telegram": {"phone": None, "telegram_chat_id": "700900001", "channels": ["telegram"]},
    "whatsapp": {"channels": ["whatsapp"], "whatsapp_opt_in": True},
}
MARKED = {"absence": ("N", "AM"), "late": ("L", "AM"), "pm_absence": ("N", "PM")}


def _outbox(db: Database) -> list[Outbox]:
    with db.transaction() as session:
        rows = list(session.exec(select(Outbox).order_by(col(Outbox.id))))
        for row in rows:
            session.expunge(row)
        return rows


def _restrict(db: Database, clock: FakeClock, contact_id: int | None) -> None:
    with db.transaction() as session:
        contact = session.get(Contact, contact_id)
        assert contact is not None
        assert set_court_order(session, clock, contact, restricted=True, actor="staff:1")


@pytest.mark.parametrize("channel", list(ONLY_ON))
@pytest.mark.parametrize("kind", list(MARKED))
def test_a_run_passes_over_a_restricted_contact_to_the_next(
        each_db: Database, clock: FakeClock, kind: str, channel: str) -> None:
    code, half = MARKED[kind]
    with each_db.transaction() as session:
        reg = new_school(session)
        dad = reg.contact("Dad", court_order=True, **ONLY_ON[channel])
        mum = reg.contact("Mum")
        reg.student("Amy", dad, mum)  # Dad first by priority
        reg.student("Ben", dad)  # nobody else
        for name in ("Amy", "Ben"):
            reg.mark(name, code, session=half)
    summary = start_run(each_db, clock, school_id=reg.school.id, day=MONDAY, kind=kind)
    assert [(row.contact_id, row.student_ids) for row in _outbox(each_db)] == [
        (mum.id, [reg.students["Amy"].id])]
    assert summary.skipped["no contact who can be reached"] == 1  # Ben: the call list's


def test_no_chase_goes_to_a_contact_restricted_since_the_morning(db: Database,
                                                                  clock: FakeClock) -> None:
    reg, mum = absence_sent_to_mum(db, clock)
    _restrict(db, clock, mum.id)
    clock.advance(timedelta(hours=2))
    start_run(db, clock, school_id=reg.school.id, day=MONDAY, kind="chase")
    assert [row.kind for row in _outbox(db)] == ["absence"]


def test_no_correction_goes_to_a_restricted_contact(db: Database, clock: FakeClock) -> None:
    _, mum = absence_sent_to_mum(db, clock)
    _restrict(db, clock, mum.id)
    with db.transaction() as session:
        mark = session.exec(select(Mark)).one()
        mark.code, mark.version, mark.updated_at = "/", mark.version + 1, clock.now()
        session.add(mark)
    with db.transaction() as session:
        assert send_corrections(session, clock) == 0
    assert [row.kind for row in _outbox(db)] == ["absence"]


def test_no_closure_notice_goes_to_a_restricted_contact(db: Database,
                                                        clock: FakeClock) -> None:
    reg, mum = absence_sent_to_mum(db, clock)
    _restrict(db, clock, mum.id)
    with db.transaction() as session:
        admin = StaffUser(email="admin@example.org", name="Ada Admin", role="admin")
        session.add(admin)
        session.flush()
        session.add(StaffSchool(user_id=admin.id, school_id=reg.school.id))
        done = declare_emergency_closure(session, clock, user=admin,
                                         school_id=reg.school.id or 0, note="snow")
    assert done.families_told == 0
    assert [row.kind for row in _outbox(db)] == ["absence"]


async def test_a_failed_message_is_not_carried_on_to_a_restricted_contact(
        db: Database, clock: FakeClock) -> None:
    with db.transaction() as session:
        reg = new_school(session)
        mum = reg.contact("Mum")
        dad = reg.contact("Dad", court_order=True)
        reg.student("Amy", mum, dad)
        reg.mark("Amy", "N")
    start_run(db, clock, school_id=reg.school.id, day=MONDAY, kind="absence")
    channels = {"sms": SimulatedChannel("sms", clock=clock)}
    channels["sms"].fail_next(mum.phone or "", PermanentSendError("blocked", error_code="30004"))
    sender = Dispatcher(db, clock, dict(channels))
    for _ in range(3):
        await sender.drain()
        sender.upkeep()
    assert [(row.contact_id, row.status) for row in _outbox(db)] == [(mum.id, "failed")]
    with db.transaction() as session:
        [escalation] = session.exec(select(Escalation)).all()
        assert "nowhere left to try" in escalation.why


async def test_the_dispatcher_refuses_what_was_queued_before_the_order(
        db: Database, clock: FakeClock) -> None:
    _, mum = absence_sent_to_mum(db, clock)
    with db.transaction() as session:  # a reply queued for Mum, not sent yet
        row = Outbox(school_id=mum.school_id, contact_id=mum.id, kind="reply", channel="sms",
                     to_address=mum.phone or "", body="Thank you", created_at=clock.now(),
                     next_attempt_at=clock.now())
        session.add(row)
    _restrict(db, clock, mum.id)
    sms = SimulatedChannel("sms", clock=clock)
    await Dispatcher(db, clock, {"sms": sms}).drain()
    assert sms.sent == []
    reply = _outbox(db)[-1]
    assert (reply.kind, reply.status, reply.error_code) == ("reply", "cancelled", COURT_ORDER)


def test_a_reply_from_a_restricted_contact_goes_to_a_person_and_sets_no_code(
        db: Database, clock: FakeClock, world: World, worker: InboundWorker) -> None:
    absence_message_sent(db, clock, world)
    _restrict(db, clock, world.contacts["P1"])
    store_inbound(db, clock, sender=JANE, text="Amy has a temperature, she is staying home")
    store_inbound(db, clock, sender=JANE, text="I dropped her at the gate and she is not there")
    worker.process_pending()
    with db.transaction() as session:
        codes = {m.code for m in session.exec(select(Mark))}
        statuses = {m.reason_status for m in session.exec(select(Mark))}
        escalations = session.exec(select(Escalation)).all()
        replies = session.exec(select(Outbox).where(Outbox.kind != "absence")).all()
    assert codes == {"N"} and statuses == {"unexplained"}
    assert {e.urgency for e in escalations} == {"normal", "urgent"}  # urgent rules still win
    assert any("court order" in e.why for e in escalations)
    # No reply, no holding message: staff are alerted (to their own phones), the family is not
    # written to.
    assert [row.kind for row in replies if row.contact_id is not None] == []


def test_staff_cannot_write_to_a_restricted_contact(db: Database, clock: FakeClock,
                                                    world: World) -> None:
    conversation_id = absence_message_sent(db, clock, world)
    _restrict(db, clock, world.contacts["P1"])
    with db.transaction() as session:
        olu = session.get(StaffUser, world.staff["Olu"])
        assert olu is not None
        with pytest.raises(InvalidInput, match="court order"):
            staff_actions.reply(session, clock, user=olu, conversation_id=conversation_id,
                                text="Is Amy OK?")
        with pytest.raises(InvalidInput, match="court order"):
            staff_actions.start_conversation(session, clock, user=olu,
                                             student_id=world.students["Amy"],
                                             contact_id=world.contacts["P1"])
    assert [row.kind for row in _outbox(db)] == ["absence"]


def _family_with_a_letter(db: Database, clock: FakeClock, *,
                          restricted: bool) -> tuple[int, int, CaseworkLetter]:
    """Amy at 90% (persistent), Dad first and Mum second, both with parental responsibility;
    the weekly pass has drafted her letter: (school, Dad, the letter)."""
    with db.transaction() as session:
        school = SchoolWorld(session)
        dad = school.family("Dad")
        mum = school.family("Mum")
        if restricted:
            _flag(session, dad)
        school.student("Amy", sessions(45, 5), dad, mum)
    casework_pass(db, clock, school_id=school.id, day=FRIDAY, rolling_weeks=6)
    with db.transaction() as session:
        letter = session.exec(select(CaseworkLetter)).one()
        session.expunge(letter)
    return school.id, dad, letter


def _flag(session: Session, contact_id: int) -> None:
    contact = session.get(Contact, contact_id)
    assert contact is not None
    contact.court_order = True
    session.add(contact)


def test_a_letter_goes_to_the_next_contact_with_parental_responsibility(
        db: Database, clock: FakeClock) -> None:
    _, dad, letter = _family_with_a_letter(db, clock, restricted=True)
    with db.transaction() as session:
        mum = session.exec(select(Contact).where(Contact.name == "Mum")).one()
    assert (letter.contact_id, letter.status) == (mum.id, "draft")
    assert letter.contact_id != dad


def test_a_letter_approved_before_the_order_is_withheld_with_its_note(
        db: Database, clock: FakeClock) -> None:
    school_id, dad, letter = _family_with_a_letter(db, clock, restricted=False)
    assert letter.contact_id == dad
    with db.transaction() as session:
        approve_letter(session, clock, letter_id=letter.id or 0, staff_id=_officer(session))
    _restrict(db, clock, dad)
    sent = send_approved_letters(db, clock, school_id=school_id)
    assert (sent.emailed, sent.posted, sent.notes, sent.withheld) == (0, 0, 0, 1)
    assert _outbox(db) == []
    with db.transaction() as session:
        kept = session.exec(select(CaseworkLetter)).one()
        actions = [a.action for a in session.exec(select(AuditEntry).order_by(
            col(AuditEntry.id)))]
    assert kept.status == "withheld"
    assert actions[-2:] == ["contact.court_order", "letter.withheld"]


def _officer(session: Session) -> int:
    officer = StaffUser(email="officer@example.org", name="Olu Officer")
    session.add(officer)
    session.flush()
    assert officer.id is not None
    return officer.id


def test_recording_an_order_is_audited_once(db: Database, clock: FakeClock) -> None:
    with db.transaction() as session:
        reg = new_school(session)
        dad = reg.contact("Dad")
        assert set_court_order(session, clock, dad, restricted=True, actor="staff:7")
        assert not set_court_order(session, clock, dad, restricted=True, actor="staff:7")
        entries = [(a.actor, a.action, a.old_value, a.new_value)
                   for a in session.exec(select(AuditEntry))]
    assert entries == [("staff:7", "contact.court_order", "false", "true")]


