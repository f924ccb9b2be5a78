from __future__ import annotations

import re
from collections import Counter
from datetime import UTC, date, datetime

from argon2 import PasswordHasher
from sqlalchemy import func
from sqlmodel import select

from store.clock import FakeClock
from store.columns import parse_upn
from store.database import Database
from store.demo import create_demo, store_is_empty
from store.models import Contact, Mark, School, StaffSchool, StaffUser, Student, StudentContact
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
