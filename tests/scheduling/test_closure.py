"""A snow day declared mid-morning: the rest of the day's runs find the school closed, unsent run
messages are cancelled, uncoded sessions get Y4 (never #), and the families already messaged get
one notice in their language, through the real dispatcher to the fake Twilio on loopback."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime

import pytest
from sqlalchemy import text
from sqlmodel import Session, col, select

from channels.sms import SmsChannel
from scheduling.closure import declare_emergency_closure, plan_closure
from scheduling.runs import start_run
from store.clock import FakeClock
from store.database import Database
from store.errors import Forbidden, InvalidInput, NotFound
from store.facts import build_facts
from store.models.audit import AuditEntry
from store.models.marks import Mark
from store.models.mis import MisLink, MisPush, WriteBackPush
from store.models.outbound import Outbox
from store.models.people import Contact
from store.models.schools import School, SchoolDay
from store.models.staff import StaffSchool, StaffUser
from tests.fakes.twilio_server import FakeTwilio
from tests.scheduling.delivery import dispatcher
from tests.scheduling.families import MONDAY, Register, new_school

AT = {
    "09:40": datetime(2026, 11, 23, 9, 40, tzinfo=UTC),  # London is on GMT in November
    "10:05": datetime(2026, 11, 23, 10, 5, tzinfo=UTC),
    "10:30": datetime(2026, 11, 23, 10, 30, tzinfo=UTC),
}


def _staff(reg: Register, role: str) -> StaffUser:
    user = StaffUser(email=f"{role}@example.org", name=role.title(), role=role)
    reg.session.add(user)
    reg.session.flush()
    reg.session.add(StaffSchool(user_id=user.id, school_id=reg.school.id))
    return user


def _morning(db: Database) -> tuple[int, StaffUser, StaffUser]:
    """Amy (English family) and Bartek (Polish family) absent, Cara late, Dev present."""
    with db.transaction() as session:
        reg = new_school(session, name="Hillside Primary")
        reg.student("Amy", reg.contact("Jo Ashdown"))
        reg.student("Bartek", reg.contact("Ola Nowak", language="pl"))
        reg.student("Cara", reg.contact("Sam Ashdown"))
        reg.student("Dev", reg.contact("Raj Ashdown"))
        for name, code in (("Amy", "N"), ("Bartek", "N"), ("Cara", "L"), ("Dev", "/")):
            reg.mark(name, code)
        admin, officer = _staff(reg, "admin"), _staff(reg, "officer")
        assert reg.school.id is not None
        return reg.school.id, admin, officer


async def test_a_snow_day_mid_morning(
    db: Database, clock: FakeClock, sms: SmsChannel, twilio: FakeTwilio
) -> None:
    school_id, admin, _ = _morning(db)
    clock.set(AT["09:40"])
    start_run(db, clock, school_id=school_id, day=MONDAY, kind="absence")
    sender = dispatcher(db, clock, sms)
    assert await sender.drain() == 2  # Amy's and Bartek's families
    clock.set(AT["10:05"])
    start_run(db, clock, school_id=school_id, day=MONDAY, kind="late")  # Cara's: not sent yet
    clock.set(AT["10:30"])
    with db.transaction() as session:
        preview = plan_closure(session, clock, user=admin, school_id=school_id)
        assert preview.runs_stopped[:3] == ("catch_up:1030", "catch_up:1100", "chase")
        assert "pm_absence" in preview.runs_stopped and "late" not in preview.runs_stopped
        assert (preview.sessions_coded, preview.families_told) == (4, 2)
        done = declare_emergency_closure(
            session, clock, user=admin, school_id=school_id, note="snow"
        )
        assert (done.sessions_coded, done.families_told, done.messages_cancelled) == (4, 2, 1)

    chase = start_run(db, clock, school_id=school_id, day=MONDAY, kind="chase")
    assert chase.outcome == "not a school day: emergency"
    assert await sender.drain() == 2
    bodies = sorted(m["body"] for m in twilio.created()[2:])
    assert bodies == [
        "Hillside Primary has had to close today (Monday 23 November). You do not need to "
        "reply to this message.",
        "Hillside Primary: szkoła musiała dziś zostać zamknięta (poniedziałek, 23 listopada). "
        "Nie trzeba odpowiadać na tę wiadomość.",
    ]
    with db.transaction() as session:
        late = session.exec(select(Outbox).where(Outbox.kind == "late")).one()
        assert (late.status, late.error_code) == ("cancelled", "school closed: emergency closure")
        marks = {(m.student_id, m.session): m for m in session.exec(select(Mark))}
        y4 = [m for m in marks.values() if m.code == "Y4"]
        assert sorted(m.session for m in y4) == ["PM"] * 4  # the morning's register stands
        assert {
            (m.source, m.set_by, m.set_by_staff, m.reason_status, m.reason_text) for m in y4
        } == {("staff", f"staff:{admin.id}", True, "confirmed", "emergency closure: snow")}
        assert not [m for m in marks.values() if m.code == "#"]
        pushed = {(p.mark_id, p.mark_version) for p in session.exec(select(WriteBackPush))}
        assert pushed == {(m.id, m.version) for m in y4}  # the MIS side's webhook hears of them
        entry = session.exec(select(SchoolDay)).one()
        assert (entry.kind, entry.start, entry.note) == ("emergency", MONDAY, "snow")
        actions = {a.action for a in session.exec(select(AuditEntry))}
        assert {"calendar.add", "mark.created"} <= actions
        school = session.get(School, school_id)
        jo = session.exec(select(Contact).where(Contact.name == "Jo Ashdown")).one()
        assert school is not None
        facts = build_facts(session, contacts=[jo], school=school, now=clock.now())
        assert MONDAY in facts.closed_days  # the engine reads today as closed too


def test_a_snow_days_codes_are_queued_for_the_schools_mis(db: Database, clock: FakeClock) -> None:
    school_id, admin, _ = _morning(db)
    with db.transaction() as session:
        session.add(MisLink(school_id=school_id, provider="wonde", mis_school_id="A1930499544",
                            created_at=clock.now()))
    clock.set(AT["10:30"])
    with db.transaction() as session:
        declare_emergency_closure(session, clock, user=admin, school_id=school_id, note="snow")
    with db.transaction() as session:
        y4 = {m.id: m for m in session.exec(select(Mark).where(Mark.code == "Y4"))}
        pushes = list(session.exec(select(MisPush)))
        assert len(y4) == 4
        assert {(p.mark_id, p.code, p.session, p.status) for p in pushes} == {
            (mark_id, "Y4", "PM", "pending") for mark_id in y4}
        assert {p.comment for p in pushes} == {"rollcall: reason, confirmed by staff"}


def test_only_an_admin_of_the_school_on_a_school_day_once(db: Database, clock: FakeClock) -> None:
    school_id, admin, officer = _morning(db)
    clock.set(AT["10:30"])
    with db.transaction() as session:
        other = new_school(session, name="Other School").school.id
        with pytest.raises(Forbidden):
            plan_closure(session, clock, user=officer, school_id=school_id)
        with pytest.raises(NotFound):
            plan_closure(session, clock, user=admin, school_id=other or 0)
        declare_emergency_closure(session, clock, user=admin, school_id=school_id)
    with db.transaction() as session, pytest.raises(InvalidInput, match="already closed"):
        declare_emergency_closure(session, clock, user=admin, school_id=school_id)
    clock.set(datetime(2026, 11, 28, 10, 0, tzinfo=UTC))  # a Saturday
    with db.transaction() as session, pytest.raises(InvalidInput, match="weekend"):
        plan_closure(session, clock, user=admin, school_id=school_id)
    with db.transaction() as session:
        assert (
            len(session.exec(select(SchoolDay).where(col(SchoolDay.kind) == "emergency")).all())
            == 1
        )


def test_two_admins_closing_at_once_on_postgresql_close_once(
    postgres_url: str, db: Database, clock: FakeClock
) -> None:
    """The second waits on the closure's lock while the first composes, then is refused: one
    closure, one notice per family."""
    school_id, admin, _ = _morning(db)
    with db.transaction() as session:
        second = _staff_of(session, school_id, "second.admin@example.org")
    clock.set(AT["10:30"])
    refused: list[BaseException] = []

    def other_node() -> None:
        try:
            with db.transaction() as session:
                declare_emergency_closure(session, clock, user=second, school_id=school_id)
        except InvalidInput as error:
            refused.append(error)

    with db.transaction() as session:
        declare_emergency_closure(session, clock, user=admin, school_id=school_id)
        thread = threading.Thread(target=other_node)
        thread.start()
        deadline = time.monotonic() + 20
        while not _waiting_on_lock(db):
            assert time.monotonic() < deadline, "the other node never waited on the lock"
            time.sleep(0.02)
    thread.join(timeout=20)
    assert [str(e) for e in refused] == [
        "Hillside Primary is already closed today: an emergency closure was declared (no note)"
    ]
    with db.transaction() as session:
        assert len(session.exec(select(SchoolDay)).all()) == 1


def _staff_of(session: Session, school_id: int, email: str) -> StaffUser:
    user = StaffUser(email=email, name="Second Admin", role="admin")
    session.add(user)
    session.flush()
    session.add(StaffSchool(user_id=user.id, school_id=school_id))
    session.flush()
    return user


def _waiting_on_lock(db: Database) -> bool:
    with db.engine.connect() as connection:
        waiting = connection.execute(
            text(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                "AND query ILIKE '%pg_advisory_xact_lock%'"
            )
        ).scalar()
    return bool(waiting)
