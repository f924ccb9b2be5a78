from __future__ import annotations

import re
from collections import Counter
from datetime import UTC, date, datetime, timedelta

from argon2 import PasswordHasher
from sqlalchemy import func
from sqlmodel import col, select

from bot.settings import Settings
from scheduling.demo_morning import demo_clock, run_the_morning
from scheduling.demo_replies import REPLIES, send_family_replies
from scheduling.inbound import InboundWorker, default_engine
from store.calendar import in_quiet_hours
from store.clock import FakeClock, OffsetClock
from store.columns import parse_upn
from store.database import Database
from store.demo import create_demo, store_is_empty
from store.models.conversations import Conversation
from store.models.escalations import Escalation
from store.models.inbound import InboundEvent
from store.models.marks import Mark
from store.models.outbound import Outbox
from store.models.people import Contact, Student, StudentContact
from store.models.schools import School
from store.models.staff import StaffSchool, StaffUser
from store.schools import school_for_token


def make_demo(db: Database, clock: FakeClock) -> object:
    with db.transaction() as session:
        assert store_is_empty(session)
        summary = create_demo(session, clock, password="rollcall-demo")
        assert not store_is_empty(session)
        return summary


def test_the_demo_school_looks_like_a_real_secondary_school(
        db: Database, clock: FakeClock) -> None:
    make_demo(db, clock)
    with db.transaction() as session:
        years = Counter(session.exec(select(Student.year_group)))
        assert sum(years.values()) == 1200
        assert sorted(years, key=int) == ["7", "8", "9", "10", "11", "12", "13"]
        assert all(parse_upn(upn or "") for upn in session.exec(select(Student.upn)))
        contacts = session.exec(select(Contact)).all()
        assert len({c.language for c in contacts}) >= 12
        assert {"en", "pl", "ro", "ur", "ar", "cy", "es", "pt", "so", "bn", "pa", "lt"} <= {
            c.language for c in contacts}
        links_per_contact = Counter(session.exec(select(StudentContact.contact_id)))
        assert sum(1 for n in links_per_contact.values() if n >= 2) > 100  # siblings share
        assert not set(links_per_contact) ^ {c.id for c in contacts}  # every contact linked
        email_only = [c for c in contacts if c.email and not c.phone and not c.telegram_chat_id]
        chat_only = [c for c in contacts if c.telegram_chat_id and not c.phone and not c.email]
        assert 3 <= len(email_only) <= 40 and 3 <= len(chat_only) <= 60


def test_the_demo_uses_only_invented_phones_and_emails(db: Database, clock: FakeClock) -> None:
    make_demo(db, clock)
    with db.transaction() as session:
        contacts = session.exec(select(Contact)).all()
        school = session.exec(select(School)).one()
        staff = session.exec(select(StaffUser)).all()
    phones = [c.phone for c in contacts if c.phone] + [school.phone]
    assert phones and all(re.fullmatch(r"\+447700900\d{3}", p or "") for p in phones)
    emails = [c.email for c in contacts if c.email] + [u.email for u in staff]
    assert all(e and e.endswith("@example.org") for e in emails)


def test_todays_registers_follow_the_schools_own_date(db: Database) -> None:
    # 23:30 UTC on 1 July is already 2 July in London (BST).
    clock = FakeClock(datetime(2026, 7, 1, 23, 30, tzinfo=UTC))
    make_demo(db, clock)
    with db.transaction() as session:
        marks = session.exec(select(Mark)).all()
    assert {m.day for m in marks} == {date(2026, 7, 2)}
    codes = Counter(m.code for m in marks)
    assert codes["N"] / len(marks) == 0.06 and codes["L"] / len(marks) == 0.03
    assert {m.reason_status for m in marks if m.code == "N"} == {"unexplained"}


def test_the_demo_staff_can_sign_in_and_the_api_token_works(
        db: Database, clock: FakeClock) -> None:
    summary = make_demo(db, clock)
    with db.transaction() as session:
        staff = session.exec(select(StaffUser)).all()
        assert sorted(u.role for u in staff) == ["admin", "dsl", "officer"]
        assert all(PasswordHasher().verify(u.password_hash or "", "rollcall-demo")
                   for u in staff)
        assert session.exec(select(func.count()).select_from(StaffSchool)).one() == 3
        school = school_for_token(session, summary.api_token)  # type: ignore[attr-defined]
        assert school is not None and school.name == "Kestrel Vale Academy"


