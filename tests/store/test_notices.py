"""Advance notices meet the register: `N` takes the reason (confirmed only where policy still
allows), present or another code drops it, through every path a register mark arrives by."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlmodel import select

from store.clock import FakeClock
from store.database import Database
from store.marks import RegisterEntry, insert_register_marks, upsert_mark
from store.models.audit import AuditEntry
from store.models.marks import AdvanceNotice, Mark
from store.models.mis import WriteBackPush
from store.models.people import Student
from store.models.schools import School
from store.notices import keep_notice, pending_notice

DAY = date(2026, 11, 24)


def _school_with_student(db: Database, auto_confirm: tuple[str, ...] = (
        "illness", "medical_appointment")) -> tuple[int, int]:
    with db.transaction() as session:
        school = School(name="Hillside Primary", auto_confirm=list(auto_confirm))
        session.add(school)
        session.flush()
        student = Student(school_id=school.id, mis_id="S1", first_name="Amy", last_name="Ash")
        session.add(student)
        session.flush()
        assert school.id is not None and student.id is not None
        return school.id, student.id


def _notice(db: Database, clock: FakeClock, school_id: int, student_id: int, session_name: str,
            *, intent: str = "medical_appointment", code: str = "M") -> None:
    with db.transaction() as session:
        keep_notice(session, clock, school_id=school_id, student_id=student_id, day=DAY,
                    register_session=session_name, intent=intent, confirm=True,
                    suggested_code=code, reason_text="hospital tomorrow", message_id=None)


def _mark(db: Database, student_id: int, session_name: str) -> Mark:
    with db.transaction() as session:
        mark = session.exec(select(Mark).where(Mark.student_id == student_id,
                                               Mark.session == session_name)).one()
        session.expunge(mark)
        return mark


def test_n_from_the_register_takes_the_notice_and_present_drops_it(db: Database) -> None:
    clock = FakeClock(datetime(2026, 11, 24, 9, 0, tzinfo=UTC))
    school_id, student_id = _school_with_student(db)
    _notice(db, clock, school_id, student_id, "AM")
    _notice(db, clock, school_id, student_id, "PM")
    with db.transaction() as session:
        upsert_mark(session, clock, school_id=school_id, actor="api",
                    entry=RegisterEntry(student_id, DAY, "AM", "N"))
        upsert_mark(session, clock, school_id=school_id, actor="api",
                    entry=RegisterEntry(student_id, DAY, "PM", "\\"))
    am, pm = _mark(db, student_id, "AM"), _mark(db, student_id, "PM")
    assert (am.code, am.reason_status, am.intent) == ("M", "confirmed", "medical_appointment")
    assert (pm.code, pm.reason_status) == ("\\", "confirmed")
    with db.transaction() as session:
        statuses = {n.session: n.status for n in session.exec(select(AdvanceNotice))}
        actions = [a.action for a in session.exec(select(AuditEntry))]
        pushes = list(session.exec(select(WriteBackPush)))
        assert pending_notice(session, student_id=student_id, day=DAY,
                              register_session="AM") is None
    assert statuses == {"AM": "applied", "PM": "dropped"}
    assert "notice.applied" in actions and "notice.dropped" in actions
    assert [p.mark_id for p in pushes] == [am.id]


def test_a_bulk_import_settles_notices_and_policy_is_asked_again(db: Database) -> None:
    clock = FakeClock(datetime(2026, 11, 24, 9, 0, tzinfo=UTC))
    school_id, student_id = _school_with_student(db, auto_confirm=("medical_appointment",))
    _notice(db, clock, school_id, student_id, "AM", intent="illness", code="I")
    with db.transaction() as session:
        insert_register_marks(session, clock, school_id=school_id, actor="import",
                              entries=[RegisterEntry(student_id, DAY, "AM", "N")])
    am = _mark(db, student_id, "AM")
    # The school no longer lets the bot confirm illness: the reason waits for a person.
    assert (am.code, am.reason_status, am.suggested_code) == ("N", "reported", "I")


def test_a_newer_notice_for_the_same_session_replaces_the_older(db: Database) -> None:
    clock = FakeClock(datetime(2026, 11, 23, 18, 0, tzinfo=UTC))
    school_id, student_id = _school_with_student(db)
    _notice(db, clock, school_id, student_id, "AM")
    _notice(db, clock, school_id, student_id, "AM", intent="illness", code="I")
    with db.transaction() as session:
        notice = pending_notice(session, student_id=student_id, day=DAY, register_session="AM")
        assert notice is not None and notice.intent == "illness"
        assert len(list(session.exec(select(AdvanceNotice)))) == 2
