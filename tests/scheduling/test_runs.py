"""The daily runs: who is messaged, in one message per contact, once."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from sqlalchemy import event
from sqlmodel import Session, SQLModel, col, select

from scheduling.runs import RunConfig, start_run
from scheduling.wording import run_text
from store.clock import FakeClock
from store.database import Database
from store.models.conversations import Message
from store.models.escalations import Escalation
from store.models.marks import Mark
from store.models.outbound import Outbox, Run
from store.models.people import StudentContact
from tests.scheduling.families import MONDAY, Register, new_school


def _outbox(db: Database) -> list[Outbox]:
    with db.transaction() as session:
        return list(session.exec(select(Outbox).order_by(col(Outbox.id))))


def _register(db: Database, **school: object) -> Register:
    with db.transaction() as session:
        return _fill(session, **school)


def _fill(session: Session, **school: object) -> Register:
    reg = new_school(session, **school)
    mum, dad = reg.contact("Mum"), reg.contact("Dad", language="pl")
    reg.student("Amy", mum, dad)
    reg.student("Ben", mum, dad)
    reg.student("Cara", reg.contact("Gran", channels=["email", "sms"], email="gran@example.org"))
    reg.student("Dev", reg.contact("Nobody", no_contact=True), reg.contact("Uncle"))
    reg.student("Eve", reg.contact("Optout", opted_out=["sms"]))
    reg.student("Finn", reg.contact("Trip"))
    reg.student("Gus", reg.contact("Told"))
    for name in ("Amy", "Ben", "Cara", "Dev", "Eve"):
        reg.mark(name, "N")
    reg.mark("Finn", "V")  # on a school trip: no message
    reg.mark("Gus", "N", reason_status="reported")  # reason given yesterday covering today
    return reg


def test_one_message_per_contact_naming_siblings(db: Database, clock: FakeClock) -> None:
    reg = _register(db)
    summary = start_run(db, clock, school_id=reg.school.id, day=MONDAY, kind="absence")
    rows = _outbox(db)
    assert summary.outcome == "done" and summary.composed == 3
    by_contact = {row.contact_id: row for row in rows}
    family = by_contact[reg.contacts["Mum"].id]
    assert "Amy and Ben were marked absent" in family.body
    assert "Ashdown" not in family.body  # first names only
    assert family.channel == "sms" and family.to_address == reg.contacts["Mum"].phone
    assert family.student_ids == [reg.students['Amy'].id, reg.students['Ben'].id]
    assert by_contact[reg.contacts["Gran"].id].channel == "email"
    assert reg.contacts["Uncle"].id in by_contact  # the first contact is flagged no-contact
    assert reg.contacts["Optout"].id not in by_contact  # opted out of their only channel
    assert reg.contacts["Trip"].id not in by_contact and reg.contacts["Told"].id not in by_contact
    assert summary.per_channel == {"sms": 2, "email": 1}
    assert summary.skipped["no contact who can be reached"] == 1  # Eve: on the call list later
    assert all(row.status == "pending" and row.kind == "absence" for row in rows)
    assert all(row.expires_at is not None and row.expires_at > clock.now() for row in rows)


def test_a_landline_is_never_texted_and_its_child_waits_for_the_call_list(
        db: Database, clock: FakeClock) -> None:
    with db.transaction() as session:
        reg = new_school(session)
        # As an import stores them: a mobile in `phone`, a landline in `landline` only.
        reg.student("Amy", reg.contact("Home", phone=None, landline="+441134960000",
                                       channels=["whatsapp", "sms"], whatsapp_opt_in=True))
        reg.student("Ben", reg.contact("Both", landline="+441134960001"))
        reg.mark("Amy", "N")
        reg.mark("Ben", "N")
        school_id = reg.school.id
    assert school_id is not None
    summary = start_run(db, clock, school_id=school_id, day=MONDAY, kind="absence")
    (row,) = _outbox(db)
    assert (row.contact_id, row.channel, row.to_address) == (
        reg.contacts["Both"].id, "sms", reg.contacts["Both"].phone)
    assert summary.skipped["no contact who can be reached"] == 1  # Amy
    start_run(db, clock, school_id=school_id, day=MONDAY, kind="call_list")
    with db.transaction() as session:
        called = session.exec(select(Escalation.student_id)).all()
    assert reg.students["Amy"].id in called


def test_all_contacts_with_parental_responsibility_when_the_school_says_so(
        db: Database, clock: FakeClock) -> None:
    reg = _register(db, contact_all_with_pr=True)
    start_run(db, clock, school_id=reg.school.id, day=MONDAY, kind="absence")
    dad = [r for r in _outbox(db) if r.contact_id == reg.contacts["Dad"].id]
    assert len(dad) == 1 and dad[0].language == "pl" and "Amy" in dad[0].body


@pytest.mark.parametrize(("all_with_pr", "asked"), [
    (False, {"Unknown"}),  # first by priority, though the MIS did not say
    (True, {"Unknown", "Yes"}),  # and every known yes, never a no or another unknown
])
def test_unknown_parental_responsibility_is_asked_by_priority_but_all_with_pr_needs_a_yes(
        db: Database, clock: FakeClock, all_with_pr: bool, asked: set[str]) -> None:
    with db.transaction() as session:
        reg = new_school(session, contact_all_with_pr=all_with_pr)
        amy = reg.student("Amy").id
        for priority, (name, pr) in enumerate(
                (("No", False), ("Unknown", None), ("Yes", True), ("Unknown too", None)), 1):
            contact = reg.contact(name).id
            assert amy is not None and contact is not None
            session.add(StudentContact(student_id=amy, contact_id=contact, priority=priority,
                                       parental_responsibility=pr))
        reg.mark("Amy", "N")
        school_id, names = reg.school.id, {c.id: n for n, c in reg.contacts.items()}
    assert school_id is not None
    start_run(db, clock, school_id=school_id, day=MONDAY, kind="absence")
    assert {names[row.contact_id] for row in _outbox(db) if row.contact_id} == asked


def test_firing_a_run_twice_sends_nothing_twice(db: Database, clock: FakeClock) -> None:
    reg = _register(db)
    first = start_run(db, clock, school_id=reg.school.id, day=MONDAY, kind="absence")
    second = start_run(db, clock, school_id=reg.school.id, day=MONDAY, kind="absence")
    assert (first.outcome, second.outcome) == ("done", "already run")
    assert len(_outbox(db)) == 3
    with db.transaction() as session:
        assert len(list(session.exec(select(Run)))) == 1


def test_a_dry_run_writes_nothing(db: Database, clock: FakeClock) -> None:
    reg = _register(db)
    summary = start_run(db, clock, school_id=reg.school.id, day=MONDAY, kind="absence",
                        dry_run=True)
    assert summary.outcome == "dry run" and summary.composed == 3
    assert _outbox(db) == []
    with db.transaction() as session:
        assert list(session.exec(select(Run))) == []


def test_no_run_on_a_day_the_school_is_closed(db: Database, clock: FakeClock) -> None:
    reg = _register(db)
    summary = start_run(db, clock, school_id=reg.school.id, day=date(2026, 11, 28),
                        kind="absence")
    assert summary.outcome == "not a school day: weekend" and _outbox(db) == []


def test_late_run_asks_about_l_and_u_only(db: Database, clock: FakeClock) -> None:
    with db.transaction() as session:
        reg = new_school(session)
        mum = reg.contact("Mum")
        for name, code in (("Amy", "L"), ("Ben", "U"), ("Cara", "N"), ("Dev", "/")):
            reg.student(name, mum)
            reg.mark(name, code)
    summary = start_run(db, clock, school_id=reg.school.id, day=MONDAY, kind="late")
    (row,) = _outbox(db)
    assert summary.composed == 1 and row.kind == "late" and "Amy and Ben arrived late" in row.body


def test_afternoon_run_asks_only_about_pm_only_absences(db: Database, clock: FakeClock) -> None:
    with db.transaction() as session:
        reg = new_school(session)
        for name in ("Amy", "Ben"):
            reg.student(name, reg.contact(f"{name}'s mum"))
        reg.mark("Amy", "/")
        reg.mark("Amy", "N", session="PM")
        reg.mark("Ben", "N")  # absent all day: asked in the morning
        reg.mark("Ben", "N", session="PM")
    start_run(db, clock, school_id=reg.school.id, day=MONDAY, kind="pm_absence")
    (row,) = _outbox(db)
    assert "Amy was marked absent this afternoon" in row.body


def test_catch_up_asks_about_marks_imported_after_the_run(db: Database, clock: FakeClock) -> None:
    reg = _register(db)
    start_run(db, clock, school_id=reg.school.id, day=MONDAY, kind="absence")
    with db.transaction() as session:
        reg.session = session
        mum = reg.contacts["Mum"]
        reg.student("Hal", mum)  # Amy and Ben's brother, on a late register
        reg.mark("Hal", "N")
    summary = start_run(db, clock, school_id=reg.school.id, day=MONDAY, kind="catch_up:1000")
    again = start_run(db, clock, school_id=reg.school.id, day=MONDAY, kind="catch_up:1030")
    assert summary.composed == 1 and again.composed == 0
    latest = _outbox(db)[-1]
    assert latest.kind == "catch_up" and "Hal was marked absent" in latest.body
    assert "Amy" not in latest.body


def test_catch_up_asks_about_afternoon_marks_imported_after_the_afternoon_run(
        db: Database, clock: FakeClock) -> None:
    with db.transaction() as session:
        reg = new_school(session)
        mum = reg.contact("Mum")
        for name in ("Amy", "Ben", "Cara"):
            reg.student(name, mum)
            reg.mark(name, "/")
        reg.mark("Amy", "N", session="PM")
    start_run(db, clock, school_id=reg.school.id, day=MONDAY, kind="pm_absence")
    with db.transaction() as session:
        reg.session = session
        reg.mark("Ben", "N", session="PM")  # the afternoon register, fixed after the run
        reg.student("Dev", reg.contact("Dad"))
        reg.mark("Dev", "N")  # a late morning mark is the morning catch-up's, not this one's
    summary = start_run(db, clock, school_id=reg.school.id, day=MONDAY,
                        kind="pm_catch_up:1430")
    again = start_run(db, clock, school_id=reg.school.id, day=MONDAY, kind="pm_catch_up:1500")
    assert summary.composed == 1 and again.composed == 0
    latest = _outbox(db)[-1]
    assert latest.kind == "pm_catch_up" and latest.contact_id == reg.contacts["Mum"].id
    assert "Ben was marked absent this afternoon" in latest.body and "Amy" not in latest.body
    assert latest.student_ids == [reg.students["Ben"].id]
    morning = start_run(db, clock, school_id=reg.school.id, day=MONDAY, kind="catch_up:1500")
    assert morning.composed == 1 and "Dev was marked absent this morning" in _outbox(db)[-1].body


def test_chase_then_call_list(db: Database, clock: FakeClock) -> None:
    reg = _register(db)
    start_run(db, clock, school_id=reg.school.id, day=MONDAY, kind="absence")
    with db.transaction() as session:
        gran = reg.contacts["Gran"]
        session.add(Message(school_id=reg.school.id, contact_id=gran.id, direction="in",
                            channel="email", body="(a reply)", created_at=clock.now()))
        amy = session.exec(select(Outbox).where(Outbox.contact_id == reg.contacts["Mum"].id)
                           ).one()
        assert amy.status == "pending"
        ben_mark = session.exec(select(Mark).where(Mark.student_id == reg.students["Ben"].id)
                                ).one()
        ben_mark.reason_status = "reported"
    summary = start_run(db, clock, school_id=reg.school.id, day=MONDAY, kind="chase")
    chased = {row.contact_id: row for row in _outbox(db) if row.kind == "chase"}
    assert summary.composed == 2
    assert set(chased) == {reg.contacts["Mum"].id, reg.contacts["Uncle"].id}
    assert "still not heard why Amy is absent" in chased[reg.contacts["Mum"].id].body
    call = start_run(db, clock, school_id=reg.school.id, day=MONDAY, kind="call_list")
    with db.transaction() as session:
        escalations = list(session.exec(select(Escalation)))
    # Amy, Cara (Gran replied but no reason is recorded yet), Dev, and Eve whom nobody could reach
    assert call.escalated == 4 and {e.urgency for e in escalations} == {"normal"}
    assert {e.student_id for e in escalations} == {
        reg.students[n].id for n in ("Amy", "Cara", "Dev", "Eve")}


def test_a_chase_and_call_list_bind_no_list_of_contacts_or_children(
        db: Database, clock: FakeClock) -> None:
    # A district's chase asks after tens of thousands of contacts; SQLite binds at most 32,766
    # parameters a statement (often fewer). Here the limit is lowered so a small school is over:
    # just above the widest table's columns, so one row always fits and a list never does.
    limit = max(len(table.columns) for table in SQLModel.metadata.tables.values()) + 1
    if db.dialect == "sqlite":
        event.listen(db.engine, "connect", lambda connection, _: connection.setlimit(
            sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, limit))
        db.engine.dispose()  # every connection from here on has the limit
    families = limit + 5
    with db.transaction() as session:
        reg = new_school(session)
        for family in range(families):
            reg.student(f"Child{family}", reg.contact(f"Parent{family}"))
            reg.mark(f"Child{family}", "N")
    assert start_run(db, clock, school_id=reg.school.id, day=MONDAY,
                     kind="absence").composed == families
    chase = start_run(db, clock, school_id=reg.school.id, day=MONDAY, kind="chase")
    call = start_run(db, clock, school_id=reg.school.id, day=MONDAY, kind="call_list")
    assert (chase.composed, call.escalated) == (families, families)
    chased = {row.contact_id: row.body for row in _outbox(db) if row.kind == "chase"}
    assert "why Child7 is absent" in chased[reg.contacts["Parent7"].id]
    with db.transaction() as session:
        escalations = list(session.exec(select(Escalation)))
    assert {(e.student_id, e.contact_id, e.status) for e in escalations} == {
        (reg.students[f"Child{f}"].id, reg.contacts[f"Parent{f}"].id, "open")
        for f in range(families)}


def test_welsh_bilingual_school_writes_in_welsh_and_english(db: Database,
                                                           clock: FakeClock) -> None:
    reg = _register(db, welsh_bilingual=True, country="GB-WLS")
    start_run(db, clock, school_id=reg.school.id, day=MONDAY, kind="absence")
    rows = {row.contact_id: row for row in _outbox(db)}
    mum = rows[reg.contacts["Mum"].id]
    assert mum.language == "cy"
    assert mum.body == run_text("absence", school_name="Hillside Primary", language="cy",
                                bilingual=True, names=["Amy", "Ben"], day=MONDAY)
    assert "\n\n" in mum.body  # Welsh, a blank line, English: written through COPY unharmed


def test_names_and_addresses_are_written_exactly_as_they_are(db: Database,
                                                             clock: FakeClock) -> None:
    # PostgreSQL's rows go through COPY's text format: a tab, newline or backslash in the data
    # must arrive as it was, not split a row or vanish.
    odd = "Zoë\\Mai\tLi\r"
    with db.transaction() as session:
        reg = new_school(session)
        reg.student(odd, reg.contact("Mum", phone=None, channels=["email"],
                                     email="mum\\x\t@example.org"))
        reg.mark(odd, "N")
    start_run(db, clock, school_id=reg.school.id, day=MONDAY, kind="absence")
    (row,) = _outbox(db)
    assert f"{odd} was marked absent" in row.body and row.to_address == "mum\\x\t@example.org"


def test_a_text_over_the_sms_budget_is_refused_at_compose_time_not_cut(
        db: Database, clock: FakeClock) -> None:
    reg = _register(db, name="Hillside Primary School and Nursery Unit")
    summary = start_run(db, clock, school_id=reg.school.id, day=MONDAY, kind="absence",
                        config=RunConfig(sms_segment_budget=1))
    rows = _outbox(db)
    # Mum's text names Amy and Ben and takes two segments: refused whole, not cut to one;
    # Uncle's names only Dev and fits in one.
    by_contact = {row.contact_id: row for row in rows}
    assert reg.contacts["Mum"].id not in by_contact
    assert by_contact[reg.contacts["Uncle"].id].body.endswith("Please reply with the reason.")
    assert summary.skipped["text over the SMS segment budget"] == 2
    assert summary.composed == len(rows) == 2


def test_within_the_budget_every_text_is_written(db: Database, clock: FakeClock) -> None:
    reg = _register(db)
    summary = start_run(db, clock, school_id=reg.school.id, day=MONDAY, kind="absence",
                        config=RunConfig(sms_segment_budget=4))
    assert summary.composed == 3 and "text over the SMS segment budget" not in summary.skipped