def _demo_at(db: Database, clock: FakeClock) -> tuple[date, object]:
    """The demo made at `clock`'s time: its register day and the clock the demo serves with."""
    make_demo(db, clock)
    with db.transaction() as session:
        school = session.exec(select(School)).one()
        days = set(session.exec(select(Mark.day)))
        assert len(days) == 1
        return days.pop(), demo_clock(session, school, clock)


def test_a_sunday_night_demo_is_fridays_morning_with_its_run_sent_at_once(db: Database) -> None:
    sunday_night = FakeClock(datetime(2026, 12, 6, 22, 0, tzinfo=UTC))  # quiet hours at school
    day, clock = _demo_at(db, sunday_night)
    assert day == date(2026, 12, 4)  # Friday
    assert isinstance(clock, OffsetClock)
    assert clock.now() == datetime(2026, 12, 4, 9, 30, tzinfo=UTC)  # the absence run (GMT)
    sunday_night.advance(timedelta(minutes=5))
    assert clock.now() == datetime(2026, 12, 4, 9, 35, tzinfo=UTC)  # and it runs on
    with db.transaction() as session:
        school = session.exec(select(School)).one()
        assert in_quiet_hours(school, sunday_night.now())
        assert not in_quiet_hours(school, clock.now())  # so the messages go at once
        school_id = school.id
    assert school_id is not None
    runs = run_the_morning(db, clock, school_id=school_id)
    assert [(r.kind, r.day, r.outcome) for r in runs] == [
        ("absence", day, "done"), ("late", day, "done")]
    assert runs[0].composed > 30 and runs[1].composed > 15
    with db.transaction() as session:
        rows = session.exec(select(Outbox)).all()
        assert len(rows) == runs[0].composed + runs[1].composed
        assert all(r.expires_at and r.expires_at > clock.now() for r in rows)
    again = run_the_morning(db, clock, school_id=school_id)  # a restarted demo sends nothing
    assert {r.outcome for r in again} == {"already run"}


def test_a_bank_holiday_demo_is_the_school_day_before_the_long_weekend(db: Database) -> None:
    easter_monday = FakeClock(datetime(2026, 4, 6, 11, 0, tzinfo=UTC))  # Good Friday 3 April too
    day, clock = _demo_at(db, easter_monday)
    assert day == date(2026, 4, 2)  # Maundy Thursday
    assert clock.now() == datetime(2026, 4, 2, 8, 30, tzinfo=UTC)  # 09:30 BST


def test_a_demo_at_night_or_before_school_runs_from_that_days_morning(db: Database) -> None:
    tuesday_night = FakeClock(datetime(2026, 12, 8, 21, 0, tzinfo=UTC))
    day, clock = _demo_at(db, tuesday_night)
    assert day == date(2026, 12, 8)
    assert clock.now() == datetime(2026, 12, 8, 9, 30, tzinfo=UTC)


def test_a_demo_while_school_is_on_keeps_the_real_time(db: Database) -> None:
    tuesday_morning = FakeClock(datetime(2026, 12, 8, 10, 15, tzinfo=UTC))
    day, clock = _demo_at(db, tuesday_morning)
    assert day == date(2026, 12, 8) and clock is tuesday_morning


def test_the_demo_morning_brings_family_replies_through_the_inbound_path(
        db: Database, database_url: str) -> None:
    sunday_night = FakeClock(datetime(2026, 12, 6, 22, 0, tzinfo=UTC))
    _day, clock = _demo_at(db, sunday_night)
    assert isinstance(clock, OffsetClock)
    with db.transaction() as session:
        school_id = session.exec(select(School.id)).one()
    assert school_id is not None
    run_the_morning(db, clock, school_id=school_id)
    assert send_family_replies(db, clock, school_id=school_id) == len(REPLIES)
    assert send_family_replies(db, clock, school_id=school_id) == 0  # a restart adds none
    worker = InboundWorker(database=db, clock=clock, settings=Settings(database_url=database_url),
                           engine=default_engine())
    assert worker.process_pending() == len(REPLIES)
    with db.transaction() as session:
        events = session.exec(select(InboundEvent).order_by(col(InboundEvent.id))).all()
        assert {e.status for e in events} == {"processed"}
        assert all(e.contact_id is not None for e in events)  # each a family of its own
        escalations = session.exec(select(Escalation)).all()
        by_event = {e.inbound_event_id: (e.urgency, e.intent) for e in escalations}
        assert by_event[events[0].id] == ("urgent", "in_school_dispute")  # "where is she?"
        assert by_event[events[-1].id] == ("normal", "call_request")
        assert len(session.exec(select(Conversation)).all()) == len(REPLIES)
